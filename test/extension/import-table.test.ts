import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addManualCustomer, commitImport, previewImport, reanalyze, importSource } from '../../extension/db/import-table';
import { resolveComplaint } from '../../extension/db/complaints';
import { dayToIso } from '../../shared/ingest/parse-date';
import type { StoredCustomer } from '../../extension/db/records';
import { addNote, notesOf } from '../../extension/db/notes';
import { addComplaint } from '../../extension/db/complaints';
import { logContact } from '../../extension/db/contact-log';
import { matchPerson } from '../../extension/db/match-person';
import { analyze } from '../../shared/analyze';
import { freshDatabases } from './fresh-databases';

const CTX = { lang: 'en' as const };
const CSV = [
  'Customer ID,Customer,Email,Revenue,Profit,Last contact',
  'C001,Huaxin Machinery,li.na@huaxin-machinery.com.cn,1200000,300000,2026-06-01',
  'C002,Northwind Traders,sam@northwind-traders.com,150000,30000,2026-10-01',
  'C003,Small Shop,owner@smallshop.cn,20000,2000,2026-05-01',
  'C004,Bad Number Co,bad@bad-number.com,abc,100,2026-01-01',
].join('\n');

const db = freshDatabases('rapport-import');
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
    const gb = new Uint8Array([
      0xbf, 0xcd, 0xbb, 0xa7, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xcf, 0xfa, 0xca, 0xdb, 0xb6, 0xee, 0x0a,
      0xbb, 0xaa, 0xd0, 0xc2, 0x2c, 0x31, 0x30, 0x30, 0x0a,
    ]);
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
    const renamed = CSV.replace('C003,Small Shop,owner@smallshop.cn,20000', 'C003,Small Shop Renamed,owner@smallshop.cn,25000');
    const again = `${renamed}\nC005,New Co,x@newco.com,5000,500,2026-09-01`;
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

/** A stored customer without what only the extension keeps: the core's Customer. */
function asCustomer(c: StoredCustomer): Record<string, unknown> {
  const { source: _s, updatedAt: _u, tableLastContact: _l, tableComplaintsOpen: _o, ...rest } = c;
  return rest;
}

describe('logged calls and complaints update one customer as a full re-analysis would', () => {
  const day = (n: number) => dayToIso(20_000 + n); // 2024-10-04 + n
  const row = fc.record({
    revenue: fc.integer({ min: 0, max: 2_000_000 }),
    revenuePrev: fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: null }),
    orders: fc.integer({ min: 1, max: 30 }),
    first: fc.integer({ min: 0, max: 300 }),
    span: fc.integer({ min: 0, max: 300 }),
    contact: fc.option(fc.integer({ min: 0, max: 640 }), { nil: null }),
    open: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
  });
  const withOpen = fc.boolean();

  it('property: incremental results equal analyze() of the table with the logged facts written in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 8 }),
        withOpen,
        fc.array(fc.record({ who: fc.nat(), on: fc.integer({ min: 0, max: 700 }) }), { maxLength: 6 }),
        fc.array(fc.record({ who: fc.nat(), resolved: fc.boolean() }), { maxLength: 5 }),
        async (rows, hasOpenColumn, logs, complaints) => {
          const asOf = day(640);
          const ctx = { lang: 'en' as const, asOf };
          const header = [
            'Customer ID',
            'Customer',
            'Revenue',
            'Revenue last year',
            'Orders',
            'First purchase',
            'Last purchase',
            'Last contact',
            ...(hasOpenColumn ? ['Open complaints'] : []),
          ];
          const body = rows.map((r, i) => [
            `C${i}`, `Co ${i}`, String(r.revenue), r.revenuePrev === null ? '' : String(r.revenuePrev), String(r.orders),
            day(r.first), day(r.first + r.span), r.contact === null ? '' : day(r.contact), ...(hasOpenColumn ? [r.open === null ? '' : String(r.open)] : []),
          ]);
          const d = db();
          await commitImport(d, previewImport([header, ...body].map((x) => x.join(',')).join('\n'), 'p', ctx), ctx);
          // The facts, logged one by one through the panel's functions.
          const lastLogged = new Map<number, string>();
          const open = new Map<number, number>();
          for (const l of logs) {
            const who = l.who % rows.length;
            await logContact(d, `C${who}`, 'call', day(l.on));
            if (!lastLogged.has(who) || day(l.on) > lastLogged.get(who)!) lastLogged.set(who, day(l.on));
          }
          for (const c of complaints) {
            const who = c.who % rows.length;
            const made = await addComplaint(d, `C${who}`, 'quality', 'x');
            if (c.resolved) await resolveComplaint(d, made.id);
            else open.set(who, (open.get(who) ?? 0) + 1);
          }
          // The reference: the table with each customer's later contact and open count written in.
          const refHeader = hasOpenColumn ? header : [...header, 'Open complaints'];
          const refBody = body.map((cells, i) => {
            const out = hasOpenColumn ? cells.slice() : [...cells, ''];
            const logged = lastLogged.get(i);
            if (logged && (out[7] === '' || logged > out[7]!)) out[7] = logged;
            const o = open.get(i) ?? 0;
            if (o > 0) out[8] = String((rows[i]!.open ?? 0) * (hasOpenColumn ? 1 : 0) + o);
            return out;
          });
          const reference = analyze([refHeader, ...refBody], ctx).customers;
          const stored = await d.customers.toArray();
          expect(stored.map(asCustomer)).toEqual(reference.map((c) => ({ ...c })));
          d.close();
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);

  it('writes nothing but the one customer, and keeps the table’s own facts beside the results', async () => {
    const d = db();
    await commitImport(d, previewImport(CSV, 'paste', CTX), CTX);
    const before = await d.customers.toArray();
    await logContact(d, 'C001', 'visit', '2026-09-25');
    await addComplaint(d, 'C001', 'quality', 'scratches');
    const after = await d.customers.toArray();
    for (let i = 0; i < before.length; i++) if (before[i]!.key !== 'C001') expect(after[i]).toEqual(before[i]);
    const c = after.find((x) => x.key === 'C001')!;
    expect([c.lastContact, c.tableLastContact, c.complaintsOpen, c.tableComplaintsOpen]).toEqual(['2026-09-25', '2026-06-01', 1, null]);
  });

  it('refuses a contact without a day and stores nothing', async () => {
    const d = db();
    await commitImport(d, previewImport(CSV, 'paste', CTX), CTX);
    await expect(logContact(d, 'C001', 'call', '')).rejects.toThrow(RangeError);
    expect(await d.contactLog.count()).toBe(0);
  });
});

