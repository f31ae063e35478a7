/**
 * The one module that owns the extension's IndexedDB database (Dexie 4). It lives in the
 * extension's own origin — the service worker and the extension pages open it; content scripts never
 * do (they would open the mail site's database).
 *
 * Versioned schema: a released version is never edited; a later version declares its stores and an
 * `upgrade()` that carries the earlier data forward (tested version by version in
 * test/extension/database.test.ts). Version 3 keeps version 2's stores and changes records only;
 * version 4 moves the customers into blocks (customer-store.ts).
 */
import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import type {
  ChurnReasonRecord,
  Complaint,
  ContactLogEntry,
  ContactPerson,
  FollowUp,
  MetaRecord,
  Note,
  StoredCustomer,
} from './records';
import { CustomerStore, writeCustomerRows, type AddressBucket, type CustomerBlock, type RowBlock } from './customer-store';
import { decodeCustomer, encodeCustomer } from './customer-item';
import { registrableDomain, isFreeMail } from '../../shared/ingest/registrable-domain';

export const DB_NAME = 'rapport';

/** Version 1: customers and notes only. Kept verbatim: the upgrade test opens it. */
export const SCHEMA_V1 = {
  customers: 'key, *emails, name',
  notes: 'id, customerKey, updated',
} as const;

/** Version 2: domain matching, the relationship records, meta. */
export const SCHEMA_V2 = {
  customers: 'key, *emails, *domains, name, tier, lifecycle',
  notes: 'id, customerKey, updated, *tags',
  contacts: '++id, customerKey, email',
  followUps: 'id, customerKey, due, done',
  complaints: 'id, customerKey, status',
  contactLog: 'id, customerKey, date',
  churnReasons: 'id, customerKey',
  meta: 'key',
} as const;

/**
 * Version 4: the customers in blocks of about a thousandth of them each, with their list fields and
 * look-ups by address and by company domain beside them (customer-store.ts), instead of a record
 * and five index entries each.
 */
export const SCHEMA_V4 = {
  customers: null,
  customerBlocks: 'id',
  customerRows: 'id',
  customerLookup: 'id',
  notes: SCHEMA_V2.notes,
  contacts: SCHEMA_V2.contacts,
  followUps: SCHEMA_V2.followUps,
  complaints: SCHEMA_V2.complaints,
  contactLog: SCHEMA_V2.contactLog,
  churnReasons: SCHEMA_V2.churnReasons,
  meta: SCHEMA_V2.meta,
} as const;

export const CURRENT_VERSION = 5;

type Row = Record<string, unknown>;

/**
 * The tables an upgrade step reads and changes. The database's `upgrade()` hands it the upgrading
 * transaction; a restored backup hands it the backup's rows, so a backup of any earlier version
 * goes through exactly the upgrades the database went through.
 */
export interface UpgradeTables {
  rows(table: TableName): Promise<Row[]>;
  modify(table: TableName, change: (row: Row) => void): Promise<void>;
}

export interface UpgradeStep {
  /** The version this step upgrades to (from the one before). */
  version: number;
  run(tables: UpgradeTables): Promise<void>;
}

/**
 * v1 → v2: customers gain `domains` (registrable domains of their non-free-mail addresses, for
 * matching a new person at a known company) and `source`; notes gain `tags` and `deleted`.
 */
export async function upgradeToV2(tables: UpgradeTables): Promise<void> {
  await tables.modify('customers', (c) => {
    const emails = Array.isArray(c.emails) ? (c.emails as string[]) : [];
    if (!Array.isArray(c.domains)) {
      const domains: string[] = [];
      for (const e of emails) {
        const d = typeof e === 'string' ? registrableDomain(e) : null;
        if (d && !isFreeMail(d) && !domains.includes(d)) domains.push(d);
      }
      c.domains = domains;
    }
    if (c.source === undefined) c.source = 'import';
  });
  await tables.modify('notes', (n) => {
    if (!Array.isArray(n.tags)) n.tags = [];
    if (n.deleted === undefined) n.deleted = null;
  });
}

/**
 * v2 → v3: a customer keeps the table's own last contact and open-complaint count beside the
 * results (`tableLastContact`, `tableComplaintsOpen`), so a logged call or complaint recomputes that
 * one customer from them. Version 2 stored the table's count plus the complaints open in the
 * extension; those are taken off again. Follow-ups gain `notified` (not yet).
 */
export async function upgradeToV3(tables: UpgradeTables): Promise<void> {
  const open = new Map<string, number>();
  for (const c of await tables.rows('complaints')) {
    if (c.status === 'open' && typeof c.customerKey === 'string') open.set(c.customerKey, (open.get(c.customerKey) ?? 0) + 1);
  }
  await tables.modify('customers', (c) => {
    if (c.tableLastContact === undefined) c.tableLastContact = typeof c.lastContact === 'string' ? c.lastContact : null;
    if (c.tableComplaintsOpen === undefined) {
      const n = typeof c.complaintsOpen === 'number' ? c.complaintsOpen : null;
      c.tableComplaintsOpen = n === null ? null : Math.max(0, n - (open.get(String(c.key)) ?? 0));
    }
  });
  await tables.modify('followUps', (f) => {
    if (f.notified === undefined) f.notified = null;
  });
}

