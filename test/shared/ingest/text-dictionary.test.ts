import { describe, expect, it } from 'vitest';
import { TextDictionary } from '../../../shared/ingest/text-dictionary';

describe('TextDictionary', () => {
  it('gives each value back unchanged, repeated or not (string identity is not observable from JS)', () => {
    const d = new TextDictionary();
    const cells = 'East,West,East'.split(',');
    const [a, , c] = cells.map((v) => d.of(v));
    expect(a).toBe('East');
    expect(c).toBe(a);
    expect(d.orNull(null)).toBeNull();
  });

  it('still gives every value, equal to the cell, after it stops remembering new ones', () => {
    const d = new TextDictionary();
    const values = Array.from({ length: 5000 }, (_, i) => `owner ${i}`);
    for (const v of values) expect(d.of(v)).toBe(v);
    for (const v of values) expect(d.of(v)).toBe(v);
  });
});
