import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBytes, isUtf8 } from '../../../shared/csv/decode-bytes';
import { readDelimited } from '../../../shared/csv/read-delimited';
import { parseDelimited } from '../../../shared/csv/parse-delimited';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url))));

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const utf16le = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf16le'));
const utf16be = (s: string): Uint8Array => {
  const le = utf16le(s);
  const be = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return be;
};
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('decodeBytes: fixtures written with iconv', () => {
  const reference = decodeBytes(fixture('customers-utf8.csv'));

  it('plain UTF-8', () => {
    expect(reference.encoding).toBe('utf-8');
    expect(reference.text.startsWith('客户编号,客户名称,邮箱')).toBe(true);
    expect(reference.text).toContain('上海华东精密机械有限公司');
  });

  it('UTF-8 with BOM: same text, BOM stripped', () => {
    const r = decodeBytes(fixture('customers-utf8-bom.csv'));
    expect(r).toMatchObject({ text: reference.text, encoding: 'utf-8' });
    expect(r.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('GB18030 (Chinese Excel "CSV"): same text', () => {
    const bytes = fixture('customers-gb18030.csv');
    expect(bytes.length).toBeLessThan(fixture('customers-utf8.csv').length); // 2 bytes per hanzi, not 3
    expect(decodeBytes(bytes)).toMatchObject({ text: reference.text, encoding: 'gb18030' });
  });

  it('UTF-16LE with BOM, tab-separated (Excel "Unicode text"): same rows', () => {
    const r = decodeBytes(fixture('customers-utf16le-bom.txt'));
    expect(r.encoding).toBe('utf-16le');
    expect(r.text.charCodeAt(0)).not.toBe(0xfeff);
    const tsv = parseDelimited(r.text);
    const csv = parseDelimited(reference.text);
    expect(tsv.delimiter).toBe('\t');
    expect(csv.delimiter).toBe(',');
    expect(tsv.rows).toEqual(csv.rows);
    expect(csv.rows).toHaveLength(7);
    expect(csv.rows[1]).toEqual([
      'C001',
      '上海华东精密机械有限公司',
      'li.wei@huadong.com.cn',
      '王芳',
      '华东',
      '¥1,234,500.00',
      '980000',
      '高度满意',
      '2026-10-12',
    ]);
    expect(csv.rows[4]![1]).toBe('深圳"鹏城"物流有限公司');
  });

  it('UTF-16LE without BOM is recognised by its NUL bytes', () => {
    const bom = fixture('customers-utf16le-bom.txt');
    expect(decodeBytes(bom.subarray(2)).encoding).toBe('utf-16le');
    expect(decodeBytes(bom.subarray(2)).text).toBe(decodeBytes(bom).text);
  });
});

describe('decodeBytes: in-memory cases', () => {
  it.each([
    ['UTF-16BE with BOM', concat(new Uint8Array([0xfe, 0xff]), utf16be('名称\tA\r\n')), 'utf-16be'],
    ['UTF-16BE without BOM', utf16be('名称\tAmount\r\nAcme\t12\r\n'), 'utf-16be'],
    ['UTF-16LE without BOM', utf16le('Name,Amount\r\n华为,12\r\n'), 'utf-16le'],
  ] as const)('%s', (_, bytes, encoding) => {
    const r = decodeBytes(bytes);
    expect(r.encoding).toBe(encoding);
    expect(r.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('empty input is empty UTF-8', () => {
    expect(decodeBytes(new Uint8Array())).toMatchObject({ text: '', encoding: 'utf-8' });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf]))).toMatchObject({ text: '', encoding: 'utf-8' });
  });

  it('GBK bytes of 客户 (BF CD BB A7) are not UTF-8 and decode as GB18030', () => {
    expect(decodeBytes(new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7, 0x2c, 0x31]))).toMatchObject({
      text: '客户,1',
      encoding: 'gb18030',
    });
  });

  it('a BOM-like character inside the text is kept', () => {
    expect(decodeBytes(utf8('a\ufeffb')).text).toBe('a\ufeffb');
  });

  it('property: UTF-8 bytes of any string decode to that string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const text = s.replace(/^\ufeff/, '').replaceAll('\u0000', '');
        expect(decodeBytes(utf8(text))).toMatchObject({ text, encoding: 'utf-8', confidence: 1, fallbackLines: [] });
      }),
      { numRuns: 500 },
    );
  });

  it('property: UTF-8 with BOM decodes to the same string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(decodeBytes(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(s))).text).toBe(s);
      }),
      { numRuns: 300 },
    );
  });

  it('property: UTF-16LE with BOM decodes to the same string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(decodeBytes(concat(new Uint8Array([0xff, 0xfe]), utf16le(s)))).toMatchObject({ text: s, encoding: 'utf-16le' });
      }),
      { numRuns: 300 },
    );
  });
});

