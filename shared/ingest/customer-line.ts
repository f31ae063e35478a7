/**
 * Reading a customer table's line straight from a file's text into the customers' columns (method
 * §1: one row per customer), without cutting the line into a row of strings first: numbers are read
 * in place, and the cells of columns whose values repeat (dates, owners, regions, ratings) are
 * looked up by their text in a memo of earlier readings. Every cell that these shortcuts do not
 * settle is cut out and read as a row's cell is (readCell), so a line gives exactly what the row
 * of its cells gives.
 */
import type { Column, Field, SwitchingCost } from '../types';
import type { CellReader } from './cell-reader';
import { textOrNull } from './cell-reader';
import { CellMemo, UNKNOWN } from './cell-memo';
import { DATE_FIELD_OF, type DateField } from './both-ways-dates';
import type { DomainCache } from './domain-cache';
import type { DateColumnOrders } from './day-orders';
import { plainDecimalAt } from './parse-number';
import { isoDateAt } from './parse-date';
import { DICTIONARY_OF, finishRow, orderFreeDate, readCell, readDate, type RowPlan } from './customer-row';
import type { CustomerColumns, NumberField, TextField } from './customer-columns';

/** How a column's cells are read on the shortcut. */
enum Kind {
  /** Not read into the customer (the key, read before; a column no field takes). */
  Skip,
  /** Cut out and read as a row's cell. */
  Cell,
  Amount,
  Count,
  Share,
  Date,
  /** A text whose values repeat, kept in the reader's dictionary. */
  Repeated,
  /** A short answer (competitor, switching cost, satisfaction): what its text wrote, remembered. */
  Answer,
  Domain,
}

const AMOUNTS: Partial<Record<Field, NumberField>> = {
  revenue: 'revenue',
  profit: 'profit',
  revenue_prev: 'revenuePrev',
  cost_to_serve: 'costToServe',
  wallet: 'wallet',
  potential: 'potential',
  receivable: 'receivable',
  overdue_amount: 'overdueAmount',
  credit_limit: 'creditLimit',
};
const COUNTS: Partial<Record<Field, NumberField>> = { orders: 'orders', suppliers: 'suppliers', complaints: 'complaints', complaints_open: 'complaintsOpen', overdue_days: 'overdueDays' };
const SHARES: Partial<Record<Field, NumberField>> = { share: 'share', share_prev: 'sharePrev' };
/** The repeating text fields a table's columns name, and the customer field each is read into (its dictionary: DICTIONARY_OF). */
const REPEATED_FIELD: Partial<Record<Field, TextField>> = { owner: 'owner', segment: 'segment', region: 'region', churn_reason: 'churnReasonText' };
const REPEATED: Partial<Record<Field, { field: TextField; dictionary: keyof RowPlan['texts'] }>> = Object.fromEntries(
  Object.entries(REPEATED_FIELD).map(([column, field]) => [column, { field, dictionary: DICTIONARY_OF[field] }]),
);
const ANSWERS: ReadonlySet<Field> = new Set(['competitor', 'switching_cost', 'satisfaction']);
/** The other fields readCell reads (any field it does not read is skipped). */
const CELLS: ReadonlySet<Field> = new Set(['name', 'email']);

/**
 * Slots of a date column's memo: a column of dates over ten years holds a few thousand distinct
 * days, and a memo much smaller than that would mostly miss.
 */
const DATE_SLOTS = 1 << 14;

/** A date cell's reading remembered: its day number (NaN: blank), and whether the day/month order counts it. */
interface DateReading {
  day: number;
  counted: boolean;
}

/** One column as the shortcut reads it. */
interface LineColumn {
  column: Column;
  kind: Kind;
  /** Amount, Count, Share: the number column; Date: the date field. */
  number: NumberField | null;
  date: DateField | null;
  /** Date: the column's place among the table's date columns (DateColumnOrders). */
  dateIndex: number;
  repeated: { field: TextField; dictionary: keyof RowPlan['texts'] } | null;
  memo: CellMemo<unknown> | null;
  /** The store's column this one is read into (number, date or repeated text), set by LinePlan.bind. */
  numbers: Float64Array;
  texts: (string | null)[];
}

