/**
 * Area under the ROC curve of a score for a yes/no outcome, as the Mann–Whitney statistic
 * (Hanley & McNeil 1982): the probability that a random positive scores higher than a random
 * negative, ties counting one half. Ranks are averaged over ties, so a score that says the same
 * for everyone gets exactly 0.5.
 */

/** AUC of `scores` (higher = more likely positive) against `positive`; null when a class is empty. */
export function auc(scores: readonly number[], positive: readonly boolean[]): number | null {
  const n = scores.length;
  if (positive.length !== n) throw new Error('auc: scores and labels differ in length');
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => scores[i]! - scores[j]!);
  let nPos = 0;
  let rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const rank = (i + j) / 2 + 1; // average of ranks i+1 … j+1
    for (let k = i; k <= j; k++) {
      if (positive[order[k]!]) {
        nPos++;
        rankSum += rank;
      }
    }
    i = j + 1;
  }
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) return null;
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}
