/**
 * JSON backup of everything in the database and its lossless restore:
 * exporting, restoring into an empty database and exporting again gives the same tables.
 *
 * A file is read defensively: every table its version had must be there (a missing table is an
 * error, never "empty"), each row is copied field by field from the table's allow-list into
 * objects without a prototype, and rows whose keys are not what the table needs are refused with
 * their place in the file. A backup of an earlier version then goes through the same upgrade steps
 * as the database did (database.ts `UPGRADES`). Deleted notes are never exported, nor restored.
 */
import { CURRENT_VERSION, TABLES, UPGRADES, storesOf, tablesOfVersion, type RapportDB, type TableName, type UpgradeTables } from './database';
import type { StoredCustomer } from './records';
import type { Note } from './records';
import { csvCell } from './csv-cell';
import { sourceOf } from './source-record';

export interface Backup {
  format: 'rapport-backup';
  schemaVersion: number;
  exportedAt: string;
  tables: Record<TableName, unknown[]>;
}

type Row = Record<string, unknown>;

export async function exportBackup(db: RapportDB, now = new Date()): Promise<Backup> {
  const tables = {} as Record<TableName, unknown[]>;
  await db.transaction('r', storesOf(db, TABLES), async () => {
    for (const t of TABLES) tables[t] = t === 'customers' ? await db.customers.toArray() : await db.table(t).toArray();
  });
  tables.notes = (tables.notes as Note[]).filter((n) => n.deleted === null);
  // The source table as rows, whichever way it is stored (source-record.ts).
  tables.meta = (tables.meta as { key: string; value: unknown }[]).map((m) => (m.key === 'source' ? { key: m.key, value: sourceOf(m.value) } : m));
  return { format: 'rapport-backup', schemaVersion: CURRENT_VERSION, exportedAt: now.toISOString(), tables };
}

const CUSTOMER_FIELDS = [
  'key', 'rows', 'name', 'emails', 'domains', 'owner', 'segment', 'region', 'revenue', 'revenuePrev', 'profit', 'costToServe',
  'orders', 'firstPurchase', 'lastPurchase', 'wallet', 'share', 'sharePrev', 'competitor', 'competitorName', 'suppliers',
  'switchingCost', 'potential', 'receivable', 'overdueAmount', 'overdueDays', 'creditLimit', 'satisfaction', 'complaints',
  'complaintsOpen', 'lastContact', 'churnReason', 'churnReasonText', 'metric', 'cumulativeShare', 'tier', 'valueScore',
  'valueClass', 'pyramid', 'lifecycle', 'lifecycleWhy', 'defection', 'relationship', 'churnRisk', 'credit', 'coreClass',
  'nextVisitDue', 'visitOverdue', 'kaHealth', 'pAlive', 'expectedPurchases', 'expectedSpend', 'clv', 'model',
  'source', 'updatedAt', 'tableLastContact', 'tableComplaintsOpen',
];

/** Per table: the fields a row may carry, and the ones that must be strings (keys and indexes). */
const ALLOWED: Record<TableName, { fields: readonly string[]; strings: readonly string[] }> = {
  customers: { fields: CUSTOMER_FIELDS, strings: ['key'] },
  notes: { fields: ['id', 'customerKey', 'body', 'tags', 'created', 'updated', 'deleted'], strings: ['id', 'customerKey'] },
  contacts: {
    fields: ['id', 'customerKey', 'email', 'name', 'role', 'title', 'birthplace', 'education', 'family', 'hobbies', 'likes', 'dislikes'],
    strings: ['customerKey'],
  },
  followUps: { fields: ['id', 'customerKey', 'title', 'due', 'done', 'created', 'notified'], strings: ['id', 'customerKey', 'due'] },
  complaints: { fields: ['id', 'customerKey', 'category', 'status', 'body', 'created', 'resolved'], strings: ['id', 'customerKey', 'status'] },
  contactLog: { fields: ['id', 'customerKey', 'kind', 'date', 'note'], strings: ['id', 'customerKey', 'date'] },
  churnReasons: { fields: ['id', 'customerKey', 'code', 'text', 'date'], strings: ['id', 'customerKey'] },
  meta: { fields: ['key', 'value'], strings: ['key'] },
};

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A JSON value copied into prototype-less objects, without the keys that reach prototypes. */
function copyValue(v: unknown, depth = 0): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (depth > 32) return null;
  if (Array.isArray(v)) return v.map((x) => copyValue(x, depth + 1));
  if (typeof v === 'object') {
    const out = Object.create(null) as Row;
    for (const k of Object.keys(v)) if (!FORBIDDEN_KEYS.has(k)) out[k] = copyValue((v as Row)[k], depth + 1);
    return out;
  }
  return null;
}

function copyRow(table: TableName, raw: unknown, where: string, problems: string[]): Row | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(`${where}: not_object`);
    return null;
  }
  const spec = ALLOWED[table];
  const row = Object.create(null) as Row;
  for (const f of spec.fields) if (Object.hasOwn(raw as object, f)) row[f] = copyValue((raw as Row)[f]);
  for (const f of spec.strings) {
    const v = row[f];
    if (typeof v !== 'string' || v === '') problems.push(`${where}.${f}`);
  }
  if (table === 'contacts' && row.id !== undefined && !(typeof row.id === 'number' && Number.isInteger(row.id))) problems.push(`${where}.id`);
  return row;
}

/** A backup read and checked: its version's tables, each row copied from its allow-list. */
export interface ParsedBackup {
  schemaVersion: number;
  exportedAt: string;
  tables: Record<TableName, Row[]>;
}

