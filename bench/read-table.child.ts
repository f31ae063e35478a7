/**
 * One reading of a CSV file by the CLI's reader (cli/read-table-file), in a process of its own as
 * `rapport` reads it, so that no earlier reading's heap is still there: prints {ms, cpuMs, rows}
 * as JSON. Run by bench/cli.bench.ts:  tsx bench/read-table.child.ts FILE [rows|columns]
 *
 * `rows` (the default): the file into a table of strings. `columns`: a customer table read as
 * `rapport analyze` reads it on one thread, its rows handed out as they are parsed and read into
 * the customers' columns (CustomerTableReader, up to its finish: day/month orders, repeated keys),
 * its plain lines read straight into them (ReadOptions.lines), without the analysis that follows.
 */
import { readTableFile } from '../cli/read-table-file';
import { findHeaderRow } from '../shared/ingest/find-header-row';
import { asCustomerColumns, headerAt } from '../shared/analysis-steps';
import { CustomerTableReader } from '../shared/ingest/read-customers';

const file = process.argv[2]!;
const mode = process.argv[3] ?? 'rows';
if (mode !== 'rows' && mode !== 'columns') throw new Error(`read-table.child.ts: unknown mode ${mode} (rows or columns)`);
const c0 = process.cpuUsage();
const t0 = performance.now();
const rows = mode === 'columns' ? intoColumns(file) : readTableFile(file).table.length;
const ms = performance.now() - t0;
const c = process.cpuUsage(c0);
process.stdout.write(JSON.stringify({ ms, cpuMs: (c.user + c.system) / 1000, rows }));

/** The customers read from a customer table's file: how many. */
function intoColumns(path: string): number {
  let reader: CustomerTableReader | null = null;
  const first: string[][] = [];
  /** The rows gathered so far hold the header: read them, and every row from now on, into columns. */
  const start = (): CustomerTableReader => {
    const header = headerAt(first, findHeaderRow(first), 'zh', []);
    const r = new CustomerTableReader(asCustomerColumns(header.match.columns), 'zh', 1 << 20, true);
    r.add(first, 0, header.start);
    return r;
  };
  readTableFile(path, 'zh', {
    onRows: (rows, firstIndex) => {
      if (reader) return reader.add(rows, firstIndex);
      for (const r of rows) first.push(r);
      if (first.length > 20) reader = start();
    },
    // As rapport analyze reads a customer table: its lines straight into the columns once the header is known.
    lines: () => reader,
  });
  return (reader ?? start()).finish().customers.count;
}
