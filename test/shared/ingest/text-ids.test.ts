/**
 * TextIds gives each distinct text the next id, in order of first insertion, and finds it again
 * by content (not by string identity), also after the table has grown.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TextIds } from '../../../shared/ingest/text-ids';

describe('TextIds', () => {
  it('assigns ids as a Map of first insertions does', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 300 }), fc.array(fc.string({ maxLength: 6 }), { maxLength: 50 }), (inserted, probes) => {
        const ids = new TextIds();
        const ref = new Map<string, number>();
        for (const t of inserted) {
          if (!ref.has(t)) ref.set(t, ref.size);
          expect(ids.idOf(t)).toBe(ref.get(t));
        }
        expect(ids.texts).toEqual([...ref.keys()]);
        for (const t of probes) expect(ids.get(t)).toBe(ref.get(t) ?? -1);
      }),
      { numRuns: 200 },
    );
  });

  it('finds a text by its content across growth: 5,000 keys, looked up as fresh strings', () => {
    const ids = new TextIds();
    for (let i = 0; i < 5000; i++) expect(ids.idOf(`C${i}`)).toBe(i);
    for (let i = 0; i < 5000; i++) expect(ids.get(['C', String(i)].join(''))).toBe(i);
    expect(ids.get('C5000')).toBe(-1);
    expect(ids.texts.length).toBe(5000);
  });
});
