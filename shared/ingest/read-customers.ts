/**
 * Reads a customer table (METHOD §1: one row per customer) into CustomerInputs. Every data row
 * ends as part of a customer, as a rejected row with its errors, or as a skipped row with a
 * notice: accepted + rejected + skipped = rows read.
 */
import type { Column, Field, Lang, Notice } from '../types';
import { noticeText } from '../i18n/messages';
import { BAD, CellReader, keyOf, textOrNull, type Read } from './cell-reader';
import { emptyInput, mergeInputs, type CustomerInput } from './customer-input';
import { splitEmails } from './emails';
import { registrableDomain, isFreeMail } from './registrable-domain';
import { skipKind } from './row-kind';
import { decideDayOrders } from './day-orders';

export interface RowCounts {
  read: number;
  accepted: number;
  rejected: number;
  skipped: number;
}

export interface ReadResult {
  inputs: CustomerInput[];
  reader: CellReader;
  notices: Notice[];
  rows: RowCounts;
}

const DATE_FIELDS: ReadonlySet<Field> = new Set(['first_purchase', 'last_purchase', 'last_contact', 'date']);

/** Index of each field's column, -1 when absent. */
export function columnIndex(columns: readonly Column[]): Map<Field, Column> {
  return new Map(columns.map((c) => [c.field, c]));
}

/** The column that keys customers: id, else name, else email (METHOD §1: "if absent, the name is the key"). */
export function keyColumn(columns: readonly Column[]): Column | null {
  const by = columnIndex(columns);
  return by.get('id') ?? by.get('name') ?? by.get('email') ?? null;
}

/** Build the CellReader for a table, deciding each date column's day/month order once (METHOD §1). */
export function readerFor(table: readonly (readonly unknown[])[], columns: readonly Column[], lang: Lang, notices: Notice[]): CellReader {
  const dateColumns = columns.filter((c) => DATE_FIELDS.has(c.field));
  const orders = decideDayOrders(table, dateColumns);
  for (const c of dateColumns) {
    const d = orders.get(c.index);
    if (d && (d.decided || d.conflicting)) {
      const order = d.order === 'dmy' ? (lang === 'zh' ? '日/月/年' : 'day/month/year') : lang === 'zh' ? '月/日/年' : 'month/day/year';
      const code = d.conflicting ? 'day_order_conflict' : 'day_order';
      notices.push({ code, message: noticeText(lang, code, { header: c.header, order }) });
    }
  }
  return new CellReader(lang, new Map([...orders].map(([i, d]) => [i, d.order])));
}

/** Read the customer table's data rows (table[0] is the header). */
export function readCustomers(table: readonly (readonly unknown[])[], columns: readonly Column[], lang: Lang): ReadResult {
  const notices: Notice[] = [];
  const reader = readerFor(table, columns, lang, notices);
  const by = columnIndex(columns);
  const keyCol = keyColumn(columns)!;
  const nameCol = by.get('name');
  const profitFatal = by.has('profit');
  const rows: RowCounts = { read: 0, accepted: 0, rejected: 0, skipped: 0 };
  const byKey = new Map<string, CustomerInput>();
  const duplicates = new Map<string, number[]>();

  for (let i = 1; i < table.length; i++) {
    const row = table[i]!;
    const rowNo = i + 1;
    rows.read++;
    const skip = skipKind(row, columns, keyCol.index, nameCol?.index ?? -1);
    if (skip) {
      rows.skipped++;
      const code = skip === 'blank' ? 'skipped_blank' : skip === 'header' ? 'skipped_header' : 'skipped_totals';
      notices.push({ row: rowNo, code, message: noticeText(lang, code, { row: rowNo }) });
      continue;
    }
    const key = keyOf(row[keyCol.index]);
    if (key === null) {
      reader.fail(rowNo, keyCol, undefined, 'no_key', true);
      rows.rejected++;
      continue;
    }
    const errorsBefore = reader.errors.length;
    const input = readRow(row, rowNo, key, by, reader, profitFatal);
    let fatal = false;
    for (let e = errorsBefore; e < reader.errors.length; e++) if (reader.errors[e]!.fatal) fatal = true;
    if (fatal || input === null) {
      rows.rejected++;
      continue;
    }
    rows.accepted++;
    const prev = byKey.get(key);
    if (prev) {
      mergeInputs(prev, input);
      duplicates.set(key, prev.rows);
    } else byKey.set(key, input);
  }
  for (const [key, rs] of duplicates) notices.push({ code: 'duplicate_key', message: noticeText(lang, 'duplicate_key', { key, rows: rs.join(', ') }) });
  return { inputs: [...byKey.values()], reader, notices, rows };
}

