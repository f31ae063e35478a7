import { describe, expect, it } from 'vitest';
import { minimizeBfgs } from '../../shared/model';

/** Rosenbrock's function (1 − a)² + 100(b − a²)² and its gradient: minimum 0 at (1, 1). */
function rosenbrock(x: readonly number[], g: number[]): number {
  const [a, b] = [x[0]!, x[1]!];
  g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  g[1] = 200 * (b - a * a);
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
}

describe('minimizeBfgs', () => {
  it('finds the minimum of the Rosenbrock function at (1, 1)', () => {
    const r = minimizeBfgs(rosenbrock, [-1.2, 1], { gradTol: 1e-10, maxStep: 10 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 8);
    expect(r.x[1]).toBeCloseTo(1, 8);
  });

  it('leaves at the first accepted step where leaveWhen holds, not converged, and only there', () => {
    // Rosenbrock from (−1.2, 1): the path passes x₀ > 0 on its way to (1, 1).
    const seen: number[] = [];
    const leaveWhen = (x: readonly number[]): boolean => {
      seen.push(x[0]!);
      return x[0]! > 0;
    };
    const r = minimizeBfgs(rosenbrock, [-1.2, 1], { gradTol: 1e-10, maxStep: 10, leaveWhen });
    expect(r.stop).toBe('left');
    expect(r.converged).toBe(false);
    expect(r.x[0]).toBeGreaterThan(0);
    // Every earlier accepted point had x₀ ≤ 0; the search ended at the first that did not.
    expect(seen.slice(0, -1).every((v) => v <= 0)).toBe(true);
    expect(seen[seen.length - 1]).toBe(r.x[0]);
  });

  it('minimises a quadratic in a few iterations', () => {
    // f = ½ xᵀAx − bᵀx with A = [[4, 1], [1, 3]], b = [1, 2]: minimum at A⁻¹b = [1/11, 7/11]
    const fg = (x: readonly number[], g: number[]): number => {
      g[0] = 4 * x[0]! + x[1]! - 1;
      g[1] = x[0]! + 3 * x[1]! - 2;
      return 0.5 * (4 * x[0]! ** 2 + 2 * x[0]! * x[1]! + 3 * x[1]! ** 2) - x[0]! - 2 * x[1]!;
    };
    const r = minimizeBfgs(fg, [5, -5]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1 / 11, 10);
    expect(r.x[1]).toBeCloseTo(7 / 11, 10);
    expect(r.iterations).toBeLessThan(15);
  });

  it('does not claim convergence where the function only decreases towards a bound', () => {
    // f = e^x has no minimum; the search stops at the bound, not converged.
    const r = minimizeBfgs(
      (x, g) => {
        g[0] = Math.exp(x[0]!);
        return Math.exp(x[0]!);
      },
      [0],
      { bound: 5, maxIterations: 200 });
    expect(r.x[0]).toBe(-5);
    expect(r.converged).toBe(false);
  });

  it('rejects trial points where the function is not finite', () => {
    // f = −ln(x) + x on x > 0 (NaN below 0): minimum at x = 1, start far to the right.
    const fg = (x: readonly number[], g: number[]): number => {
      g[0] = -1 / x[0]! + 1;
      return -Math.log(x[0]!) + x[0]!;
    };
    const r = minimizeBfgs(fg, [8], { maxStep: 20 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 8);
  });
});

describe('minimizeBfgs near the rounding of f', () => {
  /** A deterministic wobble in [−1, 1) from the bits of x: rounding noise that does not change between calls at the same x. */
  function wobble(x: readonly number[], salt: number): number {
    let h = salt;
    for (const w of new Uint32Array(new Float64Array(x).buffer)) h = Math.imul(h ^ w, 0x01000193);
    return (h >>> 0) / 2 ** 31 - 1;
  }
  /**
   * Σ (i+1)(x_i − 1)² + 9, as a likelihood summed over many terms comes out: its value carries
   * rounding of about 10⁻¹³ and its gradient of about 3·10⁻⁸ — above gradTol, so the search can only
   * end where no step can be told from no step.
   */
  function noisy() {
    const calls = { fg: 0, value: 0 };
    const fg = (x: readonly number[], g: number[]): number => {
      calls.fg++;
      let f = 9;
      for (let i = 0; i < x.length; i++) {
        g[i] = 2 * (i + 1) * (x[i]! - 1) + 3e-8 * wobble(x, i + 7);
        f += (i + 1) * (x[i]! - 1) ** 2;
      }
      return f + 1e-13 * wobble(x, 1);
    };
    const value = (x: readonly number[]): number => {
      calls.value++;
      calls.fg--;
      return fg(x, [0, 0, 0, 0]);
    };
    return { fg, value, calls };
  }

  it('settles without halving steps into the rounding of f, and evaluates each full step once', () => {
    const { fg, value, calls } = noisy();
    const r = minimizeBfgs(fg, [3, -2, 0.5, 4], { value });
    expect(r.converged).toBe(true);
    for (const v of r.x) expect(Math.abs(v - 1)).toBeLessThan(1e-7);
    // Halving until a step is a millionth of the full one, after every step the rounding turned
    // down, took 141 trial points here; a step too small to change f beyond its rounding is not tried.
    expect(r.evaluations).toBeLessThan(30);
    // A full step taken is one call with its gradient, not a value first and then the gradient.
    expect(calls.fg + calls.value).toBeLessThanOrEqual(r.evaluations + 1);
  });
});

describe('minimizeBfgs says why it stopped', () => {
  const quadratic = (x: readonly number[], g: number[]): number => {
    g[0] = 2 * (x[0]! - 1);
    return (x[0]! - 1) ** 2 + 3;
  };

  it('converged, at the optimum', () => {
    const r = minimizeBfgs(quadratic, [4]);
    expect(r.converged).toBe(true);
    expect(r.stop).toBe('converged');
  });

});
