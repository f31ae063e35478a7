import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { threadFitter } from '../../cli/fit-thread';
import { setWorkerScript } from '../../cli/worker-script';
import { completeWork, fitBothModels, type ModelJob } from '../../shared/model/purchase-fitter';
import { aggregateRfm, pointColumns, type RfmPoint } from '../../shared/model/rfm-data';
import { simulateBgNbdCustomer } from '../../shared/model/simulate-bgnbd';
import { mulberry32 } from '../../shared/prng';
import { toDelimited } from '../../shared/csv/to-delimited';
import { generateCustomers } from '../../shared/sample/generate-customers';

const WORKER = new URL('../../cli/worker.mjs', import.meta.url);
const CLI = resolve(__dirname, '../../cli/rapport.mjs');

const FIGURES = { unit: 'weeks', horizonDays: 90, annualDiscountRate: 0.1, churnHorizonDays: 60 } as const;

/** A job on these customers: fitted on all of them, figures for all of them. */
function jobOf(rows: readonly RfmPoint[]): ModelJob {
  return { data: aggregateRfm(rows), points: pointColumns(rows), figures: FIGURES };
}

/** 25,000 simulated customers (Fader, Hardie & Lee's CDNOW parameters), observed for 39 to 78 weeks: that many distinct points. */
function simulated(seed: number): ModelJob {
  const random = mulberry32(seed);
  return jobOf(Array.from({ length: 25_000 }, () => simulateBgNbdCustomer({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39 + 39 * random(), random)));
}

/** The job's work made on this thread. */
const here = (job: ModelJob) => completeWork(job, fitBothModels(job.data));

/** A file size that gets the thread. */
const LARGE = 64 * 1024 * 1024;

/** Block this thread for `ms` (the fitting thread goes on meanwhile). */
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

afterEach(() => setWorkerScript(null));

describe('the purchase model fitted with a thread of its own gives the fits of one thread', () => {
  it('the CLI thread asking late (the fitting thread has taken its fits) or at once (it takes what is free)', () => {
    setWorkerScript(WORKER);
    const job = simulated(7);
    expect(job.data.T.length).toBeGreaterThan(20_000);
    const want = here(job);
    expect(want.fits.bgnbd).not.toBeNull();
    expect(want.figures).not.toBeNull();

    const waited: number[] = [];
    const late = threadFitter(LARGE, (ms) => waited.push(ms))!;
    const waitLate = late.start(job);
    sleep(8_000); // long enough for the thread to load and take a fit at least
    const t0 = performance.now();
    expect(waitLate()).toEqual(want);
    // Called once, with the time spent waiting for the thread: at most the whole call.
    expect(waited).toHaveLength(1);
    expect(waited[0]).toBeGreaterThanOrEqual(0);
    expect(waited[0]).toBeLessThanOrEqual(performance.now() - t0);

    const early = threadFitter(LARGE)!;
    expect(early.start(job)()).toEqual(want);
  }, 120_000);

  it('a thread that fails: the CLI thread makes every fit', () => {
    setWorkerScript(new URL('../fixtures/cli/failing-worker.mjs', import.meta.url));
    const job = simulated(8);
    let used = 0;
    const fitter = threadFitter(LARGE, () => used++)!;
    const wait = fitter.start(job);
    sleep(2_000);
    expect(wait()).toEqual(here(job));
    expect(used).toBe(0);
  }, 120_000);

  it('a thread that takes a fit and dies: the CLI thread makes that fit itself after a short wait', () => {
    setWorkerScript(new URL('../fixtures/cli/dying-fit-worker.mjs', import.meta.url));
    const job = simulated(9);
    const fitter = threadFitter(LARGE)!;
    const wait = fitter.start(job);
    sleep(2_000); // the thread has taken BG/NBD and died
    const t0 = Date.now();
    expect(wait()).toEqual(here(job));
    expect(Date.now() - t0).toBeLessThan(20_000);
  }, 120_000);

  it('a thread that takes the figures and dies: the CLI thread makes the fits and the figures itself after a short wait', () => {
    setWorkerScript(new URL('../fixtures/cli/dying-figures-worker.mjs', import.meta.url));
    const job = simulated(10);
    let used = 0;
    const fitter = threadFitter(LARGE, () => used++)!;
    const wait = fitter.start(job);
    sleep(2_000); // the thread has taken the figures and died
    const t0 = Date.now();
    expect(wait()).toEqual(here(job));
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(used).toBe(0);
  }, 120_000);

  it('a thread still making the figures after the wait for a silent thread: the CLI thread waits while progress comes', () => {
    setWorkerScript(new URL('../fixtures/cli/slow-figures-worker.mjs', import.meta.url));
    const job = simulated(11);
    const fitter = threadFitter(LARGE)!;
    const wait = fitter.start(job);
    sleep(1_000); // the thread has taken the figures and reports progress for 12 s in all
    const t0 = Date.now();
    expect(wait()).toEqual(here(job));
    expect(Date.now() - t0).toBeGreaterThan(9_000); // a silent thread is given 5 s
  }, 120_000);

  it('no thread for a small file or one of unknown size, nor with RAPPORT_THREADS=1', () => {
    setWorkerScript(WORKER);
    expect(threadFitter(1_000_000)).toBeNull();
    expect(threadFitter(null)).toBeNull();
    process.env.RAPPORT_THREADS = '1';
    try {
      expect(threadFitter(LARGE)).toBeNull();
    } finally {
      delete process.env.RAPPORT_THREADS;
    }
  });

  it('small data are fitted here, without the thread', () => {
    setWorkerScript(WORKER);
    const random = mulberry32(3);
    const job = jobOf(Array.from({ length: 500 }, () => simulateBgNbdCustomer({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, random)));
    let used = 0;
    expect(threadFitter(LARGE, () => used++)!.start(job)()).toEqual(here(job));
    expect(used).toBe(0);
  });

  it('rapport analyze on a file of 40,000 customers (over 8 MB): the same output as on one thread', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-fit-thread-'));
    const path = join(dir, 'customers.csv');
    writeFileSync(path, toDelimited(generateCustomers(40_000, { seed: 5, lang: 'en', asOf: '2026-11-28' })));
    const run = (env: Record<string, string>) => spawnSync(process.execPath, [CLI, path, '--json', '--as-of', '2026-11-28', '--lang', 'en'], { encoding: 'utf8', env: { ...process.env, RAPPORT_DEBUG: '1', ...env }, maxBuffer: 1 << 30 });
    const two = run({});
    const one = run({ RAPPORT_THREADS: '1' });
    expect(two.status).toBe(0);
    expect(two.stderr).toMatch(/rapport: the purchase model was fitted with another thread \(waited \d+\.\d\d s for it\)/);
    expect(one.stderr).not.toContain('another thread');
    expect(two.stdout).toBe(one.stdout);
  }, 120_000);
});
