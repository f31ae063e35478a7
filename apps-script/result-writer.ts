/**
 * Write the result columns beside the user's data ("Compute tiers"):
 * - our columns are found by their "Rapport · " headers wherever they are (a rerun rewrites only
 *   them, even after the user moved them); missing ones are appended right of the data;
 * - a user's own column is never written to;
 * - the number of Spreadsheet calls depends on how many runs of adjacent columns we own (one
 *   setValues per run, one in the usual case), never on the number of rows.
 */
import type { Analysis, Customer, Lang } from '../shared/types';
import { formatRowError } from '../shared/i18n/messages';
import type { ResultColumn } from '../shared/result-columns';
import { ownFieldOfHeader, ownHeader } from './own-columns';

export type CellOut = string | number | boolean | null;

export interface ColumnPlan {
  /** 0-based sheet column of each column to write, in `columns` order. */
  positions: number[];
  /** 0-based columns of the sheet that hold our results (left out of the analysis). */
  owned: Set<number>;
  /** How many columns must be appended right of the data. */
  appended: number;
  /** Our columns from an earlier run that this run does not write (cleared, header included). */
  stale: number[];
}

/**
 * Where each result column goes: its existing "Rapport · " column when there is one (the first, if
 * the header repeats), else a new column appended after the last used one.
 */
export function planColumns(header: readonly unknown[], columns: readonly ResultColumn[]): ColumnPlan {
  const found = new Map<string, number>();
  const owned = new Set<number>();
  header.forEach((h, j) => {
    const f = ownFieldOfHeader(h);
    if (f !== null) {
      owned.add(j);
      if (!found.has(f)) found.set(f, j);
    }
  });
  let next = header.length;
  let appended = 0;
  const positions = columns.map((c) => {
    const at = found.get(c.field);
    if (at !== undefined) return at;
    appended++;
    return next++;
  });
  const used = new Set(positions);
  const stale = [...owned].filter((j) => !used.has(j)).sort((x, y) => x - y);
  return { positions, owned, appended, stale };
}

/**
 * Result cells for every sheet row, aligned with the sheet: the headers on the analysis's header
 * row (below a report title when the sheet has one; the title rows get empty cells), a customer's
 * values on each of its rows, a rejected row's errors and a skipped row's notice in the note column.
 */
export function resultRows(rowCount: number, analysis: Analysis, columns: readonly ResultColumn[], lang: Lang): CellOut[][] {
  const width = columns.length;
  const noteAt = columns.findIndex((c) => c.field === 'note');
  const out: CellOut[][] = new Array(rowCount);
  const headerAt = Math.min(Math.max((analysis.headerRow ?? 1) - 1, 0), rowCount - 1);
  for (let i = 0; i < headerAt; i++) out[i] = new Array<CellOut>(width).fill('');
  out[headerAt] = columns.map((c) => ownHeader(c, lang));
  const byRow = new Array<Customer | undefined>(rowCount);
  for (const c of analysis.customers) for (const r of c.rows) if (r > headerAt + 1 && r <= rowCount) byRow[r - 1] = c;
  const notes = new Map<number, string[]>();
  const addNote = (row: number, text: string) => {
    const list = notes.get(row);
    if (list) list.push(text);
    else notes.set(row, [text]);
  };
  for (const e of analysis.errors) addNote(e.row, formatRowError(lang, e));
  // a blank row gets no note: rows the user emptied (below the data) must end up empty again
  for (const n of analysis.notices) if (n.row !== undefined && n.code !== 'skipped_blank') addNote(n.row, n.message);
  const cache = new Map<Customer, CellOut[]>();
  for (let i = headerAt + 1; i < rowCount; i++) {
    const c = byRow[i];
    let cells: CellOut[];
    if (c) {
      let base = cache.get(c);
      if (!base) {
        base = columns.map((col) => col.value(c, lang));
        cache.set(c, base);
      }
      cells = base.slice();
    } else cells = new Array<CellOut>(width).fill(null);
    const note = notes.get(i + 1);
    if (note && noteAt >= 0) cells[noteAt] = note.join('; ');
    for (let j = 0; j < width; j++) if (cells[j] === null || cells[j] === undefined) cells[j] = '';
    out[i] = cells;
  }
  return out;
}

/**
 * Text that Sheets would turn into a formula, a number or a boolean is written as text (a leading
 * apostrophe, which Sheets hides): "=HYPERLINK(…)" in a customer name stays a name, id "000123"
 * keeps its zeros. ISO dates ("2026-03-01") are left to become date cells.
 */
export function asText(v: CellOut): CellOut {
  if (typeof v !== 'string' || v === '') return v;
  if (/^[=+\-@']/.test(v) || /^\s*[-+]?(\d[\d,]*)?\.?\d+(e[-+]?\d+)?%?\s*$/i.test(v) || /^\s*(true|false)\s*$/i.test(v)) return `'${v}`;
  return v;
}

/** The part of a Sheet the writer uses (an Apps Script Sheet is one). */
export interface WritableSheet {
  getMaxColumns(): number;
  insertColumnsAfter(afterPosition: number, howMany: number): unknown;
  getRange(row: number, column: number, numRows: number, numColumns: number): { setValues(values: unknown[][]): unknown };
}

/**
 * Write `rows` (header + data, all `columns` wide) into the planned sheet columns: one setValues
 * per run of adjacent target columns.
 */
export function writeColumns(sheet: WritableSheet, plan: ColumnPlan, rows: CellOut[][]): void {
  const need = Math.max(...plan.positions) + 1;
  const maxCols = sheet.getMaxColumns();
  if (need > maxCols) sheet.insertColumnsAfter(maxCols, need - maxCols);
  // runs of adjacent sheet columns, each with the result-column indexes it takes
  const order = [...plan.positions.map((p, k) => ({ p, k })), ...plan.stale.map((p) => ({ p, k: -1 }))].sort((x, y) => x.p - y.p);
  const runs: { start: number; ks: number[] }[] = [];
  for (const { p, k } of order) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.ks.length === p) last.ks.push(k);
    else runs.push({ start: p, ks: [k] });
  }
  for (const run of runs) {
    const block: CellOut[][] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const src = rows[i]!;
      const line: CellOut[] = new Array(run.ks.length);
      for (let x = 0; x < run.ks.length; x++) {
        const k = run.ks[x]!;
        line[x] = k < 0 ? '' : asText(src[k]!);
      }
      block[i] = line;
    }
    sheet.getRange(1, run.start + 1, rows.length, run.ks.length).setValues(block);
  }
}
