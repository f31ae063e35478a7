import { generateCustomers } from '../shared/sample/generate-customers';
import { generateTransactions } from '../shared/sample/generate-transactions';
import { toDelimited } from '../shared/csv/to-delimited';
import { parseDelimited } from '../shared/csv/parse-delimited';
import Papa from 'papaparse';
let t0 = performance.now();
const table = generateCustomers(1_000_000, { seed: 1 });
console.log('generateCustomers(1e6) ms', (performance.now() - t0).toFixed(0));
t0 = performance.now();
const tx = generateTransactions(1_000_000, { seed: 1 });
console.log('generateTransactions(1e6) ms', (performance.now() - t0).toFixed(0), tx.length);
t0 = performance.now();
const csv = toDelimited(table);
console.log('toDelimited(customers 1e6) ms', (performance.now() - t0).toFixed(0));
const mb = Buffer.byteLength(csv) / 1e6;
let best = 0, bestPapa = 0;
for (let r = 0; r < 3; r++) {
  t0 = performance.now();
  let rows: string[][] | null = parseDelimited(csv).rows;
  best = Math.max(best, mb / (performance.now() - t0) * 1000);
  rows = null;
  t0 = performance.now();
  let p: unknown = Papa.parse(csv, { delimiter: ',' });
  bestPapa = Math.max(bestPapa, mb / (performance.now() - t0) * 1000);
  p = null;
}
console.log(`${mb.toFixed(0)} MB, 1,000,001 rows: parseDelimited best ${best.toFixed(1)} MB/s; papaparse best ${bestPapa.toFixed(1)} MB/s`);
