/**
 * Reads a transaction log (method §1: one row per order line, customer keys repeat) and
 * summarises it per customer: orders (distinct purchase days), first and last purchase, revenue
 * in the current and previous period, and the purchase history the probabilistic model needs.
 *
 * How messy logs are handled (documented choices):
 * - the line amount is the amount column, else quantity × unit price;
 * - a cancellation (order number starting with "C", or a negative amount or quantity) reduces the
 *   customer's revenue in its period and adds to `returns`; it is not a purchase;
 * - a zero-value line is a purchase (the CDNOW reference counts them);
 * - purchases on the same day count once (method §9);
 * - a row with no customer id, no date or no amount is rejected with its row number;
 * - ids written "12348.0" are the same customer as "12348";
 * - with an analysis date D, every row dated after D is left out (counted as skipped, one notice):
 *   the result is that of the log cut at D — no customer who first bought after D, no later return;
 * - a period that begins before the log's first row is unknown, not zero: revenuePrev is null when
 *   the log does not reach back to the start of the previous period (no "growth" from nothing).
 */
import type { Column, Lang, Notice, RowError } from '../types';
import type { PurchaseHistory } from '../model/purchase-history';
import type { RfmTableSummary, TimeUnit } from '../model/summarize-rfm';
import { noticeText } from '../i18n/messages';
import type { CustomerColumns } from './customer-columns';
import { columnIndex, dateColumnsOf, keyColumn, type RowCounts } from './read-customers';
import { dayToIso, isoToDay } from './parse-date';
import { LogColumnsReader, type LogLayout } from './log-columns';
import { groupByCustomer } from './log-groups';
import { summarizeCustomers } from './summarize-log';
import { AnalyzeError } from '../analyze-error';
import { matchHeaders, understoodHeaders } from './headers';

export interface TransactionOptions {
  lang?: Lang;
  /** Analysis date; default the latest date in the log. */
  asOf?: string;
  /** Length of the current (and previous) period in days; default 365. */
  periodDays?: number;
  /** Index of the first data row (the header is the row before it); default 1. */
  start?: number;
  /** Build the purchase histories (for the probabilistic model); default true. Without them `histories` is empty. */
  histories?: boolean;
  /**
   * Summarise each customer for the probabilistic model at the analysis date in this unit, as
   * summarizeRfm does on the histories, straight from the log (`rfm`); absent: `rfm` is null.
   */
  rfmUnit?: TimeUnit;
}

export interface TransactionRead {
  columns: Column[];
  /** The customers' inputs, in key order. */
  customers: CustomerColumns;
  histories: PurchaseHistory[];
  /** The model's (x, t_x, T) summary at the analysis date (see TransactionOptions.rfmUnit). */
  rfm: RfmTableSummary | null;
  errors: RowError[];
  notices: Notice[];
  rows: RowCounts;
  asOf: string;
  /** True when asOf was taken from the data. */
  asOfFromData: boolean;
  /** Rows dated after the analysis date (skipped), and customers who only appear in them. */
  afterAsOf: { rows: number; customers: number };
}

/** True when the columns make a transaction log possible: a key, a date and an amount. */
export function hasTransactionColumns(columns: readonly Column[]): boolean {
  const by = columnIndex(columns);
  return keyColumn(columns) !== null && by.has('date') && (by.has('revenue') || (by.has('quantity') && by.has('unit_price')));
}

/** Read and summarise a transaction log (table[0] is the header row). */
export function readTransactions(table: readonly (readonly unknown[])[], options: TransactionOptions = {}): TransactionRead {
  const lang = options.lang ?? 'en';
  if (table.length === 0) throw new AnalyzeError('empty', lang);
  const { columns } = matchHeaders(table[0]!);
  if (!hasTransactionColumns(columns)) throw new AnalyzeError('not_transactions', lang, { headers: understoodHeaders(lang) });
  return summarizeTransactions(table, columns, lang, options);
}

