import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBytes } from '../../../shared/csv/decode-bytes';
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
    expect(r).toEqual({ text: reference.text, encoding: 'utf-8' });
    expect(r.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('GB18030 (Chinese Excel "CSV"): same text', () => {
    const bytes = fixture('customers-gb18030.csv');
    expect(bytes.length).toBeLessThan(fixture('customers-utf8.csv').length); // 2 bytes per hanzi, not 3
    expect(decodeBytes(bytes)).toEqual({ text: reference.text, encoding: 'gb18030' });
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
    expect(decodeBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('GBK bytes of 客户 (BF CD BB A7) are not UTF-8 and decode as GB18030', () => {
    expect(decodeBytes(new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7, 0x2c, 0x31]))).toEqual({
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
        const text = s.replace(/^\ufeff/, '').replace(/\u0000/g, '');
        expect(decodeBytes(utf8(text))).toEqual({ text, encoding: 'utf-8' });
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
        expect(decodeBytes(concat(new Uint8Array([0xff, 0xfe]), utf16le(s)))).toEqual({ text: s, encoding: 'utf-16le' });
      }),
      { numRuns: 300 },
    );
  });
});
