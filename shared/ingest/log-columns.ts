/**
 * The first pass over a transaction log (method §1: one row per order line, customer keys repeat):
 * every data row is read once into typed columns — a dictionary id for the customer key, the day
 * number, the signed amount and the row number (negated for a cancellation) — so that grouping
 * and summing later touch arrays, not objects.
 *
 * Cells repeat heavily in a log (a few thousand distinct dates, each customer's key on every one
 * of its lines), so the key and date of each distinct cell are read once and looked up afterwards.
 * Reading a cell is a pure function of the cell and its column, so the cache changes no result;
 * a cell that fails is never cached and is read (and reported) again on every row it stands in.
 */
import type { Column, Lang, Notice, RowError } from '../types';
import { BAD, CellReader, ownText, textOrNull } from './cell-reader';
import { appendAll } from '../append-all';
import { DateColumnOrders } from './day-orders';
import { orderFreeDate } from './customer-row';
import { KeyDictionary, NO_KEY, UNSEEN } from './key-dictionary';
import { KeyDescriptions, type DescribedKeys, type DescriptiveColumns } from './log-descriptions';
import { renumberedErrors, renumberedNotices } from './renumber-rows';
import type { RowCounts } from './read-customers';
import { keySettlesSkip, repeatsHeaders, skipIfNotData } from './row-kind';
import type { TextPrefixes } from './sort-by-text';

/** Where each field of the log is; undefined when the log has no such column. */
export interface LogLayout extends DescriptiveColumns {
  columns: readonly Column[];
  key: Column;
  date: Column;
  amount?: Column;
  quantity?: Column;
  unitPrice?: Column;
  order?: Column;
}

/** A log as typed columns: entries 0..count-1 are its accepted rows, in row order. */
export interface LogColumns {
  count: number;
  /** Dictionary id of each accepted row's customer key. */
  keyId: Int32Array;
  /** Day number of each accepted row. */
  day: Int32Array;
  /** Amount of each accepted row; a cancellation's is −|amount|. */
  amount: Float64Array;
  /**
   * Row number of each accepted row, as the user counts rows (header row = 1 when it is first),
   * negated for a cancellation (order number starting with "C", or a negative amount).
   */
  row: Int32Array;
  /** True when the accepted rows' days never decrease (each customer's rows are then in day order). */
  dayOrdered: boolean;
  /** Key text of each dictionary id (ids are given in order of first appearance in any row; a key may have no accepted row). */
  keys: string[];
  /** Accepted rows of each key id. */
  rowsOf: Int32Array;
  /** The keys' first code units, recorded as they were met (to order them). */
  prefixes: TextPrefixes;
  /** 1 when the key has a row dated after the analysis date. */
  later: Uint8Array;
  /** The descriptive fields per key id; null when the log has no descriptive column. */
  described: DescribedKeys | null;
  minDay: number;
  maxDay: number;
  cancellations: number;
  /** Rows dated after the analysis date (skipped). */
  afterAsOf: number;
  rows: RowCounts;
}

/** What a LogColumnsReader has read so far, as columns (LogColumns without what finish adds). */
type ColumnsRead = Omit<LogColumns, 'rowsOf' | 'prefixes'>;

/**
 * What a LogColumnsReader read of a later part of a log, to be read on another thread and added to
 * the reader of the rows before it (LogColumnsReader.absorb): its columns, whose key ids are its
 * own (`keys` gives their texts) and whose row numbers start at 1 with the part's first row; its
 * errors and skipped rows' notices, numbered the same way; its date cells' day/month counts.
 */
export interface LogReadPart extends ColumnsRead {
  errors: RowError[];
  notices: Notice[];
  dayOrderCounts: [number, number][];
}

/** A part and the number of rows of the table before it. */
interface AbsorbedPart {
  part: LogReadPart;
  rowsBefore: number;
}

/** Matches no cell: the "previous cell" before the first row. */
const NONE = Symbol('no cell');
/** Rows whose keys are looked up together (KeyDictionary.findRows). */
const BATCH = 256;
/**
 * Distinct date cells whose day is remembered (a pure function of the cell, so forgetting changes
 * no result): a log has a few thousand dates, but one with times of day may have a new cell on
 * every row.
 */
