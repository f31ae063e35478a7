/**
 * decideEncoding records the lines of the other encoding as its vote counts them, up to a bound,
 * and past it in a pass of their own: both ways give the same decision and the same lines.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ByteSource } from '../../cli/byte-source';
import { decideEncoding, sniffEncoding } from '../../cli/stream-encoding';

const utf8 = (t: string) => [...new TextEncoder().encode(t)];

/** The bytes in chunks of the given sizes (the first holding the mark whole, as a file's first 4 MB does). */
function source(bytes: Uint8Array, sizes: number[]): ByteSource {
  const chunks: Uint8Array[] = [];
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const n = k === 0 ? Math.max(4, sizes[0]!) : sizes[k % sizes.length]!;
    chunks.push(bytes.subarray(at, at + n));
    at += n;
  }
  return { name: 't.csv', size: 1 << 30, chunks: () => chunks };
}

describe('decideEncoding', () => {
  it('property: lines recorded as the vote counts them, or in a pass of their own, are the same lines', () => {
    const line = fc.oneof(
      fc.constantFrom(utf8('C1,华东'), utf8('C2,abc'), utf8('C3,😀é')),
      fc.constantFrom([0x43, 0x34, 0x2c, 0xbb, 0xaa, 0xb6, 0xab], [0x43, 0x35, 0x2c, 0x81, 0x30, 0x81, 0x30], [0x43, 0x36, 0x2c, 0xff], [0xc0, 0x80]),
    );
    const file = fc.record({
      mark: fc.constantFrom<number[]>([], [0xef, 0xbb, 0xbf]),
      lines: fc.array(line, { minLength: 1, maxLength: 40 }),
      eol: fc.constantFrom([0x0a], [0x0d, 0x0a], [0x0d]),
      sizes: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 3 }),
      bound: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(file, ({ mark, lines, eol, sizes, bound }) => {
        const bytes = new Uint8Array([...mark, ...lines.flatMap((l) => [...l, ...eol])]);
        const sniffed = sniffEncoding(source(bytes, sizes), 'en')!;
        expect(decideEncoding(source(bytes, sizes), sniffed, bound)).toEqual(decideEncoding(source(bytes, sizes), sniffed));
      }),
      { numRuns: 500 },
    );
  });

  it('a UTF-8 file with more GBK lines than the vote records: each found in the pass of their own', () => {
    const bytes = new Uint8Array([...utf8('id,region\n'), ...Array.from({ length: 10 }, () => utf8('C1,华东\n')).flat(), ...Array.from({ length: 4 }, () => [0x43, 0x32, 0x2c, 0xbb, 0xaa, 0xb6, 0xab, 0x0a]).flat()]);
    const src = source(bytes, [1 << 20]);
    const decided = decideEncoding(src, sniffEncoding(src, 'en')!, 2);
    expect(decided.name).toBe('utf-8');
    expect(decided.fallback?.encoding).toBe('gb18030');
    expect(Array.from(decided.fallback!.lines)).toEqual([12, 13, 14, 15]);
  });
});
