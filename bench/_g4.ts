import { generateCustomers } from '../shared/sample/generate-customers';
const before = process.memoryUsage().heapUsed;
const t0 = performance.now();
const t = generateCustomers(1_000_000, { seed: 7 });
const ms = performance.now() - t0;
(globalThis as any).gc?.();
console.log('ms', ms.toFixed(0), 'bytes/row', ((process.memoryUsage().heapUsed - before) / 1e6).toFixed(0), t.length);
