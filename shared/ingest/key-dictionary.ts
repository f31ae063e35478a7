/**
 * The customer keys of a log as small integer ids (method §1: keys repeat, one row per order
 * line), each distinct key cell normalised once.
 */
import { keyOf } from './cell-reader';
import { TextIds } from './text-ids';

/** No key in this cell: the row is rejected. */
export const NO_KEY = -1;

/**
 * The key dictionary: each distinct key text gets an id, in order of first appearance. Key cells
 * are looked up as they stand (text or number), so a key is normalised (keyOf) once per distinct
 * cell: "12348.0", " 12348 " and 12348 are three cells of one key.
 */
export class KeyDictionary {
  /** Key texts; the id of a key is its index in `keys.texts`. */
  readonly keys = new TextIds();
  /** 1 for a key id with a row dated after the analysis date (set by the reader). */
  later = new Uint8Array(1024);
  /** Distinct text cells, and the key id of each (NO_KEY when it holds no key). */
  private readonly textCells = new TextIds();
  private keyOfTextCell = new Int32Array(1024);
  /** Key id of each distinct number cell. */
  private readonly numberCells = new Map<number, number>();

  /** The key id of a cell, NO_KEY when the cell holds no key; a new key gets the next id. */
  idOfCell(cell: unknown): number {
    if (typeof cell === 'string') {
      const known = this.textCells.texts.length;
      const c = this.textCells.idOf(cell);
      if (c < known) return this.keyOfTextCell[c]!;
      if (c === this.keyOfTextCell.length) this.keyOfTextCell = grown(this.keyOfTextCell);
      const id = this.idOfKey(keyOf(cell));
      this.keyOfTextCell[c] = id;
      return id;
    }
    if (typeof cell === 'number') {
      let id = this.numberCells.get(cell);
      if (id === undefined) {
        id = this.idOfKey(keyOf(cell));
        this.numberCells.set(cell, id);
      }
      return id;
    }
    return this.idOfKey(keyOf(cell));
  }

  private idOfKey(key: string | null): number {
    if (key === null) return NO_KEY;
    const id = this.keys.idOf(key);
    if (id === this.later.length) this.later = grown(this.later);
    return id;
  }
}

/** A copy of `a` twice as long. */
function grown<T extends Int32Array | Uint8Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}
