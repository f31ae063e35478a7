/**
 * Reads a customer table (method §1: one row per customer) into CustomerInputs. Every data row
 * ends as part of a customer, as a rejected row with its errors, or as a skipped row with a
 * notice: accepted + rejected + skipped = rows read.
 */
import type { Column, Field, Lang, Notice, RowError } from '../types';
import { noticeText } from '../i18n/messages';
import { CellReader, keyOf, ownText } from './cell-reader';
import { TextDictionary } from './text-dictionary';
import { compareInputs, mergeInputs, type CustomerInput } from './customer-input';
import { CustomerColumns } from './customer-columns';
import { DomainCache } from './domain-cache';
import { keySettlesSkip, skipIfNotData } from './row-kind';
import { cutLine, LinePlan, lineRepeatsHeaders, readLine } from './customer-line';
import { CellCache } from '../csv/cell-cache';
import { splitQuotedRow } from '../csv/split-delimited';
import { DateColumnOrders } from './day-orders';
import { BothWays, DATE_FIELD_OF } from './both-ways-dates';
import { DICTIONARY_OF, num, readRow, type DeferredDate, type RowPlan } from './customer-row';
import { appendPacked, packColumns, type PackedColumns } from './packed-columns';
import { renumberedErrors, renumberedNotices } from './renumber-rows';
import { appendAll } from '../append-all';

export interface RowCounts {
  read: number;
  accepted: number;
  rejected: number;
  skipped: number;
}

export interface ReadResult {
  /** The customers, in key order, one per distinct key. */
  customers: CustomerColumns;
  reader: CellReader;
  notices: Notice[];
  rows: RowCounts;
}

const DATE_FIELDS: ReadonlySet<Field> = new Set(['first_purchase', 'last_purchase', 'last_contact', 'date']);

/** Index of each field's column, -1 when absent. */
export function columnIndex(columns: readonly Column[]): Map<Field, Column> {
  return new Map(columns.map((c) => [c.field, c]));
}

/** The column that keys customers: id, else name, else email (method §1: "if absent, the name is the key"). */
export function keyColumn(columns: readonly Column[]): Column | null {
  const by = columnIndex(columns);
  return by.get('id') ?? by.get('name') ?? by.get('email') ?? null;
}

/** The table's date columns (each has its day/month order decided: method §1). */
export function dateColumnsOf(columns: readonly Column[]): Column[] {
  return columns.filter((c) => DATE_FIELDS.has(c.field));
}

/** Read the customer table's data rows: those after the header row (table[start − 1], normally table[0]). */
export function readCustomers(table: readonly (readonly unknown[])[], columns: readonly Column[], lang: Lang, start = 1): ReadResult {
  const reader = new CustomerTableReader(columns, lang, Math.max(0, table.length - start));
  reader.add(table, 0, start);
  return reader.finish();
}

/**
 * What a CustomerTableReader has read of a part of a table, before anything is decided on the whole
 * (day/month orders, repeated keys): plain data and typed arrays, to be read on another thread and
 * added to the reader of the part before it (CustomerTableReader.absorb). Its rows are numbered
 * within the part; absorb numbers them on from the rows before it.
 */
export interface CustomerReadPart {
  columns: PackedColumns;
  errors: RowError[];
  notices: Notice[];
  rows: RowCounts;
  dayOrderCounts: [number, number][];
  bothWays: { slots: Int32Array; days: Float64Array }[];
  /** Dates kept to read at the end, their column by index (Column objects do not cross threads as themselves). */
  deferred: (Omit<DeferredDate, 'column'> & { column: number })[];
}


/**
 * Reads a customer table a batch of rows at a time, so that a file's rows can be let go as soon
 * as they are read: memory then grows with the customers, not with the file. The result is that
 * of reading the whole table at once. A date column's day/month order is decided from all its
 * cells (method §1), so a date whose reading depends on that order ("3/1/2024") is kept as text
 * and read at the end, its error (if any) placed where it would have been.
 */
