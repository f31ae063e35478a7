/**
 * fill against the regular-expression replace it stands for: templates cut once and kept give what
 * searching every template every time gives.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fill } from '../../../shared/i18n/messages';

/** What fill gives by definition. */
const byReplace = (template: string, params: Record<string, unknown>) => template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));

describe('fill', () => {
  it('worked examples: each placeholder filled, a missing one left, braces that are not placeholders kept', () => {
    expect(fill('逾期 {days} 天', { days: 45 })).toBe('逾期 45 天');
    expect(fill('{a}{a} and {b}', { a: 'x' })).toBe('xx and {b}');
    expect(fill('{ a } {} {a-b} {{a}}', { a: 1 })).toBe('{ a } {} {a-b} {1}');
    expect(fill('no placeholders')).toBe('no placeholders');
    expect(fill('{n} is {v}', { n: null, v: undefined })).toBe('null is undefined');
    expect(fill('$& and $1: {x}', { x: '$1' })).toBe('$& and $1: $1');
  });

  it('property: the same text as the regular-expression replace, the same template filled again and again', () => {
    const name = fc.constantFrom('a', 'b', 'days', 'toString', '__proto__', 'x1', '_');
    const piece = fc.oneof(
      name.map((n) => `{${n}}`),
      fc.string({ unit: fc.constantFrom('{', '}', 'a', ' ', '$', '&', '1', '张', '-'), maxLength: 6 }),
    );
    const template = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
    const value = fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null), fc.double());
    const params = fc.dictionary(name, value, { maxKeys: 4 });
    fc.assert(
      fc.property(template, params, params, (t, p, q) => {
        expect(fill(t, p)).toBe(byReplace(t, p));
        expect(fill(t, q)).toBe(byReplace(t, q));
      }),
      { numRuns: 3000 },
    );
  });
});
