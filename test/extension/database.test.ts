import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import fc from 'fast-check';
import { RapportDB, SCHEMA_V1, SCHEMA_V2, SCHEMA_V4, CURRENT_VERSION, TABLES, storesOf } from '../../extension/db/database';
import { BLOCKS, blockOf, blockRow, hash } from '../../extension/db/customer-store';
import { decodeCustomer, encodeCustomer } from '../../extension/db/customer-item';
import { matchPerson } from '../../extension/db/match-person';
import {
  addNote,
  deleteNote,
  editNote,
  indexNotes,
  notesOf,
  normalizeTags,
  purgeDeletedNotes,
  searchNotes,
  undoDeleteNote,
  UNDO_WINDOW_MS,
} from '../../extension/db/notes';
import { addComplaint, resolveComplaint } from '../../extension/db/complaints';
import { addFollowUp, dueFollowUps, setFollowUpDone } from '../../extension/db/follow-ups';
import { logContact } from '../../extension/db/contact-log';
import { blankContact, saveContact } from '../../extension/db/contact-card';
import { addChurnReason } from '../../extension/db/churn-reasons';
import { clearAll, exportBackup, notesToCsv, restoreBackup, checkBackup, describeRestore, parseBackup } from '../../extension/db/backup';
import { csvCell } from '../../extension/db/csv-cell';
import { getLangChoice, setLangChoice, setSettingsJson, getSettings } from '../../extension/db/preferences';
import type { Note, StoredCustomer } from '../../extension/db/records';
import { makeCustomer } from './make-customer';

let n = 0;
const open: Dexie[] = [];
function freshName(): string {
  return `rapport-test-${++n}-${Date.now()}`;
}
function db(name = freshName()): RapportDB {
  const d = new RapportDB(name);
  open.push(d);
  return d;
}
/** A database as version `version` of the extension left it (its schemas up to there), for an upgrade to start from. */
function atVersion(name: string, version: 1 | 2 | 3 | 4): Dexie {
  const old = new Dexie(name);
  const schemas = [SCHEMA_V1, SCHEMA_V2, SCHEMA_V2, SCHEMA_V4];
  for (let v = 1; v <= version; v++) old.version(v).stores(schemas[v - 1]!);
  return old;
}
afterEach(async () => {
  for (const d of open.splice(0)) {
    d.close();
    await Dexie.delete(d.name);
  }
});

describe('schema versions', () => {
  it('upgrades a version-1 database with its data kept (domains derived, notes gain tags and deleted)', async () => {
    const name = freshName();
    const v1 = atVersion(name, 1);
    await v1.table('customers').add({ key: 'C1', name: 'Huaxin', emails: ['li.na@huaxin-machinery.com.cn', 'boss.li@qq.com'] });
    const at = '2025-01-02T00:00:00.000Z';
    await v1.table('notes').add({ id: 'n1', customerKey: 'C1', body: '报价已发', created: at, updated: at });
    v1.close();

    const d = db(name);
    await d.open();
    expect(d.verno).toBe(CURRENT_VERSION);
    const c = await d.customers.get('C1');
    expect(c).toMatchObject({ key: 'C1', name: 'Huaxin', domains: ['huaxin-machinery.com.cn'], source: 'import' });
    expect(await d.notes.get('n1')).toEqual({ id: 'n1', customerKey: 'C1', body: '报价已发', created: at, updated: at, tags: [], deleted: null });
    // the upgraded data is matchable by a new person's company domain
    expect((await matchPerson(d, 'new.buyer@huaxin-machinery.com.cn')).map((m) => [m.customer.key, m.by])).toEqual([['C1', 'domain']]);
    // every later table's stores exist; the per-customer store of versions 1 to 3 is gone
    for (const s of storesOf(d, TABLES)) expect(d.tables.map((x) => x.name)).toContain(s.name);
    expect(d.tables.map((x) => x.name)).not.toContain('customers');
  });
});

