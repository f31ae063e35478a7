/**
 * Where the customers live: in blocks, not one IndexedDB record each. A customer's block is a hash
 * of its key (`blockOf`), so a block holds about one in a thousand customers, kept in key order;
 * two small look-up stores of the same shape map each address and each company domain to the keys
 * of the customers that have it. Chrome's IndexedDB costs a fixed ~0.1 ms per request and per index
 * entry whatever the record's size (100,000 one-field puts take ~8 s there, and every index entry
 * adds to it), so an import of 100,000 customers writes ~3,000 records instead of 100,000 records
 * with 500,000 index entries. Reading one customer reads its block (a hundred customers at 100k).
 *
 * A block keeps each customer as its JSON text, beside the few fields the customer list needs:
 * IndexedDB copies a string as it is, where an object graph is walked field by field both ways —
 * writing 100,000 customers as objects took Chrome ~3 s and reading them ~4 s; as text about a
 * third of that, and the list reads its fields without decoding any customer. JSON keeps what a
 * backup keeps: a number that is not finite reads back as null, an undefined field as absent.
 *
 * `CustomerStore` (the database's `customers`) gives the few operations the extension needs —
 * get, by address, by domain, every customer, put — and keeps the blocks and the look-ups in step,
 * in one transaction over both stores (joining the caller's when there is one).
 */
import type { Table } from 'dexie';
import type { CustomerRow } from './customer-rows';
import type { StoredCustomer } from './records';

/** Blocks (and look-up buckets of each kind): about 100 customers a block at 100,000. */
export const BLOCKS = 1024;

/** What a block keeps of a customer beside its JSON: the list's fields, and its domains. */
export interface BlockRow extends CustomerRow {
  domains: string[];
}

/** A block of customers, in key order. Key: `id` (`blockOf` of each customer's key). */
export interface CustomerBlock {
  id: number;
  /** Each customer's list fields, in key order. */
  rows: BlockRow[];
  /** Each customer as JSON, in the same order. */
  items: string[];
}

/** A customer's block row: what the list shows and filters on, and its addresses' look-up keys. */
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

