import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { splitDelimited } from '../../../shared/csv/split-delimited';
import { guessLineBreak } from '../../../shared/csv/parse-delimited';
import { toDelimited } from '../../../shared/csv/to-delimited';

function split(text: string, delimiter = ',', linebreak = '\n'): string[][] | null {
  const rows: string[][] = [['kept']];
  const ok = splitDelimited(text, delimiter, linebreak, rows);
  if (!ok) {
    expect(rows).toEqual([['kept']]); // rows left as they were
    return null;
  }
  expect(rows[0]).toEqual(['kept']);
  return rows.slice(1);
}

function papa(text: string, delimiter: string, linebreak: string) {
  return Papa.parse<string[]>(text, { delimiter, newline: linebreak, skipEmptyLines: false });
}

describe('splitDelimited', () => {
  it('plain lines, blank lines, ragged rows, the empty row after a final line break (as Papa Parse gives it)', () => {
    expect(split('a,b\n\n1\n1,2,3\n')).toEqual([['a', 'b'], [''], ['1'], ['1', '2', '3'], ['']]);
    expect(split('a,b')).toEqual([['a', 'b']]);
    expect(split('')).toEqual([]);
    expect(split('a,\n,b')).toEqual([
      ['a', ''],
      ['', 'b'],
    ]);
  });

  it('quoted fields: delimiters, doubled quotes, line breaks inside; quotes inside unquoted fields kept', () => {
    expect(split('n,"a, b","say ""hi""\nthere"\n"",5" pipe,x"y\n"end"')).toEqual([
      ['n', 'a, b', 'say "hi"\nthere'],
      ['', '5" pipe', 'x"y'],
      ['end'],
    ]);
    expect(split('"a"\n')).toEqual([['a'], ['']]);
    expect(split('x,"a"')).toEqual([['x', 'a']]);
    expect(split('x,""""')).toEqual([['x', '"']]);
  });

  it('only the chosen line break ends a row: CR inside a CRLF file and LF inside a CR file are characters', () => {
    expect(split('a\rb\r\nc\n"d\r\n"e"\r\n\n"\r\n', ',', '\r\n')).toEqual([['a\rb'], ['c\n"d'], ['e'], ['\n"'], ['']]);
    expect(split('a\nb\rc', ',', '\r')).toEqual([['a\nb'], ['c']]);
    expect(split('a\tb\t"c\td"\r\n1\t2\t3', '\t', '\r\n')).toEqual([
      ['a', 'b', 'c\td'],
      ['1', '2', '3'],
    ]);
  });

  it('wide rows (200 cells, past the first columns the cell cache covers) and repeated short cells', () => {
    const line = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? '0' : `c${i}`)).join(',');
    const text = `${line}\n${line}\n"q",${line}\n`;
    expect(split(text)).toEqual(papa(text, ',', '\n').data);
    expect(split(text)![2]!.length).toBe(201);
  });

  it('a one-column file whose lines hold quotes inside their text (no delimiter anywhere) reads line by line', () => {
    const text = 'x"y\n"q"\n'.repeat(50_000);
    const rows = split(text)!;
    expect(rows.length).toBe(100_001);
    expect(rows.slice(0, 2)).toEqual([['x"y'], ['q']]);
    expect(rows).toEqual(papa(text, ',', '\n').data);
  });

  it('a large file without any quote, rows of several widths, CRLF: every line cut as Papa Parse cuts it', () => {
    const lines = Array.from({ length: 60_000 }, (_, i) => (i % 7 === 3 ? `客户${i},${i % 5}` : i % 11 === 5 ? '' : `C${i},华东,${i % 3},2026-01-0${i % 9},x`));
    const text = `${lines.join('\r\n')}\r\n`;
    const rows = split(text, ',', '\r\n')!;
    expect(rows.length).toBe(60_001);
    expect(rows.slice(2, 6)).toEqual([['C2', '华东', '2', '2026-01-02', 'x'], ['客户3', '3'], ['C4', '华东', '1', '2026-01-04', 'x'], ['']]);
    expect(rows).toEqual(papa(text, ',', '\r\n').data);
  });

  it('looks for quotes once per quote, not once per line (a text without quotes is searched for one once)', () => {
    const indexOf = vi.spyOn(String.prototype, 'indexOf');
    try {
      split('a,b\n1,2\n3,4\n5,6\n');
      split('a,b\n"1",2\n3,4\n5,6\n');
      const quoteSearches = indexOf.mock.calls.filter(([search]) => search === '"').length;
      // The first text once; the second at its start, for the closing quote, and after that line.
      expect(quoteSearches).toBe(1 + 3);
    } finally {
      indexOf.mockRestore();
    }
  });

  it('gives up, leaving the rows as they were, on quoting that is not plain RFC 4180', () => {
    expect(split('a,b\n"open,1\n2,3\n')).toBeNull();
    expect(split('a,b\n"ab"cd,1\n')).toBeNull();
    expect(split('a,b\n"ab" ,1\n')).toBeNull(); // blanks after the closing quote: Papa Parse decides
    expect(split('"a""')).toBeNull();
  });

  it('property: on random text with quotes, rows equal Papa Parse whenever it reads without quote errors, and it gives up whenever Papa Parse finds one', () => {
    const unit = fc.constantFrom('a', 'b', ' ', ',', ';', '\t', '"', '\n', '\r', '客', '1');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), fc.constantFrom(',', ';', '\t'), fc.constantFrom('\n', '\r\n', '\r'), (text, delimiter, linebreak) => {
        const ours = split(text, delimiter, linebreak);
        const ref = papa(text, delimiter, linebreak);
        const quoteErrors = ref.errors.some((e) => e.type === 'Quotes');
        if (ours !== null) {
          expect(quoteErrors).toBe(false);
          expect(ours).toEqual(ref.data);
        }
        if (quoteErrors) expect(ours).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it('property: well-formed CSV (as toDelimited writes it) never makes it give up and reads as Papa Parse reads it', () => {
    const cell = fc.oneof(fc.string({ unit: fc.constantFrom('a', ' ', ',', ';', '\t', '"', '\n', '\r', '客'), maxLength: 8 }), fc.string({ maxLength: 5 }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), fc.constantFrom(',', ';', '\t'), (table, delimiter) => {
        const text = toDelimited(table, delimiter, { formulas: 'keep' });
        const ours = split(text, delimiter, '\r\n');
        expect(ours).toEqual(papa(text, delimiter, '\r\n').data);
        expect(ours!.slice(0, -1)).toEqual(table);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('guessLineBreak', () => {
  it.each([
    ['a,b\r\n1,2\r\n', '\r\n'],
    ['a,b\n1,2\r\n', '\n'],
    ['a,b\r1,2\r', '\r'],
    ['"x\r\ny",b\n1,2\n', '\n'],
    ['one line', '\n'],
    ['', '\n'],
  ])('%j → %j (as Papa Parse guesses)', (text, linebreak) => {
    expect(guessLineBreak(text, ',')).toBe(linebreak);
    expect(Papa.parse(text, { delimiter: ',' }).meta.linebreak).toBe(linebreak);
  });
});
