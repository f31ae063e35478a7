/**
 * KeyDictionary gives each distinct key (keyOf of the cell) the next id in order of first
 * appearance, whatever cell it is written in ("12348", " 12348 ", "12348.0", 12348), finds cells
 * again by content (not by string identity) also after the table has grown, answers find and
 * findRows as idOfCell would without adding anything, and records each key's first code units.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keyOf } from '../../../shared/ingest/cell-reader';
import { KeyDictionary, NO_KEY, UNSEEN } from '../../../shared/ingest/key-dictionary';

/** Cells of few keys written many ways, blanks and placeholders, and random short texts. */
const cell: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>('12348', ' 12348 ', '12348.0', '12348.00', 12348, 12348.5, '12348.5', '', '  ', '-', 'N/A', null, undefined, 'A', 'a', ' A', '客户1', 'Zoë', 0, -0, 7, '7', '7.0'),
  fc.string({ maxLength: 5 }),
  fc.integer({ min: -3, max: 30 }),
);

/** A fresh copy of a text cell (a different string object with the same content). */
const fresh = (c: unknown): unknown => (typeof c === 'string' ? [c].join('') : c);

describe('KeyDictionary', () => {
  it('assigns ids as a Map of first appearances of keyOf(cell) does; find and findRows agree and add nothing', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 300 }), fc.array(cell, { maxLength: 40 }), (cells, probes) => {
        const dict = new KeyDictionary();
        const ref = new Map<string, number>();
        for (const c of cells) {
          const key = keyOf(c);
          if (key !== null && !ref.has(key)) ref.set(key, ref.size);
          expect(dict.idOfCell(fresh(c))).toBe(key === null ? NO_KEY : ref.get(key));
        }
        expect(dict.texts).toEqual([...ref.keys()]);
        const seen = new Set(cells.filter((c) => typeof c === 'string' || typeof c === 'number').map((c) => (Object.is(c, -0) ? 0 : c)));
        // Known: a text or number cell met before, or a text that is a known key's own text.
        const expectFound = (c: unknown) => {
          const key = keyOf(c);
          const ownKey = typeof c === 'string' && key === c && ref.has(c);
          if (!ownKey && !seen.has(c as never)) return UNSEEN;
          return key === null ? NO_KEY : ref.get(key);
        };
        for (const c of probes) expect(dict.find(fresh(c))).toBe(expectFound(c));
        // findRows over a table whose key column is the probes, in runs of 7 rows
        const table = probes.map((c) => ['x', fresh(c)]);
        const ids = new Int32Array(7);
        const hashes = new Int32Array(7);
        for (let from = 0; from < table.length; from += 7) {
          const to = Math.min(table.length, from + 7);
          dict.findRows(table, 1, from, to, ids, hashes);
          for (let i = from; i < to; i++) expect(ids[i - from]).toBe(expectFound(probes[i]));
        }
        expect(dict.texts).toEqual([...ref.keys()]);
      }),
      { numRuns: 300 },
    );
  });

  it('finds a key by its content across growth: 5,000 keys, looked up as fresh strings and as aliases', () => {
    const dict = new KeyDictionary();
    for (let i = 0; i < 5000; i++) expect(dict.idOfCell(`C${i}`)).toBe(i);
    for (let i = 0; i < 5000; i++) expect(dict.find(['C', String(i)].join(''))).toBe(i);
    for (let i = 0; i < 5000; i++) expect(dict.idOfCell(` C${i}`)).toBe(i);
    expect(dict.find('C5000')).toBe(UNSEEN);
    expect(dict.texts.length).toBe(5000);
    expect(dict.later.length).toBeGreaterThanOrEqual(5000);
  });

  it('records the length and the first 8 code units of each key', () => {
    const dict = new KeyDictionary();
    const keys = ['customer-000017', 'Zoë', '', '\u{1F600}x', ...Array.from({ length: 2000 }, (_, i) => `K${i}`)];
    for (const k of keys) dict.idOfCell(k === '' ? '' : ` ${k}`);
    const kept = keys.filter((k) => k !== '');
    expect(dict.texts).toEqual(kept);
    kept.forEach((k, id) => {
      expect(dict.prefixes.lengths[id]).toBe(k.length);
      for (let j = 0; j < Math.min(8, k.length); j++) expect(dict.prefixes.units[id * 8 + j]).toBe(k.charCodeAt(j));
    });
  });
});