/**
 * v3 → v4 changes how customers are stored, not what a customer is: a backup carries them as rows
 * of its `customers` table at every version, so its rows need nothing. The database's own upgrade
 * moves them into blocks (`moveCustomersIntoBlocks`).
 */
export async function upgradeToV4(_tables: UpgradeTables): Promise<void> {}

/**
 * v4 → v5 changes how a customer is written in its block (customer-item.ts: its values without
 * their field names), not what a customer is: a backup's rows need nothing. The database's own
 * upgrade writes its blocks again (`reencodeBlocks`).
 */
export async function upgradeToV5(_tables: UpgradeTables): Promise<void> {}

/** Every upgrade, oldest first. */
export const UPGRADES: readonly UpgradeStep[] = [
  { version: 2, run: upgradeToV2 },
  { version: 3, run: upgradeToV3 },
  { version: 4, run: upgradeToV4 },
  { version: 5, run: upgradeToV5 },
];

/** The upgrading database's version-3 customer records, written into blocks (the old store is then deleted). */
async function moveCustomersIntoBlocks(tx: Transaction): Promise<void> {
  const rows = (await tx.table('customers').toArray()) as StoredCustomer[];
  if (rows.length === 0) return;
  await writeCustomerRows({ blocks: tx.table('customerBlocks'), rows: tx.table('customerRows'), lookup: tx.table('customerLookup') }, rows);
}

/**
 * Every customer of the upgrading database's blocks written again as encodeCustomer writes it (an
 * item already so written reads and writes the same). An item that does not read is left as it
 * is: it fails where it failed before, when its customer is read, not the whole upgrade.
 */
async function reencodeBlocks(tx: Transaction): Promise<void> {
  const again = (item: string): string => {
    try {
      return encodeCustomer(decodeCustomer(item));
    } catch {
      return item;
    }
  };
  await tx
    .table('customerBlocks')
    .toCollection()
    .modify((b: CustomerBlock) => {
      b.items = b.items.map(again);
    });
}

/** The tables of a database at `version` (a backup of that version has exactly these). */
export function tablesOfVersion(version: number): readonly TableName[] {
  return version <= 1 ? ['customers', 'notes'] : TABLES;
}

function inTransaction(tx: Transaction): UpgradeTables {
  return {
    rows: (t) => tx.table(t).toArray(),
    modify: async (t, change) => {
      await tx.table(t).toCollection().modify((row: Row) => change(row));
    },
  };
}

export class RapportDB extends Dexie {
  customerBlocks!: Table<CustomerBlock, number>;
  customerRows!: Table<RowBlock, number>;
  customerLookup!: Table<AddressBucket, string>;
  /** The customers, stored in blocks (customer-store.ts). */
  readonly customers: CustomerStore;
  notes!: EntityTable<Note, 'id'>;
  contacts!: EntityTable<ContactPerson, 'id'>;
  followUps!: EntityTable<FollowUp, 'id'>;
  complaints!: EntityTable<Complaint, 'id'>;
  contactLog!: EntityTable<ContactLogEntry, 'id'>;
  churnReasons!: EntityTable<ChurnReasonRecord, 'id'>;
  meta!: EntityTable<MetaRecord, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade((tx) => upgradeToV2(inTransaction(tx)));
    this.version(3).stores(SCHEMA_V2).upgrade((tx) => upgradeToV3(inTransaction(tx)));
    this.version(4).stores(SCHEMA_V4).upgrade(async (tx) => {
      await upgradeToV4(inTransaction(tx));
      await moveCustomersIntoBlocks(tx);
    });
    this.version(5).stores(SCHEMA_V4).upgrade(async (tx) => {
      await upgradeToV5(inTransaction(tx));
      await reencodeBlocks(tx);
    });
    this.customers = new CustomerStore(
      () => ({ blocks: this.customerBlocks, rows: this.customerRows, lookup: this.customerLookup }),
      (tables, run) => this.transaction('rw', tables, run),
    );
  }
}

/** Every table, in backup order. `customers` is the customer store; every other is a Dexie table. */
export const TABLES = ['customers', 'notes', 'contacts', 'followUps', 'complaints', 'contactLog', 'churnReasons', 'meta'] as const;
export type TableName = (typeof TABLES)[number];

/** The Dexie stores behind these tables (the customers' two stores for `customers`), for a transaction. */
export function storesOf(db: RapportDB, tables: readonly TableName[]): Table[] {
  return tables.flatMap((t) => (t === 'customers' ? db.customers.stores : [db.table(t)]));
}

let shared: RapportDB | null = null;

/** The extension's database (one instance per page or worker). */
export function openDatabase(): RapportDB {
  shared ??= new RapportDB();
  return shared;
}

/**
 * A new id for notes, follow-ups, complaints and log entries: the creation time (ms, base 36, fixed
 * width) then a random UUID, so ids sort by creation and a table read in key order is already
 * chronological (the note search then needs no sort).
 */
export function newId(now = Date.now()): string {
  return `${now.toString(36).padStart(9, '0')}-${crypto.randomUUID()}`;
}
