/**
 * Reading one data row of a customer table into a slot of the customers' columns (method §1: one
 * row per customer): each recognised cell into its field, with an error naming the row, column and
 * reason for a cell that cannot be read.
 */
import type { Column } from '../types';
import { BAD, type CellReader, ownText, textOrNull, type Read } from './cell-reader';
import type { CustomerColumns, TextField } from './customer-columns';
import { plainEmail, plainEmailList, splitEmails } from './emails';
import type { DomainCache } from './domain-cache';
import { parseDate, parseDateBothWays } from './parse-date';
import type { DateField } from './both-ways-dates';
import type { TextDictionary } from './text-dictionary';

/** A date cell read once the column's day/month order is known (see CustomerTableReader). */
export interface DeferredDate {
  slot: number;
  field: DateField;
  rowNo: number;
  column: Column;
  cell: string;
  /** Where its error, if any, goes among the errors: as if it had been read in its turn. */
  errorAt: number;
}

/** Both readings of the last cell orderFreeDate found to depend on the day/month order. */
const readings: { mdy: number | null | 'invalid'; dmy: number | null | 'invalid' } = { mdy: null, dmy: null };

/**
 * A date cell's reading when it reads the same in both day/month orders (ISO dates, serial numbers,
 * month names…); undefined when the column's order decides it ("3/4/2026"), both readings then in
 * `readings`.
 */
export function orderFreeDate(cell: unknown): number | null | 'invalid' | undefined {
  if (typeof cell !== 'string') return parseDate(cell, 'mdy');
  const c = cell.charCodeAt(0);
  // yyyy-… and yyyy/…: the year comes first, the order of the rest is fixed.
  if (cell.length >= 5 && c >= 48 && c <= 57 && isDigit(cell, 1) && isDigit(cell, 2) && isDigit(cell, 3) && !isDigit(cell, 4)) return parseDate(cell, 'mdy');
  parseDateBothWays(cell, readings);
  return readings.mdy === readings.dmy ? readings.mdy : undefined;
}

/**
 * A date cell read into slot's field now, or once its column's day/month order is known: a cell
 * that is a plausible date both ways ("3/4/2026") is stored month first with its day-first reading
 * beside it (BothWays); any other whose reading depends on the order (a date one way only, or an
 * implausible one either way) is kept as text — a copy, for rows cut from a file's chunks — and read
 * at the end.
 */
export function readDate(slot: number, field: DeferredDate['field'], rowNo: number, column: Column, cell: unknown, plan: RowPlan, reader: CellReader): void {
  const d = orderFreeDate(cell);
  if (d !== undefined) {
    plan.store.num[field][slot] = num(reader.checkDate(rowNo, column, cell, d));
    return;
  }
  const { mdy, dmy } = readings;
  if (typeof mdy === 'number' && typeof dmy === 'number' && reader.plausibleDay(mdy) && reader.plausibleDay(dmy)) {
    plan.store.num[field][slot] = mdy;
    plan.bothWays(column, slot, dmy);
  } else plan.defer({ slot, field, rowNo, column, cell: plan.copyText ? ownText(cell as string) : (cell as string) });
}

const isDigit = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

const v = <T>(r: Read<T>): T | null => (r === BAD ? null : r);
/** A number read into a column: NaN where the cell gave none. */
export const num = (r: Read<number>): number => (r === BAD || r === null ? NaN : r);

/** What readRow needs to know about the table, worked out once: its columns and which fields it has. */
export interface RowPlan {
  columns: readonly Column[];
  hasProfit: boolean;
  hasShare: boolean;
  /** One kept copy per value of the columns whose values repeat. */
  texts: Record<'owner' | 'segment' | 'region' | 'churnReason' | 'competitor', TextDictionary>;
  /** Keep a date that depends on the column's day/month order, to read once the order is known. */
  defer: (d: Omit<DeferredDate, 'errorAt'>) => void;
  /** Note a date stored month first whose day-first reading is `dmy` (see BothWays). */
  bothWays: (column: Column, slot: number, dmy: number) => void;
  /** Where the rows' inputs are written. */
  store: CustomerColumns;
  /** Copy the text a customer keeps (see CustomerTableReader). */
  copyText: boolean;
}

/** The reader's dictionary of each repeating text field. */
export const DICTIONARY_OF: Record<TextField, keyof RowPlan['texts']> = { owner: 'owner', segment: 'segment', region: 'region', competitorName: 'competitor', churnReasonText: 'churnReason' };

/** Read one data row into a new slot of the plan's store (errors go to the reader); returns the slot. */
export function readRow(row: readonly unknown[], rowNo: number, key: string, plan: RowPlan, reader: CellReader, cache: DomainCache): number {
  const j = plan.store.add(key, rowNo);
  let domainCell: string | null = null;
  const columns = plan.columns;
  for (let k = 0; k < columns.length; k++) {
    const col = columns[k]!;
    const cell = row[col.index];
    if (col.field === 'domain') domainCell = textOrNull(cell);
    else readCell(j, col, cell, rowNo, plan, reader);
  }
  finishRow(j, domainCell, plan, cache);
  return j;
}

