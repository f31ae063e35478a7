/**
 * Writes the large CSV files the CLI benchmark reads into a temporary directory (never into the
 * repository): a 1,000,000-row transaction log, a 1,000,000-customer table (in customer-number
 * order, and the same rows in a shuffled order, as an export sorted by name or date has them) and a
 * 2,000,000-customer table, from the deterministic generators in shared/sample. Files that already
 * exist are kept.
 *
 *   npx tsx scripts/generate-bench-files.ts [DIR]     (default: $TMPDIR/rapport-bench)
 */
import { existsSync, mkdirSync, closeSync, openSync, renameSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCustomers } from '../shared/sample/generate-customers';
import { generateTransactions } from '../shared/sample/generate-transactions';
import { toDelimited } from '../shared/csv/to-delimited';
import { mulberry32 } from '../shared/prng';

export interface BenchFiles {
  log1m: string;
  customers1m: string;
  /** The rows of customers1m in a shuffled order (a fixed seed). */
  customers1mShuffled: string;
  customers2m: string;
}

export function benchFilePaths(dir = join(tmpdir(), 'rapport-bench')): BenchFiles {
  return { log1m: join(dir, 'log-1m.csv'), customers1m: join(dir, 'customers-1m.csv'), customers1mShuffled: join(dir, 'customers-1m-shuffled.csv'), customers2m: join(dir, 'customers-2m.csv') };
}

/** Write a table as CSV in slices, so no single string holds the whole file. */
function writeTable(path: string, table: readonly (readonly unknown[])[]): void {
  const part = `${path}.part`;
  const fd = openSync(part, 'w');
  try {
    for (let i = 0; i < table.length; i += 50_000) writeSync(fd, toDelimited(table.slice(i, i + 50_000)));
  } finally {
    closeSync(fd);
  }
  renameSync(part, path);
}

/** The header row, then the data rows in an order shuffled by a seeded Fisher–Yates shuffle. */
export function shuffledRows<T>(table: T[], seed: number): T[] {
  const rows = table.slice(1);
  const random = mulberry32(seed);
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = rows[i]!;
    rows[i] = rows[j]!;
    rows[j] = t;
  }
  return [table[0]!, ...rows];
}

export function ensureBenchFiles(dir?: string, which: (keyof BenchFiles)[] = ['log1m', 'customers1m', 'customers1mShuffled', 'customers2m']): BenchFiles {
  const files = benchFilePaths(dir);
  mkdirSync(join(files.log1m, '..'), { recursive: true });
  if (which.includes('log1m') && !existsSync(files.log1m)) writeTable(files.log1m, generateTransactions(1_000_000, { seed: 11, asOf: '2026-11-28' }));
  if (which.includes('customers1m') && !existsSync(files.customers1m)) writeTable(files.customers1m, generateCustomers(1_000_000, { seed: 7, asOf: '2026-11-28' }));
  if (which.includes('customers1mShuffled') && !existsSync(files.customers1mShuffled)) writeTable(files.customers1mShuffled, shuffledRows(generateCustomers(1_000_000, { seed: 7, asOf: '2026-11-28' }), 17));
  if (which.includes('customers2m') && !existsSync(files.customers2m)) writeTable(files.customers2m, generateCustomers(2_000_000, { seed: 9, asOf: '2026-11-28' }));
  return files;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const files = ensureBenchFiles(process.argv[2]);
  for (const f of Object.values(files)) console.log(f);
}