describe('schema version 3', () => {
  it('keeps the table’s own facts beside the results: logged open complaints are taken off the stored count', async () => {
    const name = freshName();
    const v2 = atVersion(name, 2);
    // version 2 stored the table's 1 open complaint plus the 2 logged here as 3
    await v2.table('customers').add({
      ...makeCustomer('C1', [], []),
      tableLastContact: undefined,
      tableComplaintsOpen: undefined,
      complaintsOpen: 3,
      lastContact: '2026-01-05',
    });
    await v2.table('complaints').bulkAdd([
      { id: 'a', customerKey: 'C1', category: 'quality', status: 'open', body: '', created: '', resolved: null },
      { id: 'b', customerKey: 'C1', category: 'service', status: 'open', body: '', created: '', resolved: null },
      { id: 'c', customerKey: 'C1', category: 'service', status: 'resolved', body: '', created: '', resolved: '' },
    ]);
    await v2.table('followUps').add({ id: 'f', customerKey: 'C1', title: 'x', due: '2026-01-01T00:00:00.000Z', done: 0, created: '' });
    v2.close();
    const d = db(name);
    await d.open();
    expect(await d.customers.get('C1')).toMatchObject({ complaintsOpen: 3, tableComplaintsOpen: 1, tableLastContact: '2026-01-05' });
    expect((await d.followUps.get('f'))?.notified).toBeNull();
  });
});

describe('schema version 4', () => {
  it('moves version 3’s customer records into blocks: every customer, its fields and its look-ups kept', async () => {
    const name = freshName();
    const v3 = atVersion(name, 3);
    const rows = Array.from({ length: 300 }, (_, i) =>
      makeCustomer(`K${i}`, [`buyer${i}@firm${i % 7}.com`], [`firm${i % 7}.com`], { name: `Firm ${i}`, tableLastContact: '2026-01-05' }),
    );
    await v3.table('customers').bulkAdd(rows);
    v3.close();
    const d = db(name);
    await d.open();
    expect(d.verno).toBe(CURRENT_VERSION);
    expect(await d.customers.toArray()).toEqual([...rows].sort((a, b) => (a.key < b.key ? -1 : 1)));
    expect(await d.customers.get('K42')).toEqual(rows[42]);
    expect((await matchPerson(d, 'buyer7@firm0.com')).map((m) => m.customer.key)).toEqual(['K7']);
    // firm3.com: every seventh customer from K3
    const atFirm3 = rows.filter((_, i) => i % 7 === 3).map((c) => c.key).sort();
    expect((await matchPerson(d, 'someone@firm3.com')).map((m) => m.customer.key)).toEqual(atFirm3);
    // far fewer records than customers
    expect(await d.customerBlocks.count()).toBeLessThan(300);
  });
});

describe('schema version 5', () => {
  it('writes version 4’s customers again without their field names: every customer and its look-ups kept', async () => {
    const name = freshName();
    const v4 = atVersion(name, 4);
    // Blocks as version 4 wrote them: each customer as a JSON object.
    const rows = Array.from({ length: 200 }, (_, i) => makeCustomer(`K${i}`, [`buyer${i}@firm${i % 5}.com`], [`firm${i % 5}.com`], { name: `Firm ${i}`, pAlive: i / 200 }));
    const byBlock = new Map<number, StoredCustomer[]>();
    for (const c of [...rows].sort((a, b) => (a.key < b.key ? -1 : 1))) byBlock.set(blockOf(c.key), [...(byBlock.get(blockOf(c.key)) ?? []), c]);
    await v4.table('customerBlocks').bulkAdd([...byBlock].map(([id, cs]) => ({ id, keys: cs.map((c) => c.key), items: cs.map((c) => JSON.stringify(c)) })));
    await v4.table('customerRows').bulkAdd([...byBlock].map(([id, cs]) => ({ id, rows: cs.map(blockRow) })));
    const lookups = new Map<string, Map<string, string[]>>();
    for (const c of rows)
      for (const [bucket, value] of [[`e${hash(c.emails[0]!) % BLOCKS}`, c.emails[0]!], [`d${hash(c.domains[0]!) % BLOCKS}`, c.domains[0]!]] as const) {
        const m = lookups.get(bucket) ?? new Map<string, string[]>();
        m.set(value, [...(m.get(value) ?? []), c.key]);
        lookups.set(bucket, m);
      }
    await v4.table('customerLookup').bulkAdd([...lookups].map(([id, m]) => ({ id, entries: JSON.stringify([...m]) })));
    v4.close();

    const d = db(name);
    await d.open();
    expect(d.verno).toBe(CURRENT_VERSION);
    const sorted = [...rows].sort((a, b) => (a.key < b.key ? -1 : 1));
    expect(await d.customers.toArray()).toStrictEqual(sorted);
    expect(await d.customers.get('K42')).toStrictEqual(rows[42]);
    expect((await matchPerson(d, 'buyer7@firm2.com')).map((m) => m.customer.key)).toEqual(['K7']);
    // Every item is now written as encodeCustomer writes it, and is shorter than it was.
    for (const b of await d.customerBlocks.toArray()) {
      b.items.forEach((item, i) => {
        expect(item).toBe(encodeCustomer(decodeCustomer(item)));
        expect(item.startsWith('[')).toBe(true);
        expect(item.length).toBeLessThan(JSON.stringify(byBlock.get(b.id)![i]).length);
      });
    }
  });
});

