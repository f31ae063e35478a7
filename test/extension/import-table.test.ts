import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { RapportDB } from '../../extension/db/database';
import { addManualCustomer, commitImport, previewImport, reanalyze, withLoggedFacts, importSource } from '../../extension/db/import-table';
import { addNote, notesOf } from '../../extension/db/notes';
import { addComplaint, logContact } from '../../extension/db/relationship';
import { matchPerson } from '../../extension/db/match-person';
import { analyze } from '../../shared/analyze';

const CTX = { lang: 'en' as const };
const CSV = [
  'Customer ID,Customer,Email,Revenue,Profit,Last contact',
  'C001,Huaxin Machinery,li.na@huaxin-machinery.com.cn,1200000,300000,2026-06-01',
  'C002,Northwind Traders,sam@northwind-traders.com,150000,30000,2026-10-01',
  'C003,Small Shop,owner@smallshop.cn,20000,2000,2026-05-01',
  'C004,Bad Number Co,bad@bad-number.com,abc,100,2026-01-01',
].join('\n');

const dbs: RapportDB[] = [];
function db(): RapportDB {
  const d = new RapportDB(`rapport-import-${dbs.length}-${Date.now()}`);
  dbs.push(d);
  return d;
}
afterEach(async () => {
  for (const d of dbs.splice(0)) {
    d.close();
    await Dexie.delete(d.name);
  }
});

