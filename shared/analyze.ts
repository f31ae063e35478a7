/**
 * The one entry point every surface calls: a pasted table in, every
 * method §1–§10 result out, with the reasons behind each number. Deterministic: the same table
 * and options give the same Analysis, and the order of the rows changes no result.
 */
import type { Analysis, AnalyzeOptions, Customer, Lang, LazyAnalysis, Notice } from './types';
import { AnalyzeError } from './analyze-error';
import { findHeaderRow } from './ingest/find-header-row';
import { detectKind } from './ingest/detect-kind';
import { readCustomers } from './ingest/read-customers';
import { summarizeTransactions } from './ingest/read-transactions';
import type { Settings } from './settings';
import { TableHandover } from './table-handover';
import { asCustomerColumns, asOfOf, customersRead, finishAnalysis, logRead, readHeader, settingsOf, type TableRead } from './analysis-steps';

export { detectKind, findHeaderRow };

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

/** The analysis of a whole table; `keep`, when given, receives every customer as the summary counts it. */
export function analyzeTable(input: unknown[][] | TableHandover, options: AnalyzeOptions, keep: Customer[] | null): LazyAnalysis {
  const { settings, notices } = settingsOf(options);
  // Read in a function of its own, so that nothing here holds a handed-over table once it is read.
  const read = readTable(input, options, settings, notices);
  return finishAnalysis(read, options, settings, notices, keep);
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
    const t = summarizeTransactions(table, columns, lang, { asOf: options.asOf, periodDays: settings.periodDays, start, histories: false, rfmUnit: options.model === false ? undefined : settings.model.unit });
    return logRead(t, { start, match, columns }, notices, lang);
  }
  columns = asCustomerColumns(columns);
  return customersRead(readCustomers(table, columns, lang, start), { start, match, columns }, asOfOption, notices, lang);
}

