import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readTableSource } from '../../cli/read-table-file';
import type { ByteSource } from '../../cli/byte-source';
import { decodeBytesFast } from '../../cli/ascii-text';
import { decodeBytes } from '../../shared/csv/decode-bytes';
import { parseDelimited } from '../../shared/csv/parse-delimited';

/** Bytes in chunks of the given sizes; `streamed` declares a size past the whole-file limit, so the chunked reader runs. */
function source(bytes: Uint8Array, sizes: number[], streamed: boolean): ByteSource {
  const chunks: Uint8Array[] = [];
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const n = Math.max(1, sizes[k % sizes.length]!);
    chunks.push(bytes.subarray(at, at + n));
    at += n;
  }
  return { name: 't.csv', size: streamed ? 1 << 30 : bytes.length, chunks: () => chunks };
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('readTableSource: whole and chunked reading give the rows of parseDelimited', () => {
  it('property: UTF-8 text mixing ASCII lines and Chinese cells, cut into chunks that split characters', () => {
    const cell = fc.oneof(fc.constantFrom('C001', '0', '2026-01-02', '华东', '上海华东精密机械有限公司', '"a, b"', '"x ""y"""', 'z"q', ''), fc.stringMatching(/^[a-z0-9]{0,5}$/));
    const line = fc.array(cell, { minLength: 3, maxLength: 3 }).map((c) => c.join(','));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 5 }), fc.boolean(), fc.boolean(), (lines, sizes, bom, streamed) => {
        const text = `id,名称,金额\n${lines.join('\n')}\n`;
        const bytes = utf8((bom ? '\ufeff' : '') + text);
        const read = readTableSource(source(bytes, sizes, streamed), 'en');
        expect(read.encoding).toBe('utf-8');
        expect(read.table).toEqual(parseDelimited(text).rows);
        // The same rows handed out as they are read (the UTF-8 check comes first, characters split across chunks).
        const handed: string[][] = [];
        const streamedRead = readTableSource(source(bytes, sizes, streamed), 'en', undefined, (rows, first) => {
          expect(first).toBe(handed.length);
          handed.push(...rows);
        });
        expect(streamedRead.encoding).toBe('utf-8');
        expect(streamedRead.table).toEqual([]);
        expect(streamedRead.rowCount).toBe(handed.length);
        expect(handed).toEqual(read.table);
      }),
      { numRuns: 200 },
    );
  });

  it('handing rows out: a GBK byte far into a large file still makes the whole file GB18030 (checked before any row is handed out)', () => {
    const head = utf8('id,region\n'.concat('C1,x\n'.repeat(50)));
    const bytes = new Uint8Array([...head, ...utf8('C2,'), 0xbb, 0xaa, 0xb6, 0xab, 0x0a]);
    const handed: string[][] = [];
    const read = readTableSource(source(bytes, [64], true), 'en', undefined, (rows) => handed.push(...rows));
    expect(read.encoding).toBe('gb18030');
    expect(handed.at(-1)).toEqual(['C2', '华东']);
    expect(handed.length).toBe(read.rowCount);
  });

  it('chunked: bytes that are not UTF-8 after an ASCII start make the whole file GB18030, as decodeBytes decides', () => {
    const gbk = new Uint8Array([0xbb, 0xaa, 0xb6, 0xab]); // 华东 in GBK
    const head = utf8('id,region\n'.concat('C1,x\n'.repeat(50)));
    const bytes = new Uint8Array([...head, ...utf8('C2,'), ...gbk, 0x0a]);
    const read = readTableSource(source(bytes, [64], true), 'en');
    expect(read.encoding).toBe('gb18030');
    expect(read.table.at(-1)).toEqual(['C2', '华东']);
  });
});