describe('schema version 5, a block with an item that does not read', () => {
  it('leaves that item as it was and upgrades the rest: the database opens', async () => {
    const name = freshName();
    const v4 = atVersion(name, 4);
    const good = makeCustomer('A1', [], []);
    const id = blockOf('A1');
    await v4.table('customerBlocks').add({ id, keys: ['A0', 'A1'], items: ['{not json', JSON.stringify(good)] });
    await v4.table('customerRows').add({ id, rows: [blockRow(makeCustomer('A0', [], [])), blockRow(good)] });
    v4.close();
    const d = db(name);
    await d.open();
    expect(d.verno).toBe(CURRENT_VERSION);
    const block = await d.customerBlocks.get(id);
    expect(block?.items[0]).toBe('{not json');
    expect(block?.items[1]).toBe(encodeCustomer(good));
    expect(await d.customers.get('A1')).toStrictEqual(good);
  });
});

describe('matching a person', () => {
  it('exact address first, then registrable domain, never a free-mail domain', async () => {
    const d = db();
    await d.customers.bulkPut([
      makeCustomer('A', ['li.na@huaxin-machinery.com.cn'], ['huaxin-machinery.com.cn']),
      makeCustomer('B', ['wang@huaxin-machinery.com.cn'], ['huaxin-machinery.com.cn']),
      makeCustomer('G', ['someone@gmail.com'], []),
    ]);
    expect((await matchPerson(d, 'Li.Na@Huaxin-Machinery.com.cn')).map((m) => [m.customer.key, m.by])).toEqual([['A', 'email']]);
    expect((await matchPerson(d, 'new@sales.huaxin-machinery.com.cn')).map((m) => [m.customer.key, m.by]).sort()).toEqual([['A', 'domain'], ['B', 'domain']]);
    expect((await matchPerson(d, 'someone@gmail.com')).map((m) => m.customer.key)).toEqual(['G']);
    expect(await matchPerson(d, 'stranger@gmail.com')).toEqual([]);
    expect(await matchPerson(d, 'x@163.com')).toEqual([]);
    expect(await matchPerson(d, 'x@unknown-company.com')).toEqual([]);
  });
});

