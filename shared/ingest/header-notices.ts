/**
 * What the user is told about the header row: a column not used because another column already
 * names its field, and which amount column was chosen when an ERP line carries both a
 * tax-exclusive and a tax-inclusive total, or a cost and a sales price (method §1: every choice
 * shown, nothing silently dropped).
 */
import type { Lang, Notice } from '../types';
import { fill, noticeText } from '../i18n/messages';
import { fieldWord, type HeaderMatch } from './headers';

const PREFERRED = {
  zh: '{field}取自 "{kept}", 未使用 "{header}" (优先取含税合计, 其次销售金额/销售单价)',
  en: '{field} is read from "{kept}", not "{header}" (a tax-included total comes first, then the sales amount or price)',
};

/** One notice per column not used: `preferred_column` when a PREFERRED_HEADERS column won, else `duplicate_column`. */
export function headerNotices(match: HeaderMatch, lang: Lang): Notice[] {
  return match.duplicates.map((d) =>
    d.preferred
      ? { code: 'preferred_column', message: fill(PREFERRED[lang], { field: fieldWord(d.field, lang), kept: d.kept, header: d.header }) }
      : { code: 'duplicate_column', message: noticeText(lang, 'duplicate_column', { header: d.header, field: d.field }) },
  );
}
