/**
 * JSON backup of everything in the database and its lossless restore (issue 4, "Import and export"):
 * exporting, restoring into an empty database and exporting again gives the same tables.
 */
import { CURRENT_VERSION, TABLES, type RapportDB, type TableName } from './database';
import type { Note } from './records';

export interface Backup {
  format: 'rapport-backup';
  schemaVersion: number;
  exportedAt: string;
  tables: Record<TableName, unknown[]>;
}

export async function exportBackup(db: RapportDB, now = new Date()): Promise<Backup> {
  const tables = {} as Record<TableName, unknown[]>;
  await db.transaction('r', TABLES.map((t) => db.table(t)), async () => {
    for (const t of TABLES) tables[t] = await db.table(t).toArray();
  });
  return { format: 'rapport-backup', schemaVersion: CURRENT_VERSION, exportedAt: now.toISOString(), tables };
}

/** Problems that make a file not a Rapport backup; [] when it is one. */
export function checkBackup(data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return ['not_object'];
  const b = data as Partial<Backup>;
  const problems: string[] = [];
  if (b.format !== 'rapport-backup') problems.push('format');
  if (typeof b.schemaVersion !== 'number' || b.schemaVersion > CURRENT_VERSION) problems.push('schemaVersion');
  if (typeof b.tables !== 'object' || b.tables === null) problems.push('tables');
  else for (const t of TABLES) if (b.tables[t] !== undefined && !Array.isArray(b.tables[t])) problems.push(`tables.${t}`);
  return problems;
}

/** Replaces every table with the backup's rows, in one transaction (all or nothing). */
export async function restoreBackup(db: RapportDB, backup: Backup): Promise<void> {
  const problems = checkBackup(backup);
  if (problems.length > 0) throw new Error(`not a Rapport backup: ${problems.join(', ')}`);
  await db.transaction('rw', TABLES.map((t) => db.table(t)), async () => {
    for (const t of TABLES) {
      await db.table(t).clear();
      const rows = backup.tables[t] ?? [];
      if (rows.length > 0) await db.table(t).bulkAdd(rows);
    }
  });
}

/** Empties every table (options page "Clear data"). */
export async function clearAll(db: RapportDB): Promise<void> {
  await db.transaction('rw', TABLES.map((t) => db.table(t)), async () => {
    for (const t of TABLES) await db.table(t).clear();
  });
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Notes as CSV (RFC 4180, UTF-8 with BOM so Excel reads Chinese): customer, created, updated, tags, body. */
export function notesToCsv(notes: readonly Note[], customerName: (key: string) => string): string {
  const lines = [['customer_key', 'customer', 'created', 'updated', 'tags', 'note'].join(',')];
  for (const n of notes) {
    if (n.deleted !== null) continue;
    lines.push([n.customerKey, customerName(n.customerKey), n.created, n.updated, n.tags.join(' '), n.body].map(csvCell).join(','));
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}