describe('readTableSource: a file in one encoding read as a stream is read and named as the file read whole', () => {
  const gbk = [0xbb, 0xaa, 0xb6, 0xab]; // 华东 in GBK
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `C${i},`);
  const cases: [string, Uint8Array][] = [
    ['UTF-8', utf8(`id,region\n${lines(200).join('华东\n')}华东\n`)],
    ['UTF-8 with a mark', utf8(`\ufeffid,region\n${lines(200).join('华东\n')}华东\n`)],
    ['GB18030 under a UTF-8 mark', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('id,region\n'), ...lines(200).flatMap((l) => [...utf8(l), ...gbk, 0x0a])])],
    ['GB18030', new Uint8Array([...utf8('id,region\n'), ...lines(200).flatMap((l) => [...utf8(l), ...gbk, 0x0a])])],
    ['UTF-16LE with a mark', new Uint8Array([0xff, 0xfe, ...Array.from('id\tregion\r\nC1\t华东\r\n').flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])])],
  ];
  it.each(cases)('%s: the same rows, encoding and notices, rows kept or handed out', (_, bytes) => {
    for (const lang of ['en', 'zh'] as const) {
      const whole = readTableSource(source(bytes, [1 << 20], false), lang);
      for (const sizes of [[64], [1 << 20]]) {
        expect(readTableSource(source(bytes, sizes, true), lang)).toEqual(whole);
        const handed: string[][] = [];
        const read = readTableSource(source(bytes, sizes, true), lang, undefined, (rows) => handed.push(...rows));
        expect(handed).toEqual(whole.table);
        expect({ ...read, table: whole.table }).toEqual(whole);
      }
    }
  });
});

