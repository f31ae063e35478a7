/**
 * Importing the sheet template's table (CSV/TSV file or paste) through the core's `analyze`, so the
 * extension shows exactly what the sheet computes:
 * 1. `previewImport` decodes and analyses, writing nothing — the panel shows row errors first;
 * 2. `commitImport` writes the kept source table and every analysed customer in one transaction
 *    (re-import updates customers by key; notes and every other relationship record are untouched);
 * 3. what the rep logs later (calls, visits, complaints) updates that one customer
 *    (logged-facts.ts); `reanalyze` re-runs `analyze` when the settings change and writes only the
 *    customers whose results moved. The extension never computes a rule itself.
 *
 * Customers added by hand are kept in their own list beside the imported table and analysed with
 * it, so a re-import keeps them. Every commit checks that nobody committed other inputs since it
 * read them (the `stamp` of the analysis record) and starts again from the new inputs if so: two
 * windows importing and adding at once both land, whatever the order.
 */
import { analyze, findHeaderRow } from '../../shared/analyze';
import { readDelimited } from '../../shared/csv/read-delimited';
import { matchHeaders } from '../../shared/ingest/headers';
import type { Analysis, Field, Lang, Notice } from '../../shared/types';
import type { Settings } from '../../shared/settings';
import type { RapportDB } from './database';
import type { Complaint, ContactLogEntry } from './records';
import { analysisRecord, storedCustomer, storedSettings, type AnalysisRecord } from './logged-facts';
import { blankContact } from './contact-card';
import { sourceOf, storedSource, type ImportSource } from './source-record';

export type { ImportSource } from './source-record';

/** A customer added by hand from an unknown sender. */
export interface ManualEntry {
  /** Its key when the table has an ID column (else its name is its key). */
  id: string;
  name: string;
  email: string;
  added: string;
}

export interface ImportPreview {
  source: ImportSource;
  analysis: Analysis;
}

/**
 * File bytes (any encoding the CLI reads) or pasted text → a table of strings, with what the user
 * should know about how it was read (the encoding, lines in another encoding, stray quotes): the
 * same reader as the CLI's.
 */
export function tableFromInput(input: Uint8Array | string, lang: Lang = 'en'): { rows: string[][]; notices: Notice[] } {
  const read = readDelimited(input, lang);
  return { rows: read.rows, notices: read.notices };
}

export interface AnalyzeContext {
  lang: Lang;
  settings?: Partial<Settings>;
  asOf?: string;
}

function options(ctx: AnalyzeContext, settings: Partial<Settings> | undefined) {
  return { lang: ctx.lang, settings, ...(ctx.asOf ? { asOf: ctx.asOf } : {}) };
}

/** Analyses without writing anything. */
export function previewImport(input: Uint8Array | string, name: string, ctx: AnalyzeContext, now = new Date()): ImportPreview {
  const { rows: table, notices } = tableFromInput(input, ctx.lang);
  const analysis = analyze(table, options(ctx, ctx.settings));
  analysis.notices = [...notices, ...analysis.notices]; // how the file was read comes first (no spread into a call: a file may give 150,000 notices)
  return { source: { table, name, importedAt: now.toISOString() }, analysis };
}

/** The kept source table, or null when nothing was imported. */
export async function importSource(db: RapportDB): Promise<ImportSource | null> {
  return sourceOf((await db.meta.get('source'))?.value);
}

async function manualEntries(db: RapportDB): Promise<ManualEntry[]> {
  const v = (await db.meta.get('manual'))?.value;
  return Array.isArray(v) ? (v as ManualEntry[]) : [];
}

/** What the analysis reads: the imported table and the customers added by hand. */
export interface AnalysisInputs {
  source: ImportSource | null;
  manual: ManualEntry[];
}

/**
 * The table the core analyses: the imported one with a row per customer added by hand (name and
 * address in the table's own columns, added when missing; the entry's id in the ID column when the
 * table has one). Without an import, a table of the added customers alone.
 */