describe('a change of settings', () => {
  it('re-analyses and rewrites only the customers whose results moved', async () => {
    const d = db();
    await commitImport(d, previewImport(CSV, 'paste', CTX), CTX, new Date('2026-11-01T00:00:00Z'));
    const before = new Map((await d.customers.toArray()).map((c) => [c.key, c]));
    // tier A is visited every 30 days by default; every 200 days, C001 (last contact 2026-06-01) is no longer overdue
    await reanalyze(d, { lang: 'en', settings: { visitDays: { A: 200 } } as never }, new Date('2026-11-02T00:00:00Z'));
    const after = new Map((await d.customers.toArray()).map((c) => [c.key, c]));
    expect(after.get('C001')).toMatchObject({ visitOverdue: false, nextVisitDue: '2026-12-18', updatedAt: '2026-11-02T00:00:00.000Z' });
    for (const key of ['C002', 'C003']) expect(after.get(key)).toEqual(before.get(key));
  });
});

describe('one transaction per change', () => {
  it('a full disk during an import leaves the kept table and every customer as they were', async () => {
    const d = db();
    await commitImport(d, previewImport(CSV, 'paste', CTX), CTX);
    const customers = await d.customers.toArray();
    const source = await importSource(d);
    const again = `${CSV.replace('Huaxin Machinery', 'Huaxin Renamed')}\nC009,Nine,n@nine.com,100,10,2026-01-01`;
    const put = d.customers.bulkPut.bind(d.customers);
    (d.customers as { bulkPut: unknown }).bulkPut = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await expect(commitImport(d, previewImport(again, 'paste', CTX), CTX)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    (d.customers as { bulkPut: unknown }).bulkPut = put;
    expect(await importSource(d)).toEqual(source);
    expect(await d.customers.toArray()).toEqual(customers);
    // the next logged call does not bring the failed file in
    await logContact(d, 'C001', 'call', '2026-09-30');
    expect((await d.customers.get('C001'))?.name).toBe('Huaxin Machinery');
    expect(await d.customers.get('C009')).toBeUndefined();
  });

  it('a re-import and an added customer racing each other both land', async () => {
    const d = db();
    await commitImport(d, previewImport(CSV, 'paste', CTX), CTX);
    const again = `${CSV}\nC005,New Co,x@newco.com,5000,500,2026-09-01`;
    const [, key] = await Promise.all([
      commitImport(d, previewImport(again, 'paste', CTX), CTX),
      addManualCustomer(d, 'Bluepeak Robotics', 'jordan@bluepeak-robotics.com', CTX, new Date('2026-11-01T00:00:00Z')),
    ]);
    expect(await d.customers.get(key)).toMatchObject({ name: 'Bluepeak Robotics', source: 'manual' });
    expect(await d.customers.get('C005')).toMatchObject({ name: 'New Co' });
    // and a later re-import keeps the customer added by hand
    await commitImport(d, previewImport(CSV, 'paste', CTX), CTX);
    expect(await d.customers.get(key)).toMatchObject({ name: 'Bluepeak Robotics', source: 'manual' });
    expect((await importSource(d))?.table.length).toBe(5);
  });
});

describe('adding a customer by hand', () => {
  it('stores the customer and the sender as a person at it together, or neither', async () => {
    const d = db();
    await commitImport(d, previewImport(CSV, 'paste', CTX), CTX);
    const key = await addManualCustomer(d, 'Bluepeak Robotics', 'Jordan.Lee@bluepeak-robotics.com', CTX, new Date('2026-11-01T00:00:00Z'), 'Jordan Lee');
    const people = await d.contacts.where('customerKey').equals(key).toArray();
    expect(people.map((p) => [p.email, p.name])).toEqual([['jordan.lee@bluepeak-robotics.com', 'Jordan Lee']]);
    const add = d.contacts.add.bind(d.contacts);
    (d.contacts as { add: unknown }).add = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await expect(addManualCustomer(d, 'Second Co', 'a@second-co.com', CTX, new Date('2026-11-02T00:00:00Z'))).rejects.toMatchObject({
      name: 'QuotaExceededError',
    });
    (d.contacts as { add: unknown }).add = add;
    expect(await d.customers.get(`M-${new Date('2026-11-02T00:00:00Z').getTime()}`)).toBeUndefined();
    expect(((await d.meta.get('manual'))?.value as unknown[] | undefined)?.length).toBe(1);
  });

  it('refuses a name that reads as a totals row (Total, 合计) and stores nothing', async () => {
    for (const name of ['Total', '合计']) {
      const d = db();
      await expect(addManualCustomer(d, name, 'a@b-corp.com', CTX)).rejects.toMatchObject({
        name: 'ManualCustomerRefused',
        code: 'skipped_totals',
        customerName: name,
      });
      expect(await d.customers.count()).toBe(0);
      expect(await d.meta.get('manual')).toBeUndefined();
    }
    // with an ID column the key is the ID, so the name is taken as it is
    const d = db();
    await commitImport(d, previewImport(CSV, 'paste', CTX), CTX);
    const key = await addManualCustomer(d, 'Total', 'boss@total-corp.com', CTX);
    expect((await d.customers.get(key))?.name).toBe('Total');
  });
});

describe('the import preview reads files as the CLI does', () => {
  it('a stray quote keeps every row and is reported, with the encoding used', () => {
    const lines = ['Customer,Revenue'];
    for (let i = 1; i <= 50; i++) lines.push(i === 3 ? '"Acme 4,5' : `Customer ${i},${i * 10}`);
    const p = previewImport(new TextEncoder().encode(`${lines.join('\n')}\n`), 'stray.csv', { lang: 'en' });
    expect(p.source.table).toHaveLength(51);
    expect(p.analysis.customers).toHaveLength(50);
    expect(p.analysis.notices[0]).toEqual({ code: 'encoding', message: 'the file was read as UTF-8' });
    expect(p.analysis.notices.find((n) => n.code === 'stray_quote')!.message).toContain('row 4, column 1');
  });
});

describe('the kept source table', () => {
  it('is stored as one JSON text, reads back as the table, and a backup carries the rows', async () => {
    const { exportBackup, restoreBackup } = await import('../../extension/db/backup');
    const d = db();
    const p = previewImport(CSV, 'paste', CTX, new Date('2026-11-01T00:00:00Z'));
    await commitImport(d, p, CTX);
    const stored = (await d.meta.get('source'))?.value as Record<string, unknown>;
    expect(typeof stored.tableJson).toBe('string');
    expect(stored.table).toBeUndefined();
    expect(await importSource(d)).toEqual(p.source);
    const backup = await exportBackup(d);
    expect(backup.tables.meta).toContainEqual({ key: 'source', value: p.source });
    // a backup's rows (as version 3 stored them) read the same once restored
    const e = db();
    await restoreBackup(e, JSON.parse(JSON.stringify(backup)));
    expect(await importSource(e)).toEqual(p.source);
    await reanalyze(e, CTX);
    expect((await e.customers.get('C001'))?.name).toBe('Huaxin Machinery');
  });
});
