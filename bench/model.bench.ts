/**
 * Probabilistic model (method §9): BG/NBD fit on the full CDNOW cohort (23,570 customers,
 * cut-off 1997-09-30, weeks) and on 1,000,000 customers drawn from a BG/NBD with known parameters.
 * Each fit is also given as a multiple of one log-likelihood evaluation over the same data.
 * Goals: CDNOW cohort < 0.5 s; 1,000,000 customers < 10 s.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { time, type BenchContext } from './baseline';
import {
  aggregateRfm,
  bgnbdLogLikelihoodData,
  columnar,
  fitBgNbdData,
  fitModel,
  simulateBgNbdCustomer,
  summarizeRfm,
  type BgNbdParams,
  type PurchaseHistory,
  type RfmData,
} from '../shared/model';
import { mulberry32 } from '../shared/prng';

const here = path.dirname(fileURLToPath(import.meta.url));
const DATA = path.resolve(here, '../test/fixtures/data');

function dayOf(yyyymmdd: string): number {
  return Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8))) / 86_400_000;
}

/** cdnow_master_zh.csv (客户编号,日期,数量,金额) as purchase histories, same-day purchases merged. */
function cdnowMaster(): PurchaseHistory[] {
  const text = readFileSync(path.join(DATA, 'cdnow', 'cdnow_master_zh.csv'), 'utf8');
  const byKey = new Map<string, Map<number, number>>();
  const lines = text.split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    const f = lines[i]!.split(',');
    if (f.length < 4) continue;
    const day = dayOf(f[1]!);
    let days = byKey.get(f[0]!);
    if (!days) {
      days = new Map();
      byKey.set(f[0]!, days);
    }
    days.set(day, (days.get(day) ?? 0) + Number(f[3]));
  }
  return Array.from(byKey, ([key, days]) => {
    const sorted = Array.from(days.keys()).sort((a, b) => a - b);
    return { key, days: sorted, amounts: sorted.map((d) => days.get(d)!), returns: 0 };
  });
}


/** Best of k runs of one log-likelihood evaluation (value only). */
function llMs(params: BgNbdParams, data: RfmData, k = 5): number {
  let best = Infinity;
  for (let i = 0; i < k; i++) best = Math.min(best, time(() => bgnbdLogLikelihoodData(params, data, null)).ms);
  return best;
}

function fmt(p: BgNbdParams & { ll: number }): string {
  return `r=${p.r.toFixed(4)} α=${p.alpha.toFixed(4)} a=${p.a.toFixed(4)} b=${p.b.toFixed(4)} LL=${p.ll.toFixed(2)}`;
}

export async function run(ctx: BenchContext): Promise<void> {
  // Warm-up (JIT) on a small fit so the first timed figure is not compile time.
  const warm = summarizeRfm(cdnowMaster().slice(0, 3000), { asOfDay: dayOf('19970930'), unit: 'weeks' }).rows;
  fitBgNbdData(aggregateRfm(warm));

  // --- CDNOW cohort -------------------------------------------------------------------------
  const histories = cdnowMaster();
  const asOfDay = dayOf('19970930');
  const summary = time(() => summarizeRfm(histories, { asOfDay, unit: 'weeks' }));
  const rows = summary.value.rows;
  ctx.report(`CDNOW cohort: summarise ${rows.length} customers (x, t_x, T)`, summary.ms);
  const raw = columnar(
    rows.map((r) => r.x),
    rows.map((r) => r.tx),
    rows.map((r) => r.T),
    rows.map(() => 1),
  );
  const fitRaw = time(() => fitBgNbdData(raw));
  const llRaw = llMs(fitRaw.value, raw);
  ctx.report('CDNOW cohort: one log-likelihood evaluation', llRaw);
  ctx.report('CDNOW cohort: BG/NBD fit, every row', fitRaw.ms, `= ${(fitRaw.ms / llRaw).toFixed(0)}× one LL; ${fitRaw.value.iterations} iterations; ${fmt(fitRaw.value)}`);
  const agg = time(() => aggregateRfm(rows));
  const fitAgg = time(() => fitBgNbdData(agg.value));
  ctx.report(
    `CDNOW cohort: BG/NBD fit, aggregated to ${agg.value.tx.length} distinct rows`,
    agg.ms + fitAgg.ms,
    `= ${((agg.ms + fitAgg.ms) / llRaw).toFixed(0)}× one LL over every row (goal < 500 ms)`,
  );
  const whole = time(() => fitModel(histories, { asOfDay, unit: 'weeks', horizonDays: 90, annualDiscountRate: 0.1 }));
  ctx.report(
    'CDNOW cohort: fitModel (summary, BG/NBD, Gamma-Gamma, every customer)',
    whole.ms,
    whole.value.ok ? `${whole.value.customers.size} customers` : whole.value.problem.code,
  );

  // --- 1,000,000 synthetic customers ----------------------------------------------------------
  const truth: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  const n = 1_000_000;
  const random = mulberry32(20260501);
  const sim = time(() => {
    const x = new Float64Array(n);
    const tx = new Float64Array(n);
    const T = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      // First purchases spread over a year of days; purchase times recorded to the day (as logs are).
      const ageDays = Math.floor(random() * 365);
      const c = simulateBgNbdCustomer(truth, ageDays / 7, random);
      x[i] = c.x;
      tx[i] = Math.round(c.tx * 7) / 7;
      T[i] = ageDays / 7;
    }
    return { x, tx, T };
  });
  ctx.report(`synthetic: draw ${n.toLocaleString('en')} customers from BG/NBD(${truth.r}, ${truth.alpha}, ${truth.a}, ${truth.b})`, sim.ms);
  const ones = new Float64Array(n).fill(1);
  const big = columnar(sim.value.x, sim.value.tx, sim.value.T, ones);
  const llBig = llMs(truth, big, 3);
  ctx.report('synthetic 1M: one log-likelihood evaluation', llBig);
  const fitBig = time(() => fitBgNbdData(big));
  ctx.report('synthetic 1M: BG/NBD fit, every row', fitBig.ms, `= ${(fitBig.ms / llBig).toFixed(0)}× one LL; ${fitBig.value.iterations} iterations; ${fmt(fitBig.value)}`);
  const points = Array.from({ length: n }, (_, i) => ({ x: sim.value.x[i]!, tx: sim.value.tx[i]!, T: sim.value.T[i]! }));
  const aggBig = time(() => aggregateRfm(points));
  const fitAggBig = time(() => fitBgNbdData(aggBig.value));
  ctx.report(
    `synthetic 1M: BG/NBD fit, aggregated to ${aggBig.value.tx.length} distinct rows`,
    aggBig.ms + fitAggBig.ms,
    `= ${((aggBig.ms + fitAggBig.ms) / llBig).toFixed(0)}× one LL over every row (goal < 10 s); ${fmt(fitAggBig.value)}`,
  );
}