/**
 * The shortcut's plan for a table: each recognised column's kind, and the memos of the columns
 * whose values repeat. One per reader (the memos hold readings by that reader's date range).
 */
export class LinePlan {
  readonly columns: LineColumn[];
  /** All the table's columns, as a row's are compared with their headers (repeatsHeaders). */
  readonly headers: readonly Column[];
  /** Date columns not read into a date field, whose cells still count for their day/month order: [place among the date columns, column index]. */
  readonly countOnly: [number, number][];
  /** Cells a line must have for the shortcut (the last recognised column's and all before it). */
  readonly width: number;
  /** Where each cell of the line being read starts and ends (its text, inside the quotes of a quoted cell). */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /**
   * The first delimiter at or after `cutFrom` (−1: none left in the text), carried from line to line
   * so that a line without one (a single column) does not search the rest of the text each time.
   * Set by addLines for each text (the first delimiter in it, from 0).
   */
  cut = -1;
  cutFrom = 0;

  constructor(headers: readonly Column[], plan: RowPlan, dateOrders: DateColumnOrders) {
    this.headers = headers;
    const dateIndex = new Map(dateOrders.columns.map((c, d) => [c.index, d]));
    this.columns = plan.columns.map((column) => {
      const f = column.field;
      const kind = AMOUNTS[f] ? Kind.Amount : COUNTS[f] ? Kind.Count : SHARES[f] ? Kind.Share : DATE_FIELD_OF[f] ? Kind.Date : REPEATED[f] ? Kind.Repeated : ANSWERS.has(f) ? Kind.Answer : f === 'domain' ? Kind.Domain : CELLS.has(f) ? Kind.Cell : Kind.Skip;
      const memo = kind === Kind.Date ? new CellMemo<unknown>(DATE_SLOTS) : kind === Kind.Repeated || kind === Kind.Answer ? new CellMemo<unknown>() : null;
      return { column, kind, number: AMOUNTS[f] ?? COUNTS[f] ?? SHARES[f] ?? null, date: DATE_FIELD_OF[f] ?? null, dateIndex: dateIndex.get(column.index) ?? -1, repeated: REPEATED[f] ?? null, memo, numbers: NONE, texts: [] };
    });
    const read = new Set(this.columns.filter((c) => c.kind === Kind.Date).map((c) => c.column.index));
    this.countOnly = dateOrders.columns.flatMap((c, d): [number, number][] => (read.has(c.index) ? [] : [[d, c.index]]));
    this.width = Math.max(0, ...headers.map((c) => c.index + 1), ...plan.columns.map((c) => c.index + 1));
    this.starts = new Int32Array(this.width);
    this.ends = new Int32Array(this.width);
  }

  /**
   * Make room in the store for `rows` more rows and point each column at its array there: the
   * columns are then written without looking them up by name on every cell, and do not move
   * (grow) while those rows are read.
   */
  bind(store: CustomerColumns, rows: number): void {
    store.ensure(rows);
    for (const c of this.columns) {
      const number = c.number ?? c.date;
      c.numbers = number === null ? NONE : store.num[number];
      c.texts = c.repeated === null ? [] : store.text[c.repeated.field];
    }
  }
}

const NONE = new Float64Array(0);
const QUOTE = 34;

/**
 * Finds the first `width` cells of the row that starts at `from`, its line ending at `eol` (the
 * line break, or the end of the text), into plan.starts and plan.ends, as splitDelimited cuts them:
 * an unquoted cell runs to the next delimiter; a cell opening with a quote is the text up to the
 * next quote, which must be followed by the delimiter (or end the row, for the last cell cut).
 * `quote` is the first quote at or after `from` (−1: none). Returns false — the row is then read
 * as a row — when the line has fewer cells, or when quoting this reading does not take holds in
 * it: a doubled quote, a quoted cell going on over the line break or not closing properly, a
 * quote inside an unquoted cell or in a cell after those cut.
 */
