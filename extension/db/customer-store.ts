/**
 * Where the customers live: in blocks, not one IndexedDB record each. A customer's block is a hash
 * of its key (`blockOf`), so a block holds about one in a thousand customers, kept in key order;
 * look-up buckets of the same kind map each address and each company domain to the keys of the
 * customers that have it. Chrome's IndexedDB costs a fixed ~0.1 ms per request and per index entry
 * whatever the record's size (100,000 one-field puts take ~8 s there, and every index entry adds
 * to it), so an import of 100,000 customers writes ~4,000 records instead of 100,000 records with
 * 500,000 index entries. Reading one customer reads its block (a hundred customers at 100k).
 *
 * Three stores, all keyed by block or bucket number:
 * - `customerBlocks`: each customer as JSON text (customer-item.ts: its values without their
 *   field names), with the keys in order. IndexedDB copies a string as it is, where an object graph
 *   is walked field by field both ways — 100,000 customers in blocks as objects took Chrome ~3 s to
 *   write and ~4 s to read; as text ~0.9 s and ~0.7 s, plus ~1 s to encode. JSON keeps what a
 *   backup keeps: a number that is not finite reads back as null, an undefined field as absent.
 * - `customerRows`: the few fields the customer list shows and filters on, so the list reads
 *   ~10 MB of rows and decodes no customer, not the customers' ~144 MB of JSON.
 * - `customerLookup`: address → keys (`e…`) and domain → keys (`d…`), as JSON text.
 *
 * `CustomerStore` (the database's `customers`) gives the few operations the extension needs —
 * get, by address, by domain, every customer, put — and keeps the three in step, in one
 * transaction over them (joining the caller's when there is one).
 */
import type { Table } from 'dexie';
import type { CustomerRow, StoredCustomer } from './records';
import { decodeCustomer, encodeCustomer } from './customer-item';

/** Blocks (and look-up buckets of each kind): about 100 customers a block at 100,000. */
export const BLOCKS = 1024;

/** A block of customers, in key order. Key: `id` (`blockOf` of each customer's key). */
export interface CustomerBlock {
  id: number;
  keys: string[];
  /** Each customer as JSON, in key order. */
  items: string[];
}

/** What the list needs of a block's customers, and their domains (for the look-ups). */
export interface RowBlock {
  id: number;
  /** In key order. */
  rows: BlockRow[];
}

export interface BlockRow extends CustomerRow {
  domains: string[];
}

/** One bucket of addresses (`e…`) or company domains (`d…`): JSON of [value, customer keys][]. */
export interface AddressBucket {
  id: string;
  entries: string;
}

/** The three stores behind the customers (the database's, or an upgrading transaction's). */
export interface CustomerTables {
  blocks: Table<CustomerBlock, number>;
  rows: Table<RowBlock, number>;
  lookup: Table<AddressBucket, string>;
}

