/**
 * Sharing one string between the equal short cells of a column while a large table is read. A
 * customer table repeats most of its short cells (regions, owners, ratings, yes/no, dates, zeros):
 * giving each its own string makes millions of small objects that the garbage collector copies and
 * marks again and again. A cell found here costs no allocation at all; the text is compared in
 * place. This changes no value: strings are immutable, so equal cells sharing one is invisible.
 */

/** Cells longer than this are not cached: they are mostly unique (names, e-mails, ids). */
const MAX_LENGTH = 12;
/** Slots per column (a power of two): a direct-mapped cache, the newest cell wins its slot. */
const SLOTS = 512;
/** Columns cached (the first ones); further columns are read without the cache. */
const MAX_COLUMNS = 64;
/** After this many lookups in a column, the cache stays on only if at least a quarter of them hit. */
const TRIAL = 4096;

export class CellCache {
  private readonly slots: (string | undefined)[] = new Array<string | undefined>(SLOTS * MAX_COLUMNS).fill(undefined);
  private readonly lookups = new Int32Array(MAX_COLUMNS);
  private readonly hits = new Int32Array(MAX_COLUMNS);
  /** Per column: 1 while the cache is used, 0 once it has shown that the column rarely repeats. */
  private readonly on = new Uint8Array(MAX_COLUMNS).fill(1);

  /** text.slice(start, end), the cell of column `column`, shared with an equal cell seen before when there is one. */
  cell(text: string, start: number, end: number, column: number): string {
    const length = end - start;
    if (length > MAX_LENGTH || column >= MAX_COLUMNS || this.on[column] === 0) return text.slice(start, end);
    // The empty string and one-character Latin-1 strings are shared by the engine already.
    if (length === 0) return '';
    if (length === 1 && text.charCodeAt(start) < 256) return text.slice(start, end);
    const slot = column * SLOTS + (textHash(text, start, end) & (SLOTS - 1));
    const cached = this.slots[slot];
    const n = ++this.lookups[column]!;
    if (cached !== undefined && cached.length === length && sameText(cached, text, start)) {
      this.hits[column]!++;
      return cached;
    }
    if (n === TRIAL && this.hits[column]! * 4 < TRIAL) this.on[column] = 0;
    const value = text.slice(start, end);
    this.slots[slot] = value;
    return value;
  }
}

/** A hash of text.slice(start, end), computed in place (its low bits mixed with its high ones). */
export function textHash(text: string, start: number, end: number): number {
  let h = end - start;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h ^ (h >>> 9);
}

/** `cell` equals text.slice(start, start + cell.length), compared in place (no call into the engine per cell). */
export function sameText(cell: string, text: string, start: number): boolean {
  for (let k = 0; k < cell.length; k++) if (cell.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