export function cutLine(text: string, from: number, eol: number, delimiter: string, quote: number, plan: LinePlan): boolean {
  const { starts, ends, width } = plan;
  const d = delimiter.charCodeAt(0);
  let at = from;
  for (let c = 0; c < width; c++) {
    if (quote === at) {
      const close = text.indexOf('"', at + 1);
      if (close < 0 || close >= eol || text.charCodeAt(close + 1) === QUOTE) return false;
      starts[c] = at + 1;
      ends[c] = close;
      quote = text.indexOf('"', close + 1);
      at = close + 1;
      if (at === eol) {
        if (c < width - 1) return false;
      } else if (text.charCodeAt(at) !== d) return false;
      at++;
      continue;
    }
    let k = plan.cut;
    if (k >= 0 && k < at) {
      k = plan.cut = text.indexOf(delimiter, at);
      plan.cutFrom = at;
    }
    const end = k < 0 || k >= eol ? eol : k;
    if (quote >= 0 && quote < end) return false;
    if (end === eol && c < width - 1) return false;
    starts[c] = at;
    ends[c] = end;
    at = end + 1;
  }
  // The cells after those cut: no quote may open a field there (it could run over the line break).
  return quote < 0 || quote >= eol;
}

/**
 * True when at least half of the recognised cells (and at least one) repeat their header exactly:
 * repeatsHeaders (row-kind.ts) on the cut line, the cells compared in place.
 */
export function lineRepeatsHeaders(text: string, plan: LinePlan): boolean {
  const { starts, ends, headers: columns } = plan;
  let same = 0;
  let differ = 0;
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i]!;
    const a = starts[c.index]!;
    const length = ends[c.index]! - a;
    const h = c.header;
    if ((length === h.length && text.startsWith(h, a)) || (length > h.length && length <= h.length + 4 && text.slice(a, a + length).trim() === h)) same++;
    else if (++differ * 2 > columns.length) return false;
  }
  return columns.length > 0 && same * 2 >= columns.length && same >= 1;
}

/**
 * Read the cut line (cutLine) into a new slot for `key`, as readRow reads the row of its cells:
 * the same values, errors in the same order, dates kept for the day/month order the same way.
 * Returns the slot.
 */
export function readLine(text: string, rowNo: number, key: string, lines: LinePlan, plan: RowPlan, reader: CellReader, cache: DomainCache, dateOrders: DateColumnOrders): number {
  const store = plan.store;
  const j = store.add(key, rowNo);
  const { starts, ends } = lines;
  let domainCell: string | null = null;
  const columns = lines.columns;
  for (let k = 0; k < columns.length; k++) {
    const lc = columns[k]!;
    const col = lc.column;
    const a = starts[col.index]!;
    const b = ends[col.index]!;
    switch (lc.kind) {
      case Kind.Amount: {
        const v = plainDecimalAt(text, a, b);
        if (!Number.isNaN(v)) lc.numbers[j] = v;
        else readCell(j, col, text.slice(a, b), rowNo, plan, reader);
        break;
      }
      case Kind.Count: {
        const v = plainDecimalAt(text, a, b);
        if (v >= 0) lc.numbers[j] = v;
        else readCell(j, col, text.slice(a, b), rowNo, plan, reader);
        break;
      }
      case Kind.Share: {
        // A bare number above 1 and up to 100 is percent points (CellReader.share).
        const plain = plainDecimalAt(text, a, b);
        const v = plain > 1 && plain <= 100 ? plain / 100 : plain;
        if (v >= 0 && v <= 1) lc.numbers[j] = v;
        else readCell(j, col, text.slice(a, b), rowNo, plan, reader);
        break;
      }
      case Kind.Date:
        readDateAt(text, a, b, j, rowNo, lc, plan, reader, dateOrders);
        break;
      case Kind.Repeated: {
        const memo = lc.memo as CellMemo<string | null>;
        let value = memo.get(text, a, b);
        if (value === UNKNOWN) {
          const cell = text.slice(a, b);
          value = plan.texts[lc.repeated!.dictionary].orNull(textOrNull(cell));
          memo.set(cell, value);
        }
        lc.texts[j] = value;
        break;
      }
      case Kind.Answer: {
        // What the cell's text gave before, written again; read afresh (readCell) the first time, and
        // every time when it gave an error (the error names its row).
        const memo = lc.memo as CellMemo<Answer>;
        const known = memo.get(text, a, b);
        if (known !== UNKNOWN) writeAnswer(col.field, j, known, store);
        else {
          const cell = text.slice(a, b);
          const errors = reader.errors.length;
          readCell(j, col, cell, rowNo, plan, reader);
          if (reader.errors.length === errors) memo.set(cell, answerAt(col.field, j, store));
        }
        break;
      }
      case Kind.Domain:
        domainCell = textOrNull(text.slice(a, b));
        break;
      case Kind.Cell:
        readCell(j, col, text.slice(a, b), rowNo, plan, reader);
        break;
      default:
        break;
    }
  }
  finishRow(j, domainCell, plan, cache);
  for (const [d, index] of lines.countOnly) {
    const a = starts[index]!;
    const b = ends[index]!;
    for (let i = a; i < b; i++) {
      const c = text.charCodeAt(i);
      if (c === 47 || c === 46) {
        dateOrders.countCell(d, text.slice(a, b));
        break;
      }
    }
  }
  return j;
}

