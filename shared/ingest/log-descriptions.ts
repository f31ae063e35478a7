/**
 * The descriptive columns of a log (name, email, owner, segment, region), gathered per customer
 * key over all of its accepted rows.
 */
import type { Column } from '../types';
import { ownText, textOrNull } from './cell-reader';
import { splitEmails } from './emails';

/** The log's descriptive columns; undefined when absent. */
export interface DescriptiveColumns {
  name?: Column;
  email?: Column;
  owner?: Column;
  segment?: Column;
  region?: Column;
}

/**
 * The descriptive fields of each key id (name, emails, owner, segment, region): when rows
 * disagree the smallest text wins, so row order never matters (a name cell that only repeats the
 * key is passed over); the emails are all of them, in the order first met.
 */
export interface DescribedKeys {
  /** null: the key's name is its key (no name cell seen). */
  readonly names: readonly (string | null)[];
  readonly emails: readonly (string[] | undefined)[];
  readonly owners: readonly (string | null)[];
  readonly segments: readonly (string | null)[];
  readonly regions: readonly (string | null)[];
}

/** The descriptive columns of a log, gathered per key id. */
export class KeyDescriptions implements DescribedKeys {
  /** null: the key's name is its key (no name cell seen yet). */
  readonly names: (string | null)[] = [];
  readonly emails: (string[] | undefined)[] = [];
  readonly owners: (string | null)[] = [];
  readonly segments: (string | null)[] = [];
  readonly regions: (string | null)[] = [];
  /** `copyText`: keep copies of the texts (ownText), not pieces of a text that is let go. */
  constructor(
    private readonly columns: DescriptiveColumns,
    private readonly copyText = false,
  ) {}

  /** Pad every list to `n` key ids. */
  fill(n: number): void {
    for (const list of [this.names, this.owners, this.segments, this.regions]) while (list.length < n) list.push(null);
    while (this.emails.length < n) this.emails.push(undefined);
  }

  /** Take in the descriptive cells of an accepted row of key `id`. */
  add(row: readonly unknown[], id: number, key: string): void {
    const { name, email, owner, segment, region } = this.columns;
    if (id >= this.names.length) this.fill(id + 1);
    if (name) {
      // A name cell that only repeats the key says nothing: the name is the key when there is no other.
      const n = textOrNull(row[name.index]);
      if (n !== null && n !== key) smallestText(this.names, id, n, this.copyText);
    }
    if (email) this.addEmails(id, splitEmails(row[email.index]).emails, this.copyText);
    if (owner) smallestText(this.owners, id, row[owner.index], this.copyText);
    if (segment) smallestText(this.segments, id, row[segment.index], this.copyText);
    if (region) smallestText(this.regions, id, row[region.index], this.copyText);
  }

  /**
   * Add the descriptions another reader gathered over its part of the same log, its key id p being
   * this reader's idOf[p] (of `keyCount` in all): the smallest texts of both, the emails of both in
   * the order they were met.
   */
  absorb(part: DescribedKeys, idOf: Int32Array, keyCount: number): void {
    this.fill(keyCount);
    for (let p = 0; p < idOf.length; p++) {
      const id = idOf[p]!;
      smallestText(this.names, id, part.names[p] ?? null, false);
      smallestText(this.owners, id, part.owners[p] ?? null, false);
      smallestText(this.segments, id, part.segments[p] ?? null, false);
      smallestText(this.regions, id, part.regions[p] ?? null, false);
      this.addEmails(id, part.emails[p] ?? [], false);
    }
  }

  /** Add to key `id`'s emails those of `found` it does not have yet, in their order. */
  private addEmails(id: number, found: readonly string[], copy: boolean): void {
    if (found.length === 0) return;
    let list = this.emails[id];
    if (!list) {
      list = [];
      this.emails[id] = list;
    }
    for (const e of found) if (!list.includes(e)) list.push(copy ? ownText(e) : e);
  }
}

/** Keep the smallest non-blank text of a descriptive column for key `id`. */
function smallestText(list: (string | null)[], id: number, cell: unknown, copy: boolean): void {
  const t = textOrNull(cell);
  if (t !== null && (list[id] === null || t < list[id]!)) list[id] = copy ? ownText(t) : t;
}