describe('import through the core', () => {
  it('previews row errors without writing anything', async () => {
    const d = db();
    const p = previewImport(CSV, 'paste', CTX);
    expect(p.analysis.summary.rows).toEqual({ read: 4, accepted: 3, rejected: 1, skipped: 0 });
    expect(p.analysis.errors.map((e) => [e.row, e.code])).toEqual([[5, 'not_a_number']]);
    expect(await d.customers.count()).toBe(0);
    expect(await importSource(d)).toBeNull();
  });

  it('decodes file bytes like the CLI (UTF-8 with BOM, GB18030)', () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('客户名称,销售额\n华新,100\n')]);
    expect(previewImport(utf8, 'a.csv', CTX).analysis.customers.map((c) => c.name)).toEqual(['华新']);
    // "客户名称,销售额\n华新,100\n" in GB18030
    const gb = new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xcf, 0xfa, 0xca, 0xdb, 0xb6, 0xee, 0x0a, 0xbb, 0xaa, 0xd0, 0xc2, 0x2c, 0x31, 0x30, 0x30, 0x0a]);
    expect(previewImport(gb, 'b.csv', CTX).analysis.customers.map((c) => [c.name, c.revenue])).toEqual([['华新', 100]]);
  });

  it('writes exactly what analyze computes; re-import updates by key and keeps notes', async () => {
    const d = db();
    const p = previewImport(CSV, 'paste', CTX);
    expect(await commitImport(d, p, CTX)).toEqual({ added: 3, updated: 0 });
    const expected = analyze(previewImport(CSV, 'x', CTX).source.table, CTX).customers;
    const stored = await d.customers.toArray();
    expect(stored.map((c) => [c.key, c.tier, c.lifecycle, c.churnRisk.score])).toEqual(expected.map((c) => [c.key, c.tier, c.lifecycle, c.churnRisk.score]));
    expect(stored.find((c) => c.key === 'C001')?.tier).toBe('A');

    await addNote(d, 'C001', 'met the buyer');
    const again = CSV.replace('C003,Small Shop,owner@smallshop.cn,20000', 'C003,Small Shop Renamed,owner@smallshop.cn,25000') + '\nC005,New Co,x@newco.com,5000,500,2026-09-01';
    expect(await commitImport(d, previewImport(again, 'paste', CTX), CTX)).toEqual({ added: 1, updated: 3 });
    expect((await d.customers.get('C003'))?.name).toBe('Small Shop Renamed');
    expect((await notesOf(d, 'C001')).map((n) => n.body)).toEqual(['met the buyer']);
  });

  it('logging a visit updates last contact, so the visit plan and churn risk move', async () => {
    const d = db();
    await commitImport(d, previewImport(CSV, 'paste', CTX), CTX);
    const before = (await d.customers.get('C001'))!;
    // as of 2026-10-01 (the latest date), tier A (visit every 30 days), last contact 2026-06-01
    expect(before.lastContact).toBe('2026-06-01');
    expect(before.nextVisitDue).toBe('2026-07-01');
    expect(before.visitOverdue).toBe(true);
    expect(before.churnRisk.factors.map((f) => f.code)).toContain('no_contact');

    await logContact(d, 'C001', 'visit', '2026-09-25', 'plant tour');
    await reanalyze(d, CTX);
    const after = (await d.customers.get('C001'))!;
    expect(after.lastContact).toBe('2026-09-25');
    expect(after.nextVisitDue).toBe('2026-10-25');
    expect(after.visitOverdue).toBe(false);
    expect(after.churnRisk.factors.map((f) => f.code)).not.toContain('no_contact');
    expect(after.churnRisk.score).toBeLessThan(before.churnRisk.score);
  });

  it('an open complaint logged in the panel reaches the core as an open complaint', async () => {
    const d = db();
    await commitImport(d, previewImport(CSV, 'paste', CTX), CTX);
    await addComplaint(d, 'C002', 'logistics', 'late again');
    await reanalyze(d, CTX);
    const c = (await d.customers.get('C002'))!;
    expect(c.complaintsOpen).toBe(1);
    expect(c.churnRisk.factors.map((f) => f.code)).toContain('complaints');
  });

  it('adds an unknown sender as a customer analysed by the core, matchable afterwards', async () => {
    const d = db();
    await commitImport(d, previewImport(CSV, 'paste', CTX), CTX);
    const key = await addManualCustomer(d, 'Bluepeak Robotics', 'Jordan.Lee@bluepeak-robotics.com', CTX, new Date('2026-11-01T00:00:00Z'));
    expect(key).toBe(`M-${new Date('2026-11-01T00:00:00Z').getTime()}`);
    const c = (await d.customers.get(key!))!;
    expect(c.name).toBe('Bluepeak Robotics');
    expect(['A', 'B', 'C', 'D']).toContain(c.tier);
    expect((await matchPerson(d, 'jordan.lee@bluepeak-robotics.com')).map((m) => m.customer.key)).toEqual([key]);
    expect((await matchPerson(d, 'sales@bluepeak-robotics.com')).map((m) => m.by)).toEqual(['domain']);
    expect(await d.customers.count()).toBe(4);
  });

  it('adds a customer when nothing was imported yet', async () => {
    const d = db();
    const key = await addManualCustomer(d, 'First Co', 'a@first-co.com', CTX);
    expect(key).toBe('First Co');
    expect((await d.customers.get('First Co'))?.emails).toEqual(['a@first-co.com']);
  });
});

describe('withLoggedFacts', () => {
  it('appends Last contact / Open complaints columns when the table has none, only on the customer’s rows', () => {
    const table = [['Customer', 'Revenue'], ['A Co', '100'], ['B Co', '50']];
    const base = analyze(table, CTX);
    const out = withLoggedFacts(table, base, new Map([['A Co', '2026-01-05']]), new Map([['B Co', 2]]));
    expect(out).toEqual([
      ['Customer', 'Revenue', 'Last contact', 'Open complaints'],
      ['A Co', '100', '2026-01-05', ''],
      ['B Co', '50', '', '2'],
    ]);
    expect(table[0]).toEqual(['Customer', 'Revenue']);
  });

  it('keeps a later date from the table', () => {
    const table = [['Customer', 'Revenue', 'Last contact'], ['A Co', '100', '2026-03-01']];
    const base = analyze(table, CTX);
    expect(withLoggedFacts(table, base, new Map([['A Co', '2026-01-05']]), new Map())[1]).toEqual(['A Co', '100', '2026-03-01']);
  });
});
