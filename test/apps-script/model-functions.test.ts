/**
 * =RAPPORT_PALIVE and =RAPPORT_CLV (method §9) on the BUILT add-on. Reference: Fader, Hardie & Lee
 * (2005), CDNOW parameters r = 0.243, α = 4.414, a = 0.793, b = 2.426; their worked customer
 * x = 2, t_x = 30.43, T = 38.86 (weeks) expects 1.226 purchases in the next 39 weeks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { builtHarness } from './built';
import { workbookWith, type AppsScriptHarness } from './harness/index';
import { fitBgNbd } from '../../shared/model/bgnbd-fit';
import { mulberry32 } from '../../shared/prng';
import { beta, exponential, gamma } from '../../shared/sample/distributions';

/** Customers simulated from BG/NBD itself (CDNOW parameters), seeded: x, t_x, T in weeks. */
function simulate(n: number, seed: number): { x: number; tx: number; T: number }[] {
  const rand = mulberry32(seed);
  const out: { x: number; tx: number; T: number }[] = [];
  for (let i = 0; i < n; i++) {
    const lambda = gamma(rand, 0.243, 1 / 4.414);
    const p = beta(rand, 0.793, 2.426);
    const T = 39 - 12 * rand();
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += exponential(rand, lambda);
      if (t > T) break;
      x++;
      tx = t;
      if (rand() < p) break;
    }
    out.push({ x, tx: Math.round(tx * 100) / 100, T: Math.round(T * 100) / 100 });
  }
  return out;
}

let h: AppsScriptHarness;
beforeAll(() => {
  h = builtHarness();
});

const CDNOW = '0.243, 4.414, 0.793, 2.426';
/** P(alive) in closed form (FHL 2005, eq. 13), written out independently of the core. */
const pAlive = (r: number, al: number, a: number, b: number, x: number, tx: number, T: number) =>
  x === 0 ? 1 : 1 / (1 + (a / (b + x - 1)) * ((al + T) / (al + tx)) ** (r + x));

describe('RAPPORT_PALIVE', () => {
  it('matches the closed form with the CDNOW parameters; a header row and a bad row are handled', () => {
    const ex = h.open(workbookWith([[]]));
    const out = ex.customFunction('RAPPORT_PALIVE', [['x'], [2], [0], ['two'], [5]], [['t_x'], [30.43], [0], [1], [10]], [['T'], [38.86], [38.86], [5], [38]], CDNOW) as unknown[][];
    expect(out[0]).toEqual(['P(alive)']);
    // 0.793 / 3.426 × (43.274 / 34.844)^2.243 = 0.37632 → 1 / 1.37632 = 0.72657
    expect(out[1]![0] as number).toBeCloseTo(0.72657, 4);
    expect(out[2]).toEqual([1]);
    expect(out[3]).toEqual(["row 4: x 'two' is not a number"]);
    expect(out[4]![0] as number).toBeCloseTo(pAlive(0.243, 4.414, 0.793, 2.426, 5, 10, 38), 10);
    expect(ex.customFunction('RAPPORT_PALIVE', 2, 30.43, 38.86, [[0.243, 4.414, 0.793, 2.426]])).toBeCloseTo(0.72657, 4);
  });

  it('takes a = 0, the fit where no customer drops out: P(alive) 1; a negative a is refused', () => {
    const ex = h.open(workbookWith([[]]));
    expect(ex.customFunction('RAPPORT_PALIVE', 5, 10, 38, '0.9, 7, 0, 1')).toBe(1);
    expect(() => ex.customFunction('RAPPORT_PALIVE', 5, 10, 38, '0.9, 7, -1, 1')).toThrow(/a may be 0/);
    expect(() => ex.customFunction('RAPPORT_PALIVE', 5, 10, 38, '0, 7, 0.5, 1')).toThrow(/positive numbers/);
  });

  it('fits the model on the rows given when no parameters are passed', () => {
    const rows = simulate(800, 3);
    const p = fitBgNbd(rows);
    expect(p.converged).toBe(true);
    const ex = h.open(workbookWith([[]]));
    const out = ex.customFunction('RAPPORT_PALIVE', rows.map((r) => [r.x]), rows.map((r) => [r.tx]), rows.map((r) => [r.T])) as number[][];
    rows.forEach((r, i) => {
      expect(out[i]![0]).toBeCloseTo(pAlive(p.r, p.alpha, p.a, p.b, r.x, r.tx, r.T), 6);
    });
  });

  it('says what it needs when it cannot fit, or when params or history are wrong', () => {
    const ex = h.open(workbookWith([[]]));
    expect(() => ex.customFunction('RAPPORT_PALIVE', [[1], [2]], [[1], [1]], [[3], [4]])).toThrow('The model could not be fitted');
    expect(() => ex.customFunction('RAPPORT_PALIVE', 2, 30, 38, '1,2,3')).toThrow('params must be 4 positive numbers: r, alpha, a, b');
    expect(ex.customFunction('RAPPORT_PALIVE', [[2], [1]], [[40], [1]], [[38], [5]], CDNOW)).toEqual([['row 1: needs frequency ≥ 0 and 0 ≤ recency ≤ age'], [expect.any(Number)]]);
  });
});

describe('RAPPORT_CLV', () => {
  it('is expected purchases (1.226 over 39 weeks for the paper’s customer) × Gamma-Gamma spend', () => {
    const ex = h.open(workbookWith([[]]));
    // Gamma-Gamma p = 6.25, q = 3.74, v = 15.44 and mean spend 40 over x = 2:
    // (6.25 × 15.44 + 6.25 × 2 × 40) / (6.25 × 2 + 3.74 − 1) = 596.5 / 15.24 = 39.140
    const clv = ex.customFunction('RAPPORT_CLV', 2, 30.43, 38.86, 40, 39, `${CDNOW}, 6.25, 3.74, 15.44`) as number;
    expect(clv / 39.1404).toBeCloseTo(1.226, 2);
    expect(() => ex.customFunction('RAPPORT_CLV', 2, 30.43, 38.86, 40, 0, `${CDNOW}, 6.25, 3.74, 15.44`)).toThrow('horizon must be a positive number');
  });
});
