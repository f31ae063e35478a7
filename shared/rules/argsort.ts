/**
 * The indices of a Float64Array in ascending order of its values, by a stable least-significant-
 * digit radix sort on the values' bits (each double mapped to an unsigned key that orders as the
 * number does: sign bit flipped for positives, all bits flipped for negatives). Four passes of
 * 16 bits at most, and a pass is skipped when every value shares its digit — integer amounts and
 * day numbers leave the low mantissa bits at zero, so they sort in one or two passes. Stable: equal
 * values keep their index order, and −0 is equal to +0 (as === has it), so zeros of either sign
 * stay in index order too. Values that are all decimals of a few places within a 32-bit span
 * (amounts of money, shares in percent) are sorted by their scaled integers instead: two passes.
 * Values must not be NaN (the callers leave missing values out first).
 */

const DIGITS = 4;
/** Which 32-bit half of a double's 8 bytes holds its sign and exponent on this machine. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = LITTLE_ENDIAN ? 0 : 1;
const HI = 1 - LO;
const RADIX = 1 << 16;

/**
 * Working arrays kept between calls: a table's ranks sort a dozen columns of the same length, and
 * allocating 16 bytes per value each time would be garbage the collector must chase (large typed
 * arrays live outside the heap and their allocation itself prompts full collections). Each pass
 * moves every value's key (high and low word) with its index, so that a pass reads its input in
 * order rather than looking each key up where it was first written.
 */
interface Scratch {
  hi: Uint32Array;
  lo: Uint32Array;
  at: Uint32Array;
  hi2: Uint32Array;
  lo2: Uint32Array;
  at2: Uint32Array;
  present: Uint32Array;
}
let scratch: Scratch | null = null;
const COUNT = new Uint32Array(RADIX);

function scratchFor(m: number): Scratch {
  if (scratch === null || scratch.at.length < m) {
    const u = () => new Uint32Array(m);
    scratch = { hi: u(), lo: u(), at: u(), hi2: u(), lo2: u(), at2: u(), present: u() };
  }
  return scratch;
}

/**
 * Indices in ascending order of their values, with each one's sortable key (two 32-bit words):
 * two values are equal exactly when their keys are, so a run of ties is found by reading the keys
 * in order rather than the values at the indices.
 */
export interface SortedShared {
  order: Uint32Array;
  hi: Uint32Array;
  lo: Uint32Array;
}

/**
 * The indices `idx` (a subset of 0…values.length−1) ordered by ascending value, stably, in a
 * working array shared between calls: the answer is valid only until the next call of this
 * module's functions (callers read it at once, as the ranks do).
 */
export function argsortShared(values: Float64Array, idx: Uint32Array): Uint32Array {
  return sortShared(values, idx).order;
}

/** argsortShared with the sorted values' keys (SortedShared), valid until the next call as well. */
export function sortShared(values: Float64Array, idx: Uint32Array): SortedShared {
  const m = idx.length;
  const sc = scratchFor(Math.max(1, values.length, m));
  let hi = sc.hi;
  let lo = sc.lo;
  let at = sc.at;
  let hi2 = sc.hi2;
  let lo2 = sc.lo2;
  let at2 = sc.at2;
  // The sortable key of each listed value, as four 16-bit digits (hi…lo), in idx's order.
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * values.length);
  if (!scaledKeys(values, idx, hi, lo)) bitKeys(words, idx, hi, lo);
  at.set(idx);
  for (let d = 0; d < DIGITS && m > 1; d++) {
    // digit d: 0 = low 16 bits of the low word … 3 = high 16 bits of the high word
    if (!radixPass(d < 2 ? lo : hi, d % 2 === 0 ? 0 : 16, m, hi, lo, at, hi2, lo2, at2)) continue;
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
    [at, at2] = [at2, at];
  }
  return { order: at.subarray(0, m), hi: hi.subarray(0, m), lo: lo.subarray(0, m) };
}

/** The sortable key of each listed value from its bits (the double's two 32-bit words), in idx's order. */
function bitKeys(words: Uint32Array, idx: Uint32Array, hi: Uint32Array, lo: Uint32Array): void {
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    let h = words[2 * i + HI]!;
    let l = words[2 * i + LO]!;
    if (h === 0x80000000 && l === 0) h = 0; // −0 is +0: equal values keep their index order
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    hi[k] = h;
    lo[k] = l;
  }
}

/**
 * One stable counting pass on a 16-bit digit, from (hi, lo, at) into (hi2, lo2, at2); false, moving
 * nothing, when every key shares the digit. A function of its own so that the engine compiles it
 * during a sort's first pass and runs the later passes compiled: a table sorts each column once,
 * and with the passes inline in sortShared each sort ran mostly uncompiled (on the 1M-row log's
 * customers, about twice the time in the profile).
 */
function radixPass(key: Uint32Array, shift: number, m: number, hi: Uint32Array, lo: Uint32Array, at: Uint32Array, hi2: Uint32Array, lo2: Uint32Array, at2: Uint32Array): boolean {
  const count = COUNT;
  count.fill(0);
  for (let k = 0; k < m; k++) count[(key[k]! >>> shift) & 0xffff]!++;
  if (count[(key[0]! >>> shift) & 0xffff] === m) return false;
  let sum = 0;
  for (let b = 0; b < RADIX; b++) {
    const c = count[b]!;
    count[b] = sum;
    sum += c;
  }
  for (let k = 0; k < m; k++) {
    const to = count[(key[k]! >>> shift) & 0xffff]!++;
    hi2[to] = hi[k]!;
    lo2[to] = lo[k]!;
    at2[to] = at[k]!;
  }
  return true;
}

/** Decimal places tried for scaledKeys: whole numbers up to hundredths of a hundredth. */
const MAX_PLACES = 4;
const SPAN = 2 ** 32;

/**
 * The listed values as 32-bit sort keys in `lo` (`hi` 0), when for some number of decimal
 * places d ≤ MAX_PLACES every value v is exactly round(v·10^d)/10^d and the scaled values span less
 * than 2^32; false (keys untouched) otherwise. The keys order as the values do: v < w gives
 * round(v·s) ≤ round(w·s), and equal keys would make v and w both that key / s. −0 and 0 share a key.
 */
function scaledKeys(values: Float64Array, idx: Uint32Array, hi: Uint32Array, lo: Uint32Array): boolean {
  const m = idx.length;
  for (let d = 0, s = 1; d <= MAX_PLACES; d++, s *= 10) {
    let min = Infinity;
    let max = -Infinity;
    let k = 0;
    for (; k < m; k++) {
      const v = values[idx[k]!]!;
      const scaled = Math.round(v * s);
      if (scaled / s !== v || !Number.isFinite(scaled)) break;
      if (scaled < min) min = scaled;
      if (scaled > max) max = scaled;
    }
    if (k < m) continue;
    if (max - min >= SPAN) return false;
    for (k = 0; k < m; k++) {
      hi[k] = 0;
      lo[k] = Math.round(values[idx[k]!]! * s) - min;
    }
    return true;
  }
  return false;
}

/** The indices of the values that are not NaN, ascending, in a working array shared between calls (as argsortShared). */
export function presentShared(values: Float64Array): Uint32Array {
  const n = values.length;
  const idx = scratchFor(Math.max(1, n)).present;
  let k = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(values[i])) idx[k++] = i;
  return idx.subarray(0, k);
}

/** 0, 1, … n−1 in a working array shared between calls (valid until the next call, as argsortShared). */
export function allShared(n: number): Uint32Array {
  const idx = scratchFor(Math.max(1, n)).present.subarray(0, n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return idx;
}
