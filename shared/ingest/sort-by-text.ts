/**
 * Ordering many strings by their UTF-16 code units (as `<` does; equal strings by id) without a
 * comparator call per comparison: each string's first code units after the prefix they all share
 * are packed into one number and the numbers sorted natively; strings whose packed units are equal
 * are ordered by their next units the same way, and short runs of them compared as text.
 */

/** Largest integer below which every double is exact. */
const EXACT = 2 ** 53;
/** Code units read from the start of each text. */
const WINDOW = 8;

/**
 * The first WINDOW code units and the length of texts recorded by id as they are first met (while
 * the text is at hand), so that sorting the ids later reads no text but those of ties.
 */
export class TextPrefixes {
  units: Uint16Array;
  lengths: Int32Array;

  constructor(capacity = 1024) {
    this.units = new Uint16Array(Math.max(1, capacity) * WINDOW);
    this.lengths = new Int32Array(Math.max(1, capacity));
  }

  /** Record the text of `id`. */
  add(id: number, text: string): void {
    if (id >= this.lengths.length) {
      const lengths = new Int32Array(this.lengths.length * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
      const units = new Uint16Array(this.units.length * 2);
      units.set(this.units);
      this.units = units;
    }
    this.lengths[id] = text.length;
    const n = Math.min(text.length, WINDOW);
    for (let j = 0; j < n; j++) this.units[id * WINDOW + j] = text.charCodeAt(j);
  }
}

/**
 * Sort `ids` in place so that texts[ids[0]] ≤ texts[ids[1]] ≤ …, ids of equal texts in ascending
 * order. The order is exactly that of comparing the texts with `<`, then the ids. With `recorded` (every id's
 * text recorded), the texts are read only to order ids whose first code units are equal.
 */
export function sortIdsByText(ids: Int32Array, texts: readonly string[], recorded?: TextPrefixes): void {
  const n = ids.length;
  if (n < 2) return;
  // Bits for the id in each packed number: ids < 2^idBits.
  let maxId = 0;
  for (let i = 0; i < n; i++) if (ids[i]! > maxId) maxId = ids[i]!;
  const idScale = 2 ** Math.max(1, Math.ceil(Math.log2(maxId + 1)));
  const p = recorded ? gatherPrefixes(ids, recorded) : readPrefixes(ids, texts);
  // Digit 0 is "the text has ended" (a text sorts before any longer text it begins);
  // a code unit c is the digit c − lo + 1.
  const base = p.hi >= p.lo ? p.hi - p.lo + 2 : 2;
  let digits = 0;
  while (p.shared + digits < WINDOW && base ** (digits + 1) * idScale <= EXACT) digits++;
  if (digits === 0) {
    sortByComparingText(ids, 0, n, texts);
    return;
  }
  const packed = pack(ids, p, base, digits, idScale);
  packed.sort();
  for (let i = 0; i < n; i++) {
    const v = packed[i]!;
    ids[i] = v - Math.floor(v / idScale) * idScale;
  }
  refineTies(ids, packed, idScale, texts, p.shared + digits, base);
}

/**
 * The first WINDOW code units and the length of each text, position i's at record at[i]; the prefix
 * all share and the range of the units read.
 */
interface Prefixes {
  units: Uint16Array;
  lengths: Int32Array;
  at: Int32Array;
  shared: number;
  lo: number;
  hi: number;
}

/** One pass over the texts of `ids`, the only one that reads them. */
function readPrefixes(ids: Int32Array, texts: readonly string[]): Prefixes {
  const recorded = new TextPrefixes(ids.length);
  const at = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    recorded.add(i, texts[ids[i]!]!);
    at[i] = i;
  }
  return scanPrefixes(recorded.units, recorded.lengths, at);
}

/** The recorded prefixes of `ids` (records by id). */
function gatherPrefixes(ids: Int32Array, recorded: TextPrefixes): Prefixes {
  return scanPrefixes(recorded.units, recorded.lengths, ids);
}

/** The prefix shared by the texts of records at[0..n) and the range of their units. */
function scanPrefixes(units: Uint16Array, lengths: Int32Array, at: Int32Array): Prefixes {
  const first = at[0]! * WINDOW;
  let shared = Math.min(lengths[at[0]!]!, WINDOW);
  let lo = 0xffff;
  let hi = 0;
  for (let i = 0; i < at.length; i++) {
    const k = at[i]!;
    const len = Math.min(lengths[k]!, WINDOW);
    let same = true;
    for (let j = 0; j < len; j++) {
      const c = units[k * WINDOW + j]!;
      if (c < lo) lo = c;
      if (c > hi) hi = c;
      if (same && j < shared && c !== units[first + j]) {
        shared = j;
        same = false;
      }
    }
    if (len < shared) shared = len;
  }
  return { units, lengths, at, shared, lo, hi };
}