export function analysisTable(inputs: AnalysisInputs): string[][] | null {
  const { source, manual } = inputs;
  if (!source && manual.length === 0) return null;
  if (!source) return [['Customer', 'Email'], ...manual.map((m) => [m.name, m.email])];
  if (manual.length === 0) return source.table;
  const table = source.table.slice();
  const h = findHeaderRow(table);
  const header = table[h]!.slice();
  table[h] = header;
  const columns = matchHeaders(header).columns;
  const col = (field: Field, title: string): number => {
    const c = columns.find((x) => x.field === field);
    if (c) return c.index;
    header.push(title);
    return header.length - 1;
  };
  const idCol = columns.find((c) => c.field === 'id')?.index ?? -1;
  const nameCol = col('name', 'Customer');
  const emailCol = col('email', 'Email');
  for (const m of manual) {
    const row: string[] = header.map(() => '');
    row[nameCol] = m.name;
    row[emailCol] = m.email;
    if (idCol >= 0) row[idCol] = m.id;
    table.push(row);
  }
  return table;
}

/** The key the core gives a customer added by hand. */
export function manualKey(inputs: AnalysisInputs, m: ManualEntry): string {
  if (!inputs.source) return m.name;
  const h = findHeaderRow(inputs.source.table);
  return matchHeaders(inputs.source.table[h]!).columns.some((c) => c.field === 'id') ? m.id : m.name;
}

/** A commit lost to another window's commit: try again from the new inputs. */
class Superseded extends Error {
  override name = 'CommitBusy';
}

export interface CommitOptions {
  ctx: AnalyzeContext;
  now?: Date;
  /** Progress of the customers' write: called with (written, total). */
  onProgress?: (done: number, total: number) => void;
  /** Write only customers whose results changed (a re-analysis), not every one (an import). */
  onlyChanged?: boolean;
  /** The analysis of `change(inputs)` when the caller already has it (the import's preview). */
  analysis?: Analysis;
  /** Further writes that belong to the same change, made inside its transaction. */
  alsoWrite?: () => Promise<unknown>;
}

/**
 * Applies `change` to the analysis inputs, analyses the result and writes the inputs, the
 * analysis record and the customers in one transaction: all of it or nothing (a full disk aborts
 * it whole). Returns the analysis and how many customers were new or updated.
 */
export async function commitInputs(
  db: RapportDB,
  change: (inputs: AnalysisInputs) => AnalysisInputs,
  opts: CommitOptions,
): Promise<{ analysis: Analysis | null; added: number; updated: number; inputs: AnalysisInputs }> {
  const now = opts.now ?? new Date();
  for (let attempt = 0; ; attempt++) {
    const [before, source, manual, settingsJson] = await db.transaction('r', db.meta, () =>
      Promise.all([analysisRecord(db), importSource(db), manualEntries(db), db.meta.get('settings')]),
    );
    const stamp = before?.stamp ?? 0;
    const inputs = change({ source, manual });
    const table = analysisTable(inputs);
    const settings = opts.ctx.settings ?? (settingsJson?.value as Partial<Settings> | undefined);
    const reuse = attempt === 0 && opts.analysis && inputs.manual.length === 0;
    const analysis = table === null ? null : reuse && opts.analysis ? opts.analysis : analyze(table, options(opts.ctx, settings));
    try {
      const counts = await db.transaction('rw', [...db.customers.stores, db.meta, db.contactLog, db.complaints, db.contacts], async () => {
        if (((await analysisRecord(db))?.stamp ?? 0) !== stamp) throw new Superseded();
        const record: AnalysisRecord = {
          asOf: analysis?.summary.asOf ?? null,
          stamp: stamp + 1,
          typicalRepeatDays: analysis?.summary.churnRisk.typicalRepeatDays ?? null,
        };
        // Rewritten only when it changed (an import), not for a customer added or a setting changed.
        if (inputs.source && inputs.source !== source) await db.meta.put({ key: 'source', value: storedSource(inputs.source) });
        await db.meta.put({ key: 'manual', value: inputs.manual });
        await db.meta.put({ key: 'analysis', value: record });
        const written = analysis ? await writeCustomers(db, analysis, inputs, analysis.summary.asOf, now, opts) : { added: 0, updated: 0 };
        await opts.alsoWrite?.();
        return written;
      });
      return { analysis, inputs, ...counts };
    } catch (e) {
      if (e instanceof Superseded && attempt < 5) continue;
      throw e;
    }
  }
}

function groupBy<T extends { customerKey: string }>(rows: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const list = m.get(r.customerKey);
    if (list) list.push(r);
    else m.set(r.customerKey, [r]);
  }
  return m;
}

