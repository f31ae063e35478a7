/**
 * The panel's handle on the import job: in the extension a Web Worker runs it, so a 100,000-row
 * import never blocks the panel (the worker posts progress); without workers (component tests) the
 * same job runs inline. Errors come back with their name, so the panel words them as usual.
 */
import type { RapportDB } from '../db/database';
import { ImportJob, type PreviewView, type Progress } from '../db/import-job';
import type { AnalyzeContext } from '../db/import-table';
import { loadCustomerRows, type CustomerRow } from '../db/customer-rows';

export interface Importer {
  preview(input: Uint8Array | string, name: string, ctx: AnalyzeContext): Promise<PreviewView>;
  commit(ctx: AnalyzeContext, progress?: Progress): Promise<{ added: number; updated: number }>;
  /** Adds a customer by hand, with the sender as a person at it (`personName`), in one transaction. */
  addManual(name: string, email: string, ctx: AnalyzeContext, personName?: string): Promise<string>;
  reanalyze(ctx: AnalyzeContext): Promise<void>;
  /** Every customer's list row, page by page (`stillWanted` false stops taking pages). */
  listRows(stillWanted: () => boolean): Promise<CustomerRow[]>;
}

export function inlineImporter(db: RapportDB): Importer {
  const job = new ImportJob(db);
  return {
    preview: async (input, name, ctx) => job.previewInput(input, name, ctx),
    commit: (ctx, progress) => job.commit(ctx, progress),
    addManual: (name, email, ctx, personName) => job.addManual(name, email, ctx, personName),
    reanalyze: (ctx) => job.reanalyze(ctx),
    listRows: (stillWanted) => loadCustomerRows(db, stillWanted),
  };
}

/** A request to the worker and its answers (import-worker.ts). */
export type WorkerRequest =
  | { id: number; op: 'preview'; input: Uint8Array | string; name: string; ctx: AnalyzeContext }
  | { id: number; op: 'commit'; ctx: AnalyzeContext }
  | { id: number; op: 'addManual'; name: string; email: string; ctx: AnalyzeContext; personName?: string }
  | { id: number; op: 'reanalyze'; ctx: AnalyzeContext }
  | { id: number; op: 'listRows' };

export type WorkerAnswer =
  | { id: number; kind: 'progress'; phase: 'saving'; done: number; total: number }
  | { id: number; kind: 'rows'; rows: CustomerRow[] }
  | { id: number; kind: 'result'; value: unknown }
  | { id: number; kind: 'error'; error: PostedError };

/** An error as the worker posts it: its name and message, and a refused customer's details. */
export interface PostedError {
  name: string;
  message: string;
  customerName?: string;
  reason?: string;
  code?: string;
}

type WithoutId<R> = R extends unknown ? Omit<R, 'id'> : never;

/** An error as posted by the worker, rebuilt with its name (and the refused customer's details). */
function rebuilt(e: PostedError): Error {
  return Object.assign(new Error(e.message), e);
}

export function workerImporter(worker: Worker): Importer {
  let next = 0;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void; progress?: Progress; rows?: (r: CustomerRow[]) => void }>();
  worker.onmessage = (ev: MessageEvent<WorkerAnswer>) => {
    const m = ev.data;
    const p = pending.get(m.id);
    if (!p) return;
    if (m.kind === 'progress') p.progress?.(m.phase, m.done, m.total);
    else if (m.kind === 'rows') p.rows?.(m.rows);
    else {
      pending.delete(m.id);
      if (m.kind === 'result') p.resolve(m.value);
      else p.reject(rebuilt(m.error));
    }
  };
  const call = <T>(req: WithoutId<WorkerRequest>, progress?: Progress, transfer: Transferable[] = [], rows?: (r: CustomerRow[]) => void): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress, rows });
      worker.postMessage({ ...req, id }, transfer);
    });
  return {
    preview: (input, name, ctx) => call({ op: 'preview', input, name, ctx }, undefined, typeof input === 'string' ? [] : [input.buffer]),
    commit: (ctx, progress) => call({ op: 'commit', ctx }, progress),
    addManual: (name, email, ctx, personName) => call({ op: 'addManual', name, email, ctx, personName }),
    reanalyze: (ctx) => call({ op: 'reanalyze', ctx }),
    listRows: async (stillWanted) => {
      const out: CustomerRow[] = [];
      await call({ op: 'listRows' }, undefined, [], (rows) => {
        if (stillWanted()) for (const r of rows) out.push(r);
      });
      return out;
    },
  };
}

/** The import worker of a page (one per panel), built by Vite from import-worker.ts. */
export function startImportWorker(make: () => Worker): Importer {
  return workerImporter(make());
}