/** Addresses (`e…`) or company domains (`d…`) of one hash bucket → the customer keys that have them. */
export interface AddressBucket {
  id: string;
  keys: Map<string, string[]>;
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

/** The index of `key` in a block (customers in key order), or -1. */
function find(block: CustomerBlock | undefined, key: string): number {
  if (!block) return -1;
  const cs = block.rows;
  let lo = 0;
  let hi = cs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = cs[mid]!.key;
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

const decode = (item: string) => JSON.parse(item) as StoredCustomer;

const sameResults = (a: StoredCustomer, b: StoredCustomer) => JSON.stringify({ ...a, updatedAt: '' }) === JSON.stringify({ ...b, updatedAt: '' });

export interface PutOptions {
  /** Keep a stored customer whose results are the same (but for `updatedAt`) as is: not rewritten. */
  onlyChanged?: boolean;
  /** Progress of the write: called with (customers written, customers to write). */
  onProgress?: (done: number, total: number) => void;
}

export interface PutResult {
  added: number;
  updated: number;
}

/** Blocks written per request batch (progress is reported after each batch). */
const WRITE_BATCH = 64;

/**
 * Writes customers (new or replacing the stored one of the same key) into the two stores given —
 * the database's, or an upgrading transaction's. Call inside a transaction over both.
 */
export async function writeCustomerRows(
  blocks: Table<CustomerBlock, number>,
  lookup: Table<AddressBucket, string>,
  rows: readonly StoredCustomer[],
  opts: PutOptions = {},
): Promise<PutResult> {
  const incoming = new Map<number, StoredCustomer[]>();
  for (const r of rows) {
    const id = blockOf(r.key);
    const list = incoming.get(id);
    if (list) list.push(r);
    else incoming.set(id, [r]);
  }
  const ids = [...incoming.keys()].sort((a, b) => a - b);
  const old = await blocks.bulkGet(ids);
  let added = 0;
  let updated = 0;
  let total = 0;
  const changed: CustomerBlock[] = [];
  const counts: number[] = [];
  // Per bucket: [address, key, +1 add / -1 remove]
  const edits = new Map<string, [string, string, 1 | -1][]>();
  const edit = (bucket: string, address: string, key: string, sign: 1 | -1) => {
    const list = edits.get(bucket);
    if (list) list.push([address, key, sign]);
    else edits.set(bucket, [[address, key, sign]]);
  };
  const diff = (before: readonly string[], after: readonly string[], key: string, bucketOf: (a: string) => string) => {
    for (const a of before) if (!after.includes(a)) edit(bucketOf(a), a, key, -1);
    for (const a of after) if (!before.includes(a)) edit(bucketOf(a), a, key, 1);
  };
  ids.forEach((id, i) => {
    const prev = old[i];
    const now = new Map<string, { row: BlockRow; item: string }>();
    if (prev) for (let k = 0; k < prev.rows.length; k++) now.set(prev.rows[k]!.key, { row: prev.rows[k]!, item: prev.items[k]! });
    let writes = 0;
    for (const c of incoming.get(id)!) {
      const was = now.get(c.key);
      if (was) updated++;
      else added++;
      if (was && opts.onlyChanged && sameResults(decode(was.item), c)) continue;
      const row = blockRow(c);
      diff(was?.row.emails ?? [], row.emails, c.key, emailBucket);
      diff(was?.row.domains ?? [], row.domains, c.key, domainBucket);
      now.set(c.key, { row, item: JSON.stringify(c) });
      writes++;
    }
    if (writes === 0) return;
    const entries = [...now.values()].sort((a, b) => byKey(a.row, b.row));
    changed.push({ id, rows: entries.map((e) => e.row), items: entries.map((e) => e.item) });
    counts.push(writes);
    total += writes;
  });

  const bucketIds = [...edits.keys()];
  const buckets = await lookup.bulkGet(bucketIds);
  const putBuckets: AddressBucket[] = [];
  const emptied: string[] = [];
  bucketIds.forEach((id, i) => {
    const keys = buckets[i]?.keys ?? new Map<string, string[]>();
    for (const [address, key, sign] of edits.get(id)!) {
      const list = keys.get(address) ?? [];
      const at = list.indexOf(key);
      if (sign === -1 && at >= 0) list.splice(at, 1);
      if (sign === 1 && at < 0) list.push(key);
      if (list.length > 0) keys.set(address, list);
      else keys.delete(address);
    }
    if (keys.size > 0) putBuckets.push({ id, keys });
    else emptied.push(id);
  });

  let done = 0;
  for (let i = 0; i < changed.length; i += WRITE_BATCH) {
    await blocks.bulkPut(changed.slice(i, i + WRITE_BATCH));
    for (let k = i; k < Math.min(i + WRITE_BATCH, changed.length); k++) done += counts[k]!;
    opts.onProgress?.(done, total);
  }
  if (putBuckets.length > 0) await lookup.bulkPut(putBuckets);
  if (emptied.length > 0) await lookup.bulkDelete(emptied);
  return { added, updated };
}

/** Every customer of a list of blocks, in key order. */
function flatten(blocks: readonly (CustomerBlock | undefined)[]): StoredCustomer[] {
  const out: StoredCustomer[] = [];
  for (const b of blocks) if (b) for (const item of b.items) out.push(decode(item));
  return out.sort(byKey);
}

/** Every list row of a list of blocks, in key order. */
function rowsOf(blocks: readonly CustomerBlock[]): CustomerRow[] {
  const out: CustomerRow[] = [];
  for (const b of blocks) for (const { domains: _, ...row } of b.rows) out.push(row);
  return out.sort(byKey);
}

/** The database's customers (its `customers`), stored in blocks. */
export class CustomerStore {
  constructor(
    private readonly blocks: () => Table<CustomerBlock, number>,
    private readonly lookup: () => Table<AddressBucket, string>,
    private readonly transact: <T>(tables: Table[], run: () => Promise<T>) => Promise<T>,
  ) {}

  /** The stores a transaction that reads or writes customers must include. */
  get stores(): Table[] {
    return [this.blocks() as unknown as Table, this.lookup() as unknown as Table];
  }

  async get(key: string): Promise<StoredCustomer | undefined> {
    const block = await this.blocks().get(blockOf(key));
    const i = find(block, key);
    return i >= 0 ? decode(block!.items[i]!) : undefined;
  }

  /** The customers of these keys, in the same order (undefined where there is none). */
  async bulkGet(keys: readonly string[]): Promise<(StoredCustomer | undefined)[]> {
    const ids = [...new Set(keys.map(blockOf))];
    const found = new Map(ids.map((id, i) => [id, i] as const));
    const blocks = await this.blocks().bulkGet(ids);
    return keys.map((k) => {
      const b = blocks[found.get(blockOf(k))!];
      const i = find(b, k);
      return i >= 0 ? decode(b!.items[i]!) : undefined;
    });
  }

  private async withKeysAt(bucket: string, value: string): Promise<StoredCustomer[]> {
    const keys = (await this.lookup().get(bucket))?.keys.get(value) ?? [];
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
    return flatten(await this.blocks().toArray());
  }

  /**
   * Every customer's list row (no customer decoded), a few blocks at a time (each page in key
   * order), for a caller that hands them on in pages; stops early when `stillWanted` says no.
   */
  async eachRowPage(onPage: (rows: CustomerRow[]) => void, stillWanted: () => boolean = () => true, blocksPerPage = 64): Promise<void> {
    for (let from = 0; from < BLOCKS; from += blocksPerPage) {
      const page = await this.blocks().where(':id').between(from, from + blocksPerPage).toArray();
      onPage(rowsOf(page));
      if (!stillWanted()) return;
    }
  }

  async count(): Promise<number> {
    let n = 0;
    await this.blocks().each((b) => {
      n += b.rows.length;
    });
    return n;
  }

  /** Whether there is any customer (one key read: an empty block is never kept). */
  async any(): Promise<boolean> {
    return (await this.blocks().limit(1).primaryKeys()).length > 0;
  }

  async put(c: StoredCustomer): Promise<void> {
    await this.bulkPut([c]);
  }

  /** Writes customers (new, or replacing the one of the same key) in one transaction. */
  bulkPut(rows: readonly StoredCustomer[], opts: PutOptions = {}): Promise<PutResult> {
    return this.transact(this.stores, () => writeCustomerRows(this.blocks(), this.lookup(), rows, opts));
  }

  async clear(): Promise<void> {
    await this.transact(this.stores, async () => {
      await this.blocks().clear();
      await this.lookup().clear();
    });
  }
}
