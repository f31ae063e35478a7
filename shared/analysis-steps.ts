/**
 * The steps of an analysis that both ways of reading a table share — the whole table at once
 * (analyze.ts) or a batch of rows at a time (row-stream-analysis.ts): the header and its notices,
 * the analysis date, a customer table's read customers, then the model, the rules and the summary.
 */
import type { AnalyzeOptions, Column, Customer, LazyAnalysis, Lang, Notice, RowError, TableKind } from './types';
import type { RfmTableSummary } from './model/summarize-rfm';
import { resolveSettings, type Settings } from './settings';
import { noticeText, settingsProblemText } from './i18n/messages';
import { label } from './i18n/labels';
import { COMMON } from './i18n/texts';
import { AnalyzeError } from './analyze-error';
import { matchHeaders, type HeaderMatch } from './ingest/headers';
import { headerNotices } from './ingest/header-notices';
import { findHeaderRow, noHeaderError } from './ingest/find-header-row';
import type { ReadResult, RowCounts } from './ingest/read-customers';
import type { TransactionRead } from './ingest/read-transactions';
import { allPresent, type CustomerColumns } from './ingest/customer-columns';
import { dayToIso, isoToDay, todayDay } from './ingest/parse-date';
import { scoredTable, tableRules } from './score-customers';
import { scoredList } from './customer-list';
import { SummaryTally } from './summary';
import { startLogFit, startTableFit } from './model/model-figures';
import { FIT_HERE, type PurchaseFitter } from './model/purchase-fitter';
import { noTiersNotice } from './i18n/no-tier';
import { appendAll } from './append-all';

/** In a customer table, a lone date column (日期, Date) is the last purchase. */
export function asCustomerColumns(columns: Column[]): Column[] {
  if (columns.some((c) => c.field === 'last_purchase')) return columns;
  return columns.map((c) => (c.field === 'date' ? { ...c, field: 'last_purchase' } : c));
}

/** What the analysis keeps of a table once it has read it. */
export interface TableRead {
  kind: TableKind;
  start: number;
  match: HeaderMatch;
  columns: Column[];
  /** The customers' inputs, in key order. */
  customers: CustomerColumns;
  /** A log's summary for the purchase model (null for a customer table, or without the model). */
  rfm: RfmTableSummary | null;
  rows: RowCounts;
  errors: RowError[];
  asOfDay: number;
}

/** The settings and the notices they start with. */
export function settingsOf(options: AnalyzeOptions): { settings: Settings; notices: Notice[] } {
  const lang: Lang = options.lang ?? 'en';
  const { settings, problems } = resolveSettings(options.settings ?? null);
  const notices: Notice[] = problems.map((p) => ({ code: 'settings_problem', message: noticeText(lang, 'settings_problem', { path: p.path, message: settingsProblemText(lang, p) }) }));
  return { settings, notices };
}

/** The model, the rules and the summary over what was read. */
export function finishAnalysis(read: TableRead, options: AnalyzeOptions, settings: Settings, notices: Notice[], keep: Customer[] | null, fitter: PurchaseFitter = FIT_HERE): LazyAnalysis {
  const lang: Lang = options.lang ?? 'en';
  const { kind, start, match, columns, customers: inputs, rfm, rows, errors, asOfDay } = read;

  // The purchase model: on a log's purchase days, or on a table's orders, first and last purchase.
  // Its two fits are started (a fitter may run them on another thread) before the table-wide
  // rules, which need no model, and waited for after them.
  const fitting = options.model !== false && inputs.count > 0;
  const pending = !fitting ? null : kind === 'transactions' ? (rfm ? startLogFit(rfm, asOfDay, settings, lang, fitter) : null) : startTableFit(inputs, asOfDay, settings, lang, fitter);
  const useProfit = columns.some((c) => c.field === 'profit') || allPresent(inputs.num.profit, inputs.count);
  const rules = tableRules(inputs, asOfDay, settings, useProfit);
  const model = pending ? pending() : null;
  if (model && !model.ok) notices.push({ code: 'model_problem', message: noticeText(lang, 'model_problem', { message: model.message }) });
  if (model?.ok) notices.push({ code: 'model_used', message: noticeText(lang, 'model_used', { why: model.why }) });
  if (model?.ok) for (const w of model.summary.warnings as string[]) notices.push({ code: 'model_warning', message: w });
  const scored = scoredTable(inputs, asOfDay, settings, rules, model?.ok ? model.figures : null);
  if (scored.droppedParts.length)
    notices.push({ code: 'part_dropped', message: noticeText(lang, 'part_dropped', { part: scored.droppedParts.map((p) => label(lang, 'part', p)).join(COMMON[lang].list) }) });
  if (!scored.tiered) notices.push(noTiersNotice(lang));
  const tally = new SummaryTally(settings);
  // Kept customers are built whole; otherwise the summary takes only what it counts of each.
  if (keep)
    for (let i = 0; i < scored.count; i++) {
      const c = scored.customerAt(i);
      tally.add(c);
      keep.push(c);
    }
  else for (let i = 0; i < scored.count; i++) tally.add(scored.factsAt(i));
  const summary = tally.result({
    asOf: dayToIso(asOfDay),
    rows,
    metric: useProfit ? 'profit' : 'revenue',
    pyramid: scored.pyramid,
    settings,
    model: model?.ok ? model.summary : undefined,
  });
  summary.churnRisk.typicalRepeatDays = scored.typicalInterval;
  const customers = scoredList(scored, inputs, model?.ok === true && model.figures.count > 0, tally.fromModel);
  return { kind, headerRow: start, columns, unknownHeaders: match.unknown, customers, errors, notices, summary, settings: settings as Settings };
}

