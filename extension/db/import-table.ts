/**
 * Importing the sheet template's table (CSV/TSV file or paste) through the core's `analyze`, so the
 * extension shows exactly what the sheet computes (issue 4, "Import and export"):
 * 1. `previewImport` decodes and analyses, writing nothing — the panel shows row errors first;
 * 2. `commitImport` writes the customers by key (re-import updates them; notes and every other
 *    relationship record are untouched) and keeps the source table for re-analysis;
 * 3. `reanalyze` re-runs `analyze` on the kept table with what the rep logged since — logged
 *    calls/visits as the last contact, open complaints added to the table's — so visit-overdue and
 *    churn risk move. The extension never computes a rule itself.
 */
import { analyze } from '../../shared/analyze';
import { decodeBytes } from '../../shared/csv/decode-bytes';
import { parseDelimited } from '../../shared/csv/parse-delimited';
import type { Analysis, Field, Lang } from '../../shared/types';
import type { Settings } from '../../shared/settings';
import type { RapportDB } from './database';
import type { StoredCustomer } from './records';

export interface ImportSource {
  table: string[][];
  name: string;
  importedAt: string;
}

export interface ImportPreview {
  source: ImportSource;
  analysis: Analysis;
}

/** File bytes (any encoding the CLI reads) or pasted text → a table of strings. */
export function tableFromInput(input: Uint8Array | string): string[][] {
  const text = typeof input === 'string' ? input : decodeBytes(input).text;
  return parseDelimited(text).rows;
}

export interface AnalyzeContext {
  lang: Lang;
  settings?: Partial<Settings>;
  asOf?: string;
}

function options(ctx: AnalyzeContext) {
  return { lang: ctx.lang, settings: ctx.settings, ...(ctx.asOf ? { asOf: ctx.asOf } : {}) };
}

/** Analyses without writing anything. */
export function previewImport(input: Uint8Array | string, name: string, ctx: AnalyzeContext, now = new Date()): ImportPreview {
  const table = tableFromInput(input);
  return { source: { table, name, importedAt: now.toISOString() }, analysis: analyze(table, options(ctx)) };
}

function stored(analysis: Analysis, now: Date): StoredCustomer[] {
  const at = now.toISOString();
  return analysis.customers.map((c) => ({ ...c, emails: c.emails.map((e) => e.toLowerCase()), source: 'import' as const, updatedAt: at }));
}

/** Writes a previewed import; returns how many customers were new and how many updated. */
export async function commitImport(db: RapportDB, preview: ImportPreview, ctx: AnalyzeContext, now = new Date()): Promise<{ added: number; updated: number }> {
  let added = 0;
  let updated = 0;
  await db.transaction('rw', [db.customers, db.meta], async () => {
    await db.meta.put({ key: 'source', value: preview.source });
    const keys = preview.analysis.customers.map((c) => c.key);
    const existing = await db.customers.bulkGet(keys);
    for (const e of existing) if (e) updated++; else added++;
  });
  await reanalyze(db, ctx, now, preview.analysis);
  return { added, updated };
}

/** The kept source table, or null when nothing was imported. */
export async function importSource(db: RapportDB): Promise<ImportSource | null> {
  const rec = await db.meta.get('source');
  return (rec?.value as ImportSource | undefined) ?? null;
}

const OVERRIDE_HEADERS: Partial<Record<Field, string>> = { last_contact: 'Last contact', complaints_open: 'Open complaints' };

/**
 * The source table with the rep's logged facts written into it: per customer, `last_contact` is the
 * later of the table's and the latest logged call/visit/email; `complaints_open` is the table's
 * count plus the complaints opened in the extension and still open. Columns are added when missing.
 * Transaction logs are returned unchanged (their rows are orders, not customers).
 */
