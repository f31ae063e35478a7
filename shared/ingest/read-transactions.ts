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
import { noticeText } from '../i18n/messages';
import { BAD, keyOf, textOrNull } from './cell-reader';
import { emptyInput, type CustomerInput } from './customer-input';
import { splitEmails } from './emails';
import { isFreeMail, registrableDomain } from './registrable-domain';
import { columnIndex, keyColumn, readerFor, type RowCounts } from './read-customers';
import { skipIfNotData } from './row-kind';
import { dayToIso, isoToDay } from './parse-date';
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
}

export interface TransactionRead {
  columns: Column[];
  inputs: CustomerInput[];
  histories: PurchaseHistory[];
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

/** Summarise a log whose columns were already matched (used by analyze). */
export function summarizeTransactions(table: readonly (readonly unknown[])[], columns: Column[], lang: Lang, options: TransactionOptions): TransactionRead {
  const notices: Notice[] = [];
  const start = options.start ?? 1;
  const reader = readerFor(table, columns, lang, notices, start);
  const by = columnIndex(columns);
  const keyCol = keyColumn(columns)!;
  const dateCol = by.get('date')!;
  const amountCol = by.get('revenue');
  const qtyCol = by.get('quantity');
  const priceCol = by.get('unit_price');
  const orderCol = by.get('order_id');
  const nameCol = by.get('name');
  const emailCol = by.get('email');
  const ownerCol = by.get('owner');
  const segmentCol = by.get('segment');
  const regionCol = by.get('region');
  const rows: RowCounts = { read: 0, accepted: 0, rejected: 0, skipped: 0 };
  // Columnar ingest: each customer key is dictionary-encoded once (its id = order of first
  // appearance); each accepted row becomes one entry of typed columns (key id, day, amount, row).
  const ids = new Map<string, number>();
  const keyOfId: string[] = [];
  const capacity = Math.max(0, table.length - start);
  const rowId = new Int32Array(capacity);
  const rowDay = new Float64Array(capacity);
  const rowAmount = new Float64Array(capacity);
  const rowNumber = new Int32Array(capacity);
  const rowCancel = new Uint8Array(capacity);
  let count = 0;
  // Descriptive fields, per customer id, only for the columns the log has.
  const names: string[] = [];
  const emailsOf: (string[] | undefined)[] = [];
  const owners: (string | null)[] = [];
  const segments: (string | null)[] = [];
  const regions: (string | null)[] = [];
  let maxDay = -Infinity;
  let minDay = Infinity;
  let cancellations = 0;
  let afterAsOf = 0;
  const afterKeys = new Set<string>();
  let cutDay = Infinity;
  if (options.asOf) {
    const d = isoToDay(options.asOf);
    if (d === null) throw new AnalyzeError('bad_as_of', lang, { value: options.asOf });
    cutDay = d;
  }

  for (let i = start; i < table.length; i++) {
    const row = table[i]!;
    const rowNo = i + 1;
    rows.read++;
    if (skipIfNotData(row, rowNo, columns, keyCol.index, nameCol?.index ?? -1, rows, notices, lang)) continue;
    const key = keyOf(row[keyCol.index]);
    if (key === null) {
      reader.fail(rowNo, keyCol, undefined, 'no_customer', true);
      rows.rejected++;
      continue;
    }
    const day = reader.date(rowNo, dateCol, row[dateCol.index], true);
    if (day === null) reader.fail(rowNo, dateCol, undefined, 'no_date', true);
    let amount: number | null | typeof BAD;
    if (amountCol) {
      amount = reader.amount(rowNo, amountCol, row[amountCol.index], true);
      if (amount === null) reader.fail(rowNo, amountCol, undefined, 'no_amount', true);
    } else {
      const q = reader.amount(rowNo, qtyCol!, row[qtyCol!.index], true);
      const p = reader.amount(rowNo, priceCol!, row[priceCol!.index], true);
      if (q === null) reader.fail(rowNo, qtyCol!, undefined, 'no_amount', true);
      if (p === null) reader.fail(rowNo, priceCol!, undefined, 'no_amount', true);
      amount = q === BAD || p === BAD ? BAD : q === null || p === null ? null : q * p;
    }
    if (day === null || day === BAD || amount === null || amount === BAD) {
      rows.rejected++;
      continue;
    }
    if (day > cutDay) {
      afterKeys.add(key);
      afterAsOf++;
      rows.skipped++;
      continue;
    }
    rows.accepted++;
    const order = orderCol ? textOrNull(row[orderCol.index]) : null;
    const isCancel = amount < 0 || (order !== null && (order[0] === 'C' || order[0] === 'c'));
    let id = ids.get(key);
    if (id === undefined) {
      id = keyOfId.length;
      ids.set(key, id);
      keyOfId.push(key);
      names.push(key);
      owners.push(null);
      segments.push(null);
      regions.push(null);
      emailsOf.push(undefined);
    }
    rowId[count] = id;
    rowDay[count] = day;
    rowNumber[count] = rowNo;
    if (day > maxDay) maxDay = day;
    if (day < minDay) minDay = day;
    if (isCancel) {
      cancellations++;
      rowCancel[count] = 1;
      rowAmount[count] = -Math.abs(amount);
    } else rowAmount[count] = amount;
    count++;
    // Descriptive fields: when rows disagree, the smallest text wins, so row order never matters.
    if (nameCol) {
      const n = textOrNull(row[nameCol.index]);
      if (n && (names[id] === key || n < names[id]!)) names[id] = n;
    }
    if (emailCol) {
      const found = splitEmails(row[emailCol.index]).emails;
      if (found.length > 0) {
        let list = emailsOf[id];
        if (!list) {
          list = [];
          emailsOf[id] = list;
        }
        for (const e of found) if (!list.includes(e)) list.push(e);
      }
    }
    if (ownerCol) smallestText(owners, id, row[ownerCol.index]);
    if (segmentCol) smallestText(segments, id, row[segmentCol.index]);
    if (regionCol) smallestText(regions, id, row[regionCol.index]);
  }

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

  // Group the accepted rows by customer with one stable counting sort (rows stay in row order).
  const customers = keyOfId.length;
  const groupStart = new Int32Array(customers + 1);
  for (let r = 0; r < count; r++) groupStart[rowId[r]! + 1]!++;
  for (let c = 0; c < customers; c++) groupStart[c + 1]! += groupStart[c]!;
  const grouped = new Int32Array(count);
  const fill = groupStart.slice(0, customers);
  for (let r = 0; r < count; r++) grouped[fill[rowId[r]!]!++] = r;

  const inputs: CustomerInput[] = new Array(customers);
  const histories: PurchaseHistory[] = new Array(customers);
  // The keys are distinct strings: the default sort orders them by UTF-16 code units, as < does.
  const sortedKeys = keyOfId.slice().sort();
  const purchases = new Int32Array(count); // scratch: one customer's purchase rows, by day
  for (let out = 0; out < customers; out++) {
    const key = sortedKeys[out]!;
    const id = ids.get(key)!;
    const lo = groupStart[id]!;
    const hi = groupStart[id + 1]!;
    const rowList: number[] = new Array(hi - lo);
    let m = 0;
    for (let g = lo; g < hi; g++) {
      const r = grouped[g]!;
      rowList[g - lo] = rowNumber[r]!;
      if (!rowCancel[r]) purchases[m++] = r;
    }
    sortByDay(purchases, m, rowDay);
    // Distinct purchase days, each with its spend summed in row order.
    const days: number[] = [];
    const amounts: number[] = [];
    for (let k = 0; k < m; k++) {
      const r = purchases[k]!;
      const d = rowDay[r]!;
      if (days.length > 0 && days[days.length - 1] === d) amounts[amounts.length - 1]! += rowAmount[r]!;
      else {
        days.push(d);
        amounts.push(0 + rowAmount[r]!);
      }
    }
    let returns = 0;
    for (let g = lo; g < hi; g++) {
      const r = grouped[g]!;
      if (rowCancel[r]) returns -= rowAmount[r]!;
    }
    histories[out] = { key, days, amounts, returns };
    let orders = 0;
    let first: number | null = null;
    let last: number | null = null;
    let revenue = 0;
    let revenuePrev = 0;
    let gap: number | null = null;
    let prevDay: number | null = null;
    for (let k = 0; k < days.length; k++) {
      const d = days[k]!;
      orders++;
      if (first === null) first = d;
      last = d;
      if (d > curStart) {
        revenue += amounts[k]!;
        if (gap === null && prevDay !== null && prevDay <= curStart) gap = d - prevDay;
      } else if (d > prevStart) revenuePrev += amounts[k]!;
      prevDay = d;
    }
    for (let g = lo; g < hi; g++) {
      const r = grouped[g]!;
      if (!rowCancel[r]) continue;
      const d = rowDay[r]!;
      if (d > curStart) revenue += rowAmount[r]!;
      else if (d > prevStart) revenuePrev += rowAmount[r]!;
    }
    const inp = emptyInput(key, 0);
    inp.rows = rowList;
    inp.name = names[id]!;
    inp.owner = owners[id]!;
    inp.segment = segments[id]!;
    inp.region = regions[id]!;
    inp.orders = orders;
    inp.firstPurchase = first;
    inp.lastPurchase = last;
    inp.revenue = revenue;
    inp.revenuePrev = prevKnown ? revenuePrev : null;
    inp.gapBeforeCurrent = gap;
    const emails = emailsOf[id];
    if (emails) {
      emails.sort();
      inp.emails = emails;
      const domains: string[] = [];
      for (const e of emails) {
        const d = registrableDomain(e);
        if (d && !isFreeMail(d) && !domains.includes(d)) domains.push(d);
      }
      inp.domains = domains;
    }
    inputs[out] = inp;
  }
  const asOf = dayToIso(asOfDay);
  notices.push({ code: 'transactions', message: noticeText(lang, 'transactions', { rows: rows.accepted, customers: inputs.length }) });
  if (cancellations > 0) notices.push({ code: 'cancellations', message: noticeText(lang, 'cancellations', { count: cancellations }) });
  if (afterAsOf > 0) notices.push({ code: 'after_as_of', message: noticeText(lang, 'after_as_of', { count: afterAsOf, asOf }) });
  if (!prevKnown && inputs.length > 0)
    notices.push({ code: 'previous_period_unknown', message: noticeText(lang, 'previous_period_unknown', { first: dayToIso(minDay), from: dayToIso(prevStart + 1) }) });
  let laterCustomers = 0;
  for (const k of afterKeys) if (!ids.has(k)) laterCustomers++;
  return { columns, inputs, histories, errors: reader.errors, notices, rows, asOf, asOfFromData, afterAsOf: { rows: afterAsOf, customers: laterCustomers } };
}

/** Keep the smallest non-blank text of a descriptive column for customer `id`. */
function smallestText(list: (string | null)[], id: number, cell: unknown): void {
  const t = textOrNull(cell);
  if (t !== null && (list[id] === null || t < list[id]!)) list[id] = t;
}

/**
 * Stable sort of rows[0..m) by their day: insertion sort for the usual few rows of one customer,
 * a stable comparator sort for a long history.
 */
function sortByDay(rows: Int32Array, m: number, day: Float64Array): void {
  if (m <= 32) {
    for (let i = 1; i < m; i++) {
      const r = rows[i]!;
      const d = day[r]!;
      let j = i - 1;
      while (j >= 0 && day[rows[j]!]! > d) {
        rows[j + 1] = rows[j]!;
        j--;
      }
      rows[j + 1] = r;
    }
    return;
  }
  const sorted = Array.from(rows.subarray(0, m)).sort((p, q) => day[p]! - day[q]! || p - q);
  for (let i = 0; i < m; i++) rows[i] = sorted[i]!;
}
