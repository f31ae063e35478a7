/**
 * A dictionary of texts to small integer ids (0, 1, 2 … in order of first insertion), for the
 * hundreds of thousands of distinct keys of a large log. Open addressing over one Int32Array of
 * (hash, id) pairs: a lookup reads one slot and compares the text only when the 32-bit hashes
 * match, where a Map of that size also reads the keys of the entries sharing its bucket.
 */

/** FNV-1a over the UTF-16 code units, with a final mix of the high bits into the low ones. */
function hashText(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 16)) | 0;
}

export class TextIds {
  /** The text of each id. */
  readonly texts: string[] = [];
  /** Slot s holds the hash at 2s and id + 1 at 2s + 1 (0: empty). */
  private slots = new Int32Array(2 * 1024);
  private mask = 1023;

  /** The id of `text`, or -1 when it has none. */
  get(text: string): number {
    const h = hashText(text);
    const slots = this.slots;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const id = slots[2 * s + 1]! - 1;
      if (id < 0) return -1;
      if (slots[2 * s] === h && this.texts[id] === text) return id;
    }
  }

  /** The id of `text`, giving it the next id when it has none. */
  idOf(text: string): number {
    const h = hashText(text);
    const slots = this.slots;
    let s = h & this.mask;
    for (; ; s = (s + 1) & this.mask) {
      const id = slots[2 * s + 1]! - 1;
      if (id < 0) break;
      if (slots[2 * s] === h && this.texts[id] === text) return id;
    }
    const id = this.texts.length;
    this.texts.push(text);
    slots[2 * s] = h;
    slots[2 * s + 1] = id + 1;
    if (2 * this.texts.length > this.mask) this.grow();
    return id;
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