/** Each id's code units after the shared prefix as base-`base` digits, times idScale, plus the id. */
function pack(ids: Int32Array, p: Prefixes, base: number, digits: number, idScale: number): Float64Array {
  const { units, lengths, at, shared, lo } = p;
  const packed = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const k = at[i]!;
    let code = 0;
    for (let j = shared; j < shared + digits; j++) code = code * base + (j < lengths[k]! ? units[k * WINDOW + j]! - lo + 1 : 0);
    packed[i] = code * idScale + ids[i]!;
  }
  return packed;
}

/** Runs of ties at most this long are ordered by comparing their texts; longer ones by their next code units. */
const SMALL_RUN = 32;
/** Code units read per text in each further pass over a run of ties. */
const RUN_UNITS = 6;

/**
 * Texts whose packed units are equal, from code unit `depth` on. A long run of ties (Chinese names
 * share their first characters: a city, 上海…) is ordered by its next code units packed as numbers,
 * pass after pass (a most-significant-digit radix sort); short runs by comparing their texts.
 */
function refineTies(ids: Int32Array, packed: Float64Array, idScale: number, texts: readonly string[], depth: number, base: number): void {
  const runs: number[] = []; // from, to, depth of each run still to order
  pushTies(runs, packed, idScale, 0, base, depth);
  while (runs.length > 0) {
    const at = runs.pop()!;
    const to = runs.pop()!;
    const from = runs.pop()!;
    if (to - from <= SMALL_RUN) sortByComparingText(ids, from, to, texts);
    else sortRunFrom(ids, from, to, texts, at, runs);
  }
}

/**
 * Records in `runs` each run of equal packed codes (packed[k] = code × idScale + a tie-breaker; its
 * ids at positions offset + k) whose texts go on: a code ending in digit 0 belongs to texts that all
 * ended, which are equal and already in id order.
 */
function pushTies(runs: number[], packed: Float64Array, idScale: number, offset: number, base: number, depth: number): void {
  const n = packed.length;
  for (let i = 0; i < n; ) {
    const code = Math.floor(packed[i]! / idScale);
    let j = i + 1;
    while (j < n && Math.floor(packed[j]! / idScale) === code) j++;
    if (j - i > 1 && code % base !== 0) runs.push(offset + i, offset + j, depth);
    i = j;
  }
}

/**
 * Orders ids[from..to), whose texts agree on their first `depth` code units and are in id order, by
 * their next code units packed as numbers (the position in the run breaks ties, keeping id order),
 * and records the runs still tied.
 */
function sortRunFrom(ids: Int32Array, from: number, to: number, texts: readonly string[], depth: number, runs: number[]): void {
  const m = to - from;
  const units = new Uint16Array(m * RUN_UNITS);
  const lengths = new Int32Array(m);
  let lo = 0xffff;
  let hi = 0;
  for (let k = 0; k < m; k++) {
    const t = texts[ids[from + k]!]!;
    const len = Math.min(Math.max(t.length - depth, 0), RUN_UNITS);
    lengths[k] = len;
    for (let u = 0; u < len; u++) {
      const c = t.charCodeAt(depth + u);
      units[k * RUN_UNITS + u] = c;
      if (c < lo) lo = c;
      if (c > hi) hi = c;
    }
  }
  if (hi < lo) return; // every text ended: all equal, in id order
  const base = hi - lo + 2;
  const idScale = 2 ** Math.max(1, Math.ceil(Math.log2(m)));
  let digits = 1;
  while (digits < RUN_UNITS && base ** (digits + 1) * idScale <= EXACT) digits++;
  const packed = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    let code = 0;
    for (let u = 0; u < digits; u++) code = code * base + (u < lengths[k]! ? units[k * RUN_UNITS + u]! - lo + 1 : 0);
    packed[k] = code * idScale + k;
  }
  packed.sort();
  const before = ids.slice(from, to);
  for (let k = 0; k < m; k++) {
    const v = packed[k]!;
    ids[from + k] = before[v - Math.floor(v / idScale) * idScale]!;
  }
  pushTies(runs, packed, idScale, from, base, depth + digits);
}

/** Sort ids[from..to) by their texts with `<`, equal texts by id. */
function sortByComparingText(ids: Int32Array, from: number, to: number, texts: readonly string[]): void {
  const run = Array.from(ids.subarray(from, to)).sort((a, b) => (texts[a]! < texts[b]! ? -1 : texts[a]! > texts[b]! ? 1 : a - b));
  for (let i = from; i < to; i++) ids[i] = run[i - from]!;
}
