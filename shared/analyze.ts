/**
 * The one entry point every surface calls: a pasted table in, every
 * method §1–§10 result out, with the reasons behind each number. Deterministic: the same table
 * and options give the same Analysis, and the order of the rows changes no result.
 */
import type { Analysis, AnalyzeOptions, Column, Customer, LazyAnalysis, Lang, Notice, RowError, TableKind } from './types';
import type { PurchaseHistory } from './model/purchase-history';
import { resolveSettings, type Settings } from './settings';
import { noticeText, settingsProblemText } from './i18n/messages';
import { label } from './i18n/labels';
import { COMMON } from './i18n/texts';
import { AnalyzeError } from './analyze-error';
import { matchHeaders, type HeaderMatch } from './ingest/headers';
import { headerNotices } from './ingest/header-notices';
import { findHeaderRow, noHeaderError } from './ingest/find-header-row';
import { detectKind } from './ingest/detect-kind';
import { readCustomers, type RowCounts } from './ingest/read-customers';
import { summarizeTransactions } from './ingest/read-transactions';
import type { CustomerInput } from './ingest/customer-input';
import { dayToIso, isoToDay, todayDay } from './ingest/parse-date';
import { scoreTable } from './score-customers';
import { scoredList } from './customer-list';
import { TableHandover } from './table-handover';
import { SummaryTally } from './summary';
import { fitForAnalysis, fitTableForAnalysis } from './model/model-figures';
import { noTiersNotice } from './i18n/no-tier';

export { detectKind, findHeaderRow };

/** In a customer table, a lone date column (日期, Date) is the last purchase. */
function asCustomerColumns(columns: Column[]): Column[] {
  if (columns.some((c) => c.field === 'last_purchase')) return columns;
  return columns.map((c) => (c.field === 'date' ? { ...c, field: 'last_purchase' } : c));
}

/** Analyse a pasted table: table[0] is the header row; cells as CSV or Sheets' getValues() give them. */
export function analyze(table: unknown[][], options: AnalyzeOptions = {}): Analysis {
  const kept: Customer[] = [];
  const a = analyzeTable(table, options, kept);
  return { ...a, customers: kept };
}

/**
 * The same analysis with its customers built on demand (a CustomerList): the summary counts each
 * customer as it is built and lets it go, so a million customers are never all held at once.
 */
export function analyzeLazily(table: unknown[][] | TableHandover, options: AnalyzeOptions = {}): LazyAnalysis {
  return analyzeTable(table, options, null);
}

/** What the analysis keeps of a table once it has read it. */
interface TableRead {
  kind: TableKind;
  start: number;
  match: HeaderMatch;
  columns: Column[];
  inputs: CustomerInput[];
  histories: PurchaseHistory[] | null;
  rows: RowCounts;
  errors: RowError[];
  asOfDay: number;
}

/** The analysis; `keep`, when given, receives every customer as the summary counts it. */
function analyzeTable(input: unknown[][] | TableHandover, options: AnalyzeOptions, keep: Customer[] | null): LazyAnalysis {
  const lang: Lang = options.lang ?? 'en';
  const { settings, problems } = resolveSettings(options.settings ?? null);
  const notices: Notice[] = problems.map((p) => ({ code: 'settings_problem', message: noticeText(lang, 'settings_problem', { path: p.path, message: settingsProblemText(lang, p) }) }));
  // Read in a function of its own, so that nothing here holds a handed-over table once it is read.
  const { kind, start, match, columns, inputs, histories, rows, errors, asOfDay } = readTable(input, options, settings, notices);

  // The purchase model: on a log's histories, or on a table's orders, first and last purchase.
  const fitting = options.model !== false && inputs.length > 0;
  const model = !fitting ? null : histories ? fitForAnalysis(histories, asOfDay, settings, lang) : fitTableForAnalysis(inputs, asOfDay, settings, lang);
  if (model && !model.ok) notices.push({ code: 'model_problem', message: noticeText(lang, 'model_problem', { message: model.message }) });
  if (model?.ok) notices.push({ code: 'model_used', message: noticeText(lang, 'model_used', { why: model.why }) });
  if (model?.ok) for (const w of model.summary.warnings as string[]) notices.push({ code: 'model_warning', message: w });
  const useProfit = columns.some((c) => c.field === 'profit') || (inputs.length > 0 && inputs.every((c) => c.profit !== null));
  const scored = scoreTable(inputs, asOfDay, settings, useProfit, model?.ok ? model.figures : null);
  if (scored.droppedParts.length)
    notices.push({ code: 'part_dropped', message: noticeText(lang, 'part_dropped', { part: scored.droppedParts.map((p) => label(lang, 'part', p)).join(COMMON[lang].list) }) });
  if (!scored.tiered) notices.push(noTiersNotice(lang));
  const tally = new SummaryTally(settings);
  for (let i = 0; i < scored.count; i++) {
    const c = scored.customerAt(i);
    tally.add(c);
    keep?.push(c);
  }
  const summary = tally.result({
    asOf: dayToIso(asOfDay),
    rows,
    metric: useProfit ? 'profit' : 'revenue',
    pyramid: scored.pyramid,
    settings,
    model: model?.ok ? model.summary : undefined,
  });
  summary.churnRisk.typicalRepeatDays = scored.typicalInterval;
  const customers = scoredList(scored, inputs, model?.ok === true && model.figures.size > 0, tally.fromModel);
  return { kind, headerRow: start, columns, unknownHeaders: match.unknown, customers, errors, notices, summary, settings: settings as Settings };
}