describe('notes', () => {
  it('add, edit, delete with undo', async () => {
    const d = db();
    const a = await addNote(d, 'A', ' 约了下周拜访 ', ['#Visit', 'visit', ' 报价 '], new Date('2026-01-01T10:00:00Z'));
    expect(a.body).toBe('约了下周拜访');
    expect(a.tags).toEqual(['visit', '报价']);
    const b = await addNote(d, 'A', 'second', [], new Date('2026-01-02T10:00:00Z'));
    expect((await notesOf(d, 'A')).map((x) => x.id)).toEqual([b.id, a.id]);
    await editNote(d, a.id, 'edited', ['x'], new Date('2026-01-03T00:00:00Z'));
    expect(await d.notes.get(a.id)).toMatchObject({ body: 'edited', tags: ['x'], updated: '2026-01-03T00:00:00.000Z', created: '2026-01-01T10:00:00.000Z' });
    await deleteNote(d, a.id);
    expect((await notesOf(d, 'A')).map((x) => x.id)).toEqual([b.id]);
    await undoDeleteNote(d, a.id);
    expect((await notesOf(d, 'A')).map((x) => x.id)).toEqual([b.id, a.id]);
  });

  it('search needs every word; #tag words must be tags; deleted notes never match', () => {
    const mk = (id: string, body: string, tags: string[], deleted: string | null = null): Note => ({
      id,
      customerKey: 'A',
      body,
      tags,
      created: `2026-01-0${id}T00:00:00Z`,
      updated: '',
      deleted,
    });
    const notes = [
      mk('1', 'Price list sent to Li Na', ['quote']),
      mk('2', '价格谈判 next week', ['visit']),
      mk('3', 'price dropped', ['quote'], '2026-01-05'),
    ];
    expect(searchNotes(notes, 'price').map((x) => x.id)).toEqual(['1']);
    expect(searchNotes(notes, 'PRICE li').map((x) => x.id)).toEqual(['1']);
    expect(searchNotes(notes, '#visit').map((x) => x.id)).toEqual(['2']);
    expect(searchNotes(notes, '价格').map((x) => x.id)).toEqual(['2']);
    expect(searchNotes(notes, 'quote').map((x) => x.id)).toEqual(['1']);
    expect(searchNotes(notes, '').map((x) => x.id)).toEqual(['2', '1']);
  });

  it('property: a search result always contains every query word, and no live note containing them is missed', () => {
    const word = fc.constantFrom('alpha', 'beta', 'gamma', '报价', '拜访');
    fc.assert(
      fc.property(fc.array(fc.array(word, { maxLength: 4 }), { maxLength: 20 }), fc.array(word, { minLength: 1, maxLength: 2 }), (bodies, q) => {
        const notes: Note[] = bodies.map((b, i) => ({
          id: String(i),
          customerKey: 'A',
          body: b.join(' '),
          tags: [],
          created: String(i).padStart(3, '0'),
          updated: '',
          deleted: null,
        }));
        const hits = new Set(searchNotes(notes, q.join(' ')).map((x) => x.id));
        for (const note of notes) expect(hits.has(note.id)).toBe(q.every((w) => note.body.includes(w)));
      }),
    );
  });

  it('an index gives the same hits newest first, and a limit keeps the newest', () => {
    const mk = (id: string, created: string, deleted: string | null = null): Note => ({
      id,
      customerKey: 'A',
      body: `Quote ${id}`,
      tags: [],
      created,
      updated: '',
      deleted,
    });
    const notes = [mk('a', '2026-01-02'), mk('b', '2026-03-01'), mk('c', '2026-02-01', 'x'), mk('d', '2026-01-05')];
    const index = indexNotes(notes);
    expect(index.notes.map((n) => n.id)).toEqual(['b', 'd', 'a']);
    expect(searchNotes(index, 'quote').map((n) => n.id)).toEqual(['b', 'd', 'a']);
    expect(searchNotes(index, 'quote', 2).map((n) => n.id)).toEqual(['b', 'd']);
    expect(searchNotes(notes, 'QUOTE A').map((n) => n.id)).toEqual(['a']);
  });

  it('normalises tags', () => {
    expect(normalizeTags(['#A', 'a', '', '  b ', '##c'])).toEqual(['a', 'b', 'c']);
  });

  it('exports live notes to CSV with quoting and a BOM', () => {
    const notes: Note[] = [
      { id: '1', customerKey: 'K1', body: 'said "yes", then\nleft', tags: ['a', 'b'], created: 'c', updated: 'u', deleted: null },
      { id: '2', customerKey: 'K1', body: 'gone', tags: [], created: 'c', updated: 'u', deleted: 'd' },
    ];
    expect(notesToCsv(notes, () => '华新, 机械')).toBe(
      '\ufeffcustomer_key,customer,created,updated,tags,note\r\nK1,"华新, 机械",c,u,a b,"said ""yes"", then\nleft"\r\n',
    );
  });
});