/** Split bytes after each LF (the line keeps its LF). */
const byteLines = (bytes: Uint8Array): Uint8Array[] => {
  const out: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0x0a) continue;
    out.push(bytes.subarray(start, i + 1));
    start = i + 1;
  }
  if (start < bytes.length) out.push(bytes.subarray(start));
  return out;
};

describe('decodeBytes: per-file decision, per-line fallback', () => {
  const reference = decodeBytes(fixture('customers-utf8.csv')).text;
  const gbLines = byteLines(fixture('customers-gb18030.csv'));
  const u8Lines = byteLines(fixture('customers-utf8.csv'));

  it('a UTF-8 BOM over a GB18030 body is read as GB18030: the customers stay apart', () => {
    const r = decodeBytes(concat(new Uint8Array([0xef, 0xbb, 0xbf]), fixture('customers-gb18030.csv')));
    expect(r.encoding).toBe('gb18030');
    expect(r.bom).toBe(true);
    expect(r.text).toBe(reference);
    expect(r.confidence).toBe(1);
    expect(parseDelimited(r.text).rows.map((row) => row[0])).toEqual(['客户编号', 'C001', 'C002', 'C003', 'C004', 'C005', 'C006']);
  });

  it('one GBK row in a UTF-8 file: the file stays UTF-8, that line is read as GB18030 and reported', () => {
    const bytes = concat(...u8Lines.map((l, i) => (i === 3 ? gbLines[3]! : l)));
    const r = decodeBytes(bytes);
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toBe(reference);
    expect(r.fallbackLines).toEqual([4]);
    expect(r.lineEncoding).toBe('gb18030');
    // 7 lines all hold Chinese; 6 of them are UTF-8.
    expect(r.confidence).toBeCloseTo(6 / 7, 12);
  });

  it('one UTF-8 row in a GB18030 file: the file is GB18030, that line UTF-8', () => {
    const bytes = concat(...gbLines.map((l, i) => (i === 2 ? u8Lines[2]! : l)));
    const r = decodeBytes(bytes);
    expect(r.encoding).toBe('gb18030');
    expect(r.text).toBe(reference);
    expect(r.fallbackLines).toEqual([3]);
    expect(r.lineEncoding).toBe('utf-8');
  });

  it('isUtf8 rejects overlongs, surrogates, truncated sequences and code points above U+10FFFF', () => {
    expect(isUtf8(utf8('客户 ok €'))).toBe(true);
    for (const bad of [[0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe5, 0xae], [0xff]]) expect(isUtf8(new Uint8Array(bad))).toBe(false);
  });

  it('property: isUtf8 agrees with a fatal TextDecoder on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let ok = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          ok = false;
        }
        expect(isUtf8(bytes)).toBe(ok);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('readDelimited: the notices', () => {
  it('names the encoding, the mixed lines and the stray quotes, in both languages', () => {
    const u8Lines = byteLines(fixture('customers-utf8.csv'));
    const gbLines = byteLines(fixture('customers-gb18030.csv'));
    const bytes = concat(...u8Lines.map((l, i) => (i === 3 ? gbLines[3]! : l)));
    const en = readDelimited(bytes, 'en');
    expect(en.encoding).toBe('utf-8');
    expect(en.rows).toHaveLength(7);
    expect(en.notices.map((n) => n.message)).toEqual([
      'the file was read as UTF-8, but only 86% of its non-ASCII lines fit that encoding; check the text for garbled characters',
      "line 4 (1 in all) is not in the file's encoding and was read as GB18030; please check",
    ]);
    const zh = readDelimited(concat(new Uint8Array([0xef, 0xbb, 0xbf]), fixture('customers-gb18030.csv')), 'zh');
    expect(zh.notices.map((n) => n.message)).toEqual(['文件按 GB18030 (带 BOM) 编码读取']);
  });

  it('a stray quote becomes a notice on its row', () => {
    const r = readDelimited('id,name\n1,a\n2,"b\n3,c\n', 'en');
    expect(r.rows).toEqual([['id', 'name'], ['1', 'a'], ['2', '"b'], ['3', 'c']]);
    expect(r.encoding).toBeNull();
    expect(r.notices).toEqual([
      {
        row: 3,
        code: 'stray_quote',
        message: 'row 3, column 2 has a quote that is never closed; it was read as an ordinary character (otherwise the next 2 rows would have merged into that cell) — please check that row',
      },
    ]);
  });
});
