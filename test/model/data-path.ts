/** The real data sets the tests use, kept in test/fixtures/data (each folder's SOURCES.md says where it comes from). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = path.resolve(here, '../fixtures/data');

export function dataFile(...parts: string[]): string {
  return path.join(DATA_DIR, ...parts);
}

/** Rows of a small numeric CSV (header dropped). */
export function readNumericCsv(...parts: string[]): number[][] {
  return readFileSync(dataFile(...parts), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map(Number));
}

/** CDNOW summary rows (ID, frequency, recency, T) as RFM points. */
export function cdnowSummary(): { id: number; x: number; tx: number; T: number }[] {
  return readNumericCsv('cdnow', 'cdnow_customers_summary.csv').map(([id, x, tx, T]) => ({ id: id!, x: x!, tx: tx!, T: T! }));
}

/** Days since 1970-01-01 of a YYYYMMDD number. */
export function dayOf(yyyymmdd: string): number {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/**
 * CDNOW_sample.txt (whitespace-separated: master_id sample_id YYYYMMDD cds dollars) as purchase
 * histories keyed by sample_id, same-day purchases merged.
 */
export function cdnowSampleHistories(): { key: string; days: number[]; amounts: number[]; returns: number }[] {
  const byKey = new Map<string, Map<number, number>>();
  for (const line of readFileSync(dataFile('cdnow', 'CDNOW_sample.txt'), 'utf8').split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5) continue;
    const key = String(Number(f[1]));
    const day = dayOf(f[2]!);
    const days = byKey.get(key) ?? new Map<number, number>();
    days.set(day, (days.get(day) ?? 0) + Number(f[4]));
    byKey.set(key, days);
  }
  return Array.from(byKey, ([key, days]) => {
    const sorted = Array.from(days.keys()).sort((a, b) => a - b);
    return { key, days: sorted, amounts: sorted.map((d) => days.get(d)!), returns: 0 };
  });
}
