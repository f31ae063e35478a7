/**
 * Ordering many distinct strings by their UTF-16 code units (as `<` does) without a comparator
 * call per comparison: each string's first code units after the prefix they all share are packed
 * into one number, numbers are sorted natively, and only strings whose packed units are equal are
 * compared as text.
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
 * Sort `ids` in place so that texts[ids[0]] < texts[ids[1]] < …; the texts of the ids are
 * distinct. The order is exactly that of comparing the texts with `<`. With `recorded` (every id's
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
  refineTies(ids, packed, idScale, texts);
}

/** The first WINDOW code units and the length of each text, the prefix all share, the range of the units read. */
interface Prefixes {
  units: Uint16Array;
  lengths: Int32Array;
  shared: number;
  lo: number;
  hi: number;
}

/** One pass over the texts of `ids`, the only one that reads them. */
function readPrefixes(ids: Int32Array, texts: readonly string[]): Prefixes {
  const recorded = new TextPrefixes(ids.length);
  for (let i = 0; i < ids.length; i++) recorded.add(i, texts[ids[i]!]!);
  return scanPrefixes(ids.length, recorded.units, recorded.lengths);
}

/** The recorded prefixes of `ids`, by position. */
function gatherPrefixes(ids: Int32Array, recorded: TextPrefixes): Prefixes {
  const n = ids.length;
  const units = new Uint16Array(n * WINDOW);
  const lengths = new Int32Array(n);
  const from = recorded.units;
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    lengths[i] = recorded.lengths[id]!;
    for (let j = 0; j < WINDOW; j++) units[i * WINDOW + j] = from[id * WINDOW + j]!;
  }
  return scanPrefixes(n, units, lengths);
}

/** The prefix shared by all n texts and the range of their units, from units and lengths by position. */
function scanPrefixes(n: number, units: Uint16Array, lengths: Int32Array): Prefixes {
  let shared = Math.min(lengths[0]!, WINDOW);
  let lo = 0xffff;
  let hi = 0;
  for (let i = 0; i < n; i++) {
    const len = Math.min(lengths[i]!, WINDOW);
    let same = true;
    for (let j = 0; j < len; j++) {
      const c = units[i * WINDOW + j]!;
      if (c < lo) lo = c;
      if (c > hi) hi = c;
      if (same && j < shared && c !== units[j]) {
        shared = j;
        same = false;
      }
    }
    if (len < shared) shared = len;
  }
  return { units, lengths, shared, lo, hi };
}

/** Each id's code units after the shared prefix as base-`base` digits, times idScale, plus the id. */
function pack(ids: Int32Array, p: Prefixes, base: number, digits: number, idScale: number): Float64Array {
  const { units, lengths, shared, lo } = p;
  const packed = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    let code = 0;
    for (let j = shared; j < shared + digits; j++) code = code * base + (j < lengths[i]! ? units[i * WINDOW + j]! - lo + 1 : 0);
    packed[i] = code * idScale + ids[i]!;
  }
  return packed;
}

/** Texts whose packed units are equal are ordered by their whole text. */
function refineTies(ids: Int32Array, packed: Float64Array, idScale: number, texts: readonly string[]): void {
  const n = ids.length;
  for (let i = 0; i < n; ) {
    const code = Math.floor(packed[i]! / idScale);
    let j = i + 1;
    while (j < n && Math.floor(packed[j]! / idScale) === code) j++;
    if (j - i > 1) sortByComparingText(ids, i, j, texts);
    i = j;
  }
}

/** Sort ids[from..to) by their texts with `<`. */
function sortByComparingText(ids: Int32Array, from: number, to: number, texts: readonly string[]): void {
  const run = Array.from(ids.subarray(from, to)).sort((a, b) => (texts[a]! < texts[b]! ? -1 : 1));
  for (let i = from; i < to; i++) ids[i] = run[i - from]!;
}