export function withLoggedFacts(
  table: string[][],
  base: Analysis,
  lastContact: ReadonlyMap<string, string>,
  openComplaints: ReadonlyMap<string, number>,
): string[][] {
  if (base.kind !== 'customers' || (lastContact.size === 0 && openComplaints.size === 0) || table.length === 0) return table;
  const out = table.map((r) => r.slice());
  const header = out[0]!;
  const colOf = (field: Field): number => {
    const col = base.columns.find((c) => c.field === field);
    if (col) return col.index;
    header.push(OVERRIDE_HEADERS[field]!);
    return header.length - 1;
  };
  const lcCol = lastContact.size > 0 ? colOf('last_contact') : -1;
  const ocCol = openComplaints.size > 0 ? colOf('complaints_open') : -1;
  for (const c of base.customers) {
    const logged = lastContact.get(c.key);
    const opened = openComplaints.get(c.key) ?? 0;
    for (const rowNumber of c.rows) {
      const row = out[rowNumber - 1];
      if (!row) continue;
      while (row.length < header.length) row.push('');
      if (lcCol >= 0 && logged && (!c.lastContact || logged > c.lastContact)) row[lcCol] = logged;
      if (ocCol >= 0 && opened > 0) row[ocCol] = String((c.complaintsOpen ?? 0) + opened);
    }
  }
  return out;
}

/**
 * Re-runs the core on the kept table with the logged facts and writes the results by key.
 * Manually added customers are left as they are. Returns the analysis, or null without a source.
 */
export async function reanalyze(db: RapportDB, ctx: AnalyzeContext, now = new Date(), base?: Analysis): Promise<Analysis | null> {
  const source = await importSource(db);
  if (!source) return null;
  const first = base ?? analyze(source.table, options(ctx));
  const lastContact = new Map<string, string>();
  for (const e of await db.contactLog.toArray()) {
    const had = lastContact.get(e.customerKey);
    if (!had || e.date > had) lastContact.set(e.customerKey, e.date);
  }
  const openComplaints = new Map<string, number>();
  for (const c of await db.complaints.where('status').equals('open').toArray()) {
    openComplaints.set(c.customerKey, (openComplaints.get(c.customerKey) ?? 0) + 1);
  }
  const table = withLoggedFacts(source.table, first, lastContact, openComplaints);
  const analysis = table === source.table ? first : analyze(table, options(ctx));
  await db.customers.bulkPut(stored(analysis, now));
  return analysis;
}

/**
 * Adds a customer by hand (an unknown sender): a row with its name and address is appended to the
 * kept source table (one is started when nothing was imported) and the core analyses it with the
 * others, so it gets a tier and stage like any customer. Returns its key.
 */
export async function addManualCustomer(db: RapportDB, name: string, email: string, ctx: AnalyzeContext, now = new Date()): Promise<string | null> {
  const address = email.trim().toLowerCase();
  const kept = await importSource(db);
  if (!kept) {
    const table = [['Customer', 'Email'], [name.trim(), address]];
    await db.meta.put({ key: 'source', value: { table, name: 'manual', importedAt: now.toISOString() } satisfies ImportSource });
    await reanalyze(db, ctx, now);
    return name.trim();
  }
  const source = kept;
  const base = analyze(source.table, options(ctx));
  const table = source.table.map((r) => r.slice());
  const header = table[0]!;
  const col = (field: Field, title: string): number => {
    const c = base.columns.find((x) => x.field === field);
    if (c) return c.index;
    header.push(title);
    return header.length - 1;
  };
  const nameCol = col('name', 'Customer');
  const emailCol = col('email', 'Email');
  const idCol = base.columns.find((c) => c.field === 'id')?.index ?? -1;
  const row: string[] = header.map(() => '');
  row[nameCol] = name.trim();
  row[emailCol] = address;
  const key = idCol >= 0 ? `M-${now.getTime()}` : name.trim();
  if (idCol >= 0) row[idCol] = key;
  table.push(row);
  await db.meta.put({ key: 'source', value: { ...source, table } });
  const analysis = await reanalyze(db, ctx, now);
  return analysis?.customers.find((c) => c.key === key || c.emails.includes(address))?.key ?? null;
}
