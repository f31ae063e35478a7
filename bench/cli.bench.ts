/**
 * End-to-end `rapport analyze` on large generated files, as a user runs it (a separate process,
 * cli/rapport.mjs, output to /dev/null or a temporary file): the 1,000,000-row transaction log and
 * the 1,000,000-customer table as a table, --json, --jsonl and --csv, and a 2,000,000-customer
 * table (read on two threads, and on one for comparison); each with its wall time, ratio to the sort baseline, peak memory (maxRSS of the whole
 * process) and, where measured, its ratio to DuckDB on the same file (bench/peer/): the two runs a
 * goal compares with DuckDB are the best of three, as DuckDB's figure is. Also the CSV
 * reader alone (cli/read-table-file, in a process of its own per file: bench/read-table.child.ts)
 * in MB/s, into rows and, for the customer table, into the customers' columns. The files are generated into $TMPDIR/rapport-bench
 * the first time (scripts/generate-bench-files.ts), never into the repository.
 * RAPPORT_BENCH_QUICK=1 runs only the log and the 1M-customer table output.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBenchFiles } from '../scripts/generate-bench-files';
import type { BenchContext } from './baseline';
import { intoPageCache } from './page-cache.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const CLI = join(here, '../cli/rapport.mjs');
const HOOK = pathToFileURL(join(here, 'peak-rss-hook.mjs')).href;
const quick = !!process.env.RAPPORT_BENCH_QUICK;

interface Peer {
  duckdbGroupByLogMs: number;
  duckdbReadAbcCustomersMs: number;
  duckdbGroupByLogCpuMs?: number;
  duckdbReadAbcCustomersCpuMs?: number;
  /**
   * The fewest page faults of DuckDB's three runs, all in one process (memory an earlier run touched
   * is not counted again), where a CLI run's count is a whole new process's, start-up included.
   */
  duckdbGroupByLogFaults?: number;
  duckdbReadAbcCustomersFaults?: number;
  threads: number;
  /** The sort baseline (bench/baseline.ts) on the machine the figures were measured on. */
  sortBaselineMs?: number;
  measured: string;
}

/** Where DuckDB is installed for bench/peer/duckdb.mjs (outside the repository: bench/peer/README.md). */
const PEER_DIR = process.env.DUCKDB_PEER_DIR ?? join(tmpdir(), 'duckdb-peer');

/**
 * DuckDB's figures on the bench files in `dir`: measured now, in this run, when DuckDB is installed
 * at PEER_DIR (so that every ratio compares runs on the same machine at the same time); else those
 * stored in bench/peer/duckdb-figures.json, with a warning when they were measured on a machine
 * whose sort baseline differs from this run's by more than a fifth. Null when there are none.
 */
function peer(ctx: BenchContext, dir: string): Peer | null {
  if (existsSync(join(PEER_DIR, 'node_modules/@duckdb/node-api'))) {
    const r = spawnSync(process.execPath, [join(here, 'peer/duckdb.mjs'), dir], { encoding: 'utf8', env: { ...process.env, DUCKDB_PEER_DIR: PEER_DIR } });
    const last = r.status === 0 ? r.stdout.trim().split('\n').pop() : undefined;
    if (last?.startsWith('{')) return { ...(JSON.parse(last) as Omit<Peer, 'measured'>), measured: `measured in this run by bench/peer/duckdb.mjs, DuckDB from ${PEER_DIR}` };
    ctx.line(`DuckDB at ${PEER_DIR} did not run (${String(r.stderr).trim().split('\n')[0] ?? `exit ${r.status}`}): the stored figures are used`);
  }
  const p = join(here, 'peer/duckdb-figures.json');
  if (!existsSync(p)) return null;
  const stored = JSON.parse(readFileSync(p, 'utf8')) as Peer;
  const ratio = stored.sortBaselineMs ? ctx.baselineMs / stored.sortBaselineMs : null;
  if (ratio === null || ratio < 0.8 || ratio > 1.25)
    ctx.line(
      `WARNING: the stored DuckDB figures were measured ${ratio === null ? 'with no sort baseline' : `beside a sort baseline of ${stored.sortBaselineMs} ms, this run's is ${ctx.baselineMs.toFixed(1)} ms`}: the ratios below may not hold on this machine; install DuckDB (bench/peer/README.md) to measure it in the run`,
    );
  return stored;
}

interface CliRun {
  ms: number;
  /** CPU time of the process (user + system, every thread): less sensitive than wall time to other load on the machine. */
  cpuMs: number;
  /** The system part of cpuMs, and the minor page faults: memory the process touched for the first time (see touchCost). */
  systemMs: number;
  minorFaults: number;
  peakMiB: number;
  status: number | null;
  stderr: string;
  outBytes: number;
}

