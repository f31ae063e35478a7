/**
 * Transaction-log benchmark, in a process of its own (a fresh heap, as `rapport analyze` has):
 * summarise and score a 1,000,000-row generated log as the surfaces do (analyzeLazily, without the
 * purchase model), then the log's summary alone, then the purchase model's two fits on the log's
 * fit sample with what they cost in likelihood evaluations. Each time is printed with its ratio to
 * the sort baseline measured in the same run. The log is the one `npm run bench -- cli` reads.
 */
import { analyzeLazily } from '../shared/analyze';
import { matchHeaders } from '../shared/ingest/headers';
import { summarizeTransactions } from '../shared/ingest/read-transactions';
import { fitBgNbdData } from '../shared/model/bgnbd-fit';
import { fitSampleData, sampleIndices } from '../shared/model/fit-sample';
import { generateTransactions } from '../shared/sample/generate-transactions';
import { peakRssMiB, time, verdict, type BenchContext } from './baseline';

const N = Number(process.env.RAPPORT_BENCH_N ?? 1_000_000);


export async function run(ctx: BenchContext): Promise<void> {
  const log = generateTransactions(N, { seed: 11, asOf: '2026-11-28' });
  summariseLog(ctx, log);
  fitSample(ctx, log);
}

function summariseLog(ctx: BenchContext, log: unknown[][]): void {
  const t = time(() => analyzeLazily(log, { asOf: '2026-11-28', model: false }).customers.length);
  ctx.report(
    `summarise and score a ${N.toLocaleString('en-US')}-row transaction log (no model)`,
    t.ms,
    `→ ${t.value.toLocaleString('en-US')} customers, peak ${peakRssMiB().toFixed(0)} MiB; goal ≤ 1500 ms — ${verdict(t.ms <= 1500, N)}`,
  );
  // The log's summary alone (read into columns, group, per-customer sums), run again after the
  // analysis: its share of the time above, the rest being the rules' scoring.
  const { columns } = matchHeaders(log[0]!);
  const s = time(() => summarizeTransactions(log, columns, 'en', { asOf: '2026-11-28', start: 1 }).customers.count);
  ctx.report(`the same log's summary alone (summarizeTransactions, again)`, s.ms, `→ ${s.value.toLocaleString('en-US')} customers`);
}

/**
 * BG/NBD and MBG/NBD on the log's fit sample (at most 50,000 customers chosen by hash, as the
 * analysis fits them, in weeks as the default settings have it): time, trial points (likelihood
 * evaluations) and iterations of each.
 */
function fitSample(ctx: BenchContext, log: unknown[][]): void {
  const { columns } = matchHeaders(log[0]!);
  const rfm = summarizeTransactions(log, columns, 'en', { asOf: '2026-11-28', start: 1, rfmUnit: 'weeks' }).rfm!.table;
  const at = sampleIndices(rfm.key);
  const data = fitSampleData(rfm, at);
  for (const model of ['bgnbd', 'mbgnbd'] as const) {
    const f = time(() => fitBgNbdData(data, model));
    ctx.report(
      `${model === 'bgnbd' ? 'BG/NBD' : 'MBG/NBD'} fit on the log's fit sample (${(at?.length ?? rfm.count).toLocaleString('en-US')} customers, ${data.T.length.toLocaleString('en-US')} distinct points)`,
      f.ms,
      `${f.value.evaluations} trial points, ${f.value.iterations} iterations${f.value.converged ? '' : ', NOT converged'}`,
    );
  }
}
