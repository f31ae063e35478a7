/**
 * Small seeded random-number generators, so samples and generated data are reproducible from a
 * seed (method §8: "a survey sample draws N key accounts at random, reproducibly from a seed").
 */

/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state generator returning floats in [0, 1).
 * The same seed always yields the same sequence; seeds are taken modulo 2^32.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
