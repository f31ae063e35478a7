import { generateCustomers } from '../shared/sample/generate-customers';
import { toDelimited } from '../shared/csv/to-delimited';
import { parseDelimited } from '../shared/csv/parse-delimited';
import { parseRows } from './_hybrid';
let t0 = performance.now();
const table = generateCustomers(300_000, { seed: 1 });
console.log('gen ms', (performance.now() - t0).toFixed(0));
t0 = performance.now();
const csv = toDelimited(table);
console.log('toDelimited ms', (performance.now() - t0).toFixed(0));
const mb = Buffer.byteLength(csv) / 1e6;
for (let r = 0; r < 3; r++) {
  t0 = performance.now();
  const a = parseDelimited(csv);
  const t1 = performance.now();
  const b = parseRows(csv, ',');
  const t2 = performance.now();
  console.log(`papa ${(mb / (t1 - t0) * 1000).toFixed(1)} MB/s, hybrid ${(mb / (t2 - t1) * 1000).toFixed(1)} MB/s, same=${JSON.stringify(a.rows) === JSON.stringify(b.slice(0, a.rows.length)) } ${a.rows.length} ${b.length}`);
}
