/**
 * The customer keys of a log as small integer ids (method §1: keys repeat, one row per order
 * line), each distinct key cell normalised once.
 */
import { keyOf, ownText } from './cell-reader';
import { TextPrefixes } from './sort-by-text';

/** No key in this cell: the row is rejected. */
export const NO_KEY = -1;
/** A cell the dictionary has not met (find). */
export const UNSEEN = -2;

/**
 * The key dictionary: each distinct key text gets an id, in order of first appearance. Key cells
 * are looked up as they stand (text or number), so a key is normalised (keyOf) once per distinct
 * cell: "12348.0", " 12348 " and 12348 are three cells of one key.
 *
 * One open-addressing table of (hash, entry) pairs holds the text cells: a cell whose text is its
 * own key (by far the most) is the key's entry, id + 1; any other text cell (" 12348 ", "12348.0",
 * a blank) is an alias, −(alias index + 1), with the key id it stands for. No text is both: keyOf
 * gives back every key it makes. A lookup reads one slot and compares a text only when the 32-bit
 * hashes match.
 */
export class KeyDictionary {
  /** Key texts; the id of a key is its index. */
  readonly texts: string[] = [];
  /** The first code units of each key, recorded when the key is met (to order keys without reading them again). */
  readonly prefixes = new TextPrefixes();
  /** 1 for a key id with a row dated after the analysis date (set by the reader). */
  later = new Uint8Array(1024);
  /** Slot s holds the hash at 2s and the entry at 2s + 1 (0: empty). */
  private slots = new Int32Array(2 * 1024);
  private mask = 1023;
  private entries = 0;
  private readonly aliasTexts: string[] = [];
  private readonly aliasKeys: number[] = [];
  /** Key id of each distinct number cell. */
  private readonly numberCells = new Map<number, number>();

  /** `copyText`: keep copies of the texts (ownText), not pieces of a text that is let go. */
  constructor(private readonly copyText = false) {}

  /** The key id of a cell, NO_KEY when the cell holds no key; a new key gets the next id. */
  idOfCell(cell: unknown): number {
    if (typeof cell === 'string') {
      const h = hashText(cell);
      const known = this.findText(cell, h);
      if (known !== UNSEEN) return known;
      const key = keyOf(cell);
      if (key === cell) return this.addKey(cell, h);
      const id = key === null ? NO_KEY : this.idOfKey(key);
      this.aliasTexts.push(this.copyText ? ownText(cell) : cell);
      this.aliasKeys.push(id);
      this.insert(h, -this.aliasTexts.length);
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

  /**
   * What idOfCell gives for a cell it has met (a text or number cell met before, or a text that is
   * a known key's own text), without adding anything; UNSEEN for any other cell.
   */
  find(cell: unknown): number {
    if (typeof cell === 'string') return this.findText(cell, hashText(cell));
    if (typeof cell === 'number') return this.numberCells.get(cell) ?? UNSEEN;
    return UNSEEN;
  }

  /**
   * What find says of each cell table[i][column], i in [from, to), into ids[i − from] (to − from ≤
   * ids.length ≤ hashes.length). Looking a run of rows up in tight loops — every text touched, every
   * hash, every probe, every comparison of texts — lets the processor wait for many rows' memory at once
   * instead of one row's at a time; the answers are find's.
   */
  findRows(table: readonly (readonly unknown[])[], column: number, from: number, to: number, ids: Int32Array, hashes: Int32Array): void {
    const n = to - from;
    // A first touch of every text (its length), so that hashing finds them at hand.
    for (let i = 0; i < n; i++) {
      const cell = table[from + i]![column];
      hashes[i] = typeof cell === 'string' ? cell.length : 0;
    }
    for (let i = 0; i < n; i++) {
      const cell = table[from + i]![column];
      hashes[i] = typeof cell === 'string' ? hashText(cell) : 0;
    }
    // The first entry whose hash matches (0 when none: the text is unseen).
    const slots = this.slots;
    const mask = this.mask;
    for (let i = 0; i < n; i++) {
      const h = hashes[i]!;
      let s = h & mask;
      while (slots[2 * s + 1] !== 0 && slots[2 * s] !== h) s = (s + 1) & mask;
      ids[i] = slots[2 * s + 1]!;
    }
    for (let i = 0; i < n; i++) {
      const cell = table[from + i]![column];
      const e = ids[i]!;
      if (typeof cell === 'string') {
        if (e > 0 && this.texts[e - 1] === cell) ids[i] = e - 1;
        else ids[i] = e === 0 ? UNSEEN : this.findText(cell, hashes[i]!);
      } else ids[i] = typeof cell === 'number' ? (this.numberCells.get(cell) ?? UNSEEN) : UNSEEN;
    }
  }

  private findText(text: string, h: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = slots[2 * s + 1]!;
      if (e === 0) return UNSEEN;
      if (slots[2 * s] === h) {
        if (e > 0) {
          if (this.texts[e - 1] === text) return e - 1;
        } else if (this.aliasTexts[-e - 1] === text) return this.aliasKeys[-e - 1]!;
      }
    }
  }

  /** The id of a key text (as keyOf gives it), a new one when the key is new. */
  idOfKey(key: string | null): number {
    if (key === null) return NO_KEY;
    const h = hashText(key);
    const slots = this.slots;
    const mask = this.mask;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = slots[2 * s + 1]!;
      if (e === 0) break;
      if (e > 0 && slots[2 * s] === h && this.texts[e - 1] === key) return e - 1;
    }
    return this.addKey(key, h);
  }

  /** A new key (not in the table), its hash h. */
  private addKey(key: string, h: number): number {
    const id = this.texts.length;
    this.texts.push(this.copyText ? ownText(key) : key);
    this.prefixes.add(id, key);
    if (id === this.later.length) {
      this.later = grown(this.later);
    }
    this.insert(h, id + 1);
    return id;
  }

  private insert(h: number, entry: number): void {
    const slots = this.slots;
    let s = h & this.mask;
    while (slots[2 * s + 1] !== 0) s = (s + 1) & this.mask;
    slots[2 * s] = h;
    slots[2 * s + 1] = entry;
    if (2 * ++this.entries > this.mask) this.grow();
  }

  /** Double the slots (the table stays at most half full). */
  private grow(): void {
    const old = this.slots;
    const size = 2 * (this.mask + 1);
    const slots = new Int32Array(2 * size);
    const mask = size - 1;
    for (let o = 0; o < old.length; o += 2) {
      if (old[o + 1] === 0) continue;
      let s = old[o]! & mask;
      while (slots[2 * s + 1] !== 0) s = (s + 1) & mask;
      slots[2 * s] = old[o]!;
      slots[2 * s + 1] = old[o + 1]!;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** FNV-1a over the UTF-16 code units, with a final mix of the high bits into the low ones. */
function hashText(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 16)) | 0;
}

/** A copy of `a` twice as long. */
function grown<T extends Uint8Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}
