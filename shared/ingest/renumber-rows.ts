/**
 * A later part of a table read by a reader of its own numbers its rows from the part's start; the
 * reader of the rows before it numbers them on (CustomerTableReader.absorb, LogColumnsReader.absorb).
 */
import { noticeText } from '../i18n/messages';
import type { Lang, Notice, RowError } from '../types';

/** The part's row errors, their rows numbered on from `rowsBefore`. */
export function renumberedErrors(errors: readonly RowError[], rowsBefore: number): RowError[] {
  return errors.map((e) => ({ ...e, row: e.row + rowsBefore }));
}

/** The part's notices; those that name a row (a skipped row's) said again with its number in the whole table. */
export function renumberedNotices(notices: readonly Notice[], rowsBefore: number, lang: Lang): Notice[] {
  return notices.map((n) => (n.row === undefined ? n : { ...n, row: n.row + rowsBefore, message: noticeText(lang, n.code, { row: n.row + rowsBefore }) }));
}
