/**
 * A transaction log streamed from a file keeps what its customers need, not the file's text: cells
 * cut from a large text share it (V8 slices strings of 13 characters or more), so every kept cell —
 * keys, the date cells remembered with their day, the values quoted by errors — must be a copy.
 * Timestamped dates ("2023-01-01 08:26:00", 19 characters, a new one on nearly every row) and rows
 * with an unreadable amount are the cases that used to keep the whole text alive.
 */
import { describe, expect, it } from 'vitest';
import v8 from 'node:v8';
import vm from 'node:vm';
import { readTableSource } from '../../cli/read-table-file';
import { RowStreamAnalysis } from '../../shared/row-stream-analysis';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('a timestamped log streamed from a file', () => {
  it('holds a small part of the file once its rows are read (the text is let go)', () => {
    const pad = 'x'.repeat(120);
    const lines = ['Customer ID,Date,Amount,Note'];
    for (let i = 0; i < 160_000; i++) {
      const t = new Date(Date.UTC(2023, 0, 1) + i * 37_000).toISOString();
      const amount = i % 1000 === 7 ? 'twelve dollars and fifty cents' : String((i % 997) / 10);
      lines.push(`Customer-number-${i % 3000},${t.slice(0, 10)} ${t.slice(11, 19)},${amount},${pad}${i}`);
    }
    let bytes: Uint8Array | null = new TextEncoder().encode(`${lines.join('\n')}\n`);
    lines.length = 0;
    const size = bytes.length;
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < size; at += 1 << 20) chunks.push(bytes.slice(at, at + (1 << 20)));
    bytes = null;
    const before = heapAfterGc();
    const stream = new RowStreamAnalysis({ lang: 'en', model: false });
    readTableSource({ name: 'log.csv', size, chunks: () => chunks }, 'en', undefined, (rows, first) => stream.push(rows, first));
    chunks.length = 0;
    const held = heapAfterGc() - before;
    // The file is about 27 MB of text; 3,000 keys, 160 rows with an unreadable amount (every row of
    // keys 7, 1007 and 2007, whose rows all have i ≡ 7 mod 1000: 2,997 customers).
    expect(size).toBeGreaterThan(20e6);
    expect(held).toBeLessThan(size / 4);
    const a = stream.finish();
    expect(a.customers.length).toBe(2997);
    expect(a.errors.length).toBe(160);
  }, 60_000);
});