describe('readTableSource: a file read as a stream with lines in another encoding reads as the file read whole', () => {
  const gbk = [0xbb, 0xaa, 0xb6, 0xab]; // 华东 in GBK
  const gbkLine = [...utf8('C77,'), ...gbk, 0x0a];
  const utf8Lines = (n: number) => utf8(Array.from({ length: n }, (_, i) => `C${i},华东\n`).join(''));
  const gbLines = (n: number, end = '\n') => Array.from({ length: n }, (_, i) => [...utf8(`C${i},`), ...gbk, ...utf8(end)]).flat();

  /** The file read whole, and as a stream in chunks of each size: the same rows and notices, kept or handed out. */
  function expectAsWhole(bytes: Uint8Array, sizes: number[][] = [[64], [97, 5], [1 << 20]]) {
    const whole = readTableSource(source(bytes, [1 << 20], false), 'en');
    for (const size of sizes) {
      expect(readTableSource(source(bytes, size, true), 'en')).toEqual(whole);
      const handed: string[][] = [];
      const read = readTableSource(source(bytes, size, true), 'en', undefined, (rows) => handed.push(...rows));
      expect(handed).toEqual(whole.table);
      expect({ ...read, table: whole.table }).toEqual(whole);
    }
    return whole;
  }

  it.each([
    ['with a UTF-8 mark', [0xef, 0xbb, 0xbf]],
    ['without a mark', []],
  ])('a UTF-8 file %s and one GBK line: that line read in GB18030, and named', (_, mark) => {
    const whole = expectAsWhole(new Uint8Array([...mark, ...utf8('id,region\n'), ...utf8Lines(60), ...gbkLine, ...utf8Lines(39)]));
    expect(whole.encoding).toBe('utf-8');
    expect(whole.table[61]).toEqual(['C77', '华东']);
    expect(whole.notices.map((n) => n.code)).toEqual(['encoding_mixed', 'encoding_lines']);
    expect(whole.notices[0]!.message).toMatch(/99%/);
    expect(whole.notices[1]!.message).toMatch(/\b62\b/);
  });

  it('a UTF-8 file with a line that is neither UTF-8 nor GB18030: read with replacement characters, not named', () => {
    const whole = expectAsWhole(new Uint8Array([...utf8('id,region\n'), ...utf8Lines(30), ...utf8('C77,'), 0xff, 0x0a, ...utf8Lines(9)]));
    expect(whole.encoding).toBe('utf-8');
    expect(whole.table[31]).toEqual(['C77', '\ufffd']);
    expect(whole.notices.map((n) => n.code)).toEqual(['encoding_mixed']);
  });

  it('a GB18030 file with a few UTF-8 lines: those read in UTF-8, and named', () => {
    const whole = expectAsWhole(new Uint8Array([...utf8('id,region\n'), ...gbLines(30), ...utf8Lines(10)]));
    expect(whole.encoding).toBe('gb18030');
    expect(whole.table[31]).toEqual(['C0', '华东']);
    expect(whole.notices[0]!.message).toMatch(/75%/);
    expect(whole.notices.map((n) => n.code)).toEqual(['encoding_mixed', 'encoding_lines']);
  });

  it('a GB18030 file whose bytes are cut anywhere, even just before its last byte (the decoder is given whole lines)', () => {
    for (const end of ['\n', '\r\n']) {
      // The last line is UTF-8 ("华1"): in GB18030, a sequence Node's decoder once failed on when cut before the line break.
      const bytes = new Uint8Array([...utf8(`id,region${end}`), ...gbLines(30, end), ...utf8(`C99,华1${end}`)]);
      const whole = readTableSource(source(bytes, [1 << 20], false), 'en');
      expect(whole.table.at(-1)).toEqual(['C99', '华1']);
      for (let cut = 1; cut < bytes.length; cut++) {
        const chunks = [bytes.subarray(0, cut), bytes.subarray(cut)];
        expect(readTableSource({ name: 't.csv', size: 1 << 30, chunks: () => chunks }, 'en')).toEqual(whole);
      }
    }
  });

  it('an old-Mac GB18030 file (line breaks CR only, one line as the lines vote) cut anywhere', () => {
    const bytes = new Uint8Array([...utf8('id,region\r'), ...gbLines(20, '\r')]);
    const whole = readTableSource(source(bytes, [1 << 20], false), 'en');
    expect(whole.encoding).toBe('gb18030');
    for (let cut = 1; cut < bytes.length; cut += 7) {
      const chunks = [bytes.subarray(0, cut), bytes.subarray(cut)];
      expect(readTableSource({ name: 't.csv', size: 1 << 30, chunks: () => chunks }, 'en')).toEqual(whole);
    }
  });

  it('property: random files mixing UTF-8, GBK and invalid bytes, line breaks of each kind, quoted fields over lines, a mark or not, cut into chunks of a few bytes, read as they read whole', () => {
    const bytesOf = (t: string) => [...utf8(t)];
    const piece = fc.oneof(
      fc.constantFrom(bytesOf('abc'), bytesOf('12'), bytesOf('华东'), bytesOf('😀'), bytesOf('é'), bytesOf(''), bytesOf(' ')),
      fc.constantFrom(
        [0xbb, 0xaa, 0xb6, 0xab], // 华东 in GBK
        [0x81, 0x30, 0x81, 0x30], // a four-byte GB18030 character
        [0xc0, 0x80], // overlong
        [0xed, 0xa0, 0x80], // a surrogate
        [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
        [0x80],
        [0xff],
        [0xe2, 0x82], // cut short
      ),
    );
    const cell = fc.oneof(
      { weight: 5, arbitrary: fc.array(piece, { maxLength: 3 }).map((p) => p.flat()) },
      { weight: 1, arbitrary: fc.array(piece, { maxLength: 3 }).map((p) => [0x22, ...p.flat(), 0x0a, ...p.flat(), 0x22]) },
    );
    const file = fc.record({
      mark: fc.constantFrom<number[]>([], [0xef, 0xbb, 0xbf]),
      rows: fc.array(fc.array(cell, { minLength: 2, maxLength: 3 }), { minLength: 1, maxLength: 25 }),
      eol: fc.constantFrom([0x0a], [0x0d, 0x0a], [0x0d]),
      lastEol: fc.boolean(),
      sizes: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(file, ({ mark, rows, eol, lastEol, sizes }) => {
        const all = [[...bytesOf('id'), 0x2c, ...bytesOf('name')], ...rows.map((r) => r.flatMap((c, i) => (i ? [0x2c, ...c] : c)))];
        const body = all.flatMap((r, i) => (i < all.length - 1 || lastEol ? [...r, ...eol] : r));
        const bytes = new Uint8Array([...mark, ...body]);
        const read = (sizes: number[], streamed: boolean) => {
          try {
            return readTableSource(source(bytes, sizes, streamed), 'en');
          } catch (e) {
            return { error: (e as Error).message };
          }
        };
        // Chunks of any size, the mark cut between the first ones too.
        expect(read(sizes, true)).toEqual(read([1 << 20], false));
      }),
      { numRuns: 400 },
    );
  });

  it('a mark cut between chunks of 1 and 7 bytes leaves the UTF-8 line of a GB18030 file where it is (found by the property above)', () => {
    // A chunk holding only part of the mark once kept an empty piece, and the next bytes were then
    // placed two bytes early: the UTF-8 line 'é' was decoded as GB18030 ('茅').
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('id,name\n'), 0xc3, 0xa9, 0x2c, 0x22, 0x0a, 0x22, 0x0a, 0x2c, 0xbb, 0xaa, 0xb6, 0xab]);
    const whole = readTableSource(source(bytes, [1 << 20], false), 'en');
    expect(whole.table).toEqual([
      ['id', 'name'],
      ['é', '\n'],
      ['', '华东'],
    ]);
    for (const sizes of [[1, 7], [1], [2, 1], [3]]) expect(readTableSource(source(bytes, sizes, true), 'en')).toEqual(whole);
  });

  it('a file of control characters read as GB18030, without a line break (decoded only at its end), is named as binary', () => {
    const bytes = new Uint8Array([0xbb, 0xaa, ...Array.from({ length: 300 }, (_, i) => 1 + (i % 7))]);
    expect(() => readTableSource(source(bytes, [64], true), 'en')).toThrow(/binary|not text|二进制/i);
  });

  it('control characters: a file read as a stream, in chunks of any size, rows handed out or kept, is refused or read exactly as the file read whole', () => {
    const ctrl = String.fromCharCode(1);
    const files = [
      // Control characters in the first rows: not text.
      utf8(`id,name\n${ctrl.repeat(3)},x\n`),
      // Control characters only after the first 50 rows, short rows: text (hasControls looks at the first rows).
      utf8(`id,name\n${'C1,x\n'.repeat(60)}${ctrl.repeat(8)},y\n`),
      // UTF-16LE without a mark, a NUL among its first rows' characters: not text.
      new Uint8Array(Array.from('id,name\n\0abc,abc\n').flatMap((c) => [c.charCodeAt(0), 0])),
    ];
    const outcome = (bytes: Uint8Array, sizes: number[], streamed: boolean, handOut: boolean) => {
      try {
        const handed: string[][] = [];
        const read = readTableSource(source(bytes, sizes, streamed), 'en', undefined, handOut ? (rows) => handed.push(...rows) : undefined);
        return { rows: handOut ? handed : read.table };
      } catch (e) {
        return { error: (e as Error).message };
      }
    };
    for (const bytes of files) {
      const whole = outcome(bytes, [1 << 20], false, false);
      for (const sizes of [[1], [4], [8], [3, 1, 7], [1 << 20]])
        for (const handOut of [false, true]) expect(outcome(bytes, sizes, true, handOut)).toEqual(whole);
    }
    expect(outcome(files[0]!, [1 << 20], false, false)).toMatchObject({ error: expect.stringMatching(/binary|not text|二进制/i) });
    expect(outcome(files[1]!, [1 << 20], false, false)).toMatchObject({ rows: expect.any(Array) });
  });

  it('a share of agreeing lines just under 1 is never worded as 100%', () => {
    const bytes = new Uint8Array([...utf8('id,region\n'), ...utf8Lines(150), ...gbkLine, ...utf8Lines(49)]);
    expect(expectAsWhole(bytes, [[1 << 20]]).notices[0]!.message).toMatch(/only 99%/);
  });
});

