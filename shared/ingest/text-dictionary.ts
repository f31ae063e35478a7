/**
 * One copy of each value of a column whose values repeat (owners, segments, regions, churn
 * reasons): a million customers in eight regions then hold eight strings, not a million copies
 * (dictionary encoding). A column whose values turn out not to repeat stops being remembered
 * after MAX_ENTRIES distinct values; later values are copied (see ownText) instead.
 */
import { ownText } from './cell-reader';

const MAX_ENTRIES = 4096;

export class TextDictionary {
  private readonly seen = new Map<string, string>();

  /** The one kept copy of `text`. */
  of(text: string): string {
    const kept = this.seen.get(text);
    if (kept !== undefined) return kept;
    const copy = ownText(text);
    if (this.seen.size < MAX_ENTRIES) this.seen.set(copy, copy);
    return copy;
  }

  /** The kept copy, or null for null. */
  orNull(text: string | null): string | null {
    return text === null ? null : this.of(text);
  }
}
