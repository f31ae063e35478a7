/**
 * Words for row errors and notices, in zh-CN and en, for a sales manager rather than a programmer.
 * Templates use `{name}` placeholders filled from params.
 */
import type { Lang, RowError } from '../types';
import type { SettingsProblem, SettingsProblemCode } from '../settings';
import { shortText } from '../ingest/normalize-text';

type Templates = Record<string, { zh: string; en: string }>;

/** Reasons a cell or row was not taken (RowError.reason). */
export const ERROR_TEXT: Templates = {
  no_key: { zh: '没有客户编号或名称', en: 'has no customer id or name' },
  no_customer: { zh: '没有客户编号, 无法归属到客户', en: 'has no customer id, so it cannot be credited to a customer' },
  not_a_number: { zh: '不是数字', en: 'is not a number' },
  negative: { zh: '不能为负数', en: 'must not be negative' },
  not_a_date: { zh: '不是日期', en: 'is not a date' },
  no_date: { zh: '缺少日期', en: 'has no date' },
  no_amount: { zh: '缺少金额', en: 'has no amount' },
  not_a_level: { zh: '不是五级满意度之一 (高度满意/一般满意/无意见/有些不满意/极不满意 或 1–5)', en: 'is not one of the five satisfaction levels (very satisfied … very dissatisfied, or 1–5)' },
  not_high_low: { zh: '应为 高/中/低', en: 'should be high, medium or low' },
  bad_email: { zh: '不是邮箱地址', en: 'is not an email address' },
  share_range: { zh: '不是 0–100% 之间的份额', en: 'is not a share between 0 and 100%' },
  future_date: { zh: '晚于分析日期', en: 'is after the analysis date' },
  implausible_date: { zh: '不是合理的日期 (早于 1900 年或晚于今天一年以上)', en: 'is not a plausible date (before 1900, or more than a year from today)' },
  too_large: { zh: '数值过大 (超过 10^15), 不是合理的金额或数量', en: 'is too large to be an amount or count (above 10^15)' },
  too_small: { zh: '数值过小 (非零但小于 10^-9), 不是合理的金额或数量', en: 'is too small to be an amount or count (not 0, but below 10^-9)' },
};

/** Notices: what the core did that the user should know. */
export const NOTICE_TEXT: Templates = {
  title_rows: { zh: '表头在第 {header} 行, 上面 {rows} 行 (标题等) 已跳过', en: 'the header is row {header}; the {rows} rows above it (a title) were skipped' },
  skipped_blank: { zh: '第 {row} 行为空行, 已跳过', en: 'row {row} is blank and was skipped' },
  skipped_header: { zh: '第 {row} 行是重复的表头, 已跳过', en: 'row {row} repeats the header and was skipped' },
  skipped_totals: { zh: '第 {row} 行是合计行, 已跳过 (计入客户会扭曲所有占比)', en: 'row {row} is a totals row and was skipped (counted as a customer it would distort every share)' },
  duplicate_key: { zh: '客户 "{key}" 出现在多行 ({rows}), 已合并', en: 'customer "{key}" appears on several rows ({rows}) and was merged' },
  duplicate_column: { zh: '列 "{header}" 与前面的列同为 {field}, 使用前一列', en: 'column "{header}" is also {field}; the earlier column is used' },
  unknown_headers: { zh: '未识别的列 (未参与分析): {headers}', en: 'columns not recognised (not analysed): {headers}' },
  day_order: { zh: '列 "{header}" 的日期按 {order} 理解', en: 'dates in column "{header}" read as {order}' },
  day_order_conflict: { zh: '列 "{header}" 中日/月顺序前后矛盾, 按 {order} 理解, 请检查', en: 'column "{header}" mixes day/month orders; read as {order} — please check' },
  part_dropped: { zh: '表中没有 {part} 的数据, 价值评分不含此项, 其余权重按比例放大', en: 'the table has no data for {part}; the value score leaves it out and scales the other weights up' },
  as_of_default: { zh: '分析日期取数据中最晚的日期 {asOf}', en: 'analysis date is the latest date in the data, {asOf}' },
  as_of_none: { zh: '数据中没有日期, 分析日期取 {asOf}', en: 'the data has no dates; analysis date {asOf}' },
  transactions: { zh: '识别为交易流水: {rows} 行汇总为 {customers} 个客户', en: 'read as a transaction log: {rows} rows summarised into {customers} customers' },
  cancellations: { zh: '{count} 行为退货/取消 (负数量或单号以 C 开头), 已从销售额中扣减', en: '{count} rows are cancellations or returns (negative quantity, or an invoice starting with C) and reduce revenue' },
  future_rows: { zh: '{count} 个购买日或退货晚于分析日期 {asOf}, 不计入本期', en: '{count} purchase days or returns are dated after the analysis date {asOf} and are not counted in the period' },
  after_as_of: { zh: '{count} 行晚于分析日期 {asOf}, 已跳过 (结果与截至该日的流水相同)', en: '{count} rows are dated after the analysis date {asOf} and were skipped (the result is that of the log up to that date)' },
  previous_period_unknown: { zh: '流水从 {first} 开始, 没有覆盖上期 (自 {from} 起), 上期销售额记为未知而不是 0', en: 'the log begins on {first}, after the start of the previous period ({from}), so previous revenue is unknown, not zero' },
  settings_problem: { zh: '设置 {path}: {message} (使用默认值)', en: 'setting {path}: {message} (default used)' },
  encoding: { zh: '文件按 {encoding} 编码读取', en: 'the file was read as {encoding}' },
  encoding_mixed: {
    zh: '文件按 {encoding} 编码读取, 但只有 {percent}% 的非英文行符合该编码, 请检查文字是否乱码',
    en: 'the file was read as {encoding}, but only {percent}% of its non-ASCII lines fit that encoding; check the text for garbled characters',
  },
  encoding_lines: { zh: '第 {lines} 行 (共 {count} 行) 不是文件的编码, 已按 {encoding} 读取, 请检查', en: 'line {lines} ({count} in all) is not in the file\'s encoding and was read as {encoding}; please check' },
  stray_quote: {
    zh: '第 {row} 行第 {column} 列有一个没有闭合的引号, 已按普通字符读取 (否则其后 {swallowed} 行会并入这一格), 请检查该行',
    en: 'row {row}, column {column} has a quote that is never closed; it was read as an ordinary character (otherwise the next {swallowed} rows would have merged into that cell) — please check that row',
  },
  model_problem: { zh: '概率模型未拟合: {message}', en: 'probabilistic model not fitted: {message}' },
  model_used: { zh: '购买概率模型: {why}', en: 'purchase model: {why}' },
};