/** The header row (at most MAX_TITLE_ROWS title rows above it) and the notices about it. */
export function readHeader(table: readonly (readonly unknown[])[], lang: Lang, notices: Notice[]): { start: number; match: HeaderMatch } {
  if (!Array.isArray(table) || table.length === 0 || !Array.isArray(table[0])) throw new AnalyzeError('empty', lang);
  const headerIndex = findHeaderRow(table);
  if (headerIndex < 0) throw noHeaderError(table, lang);
  return headerAt(table, headerIndex, lang, notices);
}

/** The header at table[headerIndex] (found by findHeaderRow) and the notices about it. */
export function headerAt(table: readonly (readonly unknown[])[], headerIndex: number, lang: Lang, notices: Notice[]): { start: number; match: HeaderMatch } {
  const start = headerIndex + 1;
  const match = matchHeaders(table[headerIndex]!);
  if (headerIndex > 0) notices.push({ code: 'title_rows', message: noticeText(lang, 'title_rows', { rows: headerIndex, header: start }) });
  appendAll(notices, headerNotices(match, lang));
  if (match.unknown.length) notices.push({ code: 'unknown_headers', message: noticeText(lang, 'unknown_headers', { headers: match.unknown.join(', ') }) });
  return { start, match };
}

/** The analysis date asked for, as a day number. */
export function asOfOf(options: AnalyzeOptions, lang: Lang): number | undefined {
  if (options.asOf === undefined) return undefined;
  const d = isoToDay(options.asOf);
  if (d === null) throw new AnalyzeError('bad_as_of', lang, { value: options.asOf });
  return d;
}

/** A customer table's read customers, in key order, with the analysis date (asked for, or the latest date in the data). */
export function customersRead(
  r: ReadResult,
  header: { start: number; match: HeaderMatch; columns: Column[] },
  asOfOption: number | undefined,
  notices: Notice[],
  lang: Lang,
): TableRead {
  appendAll(notices, r.notices);
  let asOfDay: number;
  if (asOfOption !== undefined) asOfDay = asOfOption;
  else {
    const latest = latestDay(r.customers);
    asOfDay = latest ?? todayDay();
    notices.push({ code: latest === null ? 'as_of_none' : 'as_of_default', message: noticeText(lang, latest === null ? 'as_of_none' : 'as_of_default', { asOf: dayToIso(asOfDay) }) });
  }
  return { kind: 'customers', ...header, customers: r.customers, rfm: null, rows: r.rows, errors: r.reader.errors, asOfDay };
}

/** A transaction log's summary as the analysis keeps it, with its notices (the analysis date taken from the data, when it was). */
export function logRead(t: TransactionRead, header: { start: number; match: HeaderMatch; columns: Column[] }, notices: Notice[], lang: Lang): TableRead {
  appendAll(notices, t.notices);
  if (t.asOfFromData) notices.push({ code: 'as_of_default', message: noticeText(lang, 'as_of_default', { asOf: t.asOf }) });
  return { kind: 'transactions', ...header, customers: t.customers, rfm: t.rfm, rows: t.rows, errors: t.errors, asOfDay: isoToDay(t.asOf)! };
}

/** The latest last purchase, last contact or first purchase in the table; null without dates. */
function latestDay(inputs: CustomerColumns): number | null {
  let best = -Infinity;
  for (const f of ['lastPurchase', 'lastContact', 'firstPurchase'] as const) {
    const x = inputs.num[f];
    for (let i = 0; i < inputs.count; i++) if (x[i]! > best) best = x[i]!;
  }
  return best === -Infinity ? null : best;
}