/** Run the CLI as its own process; stdout to `outFile` (or /dev/null). Its input file is read into the page cache first, untimed. */
function runCli(args: string[], outFile?: string, env: Record<string, string> = {}): CliRun {
  intoPageCache(args[0]!);
  const tmp = mkdtempSync(join(tmpdir(), 'rapport-cli-bench-'));
  const rssFile = join(tmp, 'rss');
  const cpuFile = join(tmp, 'cpu');
  const fd = openSync(outFile ?? '/dev/null', 'w');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', HOOK, CLI, ...args], {
    stdio: ['ignore', fd, 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '', RAPPORT_BENCH_RSS_FILE: rssFile, RAPPORT_BENCH_CPU_FILE: cpuFile, LANG: 'en_US.UTF-8', ...env },
    maxBuffer: 64 << 20,
  });
  const ms = performance.now() - t0;
  closeSync(fd);
  const peakMiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : NaN;
  const used = existsSync(cpuFile) ? (JSON.parse(readFileSync(cpuFile, 'utf8')) as { cpuMs: number; systemMs: number; minorFaults: number }) : { cpuMs: NaN, systemMs: NaN, minorFaults: NaN };
  rmSync(tmp, { recursive: true, force: true });
  return { ms, ...used, peakMiB, status: r.status, stderr: String(r.stderr ?? ''), outBytes: outFile ? statSync(outFile).size : 0 };
}

/**
 * What it costs this machine to hand a process memory it has not touched before: one byte written
 * per 4 KiB page of a fresh 256 MiB buffer (a page fault each), then again (no faults). On some
 * virtual machines a fault costs several microseconds, and a run's time then follows the memory it
 * touches more than the work it does.
 */
function touchCost(): { mib: number; firstMs: number; againMs: number; firstUs: number } {
  const mib = 256;
  const bytes = new Uint8Array(mib << 20);
  const pass = () => {
    const t0 = performance.now();
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = (bytes[i]! + 1) & 255;
    return performance.now() - t0;
  };
  const firstMs = pass();
  const againMs = pass();
  return { mib, firstMs, againMs, firstUs: (firstMs * 1000) / ((mib << 20) / 4096) };
}

/** The quickest of `n` runs of the CLI (a failed run, if any, instead), with every run's wall time. */
function fastestOf(n: number, args: string[], env: Record<string, string> = {}): { best: CliRun; all: string } {
  const runs: CliRun[] = [];
  for (let k = 0; k < n; k++) runs.push(runCli(args, undefined, env));
  const failed = runs.find((r) => r.status !== 0);
  const best = failed ?? runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { best, all: `${runs.map((r) => r.ms.toLocaleString('en-US', { maximumFractionDigits: 0 })).join(' / ')} ms` };
}

/** Every line of a JSON Lines file parses; returns the count. */
async function checkJsonLines(path: string): Promise<number> {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(path) })) {
    JSON.parse(line);
    n++;
  }
  return n;
}

/** A JSON file (any size) parses: checked by jq, else python3; returns the customer count or an explanation. */
function checkJson(path: string): string {
  const jq = spawnSync('jq', ['-e', '.customers | length', path], { encoding: 'utf8' });
  if (jq.status === 0) return `parses (jq: ${Number(jq.stdout).toLocaleString('en-US')} customers)`;
  if (jq.error === undefined) return `DOES NOT PARSE (jq: ${jq.stderr.trim().slice(0, 200)})`;
  const py = spawnSync('python3', ['-c', 'import json,sys; print(len(json.load(open(sys.argv[1]))["customers"]))', path], { encoding: 'utf8' });
  if (py.status === 0) return `parses (python3: ${Number(py.stdout).toLocaleString('en-US')} customers)`;
  return py.error === undefined ? `DOES NOT PARSE (python3: ${py.stderr.trim().slice(-200)})` : 'not checked (no jq or python3)';
}

async function countLines(path: string): Promise<number> {
  let n = 0;
  for await (const _ of createInterface({ input: createReadStream(path) })) n++;
  return n;
}