describe('notes CSV and spreadsheet formulas', () => {
  it('prefixes a quote to cells a spreadsheet would run, but not to plain numbers', () => {
    expect(['=HYPERLINK("http://x","y")', '@SUM(A1:A2)', '+cmd|\' /C calc\'!A0', '-1+1', '\tx', '\rx'].map(csvCell)).toEqual([
      `"'=HYPERLINK(""http://x"",""y"")"`, "'@SUM(A1:A2)", "'+cmd|' /C calc'!A0", "'-1+1", "'\tx", `"'\rx"`,
    ]);
    expect(['-12.5', '+3', '42', '1e5', 'plain', '', 'a=b'].map(csvCell)).toEqual(['-12.5', '+3', '42', '1e5', 'plain', '', 'a=b']);
    const notes: Note[] = [{ id: '1', customerKey: '=K', body: '=HYPERLINK("http://evil","click")', tags: ['@x'], created: 'c', updated: 'u', deleted: null }];
    expect(notesToCsv(notes, () => '-1+1')).toBe(
      `\ufeffcustomer_key,customer,created,updated,tags,note\r\n'=K,'-1+1,c,u,'@x,"'=HYPERLINK(""http://evil"",""click"")"\r\n`,
    );
  });
});

describe('deleted notes', () => {
  it('are purged once the undo window has closed, and never exported', async () => {
    const d = db();
    const keep = await addNote(d, 'A', 'keep');
    const gone = await addNote(d, 'A', 'secret price');
    const t0 = new Date('2026-03-01T10:00:00Z');
    await deleteNote(d, gone.id, t0);
    expect((await exportBackup(d)).tables.notes.map((n) => (n as Note).id)).toEqual([keep.id]);
    // still there for undo inside the window
    expect(await purgeDeletedNotes(d, new Date(t0.getTime() + UNDO_WINDOW_MS - 1))).toBe(0);
    expect(await d.notes.get(gone.id)).toBeDefined();
    expect(await purgeDeletedNotes(d, new Date(t0.getTime() + UNDO_WINDOW_MS + 1))).toBe(1);
    expect(await d.notes.get(gone.id)).toBeUndefined();
    expect(await d.notes.get(keep.id)).toBeDefined();
  });

  it('a later delete purges notes whose window closed', async () => {
    const d = db();
    const a = await addNote(d, 'A', 'one');
    const b = await addNote(d, 'A', 'two');
    await deleteNote(d, a.id, new Date('2026-03-01T10:00:00Z'));
    await deleteNote(d, b.id, new Date('2026-03-02T10:00:00Z'));
    expect(await d.notes.get(a.id)).toBeUndefined();
    expect(await d.notes.get(b.id)).toBeDefined();
  });
});

describe('follow-ups, complaints, contacts', () => {
  it('lists open follow-ups due by a time', async () => {
    const d = db();
    const f1 = await addFollowUp(d, 'A', 'send quote', new Date('2026-02-01T09:00:00Z'));
    await addFollowUp(d, 'A', 'later', new Date('2026-03-01T09:00:00Z'));
    const f3 = await addFollowUp(d, 'B', 'call back', new Date('2026-01-15T09:00:00Z'));
    expect((await dueFollowUps(d, new Date('2026-02-01T09:00:00Z'))).map((f) => f.id)).toEqual([f3.id, f1.id]);
    await setFollowUpDone(d, f3.id, true);
    expect((await dueFollowUps(d, new Date('2026-02-01T09:00:00Z'))).map((f) => f.id)).toEqual([f1.id]);
  });

  it('resolves complaints', async () => {
    const d = db();
    const c = await addComplaint(d, 'A', 'logistics', 'late delivery', new Date('2026-01-01T00:00:00Z'));
    expect(c.status).toBe('open');
    await resolveComplaint(d, c.id, new Date('2026-01-03T00:00:00Z'));
    expect(await d.complaints.get(c.id)).toMatchObject({ status: 'resolved', resolved: '2026-01-03T00:00:00.000Z' });
  });
});

