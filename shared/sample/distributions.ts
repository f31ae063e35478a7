/**
 * Random draws used by the sample generators, all driven by a seeded uniform source (prng.ts) so
 * generated tables are reproducible.
 */

export type Uniform = () => number;

/** Standard normal draw (Box–Muller; one of the pair is discarded for simplicity). */
export function normal(rand: Uniform): number {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Gamma(shape, scale) draw: Marsaglia & Tsang (2000), "A simple method for generating gamma
 * variables"; shapes below 1 by the boost Gamma(k) = Gamma(k + 1) · U^(1/k).
 */
export function gamma(rand: Uniform, shape: number, scale: number): number {
  if (shape < 1) return gamma(rand, shape + 1, scale) * (1 - rand()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rand);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rand();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

/** Beta(a, b) draw from two gamma draws. */
export function beta(rand: Uniform, a: number, b: number): number {
  const x = gamma(rand, a, 1);
  const y = gamma(rand, b, 1);
  return x / (x + y);
}

/** Exponential draw with the given rate. */
export function exponential(rand: Uniform, rate: number): number {
  return -Math.log(1 - rand()) / rate;
}

/**
 * Pareto(xm, alpha) draw: xm / U^(1/alpha). With alpha ≈ 1.16 the top 20% hold 80% (the 80/20
 * rule); U is floored at `uMin` so one draw cannot dwarf a small sample.
 */
export function pareto(rand: Uniform, xm: number, alpha: number, uMin = 1e-5): number {
  return xm / Math.max(1 - rand(), uMin) ** (1 / alpha);
}

/** Poisson draw (Knuth's multiplication method; fine for the small means used here). */
export function poisson(rand: Uniform, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rand();
  while (p > limit) {
    k++;
    p *= rand();
  }
  return k;
}

/** Uniform integer in [min, max]. */
export function intBetween(rand: Uniform, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

/** An element of a non-empty list, uniformly. */
export function pick<T>(rand: Uniform, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

/** Rounds to cents. */
export function cents(x: number): number {
  return Math.round(x * 100) / 100;
}
