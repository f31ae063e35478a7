/**
 * Input the core cannot analyse at all (no rows, no key column …). Thrown, not returned: every
 * surface catches it at the top and shows `message`, which is already in the user's language.
 */
import type { Lang } from './types';
import { fill } from './i18n/messages';

const TEXT: Record<string, { zh: string; en: string }> = {
  empty: { zh: '表格是空的: 请粘贴含表头的数据', en: 'The table is empty: paste the data with its header row.' },
  no_rows: { zh: '表格只有表头, 没有数据行', en: 'The table has a header row but no data rows.' },
  no_key: {
    zh: '找不到客户编号或客户名称列。可识别的表头有: {headers}。第 {row} 行识别为: {understood}; 未识别: {unknown} (数据行不会被当作表头)',
    en: 'No customer id or customer name column was found. Headers Rapport understands: {headers}. Row {row} was read as: {understood}; not understood: {unknown} (a data row is never taken as the header).',
  },
  not_transactions: {
    zh: '这不是交易流水: 需要客户编号、日期和金额 (或数量和单价) 列。可识别的表头有: {headers}',
    en: 'This is not a transaction log: it needs a customer id, a date and an amount (or quantity and unit price) column. Headers Rapport understands: {headers}',
  },
  bad_as_of: { zh: '分析日期 "{value}" 不是 YYYY-MM-DD 格式的日期', en: 'The analysis date "{value}" is not a date of the form YYYY-MM-DD.' },
};

export class AnalyzeError extends Error {
  constructor(
    readonly code: string,
    lang: Lang,
    params: Record<string, unknown> = {},
  ) {
    super(fill(TEXT[code]?.[lang] ?? code, params));
    this.name = 'AnalyzeError';
  }
}
