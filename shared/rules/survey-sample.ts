/**
 * Survey sample (method §8): N key accounts drawn at random, reproducibly from a seed — the same
 * seed and the same customers (in any order) give the same sample.
 */
import { mulberry32 } from '../prng';

/** Draw up to n keys from `keys` (sorted first, so input order does not matter), Fisher–Yates with a seeded PRNG. */
export function surveySample(keys: readonly string[], n: number, seed: number): string[] {
  const pool = [...keys].sort();
  const rand = mulberry32(seed);
  const k = Math.min(n, pool.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rand() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, k);
}
