import { describe, expect, it } from 'vitest';
import {
  TRANSACTION_HEADERS_EN,
  TRANSACTION_HEADERS_ZH,
  generateTransactions,
} from '../../../shared/sample/generate-transactions';
import { isoToDay } from '../../../shared/ingest/parse-date';
import { beta, gamma, pareto, poisson } from '../../../shared/sample/distributions';
import { mulberry32 } from '../../../shared/prng';

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]): number => {
  const m = mean(xs);
  return mean(xs.map((x) => (x - m) ** 2));
};

describe('distributions', () => {
  const rand = mulberry32(99);
  const draws = (f: () => number, n = 40000): number[] => Array.from({ length: n }, f);

  it.each([
    [0.5, 2],
    [2, 3],
    [6, 1 / 50],
  ])('Gamma(%d, scale %d) has mean kθ and variance kθ²', (k, theta) => {
    const xs = draws(() => gamma(rand, k, theta));
    expect(mean(xs) / (k * theta)).toBeCloseTo(1, 1);
    expect(variance(xs) / (k * theta * theta)).toBeGreaterThan(0.85);
    expect(variance(xs) / (k * theta * theta)).toBeLessThan(1.15);
    expect(xs.every((x) => x > 0)).toBe(true);
  });

  it('Beta(0.8, 2.4) has mean a/(a+b) = 0.25', () => {
    const xs = draws(() => beta(rand, 0.8, 2.4));
    expect(mean(xs)).toBeCloseTo(0.25, 2);
    expect(xs.every((x) => x >= 0 && x <= 1)).toBe(true);
  });

  it('Poisson(2.5) has mean and variance 2.5', () => {
    const xs = draws(() => poisson(rand, 2.5));
    expect(mean(xs)).toBeCloseTo(2.5, 1);
    expect(variance(xs)).toBeCloseTo(2.5, 0);
  });

  it('Pareto(1, 3) has mean α·xm/(α−1) = 1.5 and no value below xm', () => {
    const xs = draws(() => pareto(rand, 1, 3));
    expect(mean(xs)).toBeCloseTo(1.5, 1);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(1);
  });
});

describe('generateTransactions', () => {
  const log = generateTransactions(4000, { seed: 9 });
  const rows = log.slice(1);

  it('exactly rows rows plus the header', () => {
    expect(log).toHaveLength(4001);
    expect(log[0]).toEqual([...TRANSACTION_HEADERS_ZH]);
    expect(generateTransactions(10, { lang: 'en' })[0]).toEqual([...TRANSACTION_HEADERS_EN]);
    expect(generateTransactions(0)).toEqual([[...TRANSACTION_HEADERS_ZH]]);
    expect(generateTransactions(1)).toHaveLength(2);
  });

  it('is deterministic for a seed', () => {
    expect(generateTransactions(4000, { seed: 9 })).toEqual(log);
    expect(generateTransactions(500, { seed: 10 })).not.toEqual(generateTransactions(500, { seed: 9 }));
  });

  it('ISO dates within the three years before asOf, sorted', () => {
    const asOf = isoToDay('2026-11-28')!;
    let previous = -Infinity;
    for (const r of rows) {
      const d = isoToDay(String(r[1]));
      expect(d).not.toBeNull();
      expect(d!).toBeLessThanOrEqual(asOf);
      expect(d!).toBeGreaterThanOrEqual(asOf - 3 * 365);
      expect(d!).toBeGreaterThanOrEqual(previous);
      previous = d!;
    }
    const other = generateTransactions(200, { seed: 1, asOf: '2011-12-09' });
    for (const r of other.slice(1)) expect(isoToDay(String(r[1]))!).toBeLessThanOrEqual(isoToDay('2011-12-09')!);
  });

  it('positive amounts in cents with a Gamma-like spread (mean about 600)', () => {
    const amounts = rows.map((r) => r[2] as number);
    for (const a of amounts) {
      expect(a).toBeGreaterThan(0);
      expect(Math.round(a * 100) / 100).toBe(a);
    }
    expect(mean(amounts)).toBeGreaterThan(450);
    expect(mean(amounts)).toBeLessThan(800);
    expect(Math.max(...amounts)).toBeGreaterThan(3 * mean(amounts));
  });

  it('customer keys repeat; about rows/4 customers by default', () => {
    const counts = new Map<unknown, number>();
    for (const r of rows) counts.set(r[0], (counts.get(r[0]) ?? 0) + 1);
    expect(counts.size).toBeGreaterThan(1000 * 0.75);
    expect(counts.size).toBeLessThan(1000 * 1.25);
    const perCustomer = [...counts.values()];
    // BG/NBD: many one-time buyers, a long tail of frequent ones.
    expect(perCustomer.filter((c) => c === 1).length / counts.size).toBeGreaterThan(0.3);
    expect(Math.max(...perCustomer)).toBeGreaterThan(15);
    for (const id of counts.keys()) expect(id).toMatch(/^C\d{6}$/);
  });

  it('the customers option steers the number of customers', () => {
    const ids = (t: unknown[][]): number => new Set(t.slice(1).map((r) => r[0])).size;
    const few = ids(generateTransactions(5000, { seed: 4, customers: 500 }));
    const many = ids(generateTransactions(5000, { seed: 4, customers: 2500 }));
    expect(few).toBeGreaterThan(500 * 0.7);
    expect(few).toBeLessThan(500 * 1.3);
    expect(many).toBeGreaterThan(2500 * 0.8);
    expect(many).toBeLessThan(2500 * 1.2);
  });

  it('customers drop out: some last bought long before asOf', () => {
    const last = new Map<unknown, number>();
    for (const r of rows) last.set(r[0], isoToDay(String(r[1]))!);
    const asOf = isoToDay('2026-11-28')!;
    const quiet = [...last.values()].filter((d) => asOf - d > 365).length;
    expect(quiet / last.size).toBeGreaterThan(0.2);
  });
});