const v = <T>(r: Read<T>): T | null => (r === BAD ? null : r);

/** Read one data row into a CustomerInput (errors go to the reader). */
function readRow(row: readonly unknown[], rowNo: number, key: string, by: Map<Field, Column>, reader: CellReader, profitFatal: boolean): CustomerInput | null {
  const input = emptyInput(key, rowNo);
  const cell = (f: Field) => {
    const c = by.get(f);
    return c ? row[c.index] : undefined;
  };
  const money = (f: Field, fatal = false) => {
    const c = by.get(f);
    return c ? v(reader.amount(rowNo, c, row[c.index], fatal)) : null;
  };
  const count = (f: Field) => {
    const c = by.get(f);
    return c ? v(reader.count(rowNo, c, row[c.index])) : null;
  };
  const date = (f: Field) => {
    const c = by.get(f);
    return c ? v(reader.date(rowNo, c, row[c.index])) : null;
  };
  const share = (f: Field) => {
    const c = by.get(f);
    return c ? v(reader.share(rowNo, c, row[c.index])) : null;
  };

  const name = textOrNull(cell('name'));
  if (name !== null) input.name = name;
  input.owner = textOrNull(cell('owner'));
  input.segment = textOrNull(cell('segment'));
  input.region = textOrNull(cell('region'));
  input.churnReasonText = textOrNull(cell('churn_reason'));

  const emailCol = by.get('email');
  if (emailCol) {
    const { emails, invalid } = splitEmails(row[emailCol.index]);
    input.emails = emails;
    for (const bad of invalid) reader.fail(rowNo, emailCol, bad, 'bad_email', false);
  }
  const domains: string[] = [];
  const domainCell = textOrNull(cell('domain'));
  if (domainCell) for (const part of domainCell.split(/[\s,;、，；]+/)) {
    const d = part ? registrableDomain(part) : null;
    if (d && !domains.includes(d)) domains.push(d);
  }
  for (const e of input.emails) {
    const d = registrableDomain(e);
    if (d && !isFreeMail(d) && !domains.includes(d)) domains.push(d);
  }
  input.domains = domains;

  input.revenue = money('revenue', true);
  input.revenuePrev = money('revenue_prev');
  input.profit = money('profit', profitFatal);
  input.costToServe = money('cost_to_serve');
  if (input.profit === null && input.costToServe !== null && input.revenue !== null && !by.has('profit')) input.profit = input.revenue - input.costToServe;
  input.wallet = money('wallet');
  input.potential = money('potential');
  input.receivable = money('receivable');
  input.overdueAmount = money('overdue_amount');
  input.creditLimit = money('credit_limit');
  input.orders = count('orders');
  input.suppliers = count('suppliers');
  input.complaints = count('complaints');
  input.complaintsOpen = count('complaints_open');
  input.overdueDays = count('overdue_days');
  input.firstPurchase = date('first_purchase');
  input.lastPurchase = date('last_purchase');
  input.lastContact = date('last_contact');
  input.share = share('share');
  input.sharePrev = share('share_prev');
  if (input.share === null && input.wallet !== null && input.wallet > 0 && input.revenue !== null && !by.has('share'))
    input.share = Math.min(1, Math.max(0, input.revenue / input.wallet));

  const compCol = by.get('competitor');
  if (compCol) {
    const c = reader.competitor(row[compCol.index]);
    if (c) {
      input.competitor = c.buys;
      input.competitorName = c.name;
    }
  }
  const sc = by.get('switching_cost');
  if (sc) input.switchingCost = v(reader.switchingCost(rowNo, sc, row[sc.index]));
  const sat = by.get('satisfaction');
  if (sat) input.satisfaction = v(reader.satisfaction(rowNo, sat, row[sat.index]));
  return input;
}
