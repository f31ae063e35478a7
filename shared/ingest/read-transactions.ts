/**
 * Reads a transaction log (METHOD §1: one row per order line, customer keys repeat) and
 * summarises it per customer: orders (distinct purchase days), first and last purchase, revenue
 * in the current and previous period, and the purchase history the probabilistic model needs.
 *
 * How messy logs are handled (documented choices):
 * - the line amount is the amount column, else quantity × unit price;
 * - a cancellation (order number starting with "C", or a negative amount or quantity) reduces the
 *   customer's revenue in its period and adds to `returns`; it is not a purchase;
 * - a zero-value line is a purchase (the CDNOW reference counts them);
 * - purchases on the same day count once (METHOD §9);
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
import { AnalyzeError } from './analyze-error';
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

interface Acc {
  input: CustomerInput;
  days: Map<number, number>;
  negDays: number[];
  negAmounts: number[];
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
  const rows: RowCounts = { read: 0, accepted: 0, rejected: 0, skipped: 0 };
  const accs = new Map<string, Acc>();
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
    let acc = accs.get(key);
    if (!acc) {
      acc = { input: emptyInput(key, rowNo), days: new Map(), negDays: [], negAmounts: [] };
      acc.input.rows.length = 0;
      accs.set(key, acc);
    }
    acc.input.rows.push(rowNo);
    if (day > maxDay) maxDay = day;
    if (day < minDay) minDay = day;
    if (isCancel) {
      cancellations++;
      acc.negDays.push(day);
      acc.negAmounts.push(-Math.abs(amount));
    } else acc.days.set(day, (acc.days.get(day) ?? 0) + amount);
    // Descriptive fields: when rows disagree, the smallest text wins, so row order never matters.
    const inp = acc.input;
    if (nameCol) {
      const n = textOrNull(row[nameCol.index]);
      if (n && (inp.name === key || n < inp.name)) inp.name = n;
    }
    if (emailCol) for (const e of splitEmails(row[emailCol.index]).emails) if (!inp.emails.includes(e)) inp.emails.push(e);
    for (const f of ['owner', 'segment', 'region'] as const) {
      const c = by.get(f);
      const t = c ? textOrNull(row[c.index]) : null;
      if (t !== null && (inp[f] === null || t < inp[f]!)) inp[f] = t;
    }
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
  const inputs: CustomerInput[] = [];
  const histories: PurchaseHistory[] = [];
  const keys = [...accs.keys()].sort();
  for (const key of keys) {
    const acc = accs.get(key)!;
    const inp = acc.input;
    const days = [...acc.days.keys()].sort((a, b) => a - b);
    const amounts = days.map((d) => acc.days.get(d)!);
    let returns = 0;
    for (const a of acc.negAmounts) returns -= a;
    histories.push({ key, days, amounts, returns });
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
    for (let k = 0; k < acc.negDays.length; k++) {
      const d = acc.negDays[k]!;
      if (d > curStart) revenue += acc.negAmounts[k]!;
      else if (d > prevStart) revenuePrev += acc.negAmounts[k]!;
    }
    inp.orders = orders;
    inp.firstPurchase = first;
    inp.lastPurchase = last;
    inp.revenue = revenue;
    inp.revenuePrev = prevKnown ? revenuePrev : null;
    inp.gapBeforeCurrent = gap;
    inp.emails.sort();
    const domains: string[] = [];
    for (const e of inp.emails) {
      const d = registrableDomain(e);
      if (d && !isFreeMail(d) && !domains.includes(d)) domains.push(d);
    }
    inp.domains = domains;
    inputs.push(inp);
  }
  const asOf = dayToIso(asOfDay);
  notices.push({ code: 'transactions', message: noticeText(lang, 'transactions', { rows: rows.accepted, customers: inputs.length }) });
  if (cancellations > 0) notices.push({ code: 'cancellations', message: noticeText(lang, 'cancellations', { count: cancellations }) });
  if (afterAsOf > 0) notices.push({ code: 'after_as_of', message: noticeText(lang, 'after_as_of', { count: afterAsOf, asOf }) });
  if (!prevKnown && inputs.length > 0)
    notices.push({ code: 'previous_period_unknown', message: noticeText(lang, 'previous_period_unknown', { first: dayToIso(minDay), from: dayToIso(prevStart + 1) }) });
  let laterCustomers = 0;
  for (const k of afterKeys) if (!accs.has(k)) laterCustomers++;
  return { columns, inputs, histories, errors: reader.errors, notices, rows, asOf, asOfFromData, afterAsOf: { rows: afterAsOf, customers: laterCustomers } };
}