const DATE_CACHE = 1 << 16;

/** A batch of rows kept to be read once the date columns' day/month orders are known. */
interface HeldRows {
  rows: readonly (readonly unknown[])[];
  firstIndex: number;
  from: number;
}

/**
 * Reads a log's data rows into columns, a batch at a time, so that a file's rows can be let go as
 * soon as they are read. Non-data rows are skipped with their notice; a row with no key, no date or
 * no amount (or an unreadable one) is rejected with its errors in the reader; a row dated after
 * `cutDay` is skipped and counted. Every row read ends in exactly one of accepted, rejected,
 * skipped.
 *
 * A date column's day/month order is decided from all its cells (method §1), so from the first
 * date cell whose reading depends on that order ("3/1/2024") on, rows are held and read once every
 * cell has been counted; the rows before it read the same in either order. The result is that of
 * reading the whole table at once, however it is cut into batches.
 *
 * A row whose key cell settles every reason to skip it but repeated headers (keySettlesSkip: most
 * ids) is classified by that one check. The keys are looked up a batch of rows at a time (a key
 * met for the first time within the batch is looked up again on its row). The previous row's date
 * cell is recognised without a lookup (logs are often sorted by date).
 */
export class LogColumnsReader {
  private readonly reader: CellReader;
  private readonly dateOrders: DateColumnOrders;
  /** Rows held for the day/month orders (null while rows are read as they come). */
  private held: HeldRows[] | null = null;
  private readonly rowNotices: Notice[] = [];
  private readonly rows: RowCounts = { read: 0, accepted: 0, rejected: 0, skipped: 0 };
  private readonly dict: KeyDictionary;
  private readonly describe: KeyDescriptions | null;
  private keyId: Int32Array<ArrayBuffer>;
  private day: Int32Array<ArrayBuffer>;
  private amount: Float64Array<ArrayBuffer>;
  private rowOf: Int32Array<ArrayBuffer>;
  /** Per key id: 0 not yet known, 1 its cells rule out every skip but repeated headers, 2 they do not. */
  private dataKey: Uint8Array<ArrayBuffer> = new Uint8Array(1024);
  /** Day of each distinct readable date cell (text or number); emptied when it grows past DATE_CACHE. */
  private readonly dayOfCell = new Map<unknown, number>();
  private readonly copyText: boolean;
  private count = 0;
  private minDay = Infinity;
  private maxDay = -Infinity;
  private cancellations = 0;
  private afterAsOf = 0;
  private dayOrdered = true;
  private lastDateCell: unknown = NONE;
  private lastDay = 0;
  private readonly known = new Int32Array(BATCH);
  private readonly hashes = new Int32Array(BATCH);
  /** Parts of the later rows read by other readers, added once the rows held here are read. */
  private readonly parts: AbsorbedPart[] = [];

  /**
   * `dateColumns`: every date column of the table (each one's order is decided and noticed).
   * `expectedRows` sizes the columns (they grow past it). `copyText` is for rows cut from a text
   * that is let go as they are read: the keys and descriptions kept are copied (ownText) so that
   * they do not hold the text.
   */
  constructor(
    private readonly layout: LogLayout,
    dateColumns: readonly Column[],
    private readonly lang: Lang,
    readonly cutDay: number,
    expectedRows = 0,
    copyText = false,
  ) {
    this.dateOrders = new DateColumnOrders(dateColumns);
    this.reader = new CellReader(lang, this.dateOrders.orders);
    this.copyText = copyText;
    this.dict = new KeyDictionary(copyText);
    this.describe = layout.name || layout.email || layout.owner || layout.segment || layout.region ? new KeyDescriptions(layout, copyText) : null;
    const capacity = Math.max(1024, expectedRows);
    this.keyId = new Int32Array(capacity);
    this.day = new Int32Array(capacity);
    this.amount = new Float64Array(capacity);
    this.rowOf = new Int32Array(capacity);
  }

  /** Data rows given so far. */
  get rowsGiven(): number {
    return this.rows.read;
  }