/** Everything that needs the table's cells: its header, its kind and its customers (or log). */
function readTable(input: unknown[][] | TableHandover, options: AnalyzeOptions, settings: Settings, notices: Notice[]): TableRead {
  const lang: Lang = options.lang ?? 'en';
  const table = input instanceof TableHandover ? input.take() : input;
  if (!Array.isArray(table) || table.length === 0 || !Array.isArray(table[0])) throw new AnalyzeError('empty', lang);
  const headerIndex = findHeaderRow(table);
  if (headerIndex < 0) throw noHeaderError(table, lang);
  const start = headerIndex + 1;
  const match = matchHeaders(table[headerIndex]!);
  let columns = match.columns;
  if (table.length <= start) throw new AnalyzeError('no_rows', lang);
  if (headerIndex > 0) notices.push({ code: 'title_rows', message: noticeText(lang, 'title_rows', { rows: headerIndex, header: start }) });
  notices.push(...headerNotices(match, lang));
  if (match.unknown.length) notices.push({ code: 'unknown_headers', message: noticeText(lang, 'unknown_headers', { headers: match.unknown.join(', ') }) });

  let asOfOption: number | undefined;
  if (options.asOf !== undefined) {
    const d = isoToDay(options.asOf);
    if (d === null) throw new AnalyzeError('bad_as_of', lang, { value: options.asOf });
    asOfOption = d;
  }

  const kind = detectKind(table, columns, start);
  if (kind === 'customers') columns = asCustomerColumns(columns);
  let inputs: CustomerInput[];
  let errors: RowError[];
  let histories: PurchaseHistory[] | null = null;
  let rows: RowCounts;
  let asOfDay: number;
  if (kind === 'transactions') {
    const t = summarizeTransactions(table, columns, lang, { asOf: options.asOf, periodDays: settings.periodDays, start });
    inputs = t.inputs;
    histories = t.histories;
    rows = t.rows;
    errors = t.errors;
    notices.push(...t.notices);
    asOfDay = isoToDay(t.asOf)!;
    if (t.asOfFromData) notices.push({ code: 'as_of_default', message: noticeText(lang, 'as_of_default', { asOf: t.asOf }) });
  } else {
    const r = readCustomers(table, asCustomerColumns(columns), lang, start);
    inputs = r.inputs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    rows = r.rows;
    errors = r.reader.errors;
    notices.push(...r.notices);
    if (asOfOption !== undefined) asOfDay = asOfOption;
    else {
      const latest = latestDay(inputs);
      asOfDay = latest ?? todayDay();
      notices.push({ code: latest === null ? 'as_of_none' : 'as_of_default', message: noticeText(lang, latest === null ? 'as_of_none' : 'as_of_default', { asOf: dayToIso(asOfDay) }) });
    }
  }
  return { kind, start, match, columns, inputs, histories, rows, errors, asOfDay };
}

function latestDay(inputs: readonly CustomerInput[]): number | null {
  let best: number | null = null;
  for (const c of inputs) {
    for (const d of [c.lastPurchase, c.lastContact, c.firstPurchase]) if (d !== null && (best === null || d > best)) best = d;
  }
  return best;
}
