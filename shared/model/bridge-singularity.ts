/**
 * Evaluate a function that is smooth in a parameter but whose formula is 0/0 (a removable
 * singularity) at one point: cubic Lagrange interpolation through the four points center ± δ and
 * center ± 2δ. Truncation error O(δ⁴); rounding error about 1e−16/δ relative.
 */
export function bridgeSingularity(f: (v: number) => number, center: number, delta: number, at: number): number {
  const nodes = [-2, -1, 1, 2];
  const s = (at - center) / delta;
  let total = 0;
  for (const i of nodes) {
    let weight = 1;
    for (const j of nodes) if (j !== i) weight *= (s - j) / (i - j);
    total += weight * f(center + i * delta);
  }
  return total;
}
