import { generateCustomers } from '../shared/sample/generate-customers';
for (const n of [100_000, 300_000, 1_000_000]) {
  const t0 = performance.now();
  const t = generateCustomers(n, { seed: 7 });
  console.log(n, 'ms', (performance.now() - t0).toFixed(0), t.length);
}
