/**
 * A column of texts (or nulls), one per slot, kept as UTF-16 code units in one growing array with
 * each slot's start and length. A million customers' names are then three typed arrays rather than
 * a million strings, which the garbage collector would trace on every collection and copy as they
 * age while a large table is read; a slot's text is made again only when a customer is built.
 * A text that is already a string of its own (a cell of a table held in memory, which holds it
 * anyway) is kept as it is instead: copying it would only add work.
 */

/** A TextColumn's slots as typed arrays, to move to another thread without a copy. */
export interface PackedTextColumn {
  /** The code units of every text, in slot order. */
  chars: Uint16Array;
  /** Per slot: its length in code units, −1 for null. */
  lengths: Int32Array;
}

/** Texts made from at most this many code units at a time (String.fromCharCode takes them as arguments). */
const CHUNK = 8192;
/** A slot's length when it holds null, and when its text is kept as a string (keep). */
const NULL = -1;
const KEPT = -2;

export class TextColumn {
  private chars: Uint16Array;
  private used = 0;
  private start: Int32Array;
  private length: Int32Array;
  /** The strings of the slots whose text was kept rather than copied; made at the first keep. */
  private kept: (string | undefined)[] | null = null;

  /** Room for `capacity` slots, all null, and about `charsPerSlot` code units each before the text store grows. */
  constructor(capacity: number, charsPerSlot = 16) {
    this.start = new Int32Array(capacity);
    this.length = new Int32Array(capacity).fill(NULL);
    this.chars = new Uint16Array(Math.max(64, capacity * charsPerSlot));
  }

  /** How many slots there is room for. */
  get capacity(): number {
    return this.length.length;
  }

  /** Slot j's text, or null. */
  get(j: number): string | null {
    const n = this.length[j]!;
    if (n <= 0) return n === 0 ? '' : n === KEPT ? this.kept![j]! : null;
    const s = this.start[j]!;
    if (n <= CHUNK) return String.fromCharCode.apply(null, this.chars.subarray(s, s + n) as unknown as number[]);
    let out = '';
    for (let a = s; a < s + n; a += CHUNK) out += String.fromCharCode.apply(null, this.chars.subarray(a, Math.min(s + n, a + CHUNK)) as unknown as number[]);
    return out;
  }

  /** True when slot j holds null. */
  isNull(j: number): boolean {
    return this.length[j] === NULL;
  }

  /** Slot j becomes `text` (its code units copied) or null. A slot written again leaves its old units unused until select. */
  set(j: number, text: string | null): void {
    if (text === null) {
      this.length[j] = NULL;
      return;
    }
    const n = text.length;
    const at = this.room(n);
    const chars = this.chars;
    for (let i = 0; i < n; i++) chars[at + i] = text.charCodeAt(i);
    this.start[j] = at;
    this.length[j] = n;
    this.used = at + n;
  }

  /** Slot j becomes `text` itself, not a copy: for a string the caller holds anyway. */
  keep(j: number, text: string): void {
    if (this.kept === null) this.kept = [];
    this.kept[j] = text;
    this.length[j] = KEPT;
  }

  /** Slot j becomes `text`: copied (`copy`: a cell cut from a file's text), else kept as it is. */
  put(j: number, text: string, copy: boolean): void {
    if (copy) this.set(j, text);
    else this.keep(j, text);
  }

  /** Room for `slots` slots in all (new ones null). */
  grow(slots: number): void {
    if (slots <= this.length.length) return;
    const start = new Int32Array(slots);
    start.set(this.start);
    const length = new Int32Array(slots).fill(NULL);
    length.set(this.length);
    this.start = start;
    this.length = length;
  }

  /** The slots `order` lists, in that order, as a new column holding only their texts. */
  select(order: ArrayLike<number>): TextColumn {
    const m = order.length;
    let units = 0;
    for (let i = 0; i < m; i++) units += Math.max(0, this.length[order[i]!]!);
    const out = new TextColumn(m, 0);
    out.chars = new Uint16Array(Math.max(64, units));
    for (let i = 0; i < m; i++) {
      const j = order[i]!;
      const n = this.length[j]!;
      if (n === KEPT) {
        out.keep(i, this.kept![j]!);
        continue;
      }
      out.length[i] = n;
      if (n <= 0) continue;
      out.start[i] = out.used;
      out.chars.set(this.chars.subarray(this.start[j]!, this.start[j]! + n), out.used);
      out.used += n;
    }
    return out;
  }

  /** The first `n` slots, packed (their texts copied out in slot order, kept ones too). */
  pack(n: number): PackedTextColumn {
    const lengths = this.length.slice(0, n);
    let units = 0;
    for (let i = 0; i < n; i++) {
      if (lengths[i] === KEPT) lengths[i] = this.kept![i]!.length;
      units += Math.max(0, lengths[i]!);
    }
    const chars = new Uint16Array(units);
    let at = 0;
    for (let i = 0; i < n; i++) {
      const len = lengths[i]!;
      if (len <= 0) continue;
      if (this.length[i] === KEPT) {
        const text = this.kept![i]!;
        for (let k = 0; k < len; k++) chars[at + k] = text.charCodeAt(k);
      } else chars.set(this.chars.subarray(this.start[i]!, this.start[i]! + len), at);
      at += len;
    }
    return { chars, lengths };
  }

  /** The packed slots written into slots `at`, `at` + 1, … (which must have room: grow). */
  unpack(p: PackedTextColumn, at: number): void {
    const base = this.room(p.chars.length);
    this.chars.set(p.chars, base);
    let s = base;
    for (let i = 0; i < p.lengths.length; i++) {
      const len = p.lengths[i]!;
      this.length[at + i] = len;
      this.start[at + i] = s;
      if (len > 0) s += len;
    }
    this.used = base + p.chars.length;
  }

  /** Where `n` more code units go, the text store grown (doubled at least) when they do not fit. */
  private room(n: number): number {
    const at = this.used;
    if (at + n > this.chars.length) {
      const bigger = new Uint16Array(Math.max(2 * this.chars.length, at + n));
      bigger.set(this.chars.subarray(0, at));
      this.chars = bigger;
    }
    return at;
  }
}
