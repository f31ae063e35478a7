#!/usr/bin/env node
// `rapport` — the Rapport core on the command line. The CLI (TypeScript, loaded through tsx) runs in
// a worker thread with a heap limit of three quarters of the memory available (RAPPORT_MEMORY_MB
// overrides it): a file too large for memory then ends with a plain message and exit 2, not with
// V8's out-of-memory crash.
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { writeSync } from 'node:fs';
import { freemem, totalmem } from 'node:os';

const MiB = 2 ** 20;
const available = Math.min(totalmem(), freemem(), process.constrainedMemory?.() || Infinity);
const limitMb = Number(process.env.RAPPORT_MEMORY_MB) || Math.max(1024, Math.floor((available * 0.75) / MiB));

// No allocation-site pretenuring in the CLI's threads (set before they start). V8 may decide, from
// one scavenge at which all the objects an allocation site made were alive, to make that site's
// objects in the old generation from then on; after reading a large table it sometimes does so for
// sites the per-customer rules use, and their short-lived objects then fill the old generation
// with hundreds of megabytes of fresh memory before a full collection. On the 1M-customer bench
// table the analysis then took 4–5 s instead of about 2.5 s, in about half the runs; with this flag
// its page faults stayed at 54,000–84,000 in every run (up to 183,000 without), and the reading was
// no slower (README, Benchmarks: "This round").
setFlagsFromString('--no-allocation-site-pretenuring');

let tooBig = `rapport: the input is too large for the memory available here (${(limitMb / 1024).toFixed(1)} GB).\n`;
const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
  argv: process.argv.slice(2),
  // A young generation of 96 MB (semi-spaces of 32 MB): reading a table keeps nearly everything it
  // allocates, and fewer, larger scavenges cost about 7% less CPU on a 200,000-customer table.
  resourceLimits: { maxOldGenerationSizeMb: limitMb, maxYoungGenerationSizeMb: 96 },
});
worker.on('message', (m) => {
  if (typeof m.tooBig === 'string') tooBig = m.tooBig;
  if (typeof m.code === 'number') process.exitCode = m.code;
});
worker.on('error', (e) => {
  if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    writeSync(2, tooBig);
    process.exitCode = 2;
  } else {
    writeSync(2, `rapport: internal error: ${e?.message ?? e}\n`);
    process.exitCode = 1;
  }
});
worker.on('exit', (code) => {
  if (process.exitCode === undefined && code !== 0) process.exitCode = 1;
});