  /** Read rows[from…] as data rows; rows[i] is the table's row firstIndex + i (0-based). */
  add(rows: readonly (readonly unknown[])[], firstIndex: number, from = 0): void {
    this.dateOrders.count(rows, from);
    this.rows.read += Math.max(0, rows.length - from);
    if (this.held) {
      this.held.push({ rows, firstIndex, from });
      return;
    }
    const stop = this.read(rows, firstIndex, from, true);
    if (stop < rows.length) this.held = [{ rows, firstIndex, from: stop }];
  }

  /**
   * True while rows are held for the day/month orders: a date cell read differently in the two
   * orders has been met, and what follows it can be read only once every row has been counted.
   */
  get holding(): boolean {
    return this.held !== null;
  }

  /**
   * Everything read so far, for the reader of the rows before these (absorb); null while rows are
   * held for the day/month orders (holding), which this reader cannot decide on its part alone.
   * This reader is not used afterwards.
   */
  part(): LogReadPart | null {
    if (this.held) return null;
    return { ...this.columnsRead(), errors: this.reader.errors, notices: this.rowNotices, dayOrderCounts: this.dateOrders.counts() };
  }

  /** The columns read so far, cut to the rows accepted (views, not copies). */
  private columnsRead(): ColumnsRead {
    const { count, dict } = this;
    return {
      count,
      keyId: this.keyId.subarray(0, count),
      day: this.day.subarray(0, count),
      amount: this.amount.subarray(0, count),
      row: this.rowOf.subarray(0, count),
      dayOrdered: this.dayOrdered,
      keys: dict.texts,
      later: dict.later,
      described: this.describe,
      minDay: this.minDay,
      maxDay: this.maxDay,
      cancellations: this.cancellations,
      afterAsOf: this.afterAsOf,
      rows: this.rows,
    };
  }

  /**
   * Add what another reader of the same log read of the rows that follow all the rows given to
   * this one (its part()), that reader having numbered its rows from 1: they are numbered on from
   * `rowsBefore`, the rows of the table before that part. Its dates count towards the day/month
   * orders now; its rows are added at finish, after any rows held here, so that the columns, the
   * errors and the notices stay in row order. The result is that of one reader reading all the rows.
   */
  absorb(part: LogReadPart, rowsBefore: number): void {
    this.dateOrders.addCounts(part.dayOrderCounts);
    this.rows.read += part.rows.read;
    this.parts.push({ part, rowsBefore });
  }

  /** Decide the day/month orders, read the rows held for them: the log's columns, its reader and notices (the orders' first). */
  finish(): { log: LogColumns; reader: CellReader; notices: Notice[] } {
    const { notices } = this.dateOrders.decide(this.lang);
    for (const h of this.held ?? []) this.read(h.rows, h.firstIndex, h.from, false);
    this.held = null;
    for (const { part, rowsBefore } of this.parts) this.addPart(part, rowsBefore);
    this.parts.length = 0;
    appendAll(notices, this.rowNotices);
    const { dict, count, keyId } = this;
    this.describe?.fill(dict.texts.length);
    // Rows per key in a pass of its own: a short loop whose scattered increments overlap.
    const rowsOf = new Int32Array(dict.texts.length);
    for (let k = 0; k < count; k++) rowsOf[keyId[k]!]!++;
    const log: LogColumns = { ...this.columnsRead(), rowsOf, prefixes: dict.prefixes };
    return { log, reader: this.reader, notices };
  }