/** Reads a file's JSON as a backup: the parsed backup, or the problems that make it not one. */
export function parseBackup(data: unknown): { backup: ParsedBackup; problems: [] } | { backup: null; problems: string[] } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { backup: null, problems: ['not_object'] };
  const b = data as Row;
  const problems: string[] = [];
  if (b.format !== 'rapport-backup') problems.push('format');
  const version = b.schemaVersion;
  const versionOk = typeof version === 'number' && Number.isInteger(version) && version >= 1 && version <= CURRENT_VERSION;
  if (!versionOk) problems.push('schemaVersion');
  const rawTables = b.tables;
  if (typeof rawTables !== 'object' || rawTables === null || Array.isArray(rawTables)) {
    problems.push('tables');
    return { backup: null, problems };
  }
  if (!versionOk) return { backup: null, problems };
  const expected = tablesOfVersion(version as number);
  const tables = Object.create(null) as Record<TableName, Row[]>;
  for (const name of Object.keys(rawTables)) if (!(expected as readonly string[]).includes(name)) problems.push(`tables.${name}: unknown`);
  for (const t of expected) {
    const rows = Object.hasOwn(rawTables as object, t) ? (rawTables as Row)[t] : undefined;
    if (rows === undefined) {
      problems.push(`tables.${t}: missing`);
      continue;
    }
    if (!Array.isArray(rows)) {
      problems.push(`tables.${t}`);
      continue;
    }
    const copied: Row[] = [];
    // Customers are written by key into blocks, so a second row of one key would replace the first:
    // refused here, as a table's unique key refuses it.
    const keys = new Set<unknown>();
    for (let i = 0; i < rows.length; i++) {
      const row = copyRow(t, rows[i], `tables.${t}[${i}]`, problems);
      if (row && t === 'customers' && typeof row.key === 'string') {
        if (keys.has(row.key)) problems.push(`tables.${t}[${i}].key: duplicate`);
        keys.add(row.key);
      }
      if (row) copied.push(row);
    }
    tables[t] = copied;
  }
  for (const t of TABLES) tables[t] ??= [];
  if (problems.length > 0) return { backup: null, problems };
  const exportedAt = typeof b.exportedAt === 'string' ? b.exportedAt : '';
  return { backup: { schemaVersion: version as number, exportedAt, tables }, problems: [] };
}

/** Problems that make a file not a Rapport backup; [] when it is one. */
export function checkBackup(data: unknown): string[] {
  return parseBackup(data).problems;
}

/** The backup's rows carried through every upgrade after its version, as the database was. */
async function upgraded(backup: ParsedBackup): Promise<Record<TableName, Row[]>> {
  const tables = backup.tables;
  const inMemory: UpgradeTables = {
    rows: async (t) => tables[t],
    modify: async (t, change) => {
      for (const row of tables[t]) change(row);
    },
  };
  for (const step of UPGRADES) if (step.version > backup.schemaVersion) await step.run(inMemory);
  tables.notes = tables.notes.filter((n) => n.deleted === null || n.deleted === undefined);
  return tables;
}

/** What a restore would replace: per table, the rows now and the rows in the backup. */
export async function describeRestore(db: RapportDB, backup: ParsedBackup): Promise<{ table: TableName; now: number; backup: number }[]> {
  const now = await db.transaction('r', storesOf(db, TABLES), () =>
    Promise.all(TABLES.map((t) => (t === 'customers' ? db.customers.count() : db.table(t).count()))),
  );
  const live = (t: TableName) =>
    t === 'notes' ? backup.tables.notes.filter((n) => n.deleted === null || n.deleted === undefined).length : backup.tables[t].length;
  return TABLES.map((table, i) => ({ table, now: now[i]!, backup: live(table) }));
}

/**
 * Replaces every table with the backup's rows, upgraded to the current version, in one
 * transaction (all or nothing). Refuses anything `parseBackup` refuses, changing nothing.
 */
export async function restoreBackup(db: RapportDB, data: unknown): Promise<void> {
  const parsed = parseBackup(data);
  if (!parsed.backup) throw new Error(`not a Rapport backup: ${parsed.problems.join(', ')}`);
  const tables = await upgraded(parsed.backup);
  await db.transaction('rw', storesOf(db, TABLES), async () => {
    for (const t of TABLES) {
      if (t === 'customers') {
        await db.customers.clear();
        await db.customers.bulkPut(tables[t] as unknown as StoredCustomer[]);
        continue;
      }
      await db.table(t).clear();
      if (tables[t].length > 0) await db.table(t).bulkAdd(tables[t]);
    }
  });
}

/** Empties every table (options page "Clear data"). */
export async function clearAll(db: RapportDB): Promise<void> {
  await db.transaction('rw', storesOf(db, TABLES), async () => {
    for (const t of TABLES) await (t === 'customers' ? db.customers.clear() : db.table(t).clear());
  });
}

/**
 * Notes as CSV (RFC 4180, UTF-8 with BOM so Excel reads Chinese): customer, created, updated, tags,
 * body. Cells a spreadsheet would run as a formula are escaped (csv-cell.ts).
 */
export function notesToCsv(notes: readonly Note[], customerName: (key: string) => string): string {
  const lines = [['customer_key', 'customer', 'created', 'updated', 'tags', 'note'].join(',')];
  for (const n of notes) {
    if (n.deleted !== null) continue;
    lines.push([n.customerKey, customerName(n.customerKey), n.created, n.updated, n.tags.join(' '), n.body].map(csvCell).join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
