import { generateCustomers } from '../shared/sample/generate-customers';
import { toDelimited } from '../shared/csv/to-delimited';
import { parseDelimited } from '../shared/csv/parse-delimited';
import { decodeBytes } from '../shared/csv/decode-bytes';
let t0 = performance.now();
const table = generateCustomers(1_000_000, { seed: 1 });
console.log('generateCustomers 1M ms', (performance.now() - t0).toFixed(0));
t0 = performance.now();
const csv = toDelimited(table);
console.log('toDelimited ms', (performance.now() - t0).toFixed(0));
const bytes = new TextEncoder().encode(csv);
const mb = bytes.length / 1e6;
console.log('CSV MB', mb.toFixed(1));
for (let r = 0; r < 3; r++) {
  t0 = performance.now();
  const { text } = decodeBytes(bytes);
  const t1 = performance.now();
  const parsed = parseDelimited(text);
  const t2 = performance.now();
  console.log(`decode ${(t1 - t0).toFixed(0)}ms (${(mb / (t1 - t0) * 1000).toFixed(0)} MB/s), parse ${(t2 - t1).toFixed(0)}ms = ${(mb / (t2 - t1) * 1000).toFixed(1)} MB/s rows ${parsed.rows.length} delim ${JSON.stringify(parsed.delimiter)}`);
}