describe('backup', () => {
  it('export → restore into an empty database → export is identical', async () => {
    const a = db();
    await a.customers.bulkPut([makeCustomer('A', ['li@x-corp.com'], ['x-corp.com'], { tier: 'B' }), makeCustomer('B', [], [])]);
    await addNote(a, 'A', '第一次拜访', ['visit']);
    const gone = await addNote(a, 'A', 'deleted but undoable', []);
    await deleteNote(a, gone.id);
    await addFollowUp(a, 'A', 'quote', new Date('2026-02-01T00:00:00Z'));
    await addComplaint(a, 'A', 'quality', 'scratches');
    await logContact(a, 'A', 'visit', '2026-01-20', 'met the buyer');
    await addChurnReason(a, 'B', 'competitor_price', 'cheaper offer', '2026-01-10');
    await saveContact(a, { ...blankContact('A', 'li@x-corp.com', 'Li'), role: 'decision_maker', hobbies: '钓鱼' });
    await setLangChoice(a, 'zh');
    const first = await exportBackup(a, new Date('2026-01-31T00:00:00Z'));
    const json = JSON.parse(JSON.stringify(first));
    expect(checkBackup(json)).toEqual([]);

    const b = db();
    await b.customers.put(makeCustomer('STALE', [], []));
    await restoreBackup(b, json);
    const second = await exportBackup(b, new Date('2026-01-31T00:00:00Z'));
    expect(second).toEqual(first);
    expect(await getLangChoice(b)).toBe('zh');
    expect(await b.customers.get('STALE')).toBeUndefined();
  });

  it('refuses a file that is not a backup and changes nothing', async () => {
    const d = db();
    await d.customers.put(makeCustomer('A', [], []));
    expect(checkBackup({ hello: 1 })).toContain('format');
    await expect(restoreBackup(d, { hello: 1 } as never)).rejects.toThrow(/not a Rapport backup/);
    expect(await d.customers.count()).toBe(1);
    await clearAll(d);
    expect(await d.customers.count()).toBe(0);
  });
});