  /**
   * Read rows[from…]; with `orderFree`, stop before the first row whose date cell reads differently
   * in the two day/month orders and return its index (rows.length when every row was read).
   */
  private read(table: readonly (readonly unknown[])[], firstIndex: number, from: number, orderFree: boolean): number {
    const { layout, reader, rowNotices: notices, lang, rows, cutDay, dict, describe, dayOfCell, known, hashes } = this;
    const { columns, key: keyCol, date: dateCol, amount: amountCol, quantity: qtyCol, unitPrice: priceCol, order: orderCol, name: nameCol } = layout;
    const keyIndex = keyCol.index;
    const dateIndex = dateCol.index;
    const nameIndex = nameCol?.index ?? -1;
    if (this.count + table.length - from > this.keyId.length) this.grow(this.count + table.length - from);
    const { keyId, day, amount, rowOf } = this;
    let dataKey = this.dataKey;
    let count = this.count;
    let minDay = this.minDay;
    let maxDay = this.maxDay;
    let cancellations = this.cancellations;
    let afterAsOf = this.afterAsOf;
    let dayOrdered = this.dayOrdered;
    let lastDateCell = this.lastDateCell;
    let lastDay = this.lastDay;
    let stop = table.length;

    let inBatch = BATCH - 1; // row i's place in its batch
    for (let i = from; i < table.length; i++) {
      if (++inBatch === BATCH) {
        inBatch = 0;
        const n = Math.min(table.length - i, BATCH);
        dict.findRows(table, keyIndex, i, i + n, known, hashes);
        for (let j = 0; j < n; j++) if (known[j]! < 0 || dataKey[known[j]!] !== 1) known[j] = UNSEEN;
      }
      const row = table[i]!;
      const dateCell = row[dateIndex];
      // The day of a date cell met before (the row above's, or one remembered); undefined: not met.
      let d: number | null | typeof BAD | undefined = dateCell === lastDateCell ? lastDay : dayOfCell.get(dateCell);
      // A date cell not met before whose reading depends on the day/month order: stop here.
      if (orderFree && d === undefined && typeof dateCell === 'string' && orderFreeDate(dateCell) === undefined) {
        stop = i;
        break;
      }
      const r = firstIndex + i + 1;
      const keyCell = row[keyIndex];
      let id = known[inBatch]!;
      if (id !== UNSEEN) {
        if (repeatsHeaders(row, columns) && skipIfNotData(row, r, columns, keyIndex, nameIndex, rows, notices, lang)) continue;
      } else {
        const settles = keySettlesSkip(keyCell);
        const skip = settles ? repeatsHeaders(row, columns) && skipIfNotData(row, r, columns, keyIndex, nameIndex, rows, notices, lang) : skipIfNotData(row, r, columns, keyIndex, nameIndex, rows, notices, lang);
        if (skip) continue;
        id = dict.idOfCell(keyCell);
        if (id === NO_KEY) {
          reader.fail(r, keyCol, undefined, 'no_customer', true);
          rows.rejected++;
          continue;
        }
        if (id >= dataKey.length) dataKey = grown(dataKey, dict.texts.length);
        // Every text cell of a key settles what its key text settles (keyOf only trims and drops ".0"); any number does.
        if (dataKey[id] === 0) {
          if (typeof keyCell === 'string') dataKey[id] = settles ? 1 : 2;
          else if (typeof keyCell === 'number') dataKey[id] = keySettlesSkip(dict.texts[id]!) ? 1 : 2;
        }
      }
      if (d === undefined) {
        d = reader.date(r, dateCol, dateCell, true);
        if (d === null) reader.fail(r, dateCol, undefined, 'no_date', true);
        else if (d !== BAD && (typeof dateCell === 'string' || typeof dateCell === 'number')) {
          // Cells with a time of day are mostly distinct: the cache is let go rather than grown.
          if (dayOfCell.size === DATE_CACHE) dayOfCell.clear();
          dayOfCell.set(typeof dateCell === 'string' && this.copyText ? ownText(dateCell) : dateCell, d);
        }
      }
      if (dateCell !== lastDateCell && typeof d === 'number' && (typeof dateCell === 'string' || typeof dateCell === 'number')) {
        lastDateCell = typeof dateCell === 'string' && this.copyText ? ownText(dateCell) : dateCell;
        lastDay = d;
      }
      let a: number | null | typeof BAD;
      if (amountCol) {
        a = reader.amount(r, amountCol, row[amountCol.index], true);
        if (a === null) reader.fail(r, amountCol, undefined, 'no_amount', true);
      } else {
        const q = reader.amount(r, qtyCol!, row[qtyCol!.index], true);
        const p = reader.amount(r, priceCol!, row[priceCol!.index], true);
        if (q === null) reader.fail(r, qtyCol!, undefined, 'no_amount', true);
        if (p === null) reader.fail(r, priceCol!, undefined, 'no_amount', true);
        a = q === BAD || p === BAD ? BAD : q === null || p === null ? null : q * p;
      }
      if (d === null || d === BAD || a === null || a === BAD) {
        rows.rejected++;
        continue;
      }
      if (d > cutDay) {
        dict.later[id] = 1;
        afterAsOf++;
        rows.skipped++;
        continue;
      }
      rows.accepted++;
      const isCancel = a < 0 || (orderCol !== undefined && isCancellationNumber(row[orderCol.index]));
      keyId[count] = id;
      day[count] = d;
      if (d > maxDay) maxDay = d;
      if (d < minDay) minDay = d;
      if (count > 0 && d < day[count - 1]!) dayOrdered = false;
      if (isCancel) {
        cancellations++;
        rowOf[count] = -r;
        amount[count] = -Math.abs(a);
      } else {
        rowOf[count] = r;
        amount[count] = a;
      }
      count++;
      if (describe) describe.add(row, id, dict.texts[id]!);
    }
    this.dataKey = dataKey;
    this.count = count;
    this.minDay = minDay;
    this.maxDay = maxDay;
    this.cancellations = cancellations;
    this.afterAsOf = afterAsOf;
    this.dayOrdered = dayOrdered;
    this.lastDateCell = lastDateCell;
    this.lastDay = lastDay;
    return stop;
  }

