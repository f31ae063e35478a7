/**
 * The customers a purchase model is fitted on. Maximum-likelihood estimates of four parameters
 * settle long before a million customers: their standard errors shrink as 1/√n, so beyond some tens
 * of thousands more customers change the fitted r, α, a, b only in digits nobody reads, while the
 * cost of every likelihood evaluation grows with them. Above MAX_FIT_CUSTOMERS the model is fitted on
 * that many customers chosen by a hash of their key — deterministic, and independent of row order —
 * and then applied to every customer.
 */

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
 * The rows to fit on: all of them up to `max`, else the `max` rows whose keys hash lowest (ties by
 * key), in their original order.
 */
export function fitSample<R extends { key: string }>(rows: readonly R[], max = MAX_FIT_CUSTOMERS): readonly R[] {
  if (rows.length <= max) return rows;
  const hashes = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) hashes[i] = keyHash(rows[i]!.key);
  const threshold = kthSmallest(hashes, max);
  const out: R[] = [];
  const ties: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (hashes[i]! < threshold) out.push(rows[i]!);
    else if (hashes[i] === threshold) ties.push(i);
  }
  // Rows at the threshold hash: the lowest keys fill the sample up to max.
  ties.sort((a, b) => (rows[a]!.key < rows[b]!.key ? -1 : rows[a]!.key > rows[b]!.key ? 1 : 0));
  const chosen = new Set(ties.slice(0, max - out.length));
  if (chosen.size === 0) return out;
  const merged: R[] = [];
  for (let i = 0; i < rows.length; i++) if (hashes[i]! < threshold || chosen.has(i)) merged.push(rows[i]!);
  return merged;
}