describe('readTableSource on a whole file, rows handed out as they are parsed', () => {
  it('property: multi-megabyte files (quoted fields over lines, stray quotes, a GBK line, a BOM, a U+FEFF after it), read whole or in chunks, give the rows and notices of the reading that keeps them', () => {
    const plain = 'C000516,2023-11-30,563.97\n'.repeat(45_000);
    const quoted = 'C2,"华东, 上海\n第二行","x ""y"""\n'.repeat(9_000);
    const stray = 'C3,5 "inch,7\n';
    const gbkLine = new Uint8Array([0x43, 0x34, 0x2c, 0xbb, 0xaa, 0xb6, 0xab, 0x2c, 0x31, 0x0a]);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('plain', 'quoted', 'stray', 'gbk', 'blank'), { minLength: 1, maxLength: 5 }), fc.constantFrom('', '\ufeff', '\ufeff\ufeff'), fc.boolean(), (parts, mark, streamed) => {
        const chunks = parts.map((p) => (p === 'plain' ? utf8(plain) : p === 'quoted' ? utf8(quoted) : p === 'stray' ? utf8(stray) : p === 'blank' ? utf8('\n\n') : gbkLine));
        const bytes = new Uint8Array([...utf8(`${mark}客户编号,名称,金额\n`), ...chunks.flatMap((c) => [...c])]);
        const whole = readTableSource(source(bytes, [1 << 20], streamed), 'en');
        const handed: string[][] = [];
        const read = readTableSource(source(bytes, [1 << 20], streamed), 'en', undefined, (rows, first, at) => {
          expect(first).toBe(handed.length);
          expect(at.bytes).toBeLessThanOrEqual(streamed ? 1 << 30 : bytes.length);
          handed.push(...rows);
        });
        expect(handed).toEqual(whole.table);
        expect({ ...read, table: whole.table }).toEqual(whole);
      }),
      { numRuns: 15 },
    );
  });

  it('a file of control characters is named as binary before any row is handed out', () => {
    const bytes = utf8(`a,b\n${'\u0001\u0002,\u0003\n'.repeat(40)}`);
    let handed = 0;
    expect(() => readTableSource(source(bytes, [64], false), 'en', undefined, () => handed++)).toThrow(/binary|not text|二进制/i);
    expect(handed).toBe(0);
  });
});

