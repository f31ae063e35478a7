/**
 * The median of numbers without sorting them all: the middle value of an odd count, the mean of
 * the two middle values of an even count — what sorting and taking the middle gives — by selection
 * (Hoare's quickselect, median-of-three pivots), in time linear on average.
 */

/**
 * The median of `values[0…m)`, which it reorders; the values must not be NaN, and m ≥ 1. Equal to
 * the sorted median as numbers are equal: −0 and +0 may come out either way.
 */
export function medianInPlace(values: Float64Array, m = values.length): number {
  const mid = m >> 1;
  const upper = select(values, 0, m - 1, mid);
  if (m % 2) return upper;
  // The lower middle is the largest value left of the upper one once it is in place.
  let lower = -Infinity;
  for (let i = 0; i < mid; i++) if (values[i]! > lower) lower = values[i]!;
  return (lower + upper) / 2;
}

/** Put the k-th smallest of values[lo…hi] at index k (smaller ones before it, larger after); returns it. */
function select(a: Float64Array, lo: number, hi: number, k: number): number {
  while (hi > lo) {
    // Median of three as the pivot: sorted or reversed runs stay linear.
    const mid = lo + ((hi - lo) >> 1);
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
