/**
 * Duplicate keys are merged in the order of their rows' contents: compareInputs orders two inputs as
 * their JSON texts (rows left out) compare, without writing them.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareInputs, emptyInput, type CustomerInput } from '../../../shared/ingest/customer-input';

const canon = (c: CustomerInput) => JSON.stringify({ ...c, rows: null });
const sign = (x: number) => (x < 0 ? -1 : x > 0 ? 1 : 0);

const number = fc.constantFrom(null, 0, -0, 1, 12, 123, 1.5, -1, -12, 1e21, 0.1);
const text = fc.constantFrom(null, '', 'a', 'ab', 'a"b', 'a,b', 'a}b', '张', 'Z');
const list = fc.array(fc.constantFrom('a@b.com', 'a@b.co', 'x@y.cn', 'a'), { maxLength: 3 });

const input = fc
  .record({
    key: fc.constantFrom('K1', 'K2'),
    rows: fc.array(fc.integer({ min: 2, max: 9 }), { minLength: 1, maxLength: 3 }),
    name: fc.constantFrom('K1', 'Acme', 'Acme Ltd'),
    emails: list,
    owner: text,
    region: text,
    revenue: number,
    revenuePrev: number,
    share: number,
    competitor: fc.constantFrom(null, true, false),
    switchingCost: fc.constantFrom(null, 'high', 'low'),
    satisfaction: number,
    churnReasonText: text,
    gapBeforeCurrent: number,
  })
  .map((p) => Object.assign(emptyInput(p.key, 2), p));

describe('compareInputs', () => {
  it('property: orders two inputs as their JSON texts (rows left out) compare', () => {
    fc.assert(
      fc.property(input, input, (a, b) => {
        const want = sign(canon(a) < canon(b) ? -1 : canon(a) > canon(b) ? 1 : 0);
        expect(compareInputs(a, b)).toBe(want);
        expect(compareInputs(b, a)).toBe(-want);
      }),
      { numRuns: 5000 },
    );
  });

  it('numbers one of which begins the other: the last field decides the other way round', () => {
    const a = Object.assign(emptyInput('K', 2), { revenue: 12 });
    const b = Object.assign(emptyInput('K', 3), { revenue: 123 });
    expect(compareInputs(a, b)).toBe(-1); // '12,' < '123,'
    const c = Object.assign(emptyInput('K', 2), { gapBeforeCurrent: 12 });
    const d = Object.assign(emptyInput('K', 3), { gapBeforeCurrent: 123 });
    expect(compareInputs(c, d)).toBe(1); // '12}' > '123}'
    expect(canon(c) > canon(d)).toBe(true);
  });
});