export async function run(ctx: BenchContext): Promise<void> {
  const files = ensureBenchFiles(undefined, quick ? ['log1m', 'customers1m'] : ['log1m', 'customers1m', 'customers1mShuffled', 'customers2m']);
  const mb = (p: string) => statSync(p).size / 1e6;
  const p = peer(ctx, dirname(files.log1m));
  if (p)
    ctx.line(
      `DuckDB (${p.measured}, ${p.threads} threads, CSV reading included): group-by of the log ${p.duckdbGroupByLogMs} ms (CPU ${p.duckdbGroupByLogCpuMs ?? '?'} ms, ${p.duckdbGroupByLogFaults?.toLocaleString('en-US') ?? '?'} page faults); read + ABC tiers of the customers ${p.duckdbReadAbcCustomersMs} ms (CPU ${p.duckdbReadAbcCustomersCpuMs ?? '?'} ms, ${p.duckdbReadAbcCustomersFaults?.toLocaleString('en-US') ?? '?'} page faults) — best of 3 in one process, the page faults the fewest of the 3`,
    );
  else ctx.line('no DuckDB figures (bench/peer/duckdb-figures.json): ratios to DuckDB not shown');
  // The CLI as `npm install` leaves it: bundled (cli/worker.mjs runs the sources instead when one is newer than the bundle).
  const built = spawnSync(process.execPath, ['--import', 'tsx', join(here, '../scripts/build-cli.ts')], { encoding: 'utf8' });
  ctx.line(built.status === 0 ? `the CLI runs from its bundle: ${built.stdout.trim()}` : `the bundle could not be built, the CLI runs from its sources: ${String(built.stderr).trim().split('\n')[0]}`);
  ctx.line(`machine load when the CLI runs started: ${loadavg().map((x) => x.toFixed(1)).join(', ')} (1, 5, 15 min) on ${cpus().length} cores — wall times grow with it; CPU times much less`);
  const touch = touchCost();
  ctx.line(
    `memory touched for the first time: ${touch.firstUs.toFixed(1)} µs per 4 KiB page (${touch.mib} MiB in ${touch.firstMs.toFixed(0)} ms; touched again: ${touch.againMs.toFixed(0)} ms) — each run's page faults below cost about that each`,
  );

  // --- the CSV reader alone, in a process of its own per file (as the CLI reads it) ------------------
  for (const f of [files.log1m, files.customers1m]) {
    intoPageCache(f);
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'read-table.child.ts'), f], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) {
      ctx.line(`read CSV into rows: ${f.split('/').pop()} — FAILED (exit ${r.status}): ${String(r.stderr).trim().split('\n')[0]}`);
      continue;
    }
    const { ms, cpuMs, rows } = JSON.parse(r.stdout) as { ms: number; cpuMs: number; rows: number };
    const rate = mb(f) / (ms / 1000);
    ctx.report(
      `read CSV into rows: ${f.split('/').pop()} (${mb(f).toFixed(0)} MB)`,
      ms,
      `→ ${rate.toFixed(0)} MB/s (${(mb(f) / (cpuMs / 1000)).toFixed(0)} MB per CPU-second), ${rows.toLocaleString('en-US')} rows; goal ≥ 100 MB/s — ${rate >= 100 ? 'met' : 'NOT met'}`,
    );
  }

  // The customer table into its customers' columns, as `rapport analyze` reads it on one thread (without the analysis).
  {
    const f = files.customers1m;
    intoPageCache(f);
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'read-table.child.ts'), f, 'columns'], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) ctx.line(`read CSV into customer columns: ${f.split('/').pop()} — FAILED (exit ${r.status}): ${String(r.stderr).trim().split('\n')[0]}`);
    else {
      const { ms, cpuMs, rows } = JSON.parse(r.stdout) as { ms: number; cpuMs: number; rows: number };
      const rate = mb(f) / (ms / 1000);
      // One customer per data row of the generated file: a reader that lost customers would look fast.
      const expected = (await countLines(f)) - 1;
      const verdict = rows !== expected ? `NOT judged: ${expected.toLocaleString('en-US')} customers expected` : rate >= 100 ? 'met' : 'NOT met';
      ctx.report(
        `read CSV into customer columns, one thread: ${f.split('/').pop()} (${mb(f).toFixed(0)} MB)`,
        ms,
        `→ ${rate.toFixed(0)} MB/s (${(mb(f) / (cpuMs / 1000)).toFixed(0)} MB per CPU-second), ${rows.toLocaleString('en-US')} customers; goal ≥ 100 MB/s — ${verdict}`,
      );
    }
  }

  const tmp = mkdtempSync(join(tmpdir(), 'rapport-cli-out-'));
  const report = (name: string, r: CliRun, extra: string, peer?: [number, number | undefined], goal?: number) => {
    let vs = '';
    if (peer) {
      const [wall, cpu] = peer;
      vs = `, ${(r.ms / wall).toFixed(1)}× DuckDB${goal ? ` (goal ≤ ${goal}× — ${r.ms / wall <= goal ? 'met' : 'NOT met'})` : ''}`;
      if (cpu) vs += `, CPU ${(r.cpuMs / cpu).toFixed(1)}× DuckDB's`;
    }
    const failed = r.status === 0 ? '' : ` — FAILED (exit ${r.status}): ${r.stderr.trim().split('\n')[0]}`;
    const faults = `${r.minorFaults.toLocaleString('en-US')} page faults, system ${r.systemMs.toFixed(0)} ms`;
    ctx.report(name, r.ms, `CPU ${r.cpuMs.toFixed(0)} ms (${faults}), peak ${r.peakMiB.toFixed(0)} MiB${vs}${extra ? `; ${extra}` : ''}${failed}`);
  };
  const logPeer: [number, number | undefined] | undefined = p ? [p.duckdbGroupByLogMs, p.duckdbGroupByLogCpuMs] : undefined;
  const custPeer: [number, number | undefined] | undefined = p ? [p.duckdbReadAbcCustomersMs, p.duckdbReadAbcCustomersCpuMs] : undefined;
  try {
    // --- start-up: a small file, from the bundle and from the sources (best of 5 each) ----------------
    const small = join(here, '../test/fixtures/customers-utf8.csv');
    const fromSources = fastestOf(5, [small], { RAPPORT_FROM_SOURCE: '1' }).best;
    const fromBundle = fastestOf(5, [small]).best;
    report('rapport analyze a 6-customer table (start-up), from the bundle', fromBundle, `from the TypeScript sources (RAPPORT_FROM_SOURCE=1) ${fromSources.ms.toFixed(0)} ms; best of 5 each`);

    // --- the 1M-row transaction log ----------------------------------------------------------------
    const log = `${(1e6).toLocaleString('en-US')}-row log (${mb(files.log1m).toFixed(0)} MB)`;
    // The runs a goal compares with DuckDB are the best of three, as DuckDB's own figure is.
    const logRuns = fastestOf(3, [files.log1m]);
    report(`rapport analyze ${log}`, logRuns.best, `best of 3 (${logRuns.all})`, logPeer, 6);
    const json = join(tmp, 'log.json');
    const j = runCli([files.log1m, '--json'], json);
    report(`rapport analyze ${log} --json`, j, `${(j.outBytes / 1e6).toFixed(0)} MB out, ${j.status === 0 ? checkJson(json) : ''}`, logPeer);
    rmSync(json, { force: true });
    const jsonl = join(tmp, 'log.jsonl');
    const l = runCli([files.log1m, '--jsonl'], jsonl);
    report(`rapport analyze ${log} --jsonl`, l, `${(l.outBytes / 1e6).toFixed(0)} MB out, ${l.status === 0 ? `${(await checkJsonLines(jsonl)).toLocaleString('en-US')} lines parse` : ''}`, logPeer);
    rmSync(jsonl, { force: true });
    const csv = join(tmp, 'log.csv');
    const c = runCli([files.log1m, '--csv'], csv);
    report(`rapport analyze ${log} --csv`, c, `${(c.outBytes / 1e6).toFixed(0)} MB out, ${c.status === 0 ? `${(await countLines(csv)).toLocaleString('en-US')} lines` : ''}`, logPeer);
    rmSync(csv, { force: true });

    // --- the 1M-customer table ---------------------------------------------------------------------
    const cust = `${(1e6).toLocaleString('en-US')}-customer table (${mb(files.customers1m).toFixed(0)} MB)`;
    const tRuns = fastestOf(3, [files.customers1m]);
    const t = tRuns.best;
    report(`rapport analyze ${cust}`, t, `best of 3 (${tRuns.all}); read on two threads; goal peak ≤ 2048 MiB — ${t.peakMiB <= 2048 ? 'met' : 'NOT met'}`, custPeer, 5);
    // The same read on one thread: what the second reading thread (cli/second-part.ts) gains.
    const oneRuns = fastestOf(3, [files.customers1m], { RAPPORT_THREADS: '1' });
    report(`rapport analyze ${cust}, one thread (RAPPORT_THREADS=1)`, oneRuns.best, `best of 3 (${oneRuns.all}); two threads take ${((100 * t.ms) / oneRuns.best.ms).toFixed(0)}% of this time`, custPeer);
    if (!quick) {
      const cj = runCli([files.customers1m, '--json']);
      report(`rapport analyze ${cust} --json`, cj, '', custPeer);
      const cc = runCli([files.customers1m, '--csv']);
      report(`rapport analyze ${cust} --csv`, cc, '', custPeer);
      // The same rows in another order: what an export sorted by name or date gives. Putting them in
      // customer order moves every column's values once.
      const shuffled = runCli([files.customers1mShuffled]);
      report(`rapport analyze the same table, rows shuffled`, shuffled, '', custPeer);
      const two = runCli([files.customers2m]);
      report(`rapport analyze 2,000,000-customer table (${mb(files.customers2m).toFixed(0)} MB)`, two, two.status === 0 ? 'completes' : '');
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
