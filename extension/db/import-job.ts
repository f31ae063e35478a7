/**
 * The import's heavy work — decoding, the core's analysis, the one-transaction write — as a job
 * that runs off the panel's main thread (the import worker) or, where no worker is available
 * (component tests), inline. It keeps the previewed analysis so the panel is handed only what it
 * shows: counts, the first row errors and notices.
 */
import type { Notice, RowError } from '../../shared/types';
import type { RapportDB } from './database';
import { loadCustomerRows, type CustomerRow } from './customer-rows';
import { addManualCustomer, commitImport, previewImport, reanalyze, type AnalyzeContext, type ImportPreview } from './import-table';

/** What the panel shows of a preview. */
export interface PreviewView {
  rows: { read: number; accepted: number; rejected: number; skipped: number };
  errors: RowError[];
  errorCount: number;
  notices: Notice[];
  customers: number;
}

export const SHOWN_ERRORS = 200;
export const SHOWN_NOTICES = 50;

export type Progress = (phase: 'saving', done: number, total: number) => void;

export class ImportJob {
  private preview: ImportPreview | null = null;

  constructor(private readonly db: RapportDB) {}

  /** Decodes and analyses; writes nothing. */
  previewInput(input: Uint8Array | string, name: string, ctx: AnalyzeContext): PreviewView {
    this.preview = null;
    const p = previewImport(input, name, ctx);
    this.preview = p;
    const a = p.analysis;
    return {
      rows: a.summary.rows,
      errors: a.errors.slice(0, SHOWN_ERRORS),
      errorCount: a.errors.length,
      notices: a.notices.slice(0, SHOWN_NOTICES),
      customers: a.customers.length,
    };
  }

  /** Writes the last preview in one transaction. */
  async commit(ctx: AnalyzeContext, progress?: Progress): Promise<{ added: number; updated: number }> {
    if (!this.preview) throw new Error('nothing previewed');
    const r = await commitImport(this.db, this.preview, ctx, new Date(), (done, total) => progress?.('saving', done, total));
    this.preview = null;
    return r;
  }

  addManual(name: string, email: string, ctx: AnalyzeContext, personName = ''): Promise<string> {
    return addManualCustomer(this.db, name, email, ctx, new Date(), personName);
  }

  /** The customer list's rows, handed over page by page. */
  async listRows(onPage: (rows: CustomerRow[]) => void): Promise<void> {
    await loadCustomerRows(this.db, () => true, onPage);
  }

  async reanalyze(ctx: AnalyzeContext): Promise<void> {
    await reanalyze(this.db, ctx);
  }
}
