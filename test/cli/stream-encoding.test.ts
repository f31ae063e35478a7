/**
 * decideEncoding records the lines of the other encoding as its vote counts them, up to a bound,
 * and past it in a pass of their own: both ways give the same decision and the same lines.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ByteSource } from '../../cli/byte-source';
import { decideEncoding, sniffEncoding } from '../../cli/stream-encoding';

const utf8 = (t: string) => [...new TextEncoder().encode(t)];

/** The bytes in chunks of the given sizes (the mark cut between the first ones too). */
function source(bytes: Uint8Array, sizes: number[]): ByteSource {
  const chunks: Uint8Array[] = [];
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const n = sizes[k % sizes.length]!;
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

describe('sniffEncoding', () => {
  /** A source whose chunks are counted as they are read. */
  function counted(chunks: Uint8Array[]): { source: ByteSource; pulled: () => number } {
    let pulled = 0;
    return {
      source: {
        name: 't.csv',
        size: null,
        *chunks() {
          for (const c of chunks) {
            pulled++;
            yield c;
          }
        },
      },
      pulled: () => pulled,
    };
  }

  it('looks at a mark cut between the first chunks, over empty chunks, and reads no chunk past its first 4 KB', () => {
    const body = new TextEncoder().encode(`id,name\n${'C1,华东\n'.repeat(2000)}`);
    const marked = (cuts: number[]) => {
      const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
      const chunks: Uint8Array[] = [];
      let at = 0;
      for (const n of cuts) {
        chunks.push(bytes.subarray(at, at + n));
        at += n;
      }
      chunks.push(bytes.subarray(at, at + 4096), bytes.subarray(at + 4096));
      return counted(chunks);
    };
    for (const cuts of [[1], [1, 0, 2], [2, 0], [0, 1, 1, 1]]) {
      const { source, pulled } = marked(cuts);
      expect(sniffEncoding(source, 'en')).toMatchObject({ name: 'utf-8', skip: 3 });
      // The cut chunks and the 4 KB one: the last chunk, past the first 4 KB, is never read.
      expect(pulled()).toBe(cuts.length + 1);
    }
    const le = counted([new Uint8Array([0xff]), new Uint8Array([0xfe, 0x61, 0x00])]);
    expect(sniffEncoding(le.source, 'en')).toMatchObject({ name: 'utf-16le', skip: 2 });
    expect(sniffEncoding(counted([new Uint8Array(0), new Uint8Array(0)]).source, 'en')).toBeNull();
  });
});