/** FNV-1a (32-bit) of a string's UTF-16 code units. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const blockOf = (key: string): number => hash(key) % BLOCKS;
const emailBucket = (address: string) => `e${hash(address) % BLOCKS}`;
const domainBucket = (domain: string) => `d${hash(domain) % BLOCKS}`;

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The index of `key` in keys in order, or -1. */
function find(keys: readonly string[] | undefined, key: string): number {
  if (!keys) return -1;
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** An address list as stored (a restored backup's row may lack one: no address then). */
function listOf(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** A customer's row: what the list shows and filters on, and its domains. */
export function blockRow(c: StoredCustomer): BlockRow {
  return {
    key: c.key,
    name: c.name,
    emails: listOf(c.emails),
    domains: listOf(c.domains),
    tier: c.tier,
    lifecycle: c.lifecycle,
    churnRisk: { score: c.churnRisk?.score ?? 0 },
    metric: c.metric,
  };
}

const bucketMap = (b: AddressBucket | undefined) => new Map<string, string[]>(b ? (JSON.parse(b.entries) as [string, string[]][]) : []);

const sameResults = (a: StoredCustomer, b: StoredCustomer) => encodeCustomer({ ...a, updatedAt: '' }) === encodeCustomer({ ...b, updatedAt: '' });

export interface PutOptions {
  /** Keep a stored customer whose results are the same (but for `updatedAt`) as is: not rewritten. */
  onlyChanged?: boolean;
  /** Progress of the write: called with (customers written or kept, customers given). */
  onProgress?: (done: number, total: number) => void;
}

export interface PutResult {
  added: number;
  updated: number;
}

/** Blocks encoded and written per batch (progress is reported after each batch). */
const WRITE_BATCH = 32;

/**
 * Writes customers (new, or replacing the stored one of the same key) into the stores given.
 * Call inside a transaction over all three.
 */
export async function writeCustomerRows(t: CustomerTables, customers: readonly StoredCustomer[], opts: PutOptions = {}): Promise<PutResult> {
  const incoming = new Map<number, StoredCustomer[]>();
  for (const c of customers) {
    const id = blockOf(c.key);
    const list = incoming.get(id);
    if (list) list.push(c);
    else incoming.set(id, [c]);
  }
  const ids = [...incoming.keys()].sort((a, b) => a - b);
  const oldRows = await t.rows.bulkGet(ids);
  // The customers' JSON is needed only to keep unchanged ones (or the rest of a block).
  const oldBlocks = oldRows.some((r) => r !== undefined) ? await t.blocks.bulkGet(ids) : ids.map(() => undefined);
  let added = 0;
  let updated = 0;
  let done = 0;
  // Per bucket: [value, key, +1 add / -1 remove]
  const edits = new Map<string, [string, string, 1 | -1][]>();
  const edit = (bucket: string, value: string, key: string, sign: 1 | -1) => {
    const list = edits.get(bucket);
    if (list) list.push([value, key, sign]);
    else edits.set(bucket, [[value, key, sign]]);
  };
  const diff = (before: readonly string[], after: readonly string[], key: string, bucketOf: (a: string) => string) => {
    for (const a of before) if (!after.includes(a)) edit(bucketOf(a), a, key, -1);
    for (const a of after) if (!before.includes(a)) edit(bucketOf(a), a, key, 1);
  };
  /** One block merged: its customers with the incoming ones in place, or null when none changed. */
  const merge = (id: number, i: number): { block: CustomerBlock; rows: RowBlock } | null => {
    const prevRows = oldRows[i]?.rows ?? [];
    const prevItems = oldBlocks[i]?.items ?? [];
    const now = new Map<string, { row: BlockRow; item: string }>();
    for (let k = 0; k < prevRows.length; k++) now.set(prevRows[k]!.key, { row: prevRows[k]!, item: prevItems[k]! });
    let writes = 0;
    for (const c of incoming.get(id)!) {
      const was = now.get(c.key);
      if (was) updated++;
      else added++;
      if (was && opts.onlyChanged && sameResults(decodeCustomer(was.item), c)) continue;
      const row = blockRow(c);
      diff(was?.row.emails ?? [], row.emails, c.key, emailBucket);
      diff(was?.row.domains ?? [], row.domains, c.key, domainBucket);
      now.set(c.key, { row, item: encodeCustomer(c) });
      writes++;
    }
    if (writes === 0) return null;
    const entries = [...now.values()].sort((a, b) => byKey(a.row, b.row));
    return { block: { id, keys: entries.map((e) => e.row.key), items: entries.map((e) => e.item) }, rows: { id, rows: entries.map((e) => e.row) } };
  };
  // A batch of blocks is encoded while the browser writes the one before (its own process does
  // the writing): one batch in flight at a time.
  let inFlight: Promise<unknown> = Promise.resolve();
  for (let from = 0; from < ids.length; from += WRITE_BATCH) {
    const blocks: CustomerBlock[] = [];
    const rowBlocks: RowBlock[] = [];
    let given = 0;
    for (let i = from; i < Math.min(from + WRITE_BATCH, ids.length); i++) {
      given += incoming.get(ids[i]!)!.length;
      const m = merge(ids[i]!, i);
      if (m) {
        blocks.push(m.block);
        rowBlocks.push(m.rows);
      }
    }
    await inFlight;
    inFlight = Promise.all([blocks.length > 0 && t.blocks.bulkPut(blocks), rowBlocks.length > 0 && t.rows.bulkPut(rowBlocks)]).then(() => {
      done += given;
      opts.onProgress?.(done, customers.length);
    });
  }
  await inFlight;

  const bucketIds = [...edits.keys()];
  const buckets = await t.lookup.bulkGet(bucketIds);
  const putBuckets: AddressBucket[] = [];
  const emptied: string[] = [];
  bucketIds.forEach((id, i) => {
    const keys = bucketMap(buckets[i]);
    for (const [value, key, sign] of edits.get(id)!) {
      const list = keys.get(value) ?? [];
      const at = list.indexOf(key);
      if (sign === -1 && at >= 0) list.splice(at, 1);
      if (sign === 1 && at < 0) list.push(key);
      if (list.length > 0) keys.set(value, list);
      else keys.delete(value);
    }
    if (keys.size > 0) putBuckets.push({ id, entries: JSON.stringify([...keys]) });
    else emptied.push(id);
  });

  if (putBuckets.length > 0) await t.lookup.bulkPut(putBuckets);
  if (emptied.length > 0) await t.lookup.bulkDelete(emptied);
  return { added, updated };
}

/** The database's customers (its `customers`), stored in blocks. */
export class CustomerStore {
  constructor(
    private readonly tables: () => CustomerTables,
    private readonly transact: <T>(tables: Table[], run: () => Promise<T>) => Promise<T>,
  ) {}

  /** The stores a transaction that reads or writes customers must include. */
  get stores(): Table[] {
    const t = this.tables();
    return [t.blocks, t.rows, t.lookup] as unknown as Table[];
  }

  async get(key: string): Promise<StoredCustomer | undefined> {
    const block = await this.tables().blocks.get(blockOf(key));
    const i = find(block?.keys, key);
    return i >= 0 ? decodeCustomer(block!.items[i]!) : undefined;
  }

  /** The customers of these keys, in the same order (undefined where there is none). */
  async bulkGet(keys: readonly string[]): Promise<(StoredCustomer | undefined)[]> {
    const ids = [...new Set(keys.map(blockOf))];
    const at = new Map(ids.map((id, i) => [id, i] as const));
    const blocks = await this.tables().blocks.bulkGet(ids);
    return keys.map((k) => {
      const b = blocks[at.get(blockOf(k))!];
      const i = find(b?.keys, k);
      return i >= 0 ? decodeCustomer(b!.items[i]!) : undefined;
    });
  }

  private async withKeysAt(bucket: string, value: string): Promise<StoredCustomer[]> {
    const keys = bucketMap(await this.tables().lookup.get(bucket)).get(value) ?? [];
    if (keys.length === 0) return [];
    return (await this.bulkGet([...keys].sort())).filter((c): c is StoredCustomer => c !== undefined);
  }

  /** The customers with this address among theirs (lower case), in key order. */
  byEmail(address: string): Promise<StoredCustomer[]> {
    return this.withKeysAt(emailBucket(address), address);
  }

  /** The customers at this registrable domain, in key order. */
  byDomain(domain: string): Promise<StoredCustomer[]> {
    return this.withKeysAt(domainBucket(domain), domain);
  }

  /** Every customer, in key order. */
  async toArray(): Promise<StoredCustomer[]> {
    const out: StoredCustomer[] = [];
    for (const b of await this.tables().blocks.toArray()) for (const item of b.items) out.push(decodeCustomer(item));
    return out.sort(byKey);
  }

  /**
   * Every customer's list row (no customer decoded), a few blocks at a time (each page in key
   * order), for a caller that hands them on in pages; stops early when `stillWanted` says no.
   */
  async eachRowPage(onPage: (rows: CustomerRow[]) => void, stillWanted: () => boolean = () => true, blocksPerPage = 128): Promise<void> {
    for (let from = 0; from < BLOCKS; from += blocksPerPage) {
      const page = await this.tables().rows.where(':id').between(from, from + blocksPerPage).toArray();
      const out: CustomerRow[] = [];
      for (const b of page) for (const { domains: _, ...row } of b.rows) out.push(row);
      onPage(out.sort(byKey));
      if (!stillWanted()) return;
    }
  }

  async count(): Promise<number> {
    let n = 0;
    await this.tables().blocks.each((b) => {
      n += b.keys.length;
    });
    return n;
  }

  /** Whether there is any customer (one key read: an empty block is never kept). */
  async any(): Promise<boolean> {
    return (await this.tables().blocks.limit(1).primaryKeys()).length > 0;
  }

  async put(c: StoredCustomer): Promise<void> {
    await this.bulkPut([c]);
  }

  /** Writes customers (new, or replacing the one of the same key) in one transaction. */
  bulkPut(customers: readonly StoredCustomer[], opts: PutOptions = {}): Promise<PutResult> {
    return this.transact(this.stores, () => writeCustomerRows(this.tables(), customers, opts));
  }

  async clear(): Promise<void> {
    await this.transact(this.stores, async () => {
      const t = this.tables();
      await Promise.all([t.blocks.clear(), t.rows.clear(), t.lookup.clear()]);
    });
  }
}
