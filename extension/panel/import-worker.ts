/** The import worker — wiring only: runs the import job (db/import-job.ts) for the panel. */
import { openDatabase } from '../db/database';
import { ImportJob } from '../db/import-job';
import type { WorkerAnswer, WorkerRequest } from './importer';

const job = new ImportJob(openDatabase());
const post = (m: WorkerAnswer) => (self as unknown as { postMessage(m: WorkerAnswer): void }).postMessage(m);

self.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const r = ev.data;
  const run = async (): Promise<unknown> => {
    switch (r.op) {
      case 'preview':
        return job.previewInput(r.input, r.name, r.ctx);
      case 'commit':
        return job.commit(r.ctx, (phase, done, total) => post({ id: r.id, kind: 'progress', phase, done, total }));
      case 'addManual':
        return job.addManual(r.name, r.email, r.ctx, r.personName);
      case 'reanalyze':
        return job.reanalyze(r.ctx);
      case 'listRows':
        return job.listRows((rows) => post({ id: r.id, kind: 'rows', rows }));
    }
  };
  run().then(
    (value) => post({ id: r.id, kind: 'result', value }),
    (e: unknown) => {
      const x = e as { name?: string; message?: string; customerName?: string; reason?: string; code?: string; inner?: { name?: string } };
      // A transaction abort carries the storage error inside it: pass its name on (a full disk).
      const name = x?.inner?.name === 'QuotaExceededError' ? 'QuotaExceededError' : (x?.name ?? 'Error');
      post({ id: r.id, kind: 'error', error: { name, message: x?.message ?? String(e), customerName: x?.customerName, reason: x?.reason, code: x?.code } });
    },
  );
};
