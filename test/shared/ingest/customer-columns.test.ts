/**
 * Customers' inputs held in columns give back exactly the inputs put in: every field, null kept
 * apart from zero (NaN stands for null inside the columns), lists of none, one or several values,
 * a dropped slot blank again, and a selection in a given order.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CustomerColumns, NUMBER_FIELDS, TEXT_FIELDS, allPresent, anyPresent } from '../../../shared/ingest/customer-columns';
import { emptyInput, type CustomerInput } from '../../../shared/ingest/customer-input';

const num = fc.option(fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(0), fc.constant(-0)), { nil: null });
const text = fc.option(fc.string({ maxLength: 6 }), { nil: null });

const input: fc.Arbitrary<CustomerInput> = fc
  .record({
    key: fc.string({ minLength: 1, maxLength: 6 }),
    name: fc.string({ maxLength: 6 }),
    rows: fc.array(fc.integer({ min: 2, max: 1e6 }), { minLength: 1, maxLength: 3 }),
    emails: fc.array(fc.emailAddress(), { maxLength: 3 }),
    domains: fc.array(fc.domain(), { maxLength: 3 }),
    competitor: fc.option(fc.boolean(), { nil: null }),
    switchingCost: fc.constantFrom(null, 'high', 'medium', 'low'),
    nums: fc.tuple(...NUMBER_FIELDS.map(() => num)),
    texts: fc.tuple(...TEXT_FIELDS.map(() => text)),
  })
  .map((r) => {
    const c = emptyInput(r.key, r.rows[0]!);
    Object.assign(c, { name: r.name, rows: r.rows, emails: r.emails, domains: r.domains, competitor: r.competitor, switchingCost: r.switchingCost });
    const fields = c as unknown as Record<string, unknown>;
    NUMBER_FIELDS.forEach((f, i) => {
      fields[f] = r.nums[i];
    });
    TEXT_FIELDS.forEach((f, i) => {
      fields[f] = r.texts[i];
    });
    return c;
  });

describe('CustomerColumns', () => {
  it('gives back every input as it was put in (null stays null, −0 stays −0)', () => {
    fc.assert(
      fc.property(fc.array(input, { maxLength: 40 }), (inputs) => {
        const cols = CustomerColumns.of(inputs);
        expect(cols.count).toBe(inputs.length);
        inputs.forEach((c, j) => {
          expect(cols.inputAt(j)).toStrictEqual(c);
          expect(cols.rowsAt(j)).toEqual(c.rows);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('hands out fresh lists: changing a built input does not change the columns', () => {
    const c = Object.assign(emptyInput('A', 2), { emails: ['a@x.com', 'b@y.com'], rows: [2, 5] });
    const cols = CustomerColumns.of([c]);
    cols.inputAt(0).emails.push('c@z.com');
    cols.inputAt(0).rows.push(9);
    expect(cols.inputAt(0).emails).toEqual(['a@x.com', 'b@y.com']);
    expect(cols.rowsAt(0)).toEqual([2, 5]);
  });

  it('a dropped slot is blank again when it is reused, across growth', () => {
    const cols = new CustomerColumns(2);
    for (let k = 0; k < 5; k++) {
      const j = cols.add(`K${k}`, k + 2);
      cols.num.revenue[j] = 100 + k;
      cols.competitor[j] = 1;
    }
    cols.dropLast();
    const j = cols.add('L', 9);
    expect(j).toBe(4);
    expect(cols.inputAt(j)).toStrictEqual(emptyInput('L', 9));
    expect(cols.inputAt(3).revenue).toBe(103);
  });

  it('fields nobody writes share one column of unknowns; a whole input written into a slot, and growth, give them columns of their own', () => {
    const cols = new CustomerColumns(4, true, ['revenue', 'orders']);
    const shared = NUMBER_FIELDS.filter((f) => f !== 'revenue' && f !== 'orders');
    // One buffer behind every field not written: the memory of one column, all unknown.
    expect(new Set(shared.map((f) => cols.num[f].buffer)).size).toBe(1);
    expect(cols.num.revenue.buffer).not.toBe(cols.num.profit.buffer);
    const a = cols.add('A', 2);
    cols.num.revenue[a] = 100;
    cols.num.orders[a] = 3;
    expect(cols.inputAt(a)).toMatchObject({ revenue: 100, orders: 3, profit: null, share: null, satisfaction: null });
    // A merged customer written whole: its profit lands in profit alone, not in every shared field.
    const b = cols.add('B', 3);
    cols.set(b, { ...emptyInput('B', 3), revenue: 5, profit: 7, satisfaction: 4 });
    expect(cols.inputAt(b)).toMatchObject({ revenue: 5, profit: 7, satisfaction: 4, share: null, wallet: null, creditLimit: null });
    expect(cols.inputAt(a)).toMatchObject({ revenue: 100, orders: 3, profit: null, satisfaction: null, share: null });
    // Growing past the room keeps every value, each field in a column of its own.
    const wide = new CustomerColumns(1, true, ['revenue']);
    wide.num.revenue[wide.add('A', 2)] = 1;
    for (let i = 0; i < 3; i++) wide.add(`K${i}`, 3 + i);
    wide.num.profit[3] = 9;
    expect(wide.inputAt(0)).toMatchObject({ revenue: 1, profit: null });
    expect(wide.inputAt(3)).toMatchObject({ revenue: null, profit: 9, share: null });
  });

  it('select takes the slots listed, in that order', () => {
    const inputs = ['C', 'A', 'B'].map((k, i) => Object.assign(emptyInput(k, i + 2), { revenue: i * 10 }));
    const cols = CustomerColumns.of(inputs).select(Uint32Array.from([1, 2, 0]));
    expect(cols.key).toEqual(['A', 'B', 'C']);
    expect(Array.from(cols.num.revenue)).toEqual([10, 20, 0]);
    expect(cols.inputAt(2)).toStrictEqual(inputs[0]);
  });

  it('trim cuts every column to the customers held, and growing again keeps them', () => {
    const cols = new CustomerColumns(8);
    for (const k of ['A', 'B', 'C']) cols.num.revenue[cols.add(k, 2)] = k.charCodeAt(0);
    const t = cols.trim();
    expect(t.num.revenue.length).toBe(3);
    expect(t.key).toEqual(['A', 'B', 'C']);
    expect(t.text.owner.length).toBe(3);
    const j = t.add('D', 9);
    expect(t.inputAt(j)).toStrictEqual(emptyInput('D', 9));
    expect([0, 1, 2].map((i) => t.inputAt(i).revenue)).toEqual([65, 66, 67]);
  });

  it('keyOrder: slots by key, equal keys in slot order', () => {
    const cols = CustomerColumns.of(['b', 'a', 'b', 'c', 'a'].map((k, i) => emptyInput(k, i + 2)));
    expect(Array.from(cols.keyOrder())).toEqual([1, 4, 0, 2, 3]);
  });

  it('anyPresent / allPresent read NaN as missing', () => {
    expect(anyPresent(Float64Array.from([NaN, NaN]))).toBe(false);
    expect(anyPresent(Float64Array.from([NaN, 0]))).toBe(true);
    expect(allPresent(Float64Array.from([1, 0]))).toBe(true);
    expect(allPresent(Float64Array.from([1, NaN]))).toBe(false);
    expect(allPresent(new Float64Array(0))).toBe(false);
  });
});