export class CustomerTableReader {
  private readonly notices: Notice[] = [];
  private readonly reader: CellReader;
  /** The date columns' day/month orders, decided once every row has been counted. */
  private readonly dateOrders: DateColumnOrders;
  private readonly deferred: DeferredDate[] = [];
  /** Per date column, its cells that read as a plausible date in either order, each way. */
  private readonly bothWays: BothWays[];
  private readonly keyCol: Column;
  private readonly nameIndex: number;
  private readonly plan: RowPlan;
  private readonly cache = new DomainCache();
  private readonly rows: RowCounts = { read: 0, accepted: 0, rejected: 0, skipped: 0 };
  /** The accepted rows' inputs, one slot per row, in reading order. */
  private readonly store: CustomerColumns;
  /** How addLines reads a line in place, made at its first call. */
  private lines: LinePlan | null = null;
  /** Equal short cells of the rows addLines cuts share one string. */
  private readonly cells = new CellCache();

  /**
   * `expectedRows`, when known, sizes the columns once instead of growing them. `copyText` is for
   * rows cut from a text that is let go as the rows are read (a file read in chunks): a cell cut
   * from that text shares it, so the text a customer keeps (key, name, emails) is copied (ownText)
   * rather than holding the whole chunk in memory. Cells of a table held whole (a sheet's values,
   * a parsed paste) are kept as they are.
   */
  constructor(
    private readonly columns: readonly Column[],
    private readonly lang: Lang,
    expectedRows = 0,
    copyText = false,
  ) {
    this.store = new CustomerColumns(Math.max(1024, expectedRows));
    this.dateOrders = new DateColumnOrders(dateColumnsOf(columns));
    this.reader = new CellReader(lang, this.dateOrders.orders);
    this.store.emailDomain = (host) => this.cache.companyOf(host);
    this.bothWays = this.dateOrders.columns.map((c) => new BothWays(c.index, DATE_FIELD_OF[c.field] ?? null));
    const by = columnIndex(columns);
    this.keyCol = keyColumn(columns)!;
    this.nameIndex = by.get('name')?.index ?? -1;
    const texts = { owner: new TextDictionary(), segment: new TextDictionary(), region: new TextDictionary(), churnReason: new TextDictionary(), competitor: new TextDictionary() };
    const bothWays = new Map(this.bothWays.map((b) => [b.index, b]));
    this.plan = {
      columns: [...by.values()],
      hasProfit: by.has('profit'),
      hasShare: by.has('share'),
      texts,
      defer: (d) => this.defer(d),
      bothWays: (column, slot, dmy) => bothWays.get(column.index)!.add(slot, dmy),
      store: this.store,
      copyText,
    };
  }

  /** Read rows[from…] as data rows; rows[i] is the table's row firstIndex + i (0-based). */
  add(rows: readonly (readonly unknown[])[], firstIndex: number, from = 0): void {
    const { reader, rows: counts, keyCol, plan, cache, columns, lang, notices } = this;
    this.dateOrders.count(rows, from);
    for (let i = from; i < rows.length; i++) {
      const row = rows[i]!;
      const rowNo = firstIndex + i + 1;
      counts.read++;
      if (skipIfNotData(row, rowNo, columns, keyCol.index, this.nameIndex, counts, notices, lang)) continue;
      const cellKey = keyOf(row[keyCol.index]);
      const key = cellKey === null || !plan.copyText ? cellKey : ownText(cellKey);
      if (key === null) {
        reader.fail(rowNo, keyCol, undefined, 'no_key', true);
        counts.rejected++;
        continue;
      }
      const errorsBefore = reader.errors.length;
      const deferredBefore = this.deferred.length;
      readRow(row, rowNo, key, plan, reader, cache);
      this.settle(errorsBefore, deferredBefore);
    }
  }

