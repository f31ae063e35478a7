import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import fc from 'fast-check';
import { RapportDB } from '../../extension/db/database';
import { BLOCKS, blockOf, hash } from '../../extension/db/customer-store';
import type { StoredCustomer } from '../../extension/db/records';
import { makeCustomer } from './make-customer';

let n = 0;
const open: RapportDB[] = [];
function db(): RapportDB {
  const d = new RapportDB(`rapport-store-test-${++n}-${Date.now()}`);
  open.push(d);
  return d;
}
afterEach(async () => {
  for (const d of open.splice(0)) {
    d.close();
    await Dexie.delete(d.name);
  }
});

const keys = (cs: readonly StoredCustomer[]) => cs.map((c) => c.key);

describe('customer store', () => {
  it('hashes with FNV-1a (reference values) into one of the blocks', () => {
    // FNV-1a 32-bit reference values: "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968
    expect(hash('')).toBe(0x811c9dc5);
    expect(hash('a')).toBe(0xe40c292c);
    expect(hash('foobar')).toBe(0xbf9cf968);
    expect(blockOf('foobar')).toBe(0xbf9cf968 % BLOCKS);
  });

  it('counts new and replaced customers, and a replaced customer’s old address no longer finds it', async () => {
    const d = db();
    expect(await d.customers.bulkPut([makeCustomer('A', ['a@one.com'], ['one.com']), makeCustomer('B', ['b@one.com'], ['one.com'])])).toEqual({ added: 2, updated: 0 });
    expect(await d.customers.bulkPut([makeCustomer('A', ['a@two.com'], ['two.com']), makeCustomer('C', [], [])])).toEqual({ added: 1, updated: 1 });
    expect(keys(await d.customers.byEmail('a@one.com'))).toEqual([]);
    expect(keys(await d.customers.byEmail('a@two.com'))).toEqual(['A']);
    expect(keys(await d.customers.byDomain('one.com'))).toEqual(['B']);
    expect(keys(await d.customers.byDomain('two.com'))).toEqual(['A']);
    expect(keys(await d.customers.toArray())).toEqual(['A', 'B', 'C']);
    expect(await d.customers.count()).toBe(3);
    expect(await d.customers.bulkGet(['C', 'nobody', 'A'])).toEqual([expect.objectContaining({ key: 'C' }), undefined, expect.objectContaining({ key: 'A' })]);
    await d.customers.clear();
    expect(await d.customers.any()).toBe(false);
    expect(await d.customerLookup.count()).toBe(0);
  });

  it('with onlyChanged, a customer whose results are the same is not rewritten (its updatedAt stays)', async () => {
    const d = db();
    await d.customers.bulkPut([makeCustomer('A', [], [], { updatedAt: 'then' }), makeCustomer('B', [], [], { updatedAt: 'then' })]);
    const progress: [number, number][] = [];
    const r = await d.customers.bulkPut([makeCustomer('A', [], [], { updatedAt: 'now' }), makeCustomer('B', [], [], { updatedAt: 'now', tier: 'B' })], {
      onlyChanged: true,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(r).toEqual({ added: 0, updated: 2 });
    expect((await d.customers.get('A'))?.updatedAt).toBe('then');
    expect(await d.customers.get('B')).toMatchObject({ updatedAt: 'now', tier: 'B' });
    expect(progress.at(-1)).toEqual([2, 2]);
  });

  it('property: after any sequence of writes, reads agree with a plain map of the last write per key', async () => {
    const customer = fc.record({
      key: fc.constantFrom('K1', 'K2', 'K3', 'K4', 'ü', '客户', '__proto__'),
      emails: fc.uniqueArray(fc.constantFrom('x@a.com', 'y@a.com', 'z@b.org'), { maxLength: 2 }),
      domains: fc.uniqueArray(fc.constantFrom('a.com', 'b.org'), { maxLength: 2 }),
      name: fc.string({ maxLength: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(customer, { maxLength: 4 }), { maxLength: 4 }), async (batches) => {
        const d = db();
        const model = new Map<string, StoredCustomer>();
        for (const batch of batches) {
          const rows = batch.map((c) => makeCustomer(c.key, c.emails, c.domains, { name: c.name }));
          await d.customers.bulkPut(rows);
          for (const r of rows) model.set(r.key, r);
        }
        const sorted = [...model.keys()].sort();
        expect(keys(await d.customers.toArray())).toEqual(sorted);
        for (const k of sorted) expect(await d.customers.get(k)).toEqual(model.get(k));
        for (const e of ['x@a.com', 'y@a.com', 'z@b.org']) {
          expect(keys(await d.customers.byEmail(e))).toEqual(sorted.filter((k) => model.get(k)!.emails.includes(e)));
        }
        for (const dom of ['a.com', 'b.org']) {
          expect(keys(await d.customers.byDomain(dom))).toEqual(sorted.filter((k) => model.get(k)!.domains.includes(dom)));
        }
        d.close();
        await Dexie.delete(d.name);
        open.splice(open.indexOf(d), 1);
      }),
      { numRuns: 40 },
    );
  });
});
