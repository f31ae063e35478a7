/**
 * What a column's cells read as, remembered by their text: a customer table repeats most cells of
 * its dates, owners, regions, ratings and yes/no columns, and a reader that cuts cells out of a
 * file's text finds an earlier reading of the same text without making a string of the cell. Only
 * readings that are a function of the text alone are remembered (a cell whose reading is an error
 * names its row, and is read afresh every time).
 */
import { ownText } from './cell-reader';
import { sameText, textHash } from '../csv/cell-cache';

/** Slots by default (a power of two): a direct-mapped memo, the newest cell wins its slot. */
const SLOTS = 1024;
/** Longer cells are not remembered: they are mostly unique (names, e-mails, notes). */
const MAX_LENGTH = 32;

/** Answer of `get` when the text has no reading remembered. */
export const UNKNOWN: unique symbol = Symbol('not remembered');

export class CellMemo<T> {
  private readonly texts: (string | undefined)[];
  private readonly values: (T | undefined)[];
  private readonly mask: number;
  /** The slot the last `get` looked in: where `set` puts the reading of that text. */
  private slot = -1;

  /** `slots`: a power of two, a few times the distinct cells the column is expected to hold. */
  constructor(slots = SLOTS) {
    this.texts = new Array<string | undefined>(slots).fill(undefined);
    this.values = new Array<T | undefined>(slots).fill(undefined);
    this.mask = slots - 1;
  }

  /** The reading remembered for text.slice(from, to), compared in place; UNKNOWN when none is. */
  get(text: string, from: number, to: number): T | typeof UNKNOWN {
    const length = to - from;
    if (length > MAX_LENGTH) {
      this.slot = -1;
      return UNKNOWN;
    }
    const slot = textHash(text, from, to) & this.mask;
    this.slot = slot;
    const known = this.texts[slot];
    if (known === undefined || known.length !== length || !sameText(known, text, from)) return UNKNOWN;
    return this.values[slot] as T;
  }

  /** The text of the cell the last `get` found. */
  lastText(): string {
    return this.texts[this.slot]!;
  }

  /**
   * Remember `value` as the reading of `cell`, the text the last `get` did not find (a copy that
   * holds only its own characters, so that no file's text is kept alive by the memo).
   */
  set(cell: string, value: T): void {
    if (this.slot < 0) return;
    this.texts[this.slot] = ownText(cell);
    this.values[this.slot] = value;
  }
}