  /**
   * Read the rows of a piece of well-formed delimited text as data rows, the first being the
   * table's row firstIndex (0-based): the rows splitDelimited cuts from it with this delimiter (one
   * character) and line break; a line break at its end ends the last row, and no row follows it.
   * Gives what add gives for those rows, mostly without making them: a line without a quote whose
   * key cell settles whether it is data (keySettlesSkip) and that does not repeat the headers is
   * read in place (readLine); any other is cut into its row and read by add. Returns the rows read
   * and where the reading ended: the text's length, or the start of a row whose quoting is not
   * plain RFC 4180 (never closed, or followed by other text), which is left to the caller.
   */
  addLines(text: string, firstIndex: number, delimiter: string, linebreak: string): { rows: number; end: number } {
    const { reader, rows: counts, keyCol, plan, cache } = this;
    if (this.lines === null) this.lines = new LinePlan(this.columns, plan, this.dateOrders);
    const lines = this.lines;
    const n = text.length;
    // One row per line break, and one more when the text does not end with one: the columns are
    // sized for them once (not beyond: a table sized for its rows stays that size).
    let rows = text.endsWith(linebreak) ? 0 : 1;
    for (let i = text.indexOf(linebreak); i >= 0; i = text.indexOf(linebreak, i + linebreak.length)) rows++;
    lines.bind(this.store, rows);
    lines.cut = text.indexOf(delimiter);
    lines.cutFrom = 0;
    let quote = text.indexOf('"');
    let count = 0;
    let pos = 0;
    for (; pos < n; count++) {
      let eol = text.indexOf(linebreak, pos);
      if (eol < 0) eol = n;
      if (quote >= 0 && quote < pos) quote = text.indexOf('"', pos);
      const rowNo = firstIndex + count + 1;
      let key: string | null = null;
      if (cutLine(text, pos, eol, delimiter, quote, lines)) {
        const cell = text.slice(lines.starts[keyCol.index]!, lines.ends[keyCol.index]!);
        if (keySettlesSkip(cell) && !lineRepeatsHeaders(text, lines)) key = keyOf(cell);
      }
      if (key !== null) {
        counts.read++;
        const errorsBefore = reader.errors.length;
        const deferredBefore = this.deferred.length;
        readLine(text, rowNo, plan.copyText ? ownText(key) : key, lines, plan, reader, cache, this.dateOrders);
        this.settle(errorsBefore, deferredBefore);
        pos = eol + linebreak.length;
      } else if (quote < 0 || quote >= eol) {
        this.add([text.slice(pos, eol).split(delimiter)], firstIndex + count);
        pos = eol + linebreak.length;
      } else {
        // A quote on this line: its row as splitDelimited cuts it (a quoted field may go over lines).
        const row: string[] = [];
        // The carried delimiter is the next one from here only if it was searched from here or before.
        if (lines.cutFrom > pos) lines.cut = text.indexOf(delimiter, pos);
        lines.cutFrom = pos;
        const next = splitQuotedRow(text, pos, delimiter, linebreak, row, this.cells, lines);
        if (next < 0) break;
        this.add([row], firstIndex + count);
        pos = next;
      }
    }
    return { rows: count, end: Math.min(pos, n) };
  }

  /** The row just read into the last slot: rejected (its slot given back) when one of its errors is fatal, else accepted. */
  private settle(errorsBefore: number, deferredBefore: number): void {
    const { reader, rows: counts } = this;
    let fatal = false;
    for (let e = errorsBefore; e < reader.errors.length; e++) if (reader.errors[e]!.fatal) fatal = true;
    if (fatal) {
      this.deferred.length = deferredBefore; // a rejected row's dates are never read
      for (const b of this.bothWays) b.dropSlot(this.store.count - 1);
      this.store.dropLast();
      counts.rejected++;
      return;
    }
    counts.accepted++;
  }

  /**
   * Everything read so far, for the reader of the part of the table before this one (absorb); this
   * reader is not used afterwards.
   */
  part(): CustomerReadPart {
    return {
      columns: packColumns(this.store),
      errors: this.reader.errors,
      notices: this.notices,
      rows: { ...this.rows },
      dayOrderCounts: this.dateOrders.counts(),
      bothWays: this.bothWays.map((b) => b.cells()),
      deferred: this.deferred.map((d) => ({ ...d, column: d.column.index })),
    };
  }