/**
 * Summarise a log whose columns were already matched (used by analyze): one pass reads the rows
 * into typed columns, a counting sort groups them by customer, and each customer is summed
 * straight from the arrays.
 */
export function summarizeTransactions(table: readonly (readonly unknown[])[], columns: Column[], lang: Lang, options: TransactionOptions): TransactionRead {
  const start = options.start ?? 1;
  const reader = logReader(columns, lang, options, Math.max(0, table.length - start));
  reader.add(table, 0, start);
  return summarizeLog(reader, columns, lang, options);
}

/**
 * The reader of a log's rows (they may come a batch at a time: LogColumnsReader); summarizeLog
 * takes it from there. `expectedRows` sizes its columns; `copyText` see LogColumnsReader.
 */
export function logReader(columns: Column[], lang: Lang, options: TransactionOptions, expectedRows = 0, copyText = false): LogColumnsReader {
  const by = columnIndex(columns);
  const layout: LogLayout = {
    columns,
    key: keyColumn(columns)!,
    date: by.get('date')!,
    amount: by.get('revenue'),
    quantity: by.get('quantity'),
    unitPrice: by.get('unit_price'),
    order: by.get('order_id'),
    name: by.get('name'),
    email: by.get('email'),
    owner: by.get('owner'),
    segment: by.get('segment'),
    region: by.get('region'),
  };
  let cutDay = Infinity;
  if (options.asOf) {
    const d = isoToDay(options.asOf);
    if (d === null) throw new AnalyzeError('bad_as_of', lang, { value: options.asOf });
    cutDay = d;
  }
  return new LogColumnsReader(layout, dateColumnsOf(columns), lang, cutDay, expectedRows, copyText);
}

/** The log's customers from every row its reader was given. */
export function summarizeLog(logRows: LogColumnsReader, columns: Column[], lang: Lang, options: TransactionOptions): TransactionRead {
  const { log, reader, notices } = logRows.finish();
  const { minDay, maxDay } = log;
  const cutDay = logRows.cutDay;

  let asOfDay: number;
  let asOfFromData = false;
  if (Number.isFinite(cutDay)) asOfDay = cutDay;
  else {
    asOfDay = Number.isFinite(maxDay) ? maxDay : 0;
    asOfFromData = true;
  }
  const period = options.periodDays ?? 365;
  const curStart = asOfDay - period; // current period: (curStart, asOfDay]
  const prevStart = curStart - period;
  // The previous period (prevStart, curStart] is known only when the log reaches back to its first day.
  const prevKnown = minDay <= prevStart + 1;

  const grouped = groupByCustomer(log);
  const rfmCut = options.rfmUnit ? { asOfDay, unit: options.rfmUnit } : null;
  const { customers, histories, rfm } = summarizeCustomers(log, grouped, { curStart, prevStart, prevKnown }, options.histories !== false, rfmCut);

  const asOf = dayToIso(asOfDay);
  const rows = log.rows;
  notices.push({ code: 'transactions', message: noticeText(lang, 'transactions', { rows: rows.accepted, customers: customers.count }) });
  if (log.cancellations > 0) notices.push({ code: 'cancellations', message: noticeText(lang, 'cancellations', { count: log.cancellations }) });
  if (log.afterAsOf > 0) notices.push({ code: 'after_as_of', message: noticeText(lang, 'after_as_of', { count: log.afterAsOf, asOf }) });
  if (!prevKnown && customers.count > 0)
    notices.push({ code: 'previous_period_unknown', message: noticeText(lang, 'previous_period_unknown', { first: dayToIso(minDay), from: dayToIso(prevStart + 1) }) });
  let laterCustomers = 0;
  for (let id = 0; id < log.keys.length; id++) if (log.later[id] && log.rowsOf[id] === 0) laterCustomers++;
  return { columns, customers, histories, rfm, errors: reader.errors, notices, rows, asOf, asOfFromData, afterAsOf: { rows: log.afterAsOf, customers: laterCustomers } };
}
