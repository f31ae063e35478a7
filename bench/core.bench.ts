/**
 * Core benchmark (issue "Rapport core" §6): analyse 1,000,000 generated customers; summarise a
 * 1,000,000-row transaction log; parse a CSV of the 1M customers. Each time is printed with its
 * ratio to the sort baseline measured in the same run; peak memory is the process's maxRSS.
 */
import { analyze } from '../shared/analyze';
import { generateCustomers } from '../shared/sample/generate-customers';
import { generateTransactions } from '../shared/sample/generate-transactions';
import { toDelimited } from '../shared/csv/to-delimited';
import { decodeBytes } from '../shared/csv/decode-bytes';
import { parseDelimited } from '../shared/csv/parse-delimited';
import { peakRssMiB, type BenchContext } from './baseline';

const N = Number(process.env.RAPPORT_BENCH_N ?? 1_000_000);

function time<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}

export async function run(ctx: BenchContext): Promise<void> {
  const gen = time(() => generateCustomers(N, { seed: 7, asOf: '2026-11-28' }));
  ctx.line(`generated ${N.toLocaleString('en-US')} customers in ${gen.ms.toFixed(0)} ms (not counted)`);
  const table = gen.value;
  analyze(table.slice(0, 20_000), { asOf: '2026-11-28' }); // warm up the JIT on a slice
  const a = time(() => analyze(table, { asOf: '2026-11-28' }));
  ctx.report(`analyze ${N.toLocaleString('en-US')} customers`, a.ms, `→ ${a.value.customers.length.toLocaleString('en-US')} customers, peak ${peakRssMiB().toFixed(0)} MiB`);
  ctx.line(`goal: ≤ 1500 ms and ≤ 15× sort — ${a.ms <= 1500 && a.ms / ctx.baselineMs <= 15 ? 'met' : 'NOT met'}`);

  const csv = time(() => toDelimited(table));
  const bytes = new TextEncoder().encode(csv.value);
  const mb = bytes.length / 1e6;
  const parse = time(() => parseDelimited(decodeBytes(bytes).text));
  ctx.report(`decode + parse CSV of ${N.toLocaleString('en-US')} customers (${mb.toFixed(0)} MB)`, parse.ms, `→ ${(mb / (parse.ms / 1000)).toFixed(1)} MB/s, ${parse.value.rows.length.toLocaleString('en-US')} rows; goal ≥ 30 MB/s — ${mb / (parse.ms / 1000) >= 30 ? 'met' : 'NOT met'}`);
  const fromCsv = time(() => analyze(parse.value.rows, { asOf: '2026-11-28' }));
  ctx.report(`analyze the same customers from CSV text cells`, fromCsv.ms, `peak ${peakRssMiB().toFixed(0)} MiB`);

  const log = generateTransactions(N, { seed: 11, asOf: '2026-11-28' });
  const t = time(() => analyze(log, { asOf: '2026-11-28', model: false }));
  ctx.report(`summarise a ${N.toLocaleString('en-US')}-row transaction log`, t.ms, `→ ${t.value.customers.length.toLocaleString('en-US')} customers, peak ${peakRssMiB().toFixed(0)} MiB`);
}