  /** The rows of a part (see absorb), after every row read here. */
  private addPart(part: LogReadPart, rowsBefore: number): void {
    const { dict, describe } = this;
    // The part's key ids as this reader's: its keys in the order they were first met there, after
    // every key met here, as one reader would have met them.
    const idOf = new Int32Array(part.keys.length);
    for (let p = 0; p < part.keys.length; p++) {
      const id = dict.idOfKey(part.keys[p]!);
      idOf[p] = id;
      if (part.later[p]) dict.later[id] = 1;
    }
    const count = this.count;
    if (count + part.count > this.keyId.length) this.grow(count + part.count);
    const { keyId, day, amount, rowOf } = this;
    day.set(part.day, count);
    amount.set(part.amount, count);
    for (let k = 0; k < part.count; k++) {
      keyId[count + k] = idOf[part.keyId[k]!]!;
      const r = part.row[k]!;
      rowOf[count + k] = r < 0 ? r - rowsBefore : r + rowsBefore;
    }
    if (part.count > 0) {
      if (count > 0 && part.day[0]! < day[count - 1]!) this.dayOrdered = false;
      this.dayOrdered &&= part.dayOrdered;
    }
    this.count = count + part.count;
    this.minDay = Math.min(this.minDay, part.minDay);
    this.maxDay = Math.max(this.maxDay, part.maxDay);
    this.cancellations += part.cancellations;
    this.afterAsOf += part.afterAsOf;
    this.rows.accepted += part.rows.accepted;
    this.rows.rejected += part.rows.rejected;
    this.rows.skipped += part.rows.skipped;
    if (describe && part.described) describe.absorb(part.described, idOf, dict.texts.length);
    appendAll(this.reader.errors, renumberedErrors(part.errors, rowsBefore));
    appendAll(this.rowNotices, renumberedNotices(part.notices, rowsBefore, this.lang));
  }

  /** Room for at least n accepted rows (the columns at least double). */
  private grow(n: number): void {
    const size = Math.max(n, 2 * this.keyId.length);
    const more = <T extends Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(a: T, make: new (n: number) => T): T => {
      const b = new make(size);
      b.set(a.subarray(0, this.count));
      return b;
    };
    this.keyId = more(this.keyId, Int32Array);
    this.day = more(this.day, Int32Array);
    this.amount = more(this.amount, Float64Array);
    this.rowOf = more(this.rowOf, Int32Array);
  }
}

/** A copy of `a` long enough for index n − 1 (at least twice as long). */
function grown(a: Uint8Array, n: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(Math.max(2 * a.length, n));
  b.set(a);
  return b;
}

/** An order number starting with "C" (or "c") marks a cancellation line. */
function isCancellationNumber(cell: unknown): boolean {
  if (typeof cell === 'string') {
    // A text starting with an ASCII letter or digit is its own trimmed text and no placeholder
    // (none starts with C): its first character decides.
    const c = cell.charCodeAt(0);
    const l = c | 0x20;
    if ((c >= 48 && c <= 57) || (l >= 97 && l <= 122)) return l === 99;
  }
  const order = textOrNull(cell);
  return order !== null && (order[0] === 'C' || order[0] === 'c');
}