/** What an answer column's cell wrote into a slot: the competitor flag and name, the switching cost, or the satisfaction. */
type Answer = { flag: number; name: string | null } | SwitchingCost | null | number;

/** What readCell wrote into slot j for an answer field (see Answer). */
function answerAt(field: Field, j: number, store: CustomerColumns): Answer {
  if (field === 'competitor') return { flag: store.competitor[j]!, name: store.text.competitorName[j]! };
  if (field === 'switching_cost') return store.switchingCost[j]!;
  return store.num.satisfaction[j]!;
}

/** Write an answer read before into slot j, as readCell wrote it then. */
function writeAnswer(field: Field, j: number, answer: Answer, store: CustomerColumns): void {
  if (field === 'competitor') {
    const c = answer as { flag: number; name: string | null };
    store.competitor[j] = c.flag;
    store.text.competitorName[j] = c.name;
  } else if (field === 'switching_cost') store.switchingCost[j] = answer as SwitchingCost | null;
  else store.num.satisfaction[j] = answer as number;
}

/**
 * A date cell read in place: an ISO date at once (isoDateAt); a text read before that gave a day
 * (or a blank) the same way in both day/month orders from the memo; any other as readDate reads
 * it. Each cell is counted for its column's day/month order as DateColumnOrders.count counts it.
 */
function readDateAt(text: string, a: number, b: number, j: number, rowNo: number, lc: LineColumn, plan: RowPlan, reader: CellReader, dateOrders: DateColumnOrders): void {
  // 'YYYY-MM-DD', the commonest form: read in place (it reads the same in both orders, and no
  // day/month order counts it).
  if (b - a === 10) {
    const iso = isoDateAt(text, a);
    if (typeof iso === 'number' && reader.plausibleDay(iso)) {
      lc.numbers[j] = iso;
      return;
    }
  }
  const memo = lc.memo as CellMemo<DateReading>;
  const known = memo.get(text, a, b);
  if (known !== UNKNOWN) {
    lc.numbers[j] = known.day;
    if (known.counted) dateOrders.countCell(lc.dateIndex, memo.lastText());
    return;
  }
  const cell = text.slice(a, b);
  const counted = cell.includes('/') || cell.includes('.');
  if (counted) dateOrders.countCell(lc.dateIndex, cell);
  const d = orderFreeDate(cell);
  if (d === null || (typeof d === 'number' && reader.plausibleDay(d))) {
    const day = d === null ? NaN : d;
    lc.numbers[j] = day;
    memo.set(cell, { day, counted });
  } else readDate(j, lc.date!, rowNo, lc.column, cell, plan, reader);
}
