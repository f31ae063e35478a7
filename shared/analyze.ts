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
import { findHeaderRow, MAX_TITLE_ROWS, noHeaderError } from './ingest/find-header-row';
import { detectKind, kindByColumns } from './ingest/detect-kind';
import { CustomerTableReader, readCustomers, type ReadResult, type RowCounts } from './ingest/read-customers';
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

/** The settings and the notices they start with. */
function settingsOf(options: AnalyzeOptions): { settings: Settings; notices: Notice[] } {
  const lang: Lang = options.lang ?? 'en';
  const { settings, problems } = resolveSettings(options.settings ?? null);
  const notices: Notice[] = problems.map((p) => ({ code: 'settings_problem', message: noticeText(lang, 'settings_problem', { path: p.path, message: settingsProblemText(lang, p) }) }));
  return { settings, notices };
}

/** The analysis; `keep`, when given, receives every customer as the summary counts it. */
function analyzeTable(input: unknown[][] | TableHandover, options: AnalyzeOptions, keep: Customer[] | null): LazyAnalysis {
  const { settings, notices } = settingsOf(options);
  // Read in a function of its own, so that nothing here holds a handed-over table once it is read.
  const read = readTable(input, options, settings, notices);
  return finishAnalysis(read, options, settings, notices, keep);
}

/** The model, the rules and the summary over what was read. */
function finishAnalysis(read: TableRead, options: AnalyzeOptions, settings: Settings, notices: Notice[], keep: Customer[] | null): LazyAnalysis {
  const lang: Lang = options.lang ?? 'en';
  const { kind, start, match, columns, inputs, histories, rows, errors, asOfDay } = read;

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
  const { start, match } = readHeader(table, lang, notices);
  let columns = match.columns;
  if (table.length <= start) throw new AnalyzeError('no_rows', lang);
  const asOfOption = asOfOf(options, lang);
  const kind = detectKind(table, columns, start);
  if (kind === 'transactions') {
    const t = summarizeTransactions(table, columns, lang, { asOf: options.asOf, periodDays: settings.periodDays, start, histories: options.model !== false });
    notices.push(...t.notices);
    if (t.asOfFromData) notices.push({ code: 'as_of_default', message: noticeText(lang, 'as_of_default', { asOf: t.asOf }) });
    return { kind, start, match, columns, inputs: t.inputs, histories: t.histories, rows: t.rows, errors: t.errors, asOfDay: isoToDay(t.asOf)! };
  }
  columns = asCustomerColumns(columns);
  return customersRead(readCustomers(table, columns, lang, start), { start, match, columns }, asOfOption, notices, lang);
}

/** The header row (at most MAX_TITLE_ROWS title rows above it) and the notices about it. */
function readHeader(table: readonly (readonly unknown[])[], lang: Lang, notices: Notice[]): { start: number; match: HeaderMatch } {
  if (!Array.isArray(table) || table.length === 0 || !Array.isArray(table[0])) throw new AnalyzeError('empty', lang);
  const headerIndex = findHeaderRow(table);
  if (headerIndex < 0) throw noHeaderError(table, lang);
  const start = headerIndex + 1;
  const match = matchHeaders(table[headerIndex]!);
  if (headerIndex > 0) notices.push({ code: 'title_rows', message: noticeText(lang, 'title_rows', { rows: headerIndex, header: start }) });
  notices.push(...headerNotices(match, lang));
  if (match.unknown.length) notices.push({ code: 'unknown_headers', message: noticeText(lang, 'unknown_headers', { headers: match.unknown.join(', ') }) });
  return { start, match };
}

/** The analysis date asked for, as a day number. */
function asOfOf(options: AnalyzeOptions, lang: Lang): number | undefined {
  if (options.asOf === undefined) return undefined;
  const d = isoToDay(options.asOf);
  if (d === null) throw new AnalyzeError('bad_as_of', lang, { value: options.asOf });
  return d;
}

/** A customer table's read customers, in key order, with the analysis date (asked for, or the latest date in the data). */
function customersRead(
  r: ReadResult,
  header: { start: number; match: HeaderMatch; columns: Column[] },
  asOfOption: number | undefined,
  notices: Notice[],
  lang: Lang,
): TableRead {
  const inputs = r.inputs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  notices.push(...r.notices);
  let asOfDay: number;
  if (asOfOption !== undefined) asOfDay = asOfOption;
  else {
    const latest = latestDay(inputs);
    asOfDay = latest ?? todayDay();
    notices.push({ code: latest === null ? 'as_of_none' : 'as_of_default', message: noticeText(lang, latest === null ? 'as_of_none' : 'as_of_default', { asOf: dayToIso(asOfDay) }) });
  }
  return { kind: 'customers', ...header, inputs, histories: null, rows: r.rows, errors: r.reader.errors, asOfDay };
}

/**
 * An analysis fed a batch of rows at a time, as a large file is read. Once the header shows a
 * customer table, its rows are read into customers as they come (CustomerTableReader) and can be
 * let go, so memory grows with the customers, not with the file. A transaction log, a table whose
 * kind only its repeated keys can tell, or a table too short to tell, is gathered and analysed
 * whole. Either way the result is that of analyzeLazily on the whole table.
 */
export class RowStreamAnalysis {
  private gathered: unknown[][] = [];
  private gatherAll = false;
  private reader: CustomerTableReader | null = null;
  private header: { start: number; match: HeaderMatch; columns: Column[] } | null = null;

  constructor(private readonly options: AnalyzeOptions = {}) {}

  /** The next rows of the table; rows[i] is its row firstIndex + i (0-based). */
  push(rows: readonly unknown[][], firstIndex: number): void {
    if (this.reader) {
      this.reader.add(rows, firstIndex);
      return;
    }
    for (const row of rows) this.gathered.push(row);
    if (!this.gatherAll && this.gathered.length > MAX_TITLE_ROWS + 1) this.start();
  }

  /** Enough rows to find the header: read on as a customer table, or gather everything. */
  private start(): void {
    const table = this.gathered;
    const headerIndex = findHeaderRow(table);
    const match = headerIndex < 0 ? null : matchHeaders(table[headerIndex]!);
    if (!match || kindByColumns(match.columns) !== 'customers') {
      this.gatherAll = true;
      return;
    }
    const columns = asCustomerColumns(match.columns);
    this.header = { start: headerIndex + 1, match, columns };
    this.reader = new CustomerTableReader(columns, this.options.lang ?? 'en');
    this.reader.add(table, 0, headerIndex + 1);
    this.gathered = table.slice(0, headerIndex + 1); // the title and header rows, for their notices
  }

  /** The analysis of every row pushed. */
  finish(): LazyAnalysis {
    const options = this.options;
    if (!this.reader || !this.header) {
      const table = this.gathered;
      this.gathered = [];
      return analyzeTable(new TableHandover(table), options, null);
    }
    const lang: Lang = options.lang ?? 'en';
    const { settings, notices } = settingsOf(options);
    readHeader(this.gathered, lang, notices);
    const asOfOption = asOfOf(options, lang);
    const read = customersRead(this.reader.finish(), this.header, asOfOption, notices, lang);
    this.reader = null;
    return finishAnalysis(read, options, settings, notices, null);
  }
}

function latestDay(inputs: readonly CustomerInput[]): number | null {
  let best: number | null = null;
  for (const c of inputs) {
    for (const d of [c.lastPurchase, c.lastContact, c.firstPurchase]) if (d !== null && (best === null || d > best)) best = d;
  }
  return best;
}
