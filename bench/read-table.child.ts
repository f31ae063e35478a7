/**
 * One reading of a CSV file by the CLI's reader (cli/read-table-file), in a process of its own as
 * `rapport` reads it, so that no earlier reading's heap is still there: prints {ms, cpuMs, rows}
 * as JSON. Run by bench/cli.bench.ts:  tsx bench/read-table.child.ts FILE
 */
import { readTableFile } from '../cli/read-table-file';

const file = process.argv[2]!;
const c0 = process.cpuUsage();
const t0 = performance.now();
const rows = readTableFile(file).table.length;
const ms = performance.now() - t0;
const c = process.cpuUsage(c0);
process.stdout.write(JSON.stringify({ ms, cpuMs: (c.user + c.system) / 1000, rows }));