async function writeCustomers(
  db: RapportDB,
  analysis: Analysis,
  inputs: AnalysisInputs,
  asOf: string,
  now: Date,
  opts: CommitOptions,
): Promise<{ added: number; updated: number }> {
  const settings = analysis.settings;
  const manualKeys = new Set(inputs.manual.map((m) => manualKey(inputs, m)));
  const logs = groupBy<ContactLogEntry>(await db.contactLog.toArray());
  const complaints = groupBy<Complaint>(await db.complaints.where('status').equals('open').toArray());
  const at = now.toISOString();
  const rows = analysis.customers.map((c) =>
    storedCustomer(
      c,
      manualKeys.has(c.key) ? 'manual' : 'import',
      logs.get(c.key) ?? [],
      complaints.get(c.key) ?? [],
      asOf,
      settings,
      at,
      analysis.summary.churnRisk.typicalRepeatDays ?? null,
    ),
  );
  // The customer store reads the blocks these keys fall in once and writes each changed block once.
  return db.customers.bulkPut(rows, { onlyChanged: opts.onlyChanged, onProgress: opts.onProgress });
}

/** Writes a previewed import; returns how many customers were new and how many updated. */
export async function commitImport(
  db: RapportDB,
  preview: ImportPreview,
  ctx: AnalyzeContext,
  now = new Date(),
  onProgress?: (done: number, total: number) => void,
): Promise<{ added: number; updated: number }> {
  const r = await commitInputs(db, (inputs) => ({ ...inputs, source: preview.source }), { ctx, now, onProgress, analysis: preview.analysis });
  return { added: r.added, updated: r.updated };
}

/**
 * Re-runs the core on the kept inputs (after a change of settings) and writes the customers whose
 * results changed. Returns the analysis, or null when nothing was imported or added.
 */
export async function reanalyze(db: RapportDB, ctx: AnalyzeContext, now = new Date()): Promise<Analysis | null> {
  return (await commitInputs(db, (inputs) => inputs, { ctx, now, onlyChanged: true })).analysis;
}

/** The stored settings as an analysis context (what the options page saved). */
export async function storedContext(db: RapportDB, lang: Lang): Promise<AnalyzeContext> {
  return { lang, settings: await storedSettings(db) };
}

/** A customer added by hand was not stored: the core skipped or refused its row. */
export class ManualCustomerRefused extends Error {
  constructor(
    readonly customerName: string,
    readonly reason: string,
    /** The core's code for it: `skipped_totals`, `skipped_header`, or a row error's code. */
    readonly code: string = '',
  ) {
    super(reason);
    this.name = 'ManualCustomerRefused';
  }
}

/**
 * Adds a customer by hand (an unknown sender): it joins the list of customers added by hand and
 * the core analyses it with the imported table, so it gets a tier and stage like any customer;
 * the sender is kept as a person at it, in the same transaction. Returns its key. When the core
 * does not take the row (a name that reads as a totals row, 合计 or Total, in a table keyed by
 * name), nothing is stored and `ManualCustomerRefused` says why.
 */
export async function addManualCustomer(db: RapportDB, name: string, email: string, ctx: AnalyzeContext, now = new Date(), personName = ''): Promise<string> {
  const entry: ManualEntry = { id: `M-${now.getTime()}`, name: name.trim(), email: email.trim().toLowerCase(), added: now.toISOString() };
  let key = entry.name;
  const check = (inputs: AnalysisInputs): AnalysisInputs => {
    const next = { ...inputs, manual: [...inputs.manual, entry] };
    key = manualKey(next, entry);
    const table = analysisTable(next)!;
    const row = table.length; // the entry's row as the user counts it (header = 1)
    // The core reads the row alone exactly as it reads it in the whole table (rows are independent).
    const alone = analyze([table[findHeaderRow(table)]!, table[row - 1]!], options(ctx, ctx.settings));
    if (!alone.customers.some((c) => c.key === key)) {
      const error = alone.errors.find((e) => e.fatal);
      const notice = alone.notices.find((n) => n.row === 2);
      throw new ManualCustomerRefused(entry.name, error?.reason ?? notice?.message ?? '', error?.code ?? notice?.code ?? '');
    }
    return next;
  };
  await commitInputs(db, check, { ctx, now, onlyChanged: true, alsoWrite: () => db.contacts.add(blankContact(key, entry.email, personName)) });
  return key;
}
