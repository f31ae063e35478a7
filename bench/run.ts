/**
 * `npm run bench`: runs every bench/*.bench.ts in name order against one sort baseline measured
 * here. Each file runs in a child process of its own, so that one benchmark's heap does not slow
 * the next one's garbage collector. Each file exports `run(ctx: BenchContext)`.
 */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measureSortBaseline, peakRssMiB, type BenchContext } from './baseline';

const self = fileURLToPath(import.meta.url);
const here = dirname(self);

function context(baselineMs: number): BenchContext {
  return {
    baselineMs,
    report(name, ms, extra) {
      const ratio = ms / baselineMs;
      console.log(`  ${name.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms  ${ratio.toFixed(2).padStart(7)}× sort${extra ? `  ${extra}` : ''}`);
    },
    line(text) {
      console.log(`  ${text}`);
    },
  };
}

const child = process.env.RAPPORT_BENCH_FILE;
if (child) {
  const mod = (await import(pathToFileURL(join(here, child)).href)) as { run: (c: BenchContext) => Promise<void> | void };
  await mod.run(context(Number(process.env.RAPPORT_BENCH_BASELINE)));
  console.log(`  peak memory of this benchmark: ${peakRssMiB().toFixed(0)} MiB`);
} else {
  const only = process.argv.slice(2);
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  const baselineMs = measureSortBaseline();
  console.log(`Rapport benchmarks — Node ${process.version}, baseline: one Float64Array sort of 1,000,000 values = ${baselineMs.toFixed(1)} ms`);
  let failed = 0;
  for (const f of files) {
    console.log(`\n${f}`);
    const r = spawnSync(process.execPath, [...process.execArgv, self], {
      stdio: 'inherit',
      env: { ...process.env, RAPPORT_BENCH_FILE: f, RAPPORT_BENCH_BASELINE: String(baselineMs) },
    });
    if (r.status !== 0) {
      failed++;
      console.log(`  ${f} failed (exit ${r.status ?? r.signal})`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}
