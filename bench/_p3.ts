import { generateCustomers } from '../shared/sample/generate-customers';
import { generateTransactions } from '../shared/sample/generate-transactions';
import { toDelimited } from '../shared/csv/to-delimited';
import { parseDelimited } from '../shared/csv/parse-delimited';
import { decodeBytes } from '../shared/csv/decode-bytes';
import Papa from 'papaparse';
const which = process.argv[2] ?? 'customers';
let t0 = performance.now();
const table = which === 'customers' ? generateCustomers(1_000_000, { seed: 1 }) : generateTransactions(1_000_000, { seed: 1 });
console.log(which, '1M generate ms', (performance.now() - t0).toFixed(0));
t0 = performance.now();
const csv = toDelimited(table);
console.log('toDelimited ms', (performance.now() - t0).toFixed(0));
const bytes = new TextEncoder().encode(csv);
const mb = bytes.length / 1e6;
console.log('CSV MB (UTF-8)', mb.toFixed(1));
for (let r = 0; r < 3; r++) {
  t0 = performance.now();
  const { text } = decodeBytes(bytes);
  const t1 = performance.now();
  const parsed = parseDelimited(text);
  const t2 = performance.now();
  const papa = Papa.parse<string[]>(text, { delimiter: ',' });
  const t3 = performance.now();
  console.log(`decode ${(mb / (t1 - t0) * 1000).toFixed(0)} MB/s; parseDelimited ${(t2 - t1).toFixed(0)} ms = ${(mb / (t2 - t1) * 1000).toFixed(1)} MB/s (${parsed.rows.length} rows); papaparse ${(mb / (t3 - t2) * 1000).toFixed(1)} MB/s`);
}
