/**
 * The one module that owns the extension's IndexedDB database (Dexie 4). It lives in the
 * extension's own origin — the service worker and the extension pages open it; content scripts never
 * do (they would open the mail site's database). Issue 4, "Data".
 *
 * Versioned schema: a released version is never edited; a later version declares its stores and an
 * `upgrade()` that carries the earlier data forward (tested version by version in
 * test/extension/database.test.ts).
 */
import { Dexie, type EntityTable, type Transaction } from 'dexie';
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

export const CURRENT_VERSION = 2;

/**
 * v1 → v2: customers gain `domains` (registrable domains of their non-free-mail addresses, for
 * matching a new person at a known company) and `source`; notes gain `tags` and `deleted`.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx.table('customers').toCollection().modify((c: Record<string, unknown>) => {
    const emails = Array.isArray(c.emails) ? (c.emails as string[]) : [];
    if (!Array.isArray(c.domains)) {
      const domains: string[] = [];
      for (const e of emails) {
        const d = registrableDomain(e);
        if (d && !isFreeMail(d) && !domains.includes(d)) domains.push(d);
      }
      c.domains = domains;
    }
    if (c.source === undefined) c.source = 'import';
  });
  await tx.table('notes').toCollection().modify((n: Record<string, unknown>) => {
    if (!Array.isArray(n.tags)) n.tags = [];
    if (n.deleted === undefined) n.deleted = null;
  });
}

export class RapportDB extends Dexie {
  customers!: EntityTable<StoredCustomer, 'key'>;
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
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  }
}

/** Every table, in backup order. */
export const TABLES = ['customers', 'notes', 'contacts', 'followUps', 'complaints', 'contactLog', 'churnReasons', 'meta'] as const;
export type TableName = (typeof TABLES)[number];

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
