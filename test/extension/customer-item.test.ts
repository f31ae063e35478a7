import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze } from '../../shared/analyze';
import { generateCustomers } from '../../shared/sample/generate-customers';
import { decodeCustomer, encodeCustomer } from '../../extension/db/customer-item';
import { storedCustomer } from '../../extension/db/logged-facts';
import type { StoredCustomer } from '../../extension/db/records';
import { makeCustomer } from './make-customer';

/** What the customer read back must be: what JSON keeps of it (non-finite numbers null, undefined fields absent). */
const asJson = (c: unknown) => JSON.parse(JSON.stringify(c)) as unknown;

/** Customers as an import stores them: analysed from a generated table (Chinese and English). */
function analysed(lang: 'zh' | 'en', n: number): StoredCustomer[] {
  const a = analyze(generateCustomers(n, { seed: 3, lang, asOf: '2026-11-28' }), { asOf: '2026-11-28', lang });
  return a.customers.map((c) => storedCustomer(c, 'import', [], [], a.summary.asOf, a.settings, '2026-11-28T09:00:00.000Z', a.summary.churnRisk.typicalRepeatDays ?? null));
}

describe('a stored customer written as its values without their names', () => {
  const customers = [...analysed('zh', 300), ...analysed('en', 300)];

  it('reads back as the JSON object it replaces, for every analysed customer', () => {
    for (const c of customers) expect(decodeCustomer(encodeCustomer(c))).toStrictEqual(asJson(c));
  });

  it('is much shorter than the JSON object', () => {
    const json = customers.reduce((s, c) => s + JSON.stringify(c).length, 0);
    const packed = customers.reduce((s, c) => s + encodeCustomer(c).length, 0);
    // Measured on these customers: the field names were more than half of the object's text.
    expect(packed / json).toBeLessThan(0.6);
  });

  it('writes the format stored items depend on: the fields in their fixed order behind a mask of those present', () => {
    const c = makeCustomer('C7', ['li@huaxin.cn'], ['huaxin.cn'], {
      valueScore: { score: 61.5, parts: [{ part: 'value', rank: 0.5, weight: 0.4, points: 20, neutral: false }] },
      pAlive: 0.9,
    });
    // Fields 0–29 all present: 2^30 − 1 = "hra0hr" in base 36. Fields 30–57: all but expectedPurchases,
    // expectedSpend, clv and model (bits 20–23): 2^20 − 1 + 2^24 + 2^25 + 2^26 + 2^27 = 252,706,815 = "46gdtr".
    const item =
      '[1,"hra0hr.46gdtr","C7",[2],"Customer C7",["li@huaxin.cn"],["huaxin.cn"],null,null,null,1000,' +
      'null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,' +
      '1000,0,"A",["p",{"score":61.5},[["value",0.5,0.4,20,false]]],"maintain","iron","maturity",{"code":"maturity"},"stable",null,' +
      '{"score":10,"factors":[],"silent":false},{"score":null,"grade":null,"alerts":[],"deductions":[]},"other_core",null,null,null,0.9,' +
      '"import","2026-01-01T00:00:00.000Z",null,null]';
    expect(encodeCustomer(c)).toBe(item);
    expect(decodeCustomer(item)).toStrictEqual(asJson(c));
  });

  it('reads a field kept after the values in an item written before the field was named', () => {
    const c = makeCustomer('C7', [], []);
    // pAlive is a named field; its bit is clear here and its value sits in the trailing object, as in
    // an item written by a version whose list did not name it yet.
    const item = encodeCustomer(c).replace(/\]$/, ',{"pAlive":0.25}]');
    expect(decodeCustomer(item)).toStrictEqual(asJson({ ...c, pAlive: 0.25 }));
  });

  it('reads an item an earlier version wrote as a JSON object as that object', () => {
    const c = customers[7]!;
    expect(decodeCustomer(JSON.stringify(c))).toStrictEqual(asJson(c));
  });

  it('keeps a field it does not know, leaves a missing one missing, and a not-finite number reads back as null', () => {
    const { pAlive: _, ...withoutModel } = makeCustomer('K1', ['a@b.com'], ['b.com'], { revenue: Number.NaN });
    const c = { ...withoutModel, addedLater: { nested: [1, 'two'] } } as unknown as StoredCustomer;
    const back = decodeCustomer(encodeCustomer(c)) as unknown as Record<string, unknown>;
    expect(back).toStrictEqual(asJson(c));
    expect(back.addedLater).toEqual({ nested: [1, 'two'] });
    expect('pAlive' in back).toBe(false);
    expect(back.revenue).toBeNull();
  });

  it('a key named __proto__ in an item does not reach the prototype', () => {
    const item = encodeCustomer(makeCustomer('K1', [], [])).replace(/\]$/, ',{"__proto__":{"polluted":true}}]');
    const back = decodeCustomer(item) as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(back.polluted).toBeUndefined();
  });

  it('refuses an item in a format it does not know, rather than misreading it', () => {
    expect(() => decodeCustomer('[2,"0.0","K1"]')).toThrow(/unknown format/);
  });

  it('property: any customer, with fields dropped, set to any JSON value, added, and score parts of any shape, reads back as its JSON', () => {
    const json = fc.jsonValue() as fc.Arbitrary<unknown>;
    const part = fc.oneof(
      fc.record({ part: fc.string(), rank: fc.double(), weight: fc.double(), points: fc.double(), neutral: fc.boolean() }),
      fc.dictionary(fc.string(), json),
      json,
    );
    const base = customers[11]!;
    const fields = Object.keys(base);
    fc.assert(
      fc.property(
        fc.subarray(fields),
        fc.dictionary(fc.constantFrom(...fields), json),
        fc.dictionary(fc.string(), json),
        fc.option(fc.array(part, { maxLength: 7 })),
        (dropped, changed, added, parts) => {
          const c: Record<string, unknown> = { ...base, ...changed };
          for (const f of dropped) delete c[f];
          for (const [k, v] of Object.entries(added)) if (k !== '__proto__' && !(k in base)) c[k] = v;
          if (parts !== null) c.valueScore = { score: 1, parts };
          const back = decodeCustomer(encodeCustomer(c as unknown as StoredCustomer));
          expect(back).toStrictEqual(asJson(c));
        },
      ),
      { numRuns: 300 },
    );
  });
});
