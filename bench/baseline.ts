/**
 * The yardstick every benchmark figure is divided by: one Float64Array sort of 1,000,000 values,
 * timed in the same run on the same machine (best of 5).
 */
export function measureSortBaseline(n = 1_000_000): number {
  let seed = 12345;
  const src = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    src[i] = seed / 4294967296;
  }
  let best = Infinity;
  for (let k = 0; k < 5; k++) {
    const a = src.slice();
    const t0 = performance.now();
    a.sort();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** What each bench file receives: the baseline and a printer for one figure. */
export interface BenchContext {
  baselineMs: number;
  /** Print one figure: its name, the measured value, and (for times) the ratio to the baseline. */
  report(name: string, ms: number, extra?: string): void;
  line(text: string): void;
}

/** Peak resident memory so far, in MiB (process-wide). */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Run f once and time it (wall clock, ms). */
export function time<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}

/** The goal's verdict for a figure measured at the size the goal is set for; at another size, no verdict. */
export function verdict(met: boolean, n: number, goalSize = 1_000_000): string {
  if (n !== goalSize) return `not judged: the goal is for ${goalSize.toLocaleString('en-US')}`;
  return met ? 'met' : 'NOT met';
}