/** Read one cell of a data row into slot j of the plan's store (errors go to the reader); the domain column is finishRow's. */
export function readCell(j: number, col: Column, cell: unknown, rowNo: number, plan: RowPlan, reader: CellReader): void {
  const store = plan.store;
  const n = store.num;
  const t = store.text;
  switch (col.field) {
    case 'name': {
      const name = textOrNull(cell);
      if (name !== null) store.name.put(j, name, plan.copyText);
      break;
    }
    case 'owner':
      t.owner[j] = plan.texts.owner.orNull(textOrNull(cell));
      break;
    case 'segment':
      t.segment[j] = plan.texts.segment.orNull(textOrNull(cell));
      break;
    case 'region':
      t.region[j] = plan.texts.region.orNull(textOrNull(cell));
      break;
    case 'churn_reason':
      t.churnReasonText[j] = plan.texts.churnReason.orNull(textOrNull(cell));
      break;
    case 'revenue':
      n.revenue[j] = num(reader.amount(rowNo, col, cell, true));
      break;
    case 'profit':
      n.profit[j] = num(reader.amount(rowNo, col, cell, plan.hasProfit));
      break;
    case 'revenue_prev':
      n.revenuePrev[j] = num(reader.amount(rowNo, col, cell, false));
      break;
    case 'cost_to_serve':
      n.costToServe[j] = num(reader.amount(rowNo, col, cell, false));
      break;
    case 'wallet':
      n.wallet[j] = num(reader.amount(rowNo, col, cell, false));
      break;
    case 'potential':
      n.potential[j] = num(reader.amount(rowNo, col, cell, false));
      break;
    case 'receivable':
      n.receivable[j] = num(reader.amount(rowNo, col, cell, false));
      break;
    case 'overdue_amount':
      n.overdueAmount[j] = num(reader.amount(rowNo, col, cell, false));
      break;
    case 'credit_limit':
      n.creditLimit[j] = num(reader.amount(rowNo, col, cell, false));
      break;
    case 'orders':
      n.orders[j] = num(reader.count(rowNo, col, cell));
      break;
    case 'suppliers':
      n.suppliers[j] = num(reader.count(rowNo, col, cell));
      break;
    case 'complaints':
      n.complaints[j] = num(reader.count(rowNo, col, cell));
      break;
    case 'complaints_open':
      n.complaintsOpen[j] = num(reader.count(rowNo, col, cell));
      break;
    case 'overdue_days':
      n.overdueDays[j] = num(reader.count(rowNo, col, cell));
      break;
    case 'first_purchase':
      readDate(j, 'firstPurchase', rowNo, col, cell, plan, reader);
      break;
    case 'last_purchase':
      readDate(j, 'lastPurchase', rowNo, col, cell, plan, reader);
      break;
    case 'last_contact':
      readDate(j, 'lastContact', rowNo, col, cell, plan, reader);
      break;
    case 'share':
      n.share[j] = num(reader.share(rowNo, col, cell));
      break;
    case 'share_prev':
      n.sharePrev[j] = num(reader.share(rowNo, col, cell));
      break;
    case 'email': {
      const one = plainEmail(cell);
      if (one !== null) {
        store.emails.put(j, one, plan.copyText);
        break;
      }
      const list = typeof cell === 'string' ? plainEmailList(cell) : null;
      if (list !== null) {
        store.setEmails(j, list);
        break;
      }
      const split = splitEmails(cell);
      store.setEmails(j, split.emails);
      const invalid = split.invalid;
      for (const bad of invalid) reader.fail(rowNo, col, bad, 'bad_email', false);
      break;
    }
    case 'competitor': {
      const c = reader.competitor(cell);
      if (c) {
        store.competitor[j] = c.buys ? 1 : 0;
        t.competitorName[j] = plan.texts.competitor.orNull(c.name);
      }
      break;
    }
    case 'switching_cost':
      store.switchingCost[j] = v(reader.switchingCost(rowNo, col, cell));
      break;
    case 'satisfaction':
      n.satisfaction[j] = num(reader.satisfaction(rowNo, col, cell));
      break;
    default:
      break;
  }
}

/**
 * The end of a data row's reading: its domains (the domain cell's, split), and profit = revenue −
 * cost to serve and share = revenue / wallet when the table lacks them.
 */
export function finishRow(j: number, domainCell: string | null, plan: RowPlan, cache: DomainCache): void {
  const n = plan.store.num;
  if (domainCell !== null) {
    const domains: string[] = [];
    for (const part of domainCell.split(/[\s,;、，；]+/)) {
      const d = part ? cache.of(part) : null;
      if (d && !domains.includes(d)) domains.push(d);
    }
    // The emails' company domains follow, worked out when the customer is built (store.emailDomain).
    if (domains.length) plan.store.setDomains(j, domains);
  }
  // Profit = revenue − cost to serve, and share = revenue / wallet, when the table lacks them.
  const revenue = n.revenue[j]!;
  if (!plan.hasProfit && Number.isNaN(n.profit[j]!) && !Number.isNaN(n.costToServe[j]!) && !Number.isNaN(revenue)) n.profit[j] = revenue - n.costToServe[j]!;
  const wallet = n.wallet[j]!;
  if (!plan.hasShare && Number.isNaN(n.share[j]!) && wallet > 0 && !Number.isNaN(revenue)) n.share[j] = Math.min(1, Math.max(0, revenue / wallet));
}
