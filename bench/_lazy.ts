import { analyzeLazily } from '../shared/analyze';
import { generateCustomers } from '../shared/sample/generate-customers';
const N = Number(process.env.N ?? 200000);
const table = generateCustomers(N, { seed: 7, asOf: '2026-11-28' });
analyzeLazily(table.slice(0, 20000), { asOf: '2026-11-28' });
const rss0 = process.memoryUsage().rss / 2 ** 20;
const t0 = performance.now();
const a = analyzeLazily(table, { asOf: '2026-11-28' });
console.log('analyzeLazily', (performance.now() - t0).toFixed(0), 'ms', a.customers.length, 'rss before', rss0.toFixed(0), 'after', (process.memoryUsage().rss / 2 ** 20).toFixed(0));