/**
 * Fill a template's `{name}` placeholders: what template.replace(/\{(\w+)\}/g, …) gives, a
 * placeholder without a parameter left as it is. Each template is cut into its text and its
 * placeholders once, not searched by a regular expression every time: an export of a million
 * customers fills a template for every reason of every customer.
 */
export function fill(template: string, params: Record<string, unknown> = {}): string {
  const p = piecesOf(template);
  let out = p[0]!;
  for (let i = 1; i < p.length; i += 2) {
    const k = p[i]!;
    out += (k in params ? String(params[k]) : `{${k}}`) + p[i + 1]!;
  }
  return out;
}

/** Templates cut so far: text, name, text, name, …, text. */
const PIECES = new Map<string, string[]>();
/** Templates are a fixed set; text given as a template beyond this many is cut every time, not kept. */
const MAX_TEMPLATES = 4096;

function piecesOf(template: string): string[] {
  let p = PIECES.get(template);
  if (p !== undefined) return p;
  p = [];
  const placeholder = /\{(\w+)\}/g;
  let last = 0;
  for (let m = placeholder.exec(template); m !== null; m = placeholder.exec(template)) {
    p.push(template.slice(last, m.index), m[1]!);
    last = m.index + m[0].length;
  }
  p.push(template.slice(last));
  if (PIECES.size < MAX_TEMPLATES) PIECES.set(template, p);
  return p;
}

/** The text of an error code in a language (falls back to the code itself). */
export function errorReason(lang: Lang, code: string): string {
  return ERROR_TEXT[code]?.[lang] ?? code;
}

/** A notice's message in a language. */
export function noticeText(lang: Lang, code: string, params: Record<string, unknown> = {}): string {
  const t = NOTICE_TEXT[code];
  return t ? fill(t[lang], params) : code;
}

/**
 * One line per row error, as a sales manager reads it (a long value cut to 60 characters and '…'):
 * "第 12 行: 销售额 '12o0' 不是数字" / "row 12: revenue '12o0' is not a number".
 */
export function formatRowError(lang: Lang, e: RowError): string {
  const reason = e.reason || errorReason(lang, e.code);
  const what = [e.column, e.value !== undefined && e.value !== '' ? `'${shortText(e.value)}'` : ''].filter(Boolean).join(' ');
  return lang === 'zh' ? `第 ${e.row} 行: ${what ? `${what} ` : ''}${reason}` : `row ${e.row}: ${what ? `${what} ` : ''}${reason}`;
}

/** What is wrong with a setting (SettingsProblem.code). */
export const SETTINGS_PROBLEM_TEXT: Record<SettingsProblemCode, { zh: string; en: string }> = {
  not_object: { zh: '设置应为 JSON 对象', en: 'settings must be an object' },
  unknown: { zh: '未知的设置项, 已忽略', en: 'unknown setting, ignored' },
  not_group: { zh: '应为一组设置', en: 'must be a group of settings' },
  not_number: { zh: '应为数字', en: 'must be a number' },
  not_unit: { zh: '应为 {words} 之一', en: 'must be one of {words}' },
  negative: { zh: '不能为负数', en: 'must not be negative' },
  no_weight: { zh: '至少一个权重要大于 0', en: 'at least one weight must be above 0' },
  not_fraction: { zh: '应在 0 到 1 之间', en: 'must be between 0 and 1' },
  above: { zh: '不能大于 {other}', en: 'must not exceed {other}' },
  pyramid_order: { zh: '应递增: 铂金 ≤ 黄金 ≤ 铁 ≤ 1', en: 'must rise: platinum ≤ gold ≤ iron ≤ 1' },
  credit_order: { zh: '应递减: 优 ≥ 良 ≥ 中 ≥ 差', en: 'grades must fall: excellent ≥ good ≥ fair ≥ poor' },
  not_days: { zh: '应为大于 0 的天数, 或留空', en: 'must be a number of days above 0, or empty' },
  not_positive: { zh: '应大于 0', en: 'must be above 0' },
};

/** What is wrong with a setting, in a language (without its path). */
export function settingsProblemText(lang: Lang, p: SettingsProblem): string {
  const t = SETTINGS_PROBLEM_TEXT[p.code];
  return t ? fill(t[lang], p.params ?? {}) : p.code;
}

/** A settings problem as one line: "tiers.a: must be between 0 and 1" / "设置 tiers.a: 应在 0 到 1 之间". */
export function formatSettingsProblem(lang: Lang, p: SettingsProblem): string {
  const what = settingsProblemText(lang, p);
  return p.path ? `${p.path}: ${what}` : what;
}
