/**
 * `npm run bench`: runs every bench/*.bench.ts in name order against one sort baseline.
 * Each bench file exports `run(ctx: BenchContext)`.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measureSortBaseline, peakRssMiB, type BenchContext } from './baseline';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const baselineMs = measureSortBaseline();
const ctx: BenchContext = {
  baselineMs,
  report(name, ms, extra) {
    const ratio = ms / baselineMs;
    console.log(`  ${name.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms  ${ratio.toFixed(2).padStart(7)}× sort${extra ? `  ${extra}` : ''}`);
  },
  line(text) {
    console.log(`  ${text}`);
  },
};
console.log(`Rapport benchmarks — Node ${process.version}, baseline: one Float64Array sort of 1,000,000 values = ${baselineMs.toFixed(1)} ms`);
for (const f of files) {
  console.log(`\n${f}`);
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { run: (c: BenchContext) => Promise<void> | void };
  await mod.run(ctx);
  console.log(`  peak memory so far: ${peakRssMiB().toFixed(0)} MiB`);
}
