// Loaded with `node --import` by bench/cli.bench.ts: when the process ends, writes its peak resident
// memory (maxRSS, KiB, worker threads included) to the file named in RAPPORT_BENCH_RSS_FILE, and
// its CPU time (user + system, ms, all threads) to RAPPORT_BENCH_CPU_FILE, as a JSON line with the
// system part of that time and the minor page faults (memory touched for the first time).
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const rss = process.env.RAPPORT_BENCH_RSS_FILE;
const cpu = process.env.RAPPORT_BENCH_CPU_FILE;
if (isMainThread && (rss || cpu))
  process.on('exit', () => {
    if (rss) writeFileSync(rss, String(process.resourceUsage().maxRSS));
    if (cpu) {
      const u = process.cpuUsage();
      writeFileSync(cpu, JSON.stringify({ cpuMs: (u.user + u.system) / 1000, systemMs: u.system / 1000, minorFaults: process.resourceUsage().minorPageFault }));
    }
  });
