/**
 * The customers a purchase model is fitted on. Maximum-likelihood estimates of four parameters
 * settle long before a million customers: their standard errors shrink as 1/√n, so beyond some tens
 * of thousands more customers change the fitted r, α, a, b only in digits nobody reads, while the
 * cost of every likelihood evaluation grows with them. Above MAX_FIT_CUSTOMERS the model is fitted on
 * that many customers chosen by a hash of their key — deterministic, and independent of row order —
 * and then applied to every customer.
 */
import { aggregatePoints, type PointColumns, type RfmData } from './rfm-data';

/** Above this many customers the fit uses a sample of this size. */
export const MAX_FIT_CUSTOMERS = 50_000;

/** FNV-1a, 32 bits: a stable hash of a key (the same key always lands in or out of the sample). */
export function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The k-th smallest of the values (1-based; k ≤ values.length), what sorting them and taking the
 * k-th would give, in two counting passes instead of a sort: the values are counted by their high
 * 16 bits, and only the values in the bucket holding the k-th are sorted.
 */
export function kthSmallest(values: Uint32Array, k: number): number {
  const count = new Uint32Array(1 << 16);
  for (let i = 0; i < values.length; i++) count[values[i]! >>> 16]!++;
  let bucket = 0;
  let below = 0;
  while (below + count[bucket]! < k) below += count[bucket++]!;
  const inBucket = new Uint32Array(count[bucket]!);
  let m = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! >>> 16 === bucket) inBucket[m++] = values[i]!;
  return inBucket.sort()[k - below - 1]!;
}

/**
 * The rows to fit on, by their keys: all of them up to `max` (null), else the indices, ascending, of
 * the `max` rows whose keys hash lowest (ties by key).
 */
export function sampleIndices(keys: readonly string[], max = MAX_FIT_CUSTOMERS): Uint32Array | null {
  const n = keys.length;
  if (n <= max) return null;
  const hashes = new Uint32Array(n);
  for (let i = 0; i < n; i++) hashes[i] = keyHash(keys[i]!);
  const threshold = kthSmallest(hashes, max);
  let below = 0;
  const ties: number[] = [];
  for (let i = 0; i < n; i++) {
    if (hashes[i]! < threshold) below++;
    else if (hashes[i] === threshold) ties.push(i);
  }
  // Rows at the threshold hash: the lowest keys fill the sample up to max.
  ties.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  const chosen = new Set(ties.slice(0, max - below));
  const out = new Uint32Array(below + chosen.size);
  let m = 0;
  for (let i = 0; i < n; i++) if (hashes[i]! < threshold || chosen.has(i)) out[m++] = i;
  return out;
}

/**
 * The aggregated data the purchase model is fitted on: the points of the rows `sample` lists
 * (sampleIndices), in its order, or every point (null).
 */
export function fitSampleData(points: PointColumns, sample: Uint32Array | null): RfmData {
  if (sample === null) return aggregatePoints(points);
  const take = (c: Float64Array) => Float64Array.from(sample, (i) => c[i]!);
  return aggregatePoints({ x: take(points.x), tx: take(points.tx), T: take(points.T) });
}
