/**
 * The customers' inputs held column by column: one Float64Array per number or date field (NaN
 * where the data has none), one array per text field, and the texts every customer has its own of
 * (names, e-mail addresses) in TextColumns. A million customers are then a few dozen arrays rather
 * than a million objects with a boxed number per field, so the table-wide rules read contiguous
 * memory and the garbage collector has little to walk. A customer's CustomerInput is
 * built from the columns only when a rule or a surface needs that one customer.
 */
import type { SwitchingCost } from '../types';
import { emptyInput, type CustomerInput } from './customer-input';
import { sortIdsByText } from './sort-by-text';
import { TextColumn } from './text-column';

/** The number and date fields (dates as day numbers), each one Float64Array. */
export const NUMBER_FIELDS = [
  'revenue',
  'revenuePrev',
  'profit',
  'costToServe',
  'orders',
  'firstPurchase',
  'lastPurchase',
  'wallet',
  'share',
  'sharePrev',
  'suppliers',
  'potential',
  'receivable',
  'overdueAmount',
  'overdueDays',
  'creditLimit',
  'satisfaction',
  'complaints',
  'complaintsOpen',
  'lastContact',
  'gapBeforeCurrent',
] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

/** The text fields whose values repeat across customers (each distinct value kept once by the reader). */
export const TEXT_FIELDS = ['owner', 'segment', 'region', 'competitorName', 'churnReasonText'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** None, one, or several (emails, domains, rows): no array for the common single value. */
type Few<T> = T | T[] | null;

/** None, one or several values, kept as given (the columns take the array over; inputAt hands out copies). */
function few<T>(values: readonly T[]): Few<T> {
  return values.length === 0 ? null : values.length === 1 ? values[0]! : (values as T[]);
}

/** The values as a fresh array. */
function many<T>(v: Few<T>): T[] {
  return v === null ? [] : Array.isArray(v) ? v.slice() : [v];
}

const nullable = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** The lists of an input filled without them (`lists` false): one frozen empty list, never changed by a reader. */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/** A growable table of customers' inputs; slots are filled in reading order, then put in key order by `select`. */
export class CustomerColumns {
  count = 0;
  key: string[];
  /** Each customer's name; null: none read, the key stands for it (nameAt). */
  name: TextColumn;
  rows: Few<number>[];
  /**
   * Each customer's e-mail addresses, one text per customer with a line break between addresses
   * (an address never holds one: every reader takes them from plainEmail or splitEmails); null: none.
   */
  emails: TextColumn;
  domains: Few<string>[];
  competitor: Int8Array;
  switchingCost: (SwitchingCost | null)[];
  readonly text: Record<TextField, (string | null)[]>;
  readonly num: Record<NumberField, Float64Array>;
  /**
   * The company domain of an email host, when a customer's domains also include those of its
   * emails: worked out as the customer is built rather than held for every customer (a stored
   * customer keeps only the domains its domain cell gave, or its merged list).
   */
  emailDomain: ((host: string) => string | null) | null = null;
  /**
   * True when the keys ascend strictly with the slots (key[0] < key[1] < …, texts compared as
   * JavaScript compares them): set by the readers, which put their customers in key order, one slot
   * per key. The ranks then break ties by slot without comparing keys (orderDescending with no keys).
   */
  keysAscending = false;

  /**
   * The one column of NaN that the number fields nobody writes share (see the constructor's
   * `written`), or null when every field has a column of its own.
   */
  private blankColumn: Float64Array | null = null;

  /**
   * Room for `capacity` customers. `blank` false leaves the number columns at 0 rather than NaN and
   * the competitor column at 0: for a table whose every slot is written at once (select).
   * `written`: the number fields the caller writes slot by slot (a log gives six of them); every
   * other reads as unknown from one shared column of NaN, which is never written: `set` gives a
   * field a column of its own first, `grow` gives every field one. A 1M-row log's 254,326 customers
   * then take one column for those fifteen fields instead of fifteen (about 28 MB less memory touched).
   */
  constructor(capacity = 1024, blank = true, written: readonly NumberField[] = NUMBER_FIELDS) {
    this.competitor = new Int8Array(capacity);
    if (blank) this.competitor.fill(-1);
    // The lists are made at their full size once (not grown a customer at a time, copying as they go);
    // trim and select cut them to the customers held.
    const list = <T>(): T[] => new Array<T>(capacity);
    this.key = list();
    this.name = new TextColumn(capacity);
    this.rows = list();
    this.emails = new TextColumn(capacity, 24);
    this.domains = list();
    this.switchingCost = list();
    this.text = Object.fromEntries(TEXT_FIELDS.map((f) => [f, list()])) as unknown as Record<TextField, (string | null)[]>;
    const shared = blank && written.length < NUMBER_FIELDS.length ? new Float64Array(capacity).fill(NaN) : null;
    this.blankColumn = shared;
    const column = (f: NumberField) => (shared !== null && !written.includes(f) ? shared : blank ? new Float64Array(capacity).fill(NaN) : new Float64Array(capacity));
    this.num = Object.fromEntries(NUMBER_FIELDS.map((f) => [f, column(f)])) as unknown as Record<NumberField, Float64Array>;
  }

  /** Every number field that shares the column of NaN given a column of its own (a copy), before a write that may reach any field. */
  private ownColumns(): void {
    const shared = this.blankColumn;
    if (shared === null) return;
    for (const f of NUMBER_FIELDS) if (this.num[f].buffer === shared.buffer) this.num[f] = this.num[f].slice();
    this.blankColumn = null;
  }

  /** Columns holding these inputs, in their order. */
  static of(inputs: readonly CustomerInput[]): CustomerColumns {
    const cols = new CustomerColumns(Math.max(1, inputs.length), false); // set writes every field
    for (let j = 0; j < inputs.length; j++) cols.set(j, inputs[j]!); // set writes every field
    cols.count = inputs.length;
    return cols.trim();
  }

  /**
   * A new slot for `key`, first read at `row`, every other field unknown; returns its index.
   * (Slots past `count` are always blank: the number columns start as NaN, dropLast blanks again.)
   */
  add(key: string, row: number): number {
    const j = this.count;
    if (j === this.competitor.length) this.grow(Math.max(1024, j * 2));
    this.key[j] = key;
    this.name.set(j, null);
    this.rows[j] = row;
    this.emails.set(j, null);
    this.domains[j] = null;
    this.switchingCost[j] = null;
    const t = this.text;
    t.owner[j] = null;
    t.segment[j] = null;
    t.region[j] = null;
    t.competitorName[j] = null;
    t.churnReasonText[j] = null;
    this.count = j + 1;
    return j;
  }

  /** Give back the last slot (its row was rejected), blank again; the next `add` reuses it. */
  dropLast(): void {
    const j = --this.count;
    this.competitor[j] = -1;
    for (const f of NUMBER_FIELDS) this.num[f][j] = NaN;
  }

  /** Room for `capacity` slots in all, so that adding up to there does not grow the columns again. */
  reserve(capacity: number): void {
    if (capacity > this.competitor.length) this.grow(capacity);
  }

  /** Room for `more` slots after those held, grown as `add` grows the columns (doubling), so that adding them does not grow the columns again. */
  ensure(more: number): void {
    const need = this.count + more;
    if (need > this.competitor.length) this.grow(Math.max(need, this.competitor.length * 2));
  }

  private grow(capacity: number): void {
    this.name.grow(capacity);
    this.emails.grow(capacity);
    const c = new Int8Array(capacity).fill(-1);
    c.set(this.competitor);
    this.competitor = c;
    for (const f of NUMBER_FIELDS) {
      const a = new Float64Array(capacity).fill(NaN);
      a.set(this.num[f]);
      this.num[f] = a;
    }
    this.blankColumn = null;
  }

  /** Customer j's inputs as one new object, its lists fresh arrays the caller may change. */
  inputAt(j: number): CustomerInput {
    return this.fill(j, emptyInput(this.key[j]!, 0));
  }

  /**
   * Customer j's inputs written over every field of `into`, which is returned: a caller that reads
   * the customers one at a time and keeps nothing of `into` reuses one object for all of them.
   * `lists` false leaves rows, emails and domains as one frozen empty list and the name as the key,
   * for rules that read none of them.
   */
  fill(j: number, into: CustomerInput, lists = true): CustomerInput {
    const n = this.num;
    const comp = this.competitor[j]!;
    const t = this.text;
    into.key = this.key[j]!;
    into.rows = lists ? many(this.rows[j]!) : NONE;
    into.name = lists ? this.nameAt(j) : into.key;
    into.emails = lists ? this.emailsAt(j) : NONE;
    into.domains = lists ? this.domainsAt(j) : NONE;
    into.owner = t.owner[j]!;
    into.segment = t.segment[j]!;
    into.region = t.region[j]!;
    into.revenue = nullable(n.revenue[j]!);
    into.revenuePrev = nullable(n.revenuePrev[j]!);
    into.profit = nullable(n.profit[j]!);
    into.costToServe = nullable(n.costToServe[j]!);
    into.orders = nullable(n.orders[j]!);
    into.firstPurchase = nullable(n.firstPurchase[j]!);
    into.lastPurchase = nullable(n.lastPurchase[j]!);
    into.wallet = nullable(n.wallet[j]!);
    into.share = nullable(n.share[j]!);
    into.sharePrev = nullable(n.sharePrev[j]!);
    into.competitor = comp < 0 ? null : comp === 1;
    into.competitorName = t.competitorName[j]!;
    into.suppliers = nullable(n.suppliers[j]!);
    into.switchingCost = this.switchingCost[j]!;
    into.potential = nullable(n.potential[j]!);
    into.receivable = nullable(n.receivable[j]!);
    into.overdueAmount = nullable(n.overdueAmount[j]!);
    into.overdueDays = nullable(n.overdueDays[j]!);
    into.creditLimit = nullable(n.creditLimit[j]!);
    into.satisfaction = nullable(n.satisfaction[j]!);
    into.complaints = nullable(n.complaints[j]!);
    into.complaintsOpen = nullable(n.complaintsOpen[j]!);
    into.lastContact = nullable(n.lastContact[j]!);
    into.churnReasonText = t.churnReasonText[j]!;
    into.gapBeforeCurrent = nullable(n.gapBeforeCurrent[j]!);
    return into;
  }

  /** Customer j's domains: those stored, then its emails' company domains not among them (a fresh array). */
  domainsAt(j: number): string[] {
    const domains = many(this.domains[j]!);
    const of = this.emailDomain;
    if (of === null) return domains;
    if (this.emails.isNull(j)) return domains;
    for (const e of this.emailsAt(j)) {
      const d = of(e.slice(e.lastIndexOf('@') + 1));
      if (d && !domains.includes(d)) domains.push(d);
    }
    return domains;
  }

  /** Every customer's input, in order (for small tables and tests: one object per customer). */
  toInputs(): CustomerInput[] {
    return Array.from({ length: this.count }, (_, j) => this.inputAt(j));
  }

  /** Customer j's name (its key when the table gave none). */
  nameAt(j: number): string {
    return this.name.get(j) ?? this.key[j]!;
  }

  /** Customer j's e-mail addresses (a fresh array). */
  emailsAt(j: number): string[] {
    const text = this.emails.get(j);
    return text === null ? [] : text.split('\n');
  }

  /** Customer j's input rows (a fresh array). */
  rowsAt(j: number): number[] {
    return many(this.rows[j]!);
  }

  /** Write a whole input into slot j (a merged customer). */
  set(j: number, c: CustomerInput): void {
    this.ownColumns();
    this.key[j] = c.key;
    this.name.set(j, c.name === c.key ? null : c.name);
    this.rows[j] = few(c.rows);
    this.setEmails(j, c.emails);
    this.domains[j] = few(c.domains);
    this.competitor[j] = c.competitor === null ? -1 : c.competitor ? 1 : 0;
    this.switchingCost[j] = c.switchingCost;
    // Field by field (not a loop over the field names): this runs once per customer of a log.
    const t = this.text;
    t.owner[j] = c.owner;
    t.segment[j] = c.segment;
    t.region[j] = c.region;
    t.competitorName[j] = c.competitorName;
    t.churnReasonText[j] = c.churnReasonText;
    const n = this.num;
    n.revenue[j] = c.revenue ?? NaN;
    n.revenuePrev[j] = c.revenuePrev ?? NaN;
    n.profit[j] = c.profit ?? NaN;
    n.costToServe[j] = c.costToServe ?? NaN;
    n.orders[j] = c.orders ?? NaN;
    n.firstPurchase[j] = c.firstPurchase ?? NaN;
    n.lastPurchase[j] = c.lastPurchase ?? NaN;
    n.wallet[j] = c.wallet ?? NaN;
    n.share[j] = c.share ?? NaN;
    n.sharePrev[j] = c.sharePrev ?? NaN;
    n.suppliers[j] = c.suppliers ?? NaN;
    n.potential[j] = c.potential ?? NaN;
    n.receivable[j] = c.receivable ?? NaN;
    n.overdueAmount[j] = c.overdueAmount ?? NaN;
    n.overdueDays[j] = c.overdueDays ?? NaN;
    n.creditLimit[j] = c.creditLimit ?? NaN;
    n.satisfaction[j] = c.satisfaction ?? NaN;
    n.complaints[j] = c.complaints ?? NaN;
    n.complaintsOpen[j] = c.complaintsOpen ?? NaN;
    n.lastContact[j] = c.lastContact ?? NaN;
    n.gapBeforeCurrent[j] = c.gapBeforeCurrent ?? NaN;
  }

  /** Set slot j's emails or domains from a list. */
  setEmails(j: number, emails: readonly string[]): void {
    this.emails.set(j, emails.length === 0 ? null : emails.length === 1 ? emails[0]! : emails.join('\n'));
  }

  setDomains(j: number, domains: readonly string[]): void {
    this.domains[j] = few(domains);
  }


  /** This table with its columns cut to `count` (the spare capacity's memory is not copied). */
  trim(): CustomerColumns {
    const n = this.count;
    this.competitor = this.competitor.subarray(0, n);
    for (const f of NUMBER_FIELDS) this.num[f] = this.num[f].subarray(0, n);
    for (const a of [this.key, this.rows, this.domains, this.switchingCost, ...TEXT_FIELDS.map((f) => this.text[f])] as unknown[][]) a.length = n;
    return this;
  }

  /** A new table of the slots `order` lists, in that order, exactly sized. */
  select(order: ArrayLike<number>): CustomerColumns {
    const m = order.length;
    const out = new CustomerColumns(Math.max(1, m), false); // every slot written below
    out.emailDomain = this.emailDomain;
    const pick = <T>(from: T[], to: T[]): void => {
      for (let i = 0; i < m; i++) to[i] = from[order[i]!]!;
    };
    pick(this.key, out.key);
    out.name = this.name.select(order);
    pick(this.rows, out.rows);
    out.emails = this.emails.select(order);
    pick(this.domains, out.domains);
    pick(this.switchingCost, out.switchingCost);
    for (const f of TEXT_FIELDS) pick(this.text[f], out.text[f]);
    for (let i = 0; i < m; i++) out.competitor[i] = this.competitor[order[i]!]!;
    for (const f of NUMBER_FIELDS) {
      const from = this.num[f];
      const to = out.num[f];
      for (let i = 0; i < m; i++) to[i] = from[order[i]!]!;
    }
    out.count = m;
    return out.trim();
  }

  /** The slots in key order, equal keys in slot order (the reader merges each run of one key). */
  keyOrder(): Uint32Array {
    const keys = this.key;
    const ids = new Int32Array(this.count);
    for (let i = 0; i < ids.length; i++) ids[i] = i;
    let sorted = true;
    for (let i = 1; i < ids.length && sorted; i++) if (!(keys[i - 1]! < keys[i]!)) sorted = false;
    // Packed prefixes sorted as numbers, not a comparator call per comparison (a table in another order, or with repeated keys).
    if (!sorted) sortIdsByText(ids, keys);
    return new Uint32Array(ids.buffer, 0, ids.length);
  }
}

/** True when column x has a value for at least one customer. */
export function anyPresent(x: Float64Array, n = x.length): boolean {
  for (let i = 0; i < n; i++) if (!Number.isNaN(x[i])) return true;
  return false;
}

/** True when column x has a value for every customer (and there is at least one). */
export function allPresent(x: Float64Array, n = x.length): boolean {
  if (n === 0) return false;
  for (let i = 0; i < n; i++) if (Number.isNaN(x[i])) return false;
  return true;
}