describe('decodeBytesFast', () => {
  it('gives what decodeBytes gives: ASCII, UTF-8, BOM, UTF-16 without a mark (NUL bytes), GB18030', () => {
    const inputs = [
      utf8('a,b\n1,2\n'),
      utf8('客户,金额\n华为,1\n'),
      utf8('\ufeffa,b\n'),
      new Uint8Array([0x61, 0, 0x2c, 0, 0x62, 0, 0x0a, 0]),
      new Uint8Array([0xbb, 0xaa, 0xb6, 0xab, 0x2c, 0x31]),
      new Uint8Array(),
    ];
    for (const bytes of inputs) expect(decodeBytesFast(bytes)).toEqual(decodeBytes(bytes));
  });

  it('property: on multi-megabyte files (ASCII blocks, UTF-8 blocks, a GBK line somewhere, a BOM) it gives what decodeBytes gives', () => {
    const ascii = 'C000516,2023-11-30,563.97\n'.repeat(50_000);
    const chinese = 'C1,上海华东精密机械有限公司,5\n'.repeat(20_000);
    const gbkLine = new Uint8Array([0x43, 0x32, 0x2c, 0xbb, 0xaa, 0xb6, 0xab, 0x0a]);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('ascii', 'chinese', 'gbk'), { minLength: 1, maxLength: 4 }), fc.boolean(), (parts, bom) => {
        const chunks = parts.map((p) => (p === 'ascii' ? utf8(ascii) : p === 'chinese' ? utf8(chinese) : gbkLine));
        const bytes = new Uint8Array([...(bom ? [0xef, 0xbb, 0xbf] : []), ...utf8('客户编号,名称,金额\n'), ...chunks.flatMap((c) => [...c])]);
        expect(decodeBytesFast(bytes)).toEqual(decodeBytes(bytes));
      }),
      { numRuns: 12 },
    );
  });
});