  /**
   * Add what another reader of the same columns read of the rows that follow this reader's (its
   * part()), that reader having numbered its rows from 1 (firstIndex 0): they are numbered on from
   * `rowsBefore`, the rows of the table before that part. The result is that of one reader reading
   * all the rows.
   */
  absorb(part: CustomerReadPart, rowsBefore: number): void {
    const offset = this.store.count;
    const errorsBefore = this.reader.errors.length;
    appendPacked(this.store, part.columns, rowsBefore, (field, value) => this.plan.texts[DICTIONARY_OF[field]].of(value));
    appendAll(this.reader.errors, renumberedErrors(part.errors, rowsBefore));
    appendAll(this.notices, renumberedNotices(part.notices, rowsBefore, this.lang));
    this.dateOrders.addCounts(part.dayOrderCounts);
    part.bothWays.forEach((cells, d) => {
      this.bothWays[d]!.addCells(cells, offset);
    });
    const byIndex = new Map(this.columns.map((c) => [c.index, c]));
    for (const d of part.deferred) this.deferred.push({ ...d, slot: d.slot + offset, rowNo: d.rowNo + rowsBefore, column: byIndex.get(d.column)!, errorAt: d.errorAt + errorsBefore });
    this.rows.read += part.rows.read;
    this.rows.accepted += part.rows.accepted;
    this.rows.rejected += part.rows.rejected;
    this.rows.skipped += part.rows.skipped;
  }

  private defer(d: Omit<DeferredDate, 'errorAt'>): void {
    this.deferred.push({ ...d, errorAt: this.reader.errors.length });
  }

  /** Decide the day/month orders, read the dates kept for them, merge repeated keys. */
  finish(): ReadResult {
    const { reader, lang, store } = this;
    const { decisions, notices: orderNotices } = this.dateOrders.decide(lang);
    // Dates read both ways were stored month first: day first, their other reading.
    decisions.forEach((decision, d) => {
      if (decision.order === 'dmy') this.bothWays[d]!.applyDayFirst(store);
    });
    const late: { at: number; error: RowError }[] = [];
    for (const d of this.deferred) {
      const before = reader.errors.length;
      store.num[d.field][d.slot] = num(reader.date(d.rowNo, d.column, d.cell));
      if (reader.errors.length > before) late.push({ at: d.errorAt, error: reader.errors.pop()! });
    }
    for (let k = late.length - 1; k >= 0; k--) reader.errors.splice(late[k]!.at, 0, late[k]!.error);
    this.deferred.length = 0;
    const notices = [...orderNotices, ...this.notices];
    // Repeated keys are found by ordering the slots by key (ties in reading order), not by a map
    // holding every key: each run of one key is merged into its first slot.
    const order = store.keyOrder();
    const keep = new Uint32Array(order.length);
    const merged: CustomerInput[] = [];
    let kept = 0;
    for (let lo = 0; lo < order.length; ) {
      let hi = lo + 1;
      while (hi < order.length && store.key[order[hi]!] === store.key[order[lo]!]) hi++;
      if (hi - lo > 1) {
        const one = mergeGroup(Array.from(order.subarray(lo, hi), (j) => store.inputAt(j)));
        store.set(order[lo]!, one);
        merged.push(one);
      }
      keep[kept++] = order[lo]!;
      lo = hi;
    }
    for (const m of merged) notices.push({ code: 'duplicate_key', message: noticeText(lang, 'duplicate_key', { key: m.key, rows: m.rows.join(', ') }) });
    // Rows already in key order, each its own customer (a file sorted by its id): the columns as they are.
    let inPlace = kept === store.count;
    for (let k = 0; k < kept && inPlace; k++) inPlace = keep[k] === k;
    const customers = inPlace ? store.trim() : store.select(keep.subarray(0, kept));
    customers.keysAscending = true; // in key order, each run of one key merged into one slot
    return { customers, reader, notices, rows: this.rows };
  }
}

/**
 * Merge a duplicate key's rows in a canonical order (by their content, not their position), so
 * that which row comes first never changes the merged customer; the rows are listed ascending.
 */
function mergeGroup(group: CustomerInput[]): CustomerInput {
  const sorted = group.slice().sort(compareInputs); // stable: equal contents keep their reading order
  const first = sorted[0]!;
  for (let k = 1; k < sorted.length; k++) mergeInputs(first, sorted[k]!);
  first.rows.sort((a, b) => a - b);
  return first;
}