describe('reading a backup file', () => {
  const full = async () => JSON.parse(JSON.stringify(await exportBackup(db()))) as Record<string, unknown>;

  it('an empty table list is not a backup: a missing table is an error, and nothing changes', async () => {
    const d = db();
    await d.customers.put(makeCustomer('A', [], []));
    await addNote(d, 'A', 'kept');
    const empty = { format: 'rapport-backup', schemaVersion: 2, tables: {} };
    expect(checkBackup(empty)).toEqual(TABLES.map((t) => `tables.${t}: missing`));
    await expect(restoreBackup(d, empty)).rejects.toThrow(/not a Rapport backup/);
    expect(await d.customers.count()).toBe(1);
    expect(await d.notes.count()).toBe(1);
    const one = await full();
    delete (one.tables as Record<string, unknown>).followUps;
    expect(checkBackup(one)).toEqual(['tables.followUps: missing']);
    expect(checkBackup({ ...(await full()), schemaVersion: CURRENT_VERSION + 1 })).toEqual(['schemaVersion']);
    expect(checkBackup({ ...(await full()), schemaVersion: 1.5 })).toEqual(['schemaVersion']);
  });

  it('copies rows from allow-lists into prototype-less objects and refuses rows without their keys', async () => {
    const b = await full();
    const tables = b.tables as Record<string, unknown[]>;
    const polluted =
      '{"id":"n1","customerKey":"A","body":"x","tags":[],"created":"c","updated":"u","deleted":null,"__proto__":{"polluted":true},"extra":"dropped"}';
    tables.notes = [JSON.parse(polluted)];
    const parsed = parseBackup(b);
    expect(parsed.problems).toEqual([]);
    const note = parsed.backup!.tables.notes[0]!;
    expect(Object.getPrototypeOf(note)).toBeNull();
    expect(Object.keys(note)).toEqual(['id', 'customerKey', 'body', 'tags', 'created', 'updated', 'deleted']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    tables.notes = [{ id: 7, customerKey: 'A' }, 'text'];
    tables.customers = [{ name: 'no key' }];
    expect(checkBackup(b)).toEqual(['tables.customers[0].key', 'tables.notes[0].id', 'tables.notes[1]: not_object']);
    // two customers of one key: the second would replace the first, so the file is refused
    tables.notes = [];
    tables.customers = [makeCustomer('A', [], []), makeCustomer('B', [], []), makeCustomer('A', [], [])];
    expect(checkBackup(b)).toEqual(['tables.customers[2].key: duplicate']);
  });

  it('a version-1 backup is upgraded like the database: its notes show, search and export; domains match', async () => {
    const v1 = {
      format: 'rapport-backup',
      schemaVersion: 1,
      exportedAt: '2025-02-01T00:00:00.000Z',
      tables: {
        customers: [{ key: 'C1', name: 'Huaxin', emails: ['li.na@huaxin-machinery.com.cn', 'boss.li@qq.com'] }],
        notes: [{ id: 'n1', customerKey: 'C1', body: '报价已发 price sent', created: '2025-01-02T00:00:00.000Z', updated: '2025-01-02T00:00:00.000Z' }],
      },
    };
    expect(checkBackup(v1)).toEqual([]);
    const d = db();
    await d.customers.put(makeCustomer('OLD', [], []));
    await restoreBackup(d, v1);
    expect(await d.customers.get('OLD')).toBeUndefined();
    expect((await notesOf(d, 'C1')).map((n) => n.body)).toEqual(['报价已发 price sent']);
    expect(searchNotes(await d.notes.toArray(), 'price').map((n) => n.id)).toEqual(['n1']);
    expect(notesToCsv(await d.notes.toArray(), () => 'Huaxin')).toContain(
      'C1,Huaxin,2025-01-02T00:00:00.000Z,2025-01-02T00:00:00.000Z,,报价已发 price sent',
    );
    expect((await matchPerson(d, 'new.buyer@huaxin-machinery.com.cn')).map((m) => [m.customer.key, m.by])).toEqual([['C1', 'domain']]);
    expect(await d.customers.get('C1')).toMatchObject({ source: 'import', domains: ['huaxin-machinery.com.cn'], tableLastContact: null });
    // restoring and exporting gives a current-version backup
    expect((await exportBackup(d)).schemaVersion).toBe(CURRENT_VERSION);
  });

  it('says what a restore would replace, table by table', async () => {
    const a = db();
    await a.customers.bulkPut([makeCustomer('A', [], []), makeCustomer('B', [], [])]);
    await addNote(a, 'A', 'one');
    const backup = parseBackup(JSON.parse(JSON.stringify(await exportBackup(a)))).backup!;
    const b = db();
    await b.customers.put(makeCustomer('X', [], []));
    const counts = await describeRestore(b, backup);
    expect(counts.find((c) => c.table === 'customers')).toEqual({ table: 'customers', now: 1, backup: 2 });
    expect(counts.find((c) => c.table === 'notes')).toEqual({ table: 'notes', now: 0, backup: 1 });
    expect(counts.map((c) => c.table)).toEqual([...TABLES]);
  });
});

describe('preferences', () => {
  it('stores valid settings and refuses invalid ones', async () => {
    const d = db();
    expect(await setSettingsJson(d, { visitDays: { A: 14 } })).toEqual([]);
    expect((await getSettings(d)).visitDays.A).toBe(14);
    const problems = await setSettingsJson(d, { visitDays: { A: 'often' } });
    expect(problems.length).toBeGreaterThan(0);
    expect((await getSettings(d)).visitDays.A).toBe(14);
    expect(await getLangChoice(d)).toBe('auto');
  });
});

describe('note search details', () => {
  it('treats regular-expression characters in the query literally and ignores case in Latin text', () => {
    const n = (id: string, body: string): Note => ({ id, customerKey: 'A', body, tags: [], created: id, updated: '', deleted: null });
    const notes = [n('1', 'Price (USD) 1.5+tax'), n('2', 'price usd 15 tax'), n('3', 'ÉTÉ order')];
    expect(searchNotes(notes, '(usd)').map((x) => x.id)).toEqual(['1']);
    expect(searchNotes(notes, '1.5+').map((x) => x.id)).toEqual(['1']);
    expect(searchNotes(notes, 'PRICE').map((x) => x.id)).toEqual(['2', '1']);
    expect(searchNotes(notes, 'été').map((x) => x.id)).toEqual(['3']);
  });
});
