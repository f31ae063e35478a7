import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectDelimiter, parseDelimited, parseRecovering } from '../../../shared/csv/parse-delimited';
import { toDelimited } from '../../../shared/csv/to-delimited';
import { generateCustomers } from '../../../shared/sample/generate-customers';
import { generateTransactions } from '../../../shared/sample/generate-transactions';
import Papa from 'papaparse';

/** Papa Parse as the reference reader, with the same trailing-line rule. */
function papaRows(text: string, delimiter: string): string[][] {
  const rows = Papa.parse<string[]>(text, { delimiter }).data;
  const last = rows[rows.length - 1];
  if (last && last.length === 1 && last[0] === '' && /[\r\n]$/.test(text)) rows.pop();
  return rows;
}

describe('parseDelimited', () => {
  it('plain CSV with CRLF, trailing line break dropped', () => {
    expect(parseDelimited('a,b\r\n1,2\r\n')).toEqual({
      rows: [
        ['a', 'b'],
        ['1', '2'],
      ],
      delimiter: ',',
      strayQuotes: [],
    });
  });

  it('LF and CR line ends; no final line break', () => {
    expect(parseDelimited('a,b\n1,2').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseDelimited('a,b\r1,2\r').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('quoted fields with delimiters, doubled quotes and line breaks', () => {
    const text = 'name,amount,note\r\n"Acme, Inc.","1,234.50","He said ""hi""\r\nnext line"\r\n"",0,\r\n';
    expect(parseDelimited(text).rows).toEqual([
      ['name', 'amount', 'note'],
      ['Acme, Inc.', '1,234.50', 'He said "hi"\r\nnext line'],
      ['', '0', ''],
    ]);
  });

  it('blank lines in the middle stay as rows so row numbers match the file', () => {
    expect(parseDelimited('a,b\n\n1,2\n\n').rows).toEqual([['a', 'b'], [''], ['1', '2'], ['']]);
  });

  it('ragged rows are kept as they are', () => {
    expect(parseDelimited('a,b,c\n1\n1,2,3,4\n').rows).toEqual([['a', 'b', 'c'], ['1'], ['1', '2', '3', '4']]);
  });

  it('a leading BOM is dropped', () => {
    expect(parseDelimited('\ufeff客户,金额\n华为,1\n').rows).toEqual([
      ['客户', '金额'],
      ['华为', '1'],
    ]);
  });

  it('empty text has no rows; a lone line break is one blank row', () => {
    expect(parseDelimited('')).toEqual({ rows: [], delimiter: ',', strayQuotes: [] });
    expect(parseDelimited('\r\n').rows).toEqual([['']]);
  });

  it('tab-separated (Excel "Unicode text") with commas inside amounts', () => {
    const r = parseDelimited('客户\t销售额\r\n华为\t1,234,567\r\n"A ""B"""\t2,000\r\n');
    expect(r.delimiter).toBe('\t');
    expect(r.rows).toEqual([
      ['客户', '销售额'],
      ['华为', '1,234,567'],
      ['A "B"', '2,000'],
    ]);
  });

  it('semicolon-separated with decimal commas (European Excel)', () => {
    const r = parseDelimited('Kunde;Umsatz;Gewinn\nAcme;1.234,50;12,5\nBeta;99,00;-1,25\n');
    expect(r.delimiter).toBe(';');
    expect(r.rows[1]).toEqual(['Acme', '1.234,50', '12,5']);
  });

  it('single column', () => {
    expect(parseDelimited('name\nAcme\nBeta\n')).toEqual({ rows: [['name'], ['Acme'], ['Beta']], delimiter: ',', strayQuotes: [] });
  });
});

describe('parseDelimited: malformed quoting never merges rows', () => {
  it.each([
    ['a,5" pipe,c\n', [['a', '5" pipe', 'c']], []],
    ['a,"x",5" pipe\n', [['a', 'x', '5" pipe']], []],
    // Text after a closing quote: the field is read again unquoted, quotes kept.
    ['"ab"cd,e\n', [['"ab"cd', 'e']], [{ row: 1, column: 1, swallowed: 0 }]],
    ['a,"unclosed,b\nc,d\n', [['a', '"unclosed', 'b'], ['c', 'd']], [{ row: 1, column: 2, swallowed: 2 }]],
    ['"a",\n', [['a', '']], []],
    ['"a",', [['a', '']], []],
    ['x,"a"', [['x', 'a']], []],
    ['"",""\r\n', [['', '']], []],
    ['"a""b"\r"c"\r', [['a"b'], ['c']], []], // old Mac files: CR ends a record
    ['"', [['"']], [{ row: 1, column: 1, swallowed: 0 }]],
    ['a,"x" ,b\r\n"c\r\nd",e\r\n1,"2\r\n', [['a', 'x', 'b'], ['c\r\nd', 'e'], ['1', '"2']], [{ row: 3, column: 2, swallowed: 1 }]],
  ])('%j', (text, rows, strayQuotes) => {
    expect(parseDelimited(text)).toEqual({ rows, delimiter: ',', strayQuotes });
  });

  it('a stray quote in row 6 of a 1,000-customer file: all 1,000 customers stay rows, the quote is reported', () => {
    const lines = ['id,name,revenue'];
    for (let i = 1; i <= 1000; i++) lines.push(i === 5 ? '"Acme 4,5' : `${i},"Customer ${i}, Ltd",${i * 10}`);
    const text = `${lines.join('\r\n')}\r\n`;
    const r = parseDelimited(text);
    expect(r.rows).toHaveLength(1001);
    expect(r.rows[5]).toEqual(['"Acme 4', '5']);
    expect(r.rows[6]).toEqual(['6', 'Customer 6, Ltd', '60']);
    expect(r.rows[1000]).toEqual(['1000', 'Customer 1000, Ltd', '10000']);
    // A strict reader pairs the stray quote with the next field's opening quote: one line break later.
    expect(r.strayQuotes).toEqual([{ row: 6, column: 1, swallowed: 1 }]);
    // What Papa Parse alone does with it: fewer rows, the next customer inside a name.
    expect(papaRows(text, ',').length).toBeLessThan(1001);
  });

  it('an unmatched quote with no quote after it: a strict reader would swallow every later row', () => {
    const lines = ['id,name,revenue'];
    for (let i = 1; i <= 1000; i++) lines.push(i === 5 ? '"Acme 4,5' : `${i},Customer ${i},${i * 10}`);
    const r = parseDelimited(`${lines.join('\n')}\n`);
    expect(r.rows).toHaveLength(1001);
    expect(r.strayQuotes).toEqual([{ row: 6, column: 1, swallowed: 996 }]);
  });

  it('the recovery tells when a stray quote looked for the next quote up to the end of the text', () => {
    // `",""`: looking for its closing quote, `""` is a doubled quote and no quote follows before the
    // end, so what it means depends on what comes next. Read as unquoted, it is `"`, then the
    // empty quoted field `""`.
    const open = parseRecovering('k,v\n"x"y,",""\n\n', ',', '\n');
    expect(open.rows).toEqual([['k', 'v'], ['"x"y', '"', ''], [''], ['']]);
    expect(open.strayQuotes).toEqual([
      { row: 2, column: 1, swallowed: 0 },
      { row: 2, column: 2, swallowed: 2 },
    ]);
    expect(open.openAtEnd).toBe(true);
    // `"x"y` alone: its next quote is on the same line, followed by text; nothing waits for more.
    const closed = parseRecovering('k,v\n"x"y,1\n"a\nb",2\n', ',', '\n');
    expect(closed.rows).toEqual([['k', 'v'], ['"x"y', '1'], ['a\nb', '2'], ['']]);
    expect(closed.strayQuotes).toEqual([{ row: 2, column: 1, swallowed: 0 }]);
    expect(closed.openAtEnd).toBe(false);
  });

  it('property: a quote inserted anywhere never loses a line break as a row boundary of plain cells', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.stringMatching(/^[a-z0-9 ]{0,5}$/), { minLength: 2, maxLength: 4 }), { minLength: 2, maxLength: 12 }),
        fc.nat(),
        fc.nat(),
        (table, r, c) => {
          const width = table[0]!.length;
          const rows = table.map((row) => Array.from({ length: width }, (_, j) => row[j] ?? ''));
          const at = r % rows.length;
          rows[at]![c % width] = `"${rows[at]![c % width]}`;
          const parsed = parseDelimited(`${rows.map((row) => row.join(',')).join('\n')}\n`);
          expect(parsed.rows).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseDelimited reads like Papa Parse itself', () => {
  it('on generated customer and transaction files, comma and tab, CRLF and LF', () => {
    const tables = [generateCustomers(1500, { seed: 5 }), generateCustomers(500, { seed: 6, lang: 'en' }), generateTransactions(1500, { seed: 5 })];
    for (const table of tables) {
      for (const delimiter of [',', '\t']) {
        const crlf = toDelimited(table, delimiter, { formulas: 'keep' });
        for (const text of [crlf, crlf.replace(/\r\n/g, '\n')]) {
          const ours = parseDelimited(text);
          expect(ours.delimiter).toBe(delimiter);
          expect(ours.rows).toEqual(papaRows(text, delimiter));
          expect(ours.rows).toEqual(table.map((r) => r.map((c) => String(c))));
        }
      }
    }
  });

  it('property: on well-formed random CSV with any line ends', () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', ';', '"', '\n', '\r', '\t', '客', '1') , maxLength: 8 }),
      fc.string({ maxLength: 5 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\r\n', '\n', '\r'),
        (table, eol) => {
          const text = toDelimited(table, ',', { formulas: 'keep' }).replace(/("(?:[^"]|"")*")|\r\n/g, (_m, quoted: string | undefined) => quoted ?? eol);
          expect(parseDelimited(text).rows).toEqual(papaRows(text, ','));
          expect(parseDelimited(text).rows).toEqual(table);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: random tables (quoted cells with delimiters, quotes and line breaks; stray quotes; blank lines; CRLF, LF or CR; a BOM; Chinese; repeated short cells), whenever Papa Parse reads them without a quote error: the same rows', () => {
    const quoted = fc.string({ unit: fc.constantFrom('a', ',', ';', '\t', '"', '\r\n', '\n', '\r', '客', ' '), maxLength: 6 }).map((c) => `"${c.replace(/"/g, '""')}"`);
    const cell = fc.oneof(
      fc.constantFrom('', '0', '1', '华东', '客户', '2026-01-02', 'a b', '5" pipe', '"'),
      fc.string({ unit: fc.constantFrom('a', '1', ' ', '客', '"', '\r', '\n', ','), maxLength: 6 }),
      quoted,
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 5 }), { minLength: 1, maxLength: 10 }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\r\n', '\n', '\r'),
        fc.boolean(),
        fc.boolean(),
        (table, delimiter, linebreak, bom, trailing) => {
          const body = table.map((row) => row.join(delimiter)).join(linebreak) + (trailing ? linebreak : '');
          const parsed = parseDelimited((bom ? '\ufeff' : '') + body);
          const ref = Papa.parse<string[]>(body, { delimiter: parsed.delimiter, skipEmptyLines: false });
          if (ref.errors.some((e) => e.type === 'Quotes')) return;
          expect(parsed.strayQuotes).toEqual([]);
          expect(parsed.rows).toEqual(papaRows(body, parsed.delimiter));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['a;b;c\n1;2;3\n', ';'],
    ['a\tb\n1,5\t2,5\n', '\t'],
    ['a;b\n1,5;2\n', ';'],
    ['"x;y",b\n"1;2",3\n', ','],
    ['"a\tb",c\n', ','],
    ['a,b,c\n1,2\n', ','],
    ['only\none\n', ','],
    ['', ','],
    ['a\tb,c\n1\t2,3\n', '\t'],
  ])('%j → %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe('toDelimited', () => {
  it('RFC 4180 quoting and CRLF', () => {
    expect(
      toDelimited([
        ['a', 'b,c', 'd"e'],
        ['line\nbreak', '', 'x;y'],
        [1, null, undefined],
        [true, -1.5, 'tab\there'],
      ]),
    ).toBe('a,"b,c","d""e"\r\n"line\nbreak",,"x;y"\r\n1,,\r\ntrue,-1.5,"tab\there"\r\n');
  });

  it('other delimiters', () => {
    expect(toDelimited([['a', 'b'], ['1,5', '2']], '\t')).toBe('a\tb\r\n"1,5"\t2\r\n');
    expect(toDelimited([['a|b', 'c']], '|')).toBe('"a|b"|c\r\n');
  });

  it('dates as ISO 8601, no rows as empty text', () => {
    expect(toDelimited([[new Date(Date.UTC(2024, 2, 1))]])).toBe('2024-03-01T00:00:00.000Z\r\n');
    expect(toDelimited([])).toBe('');
  });

  it('property: toDelimited then parseDelimited returns the same table', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('', '"', '""', ',', ';', '\t', '\r\n', '\n', '\r', ' a ', '客户,金额', 'a"b'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(',', '\t', ';'),
        (rows, delimiter) => {
          // Leading BOM is the one thing that is not data (decodeBytes and parseDelimited drop it).
          const table = rows.map((r, i) => r.map((c, j) => (i === 0 && j === 0 ? c.replace(/^\ufeff/, '') : c)));
          const text = toDelimited(table, delimiter, { formulas: 'keep' });
          const parsed = parseDelimited(text);
          expect(parsed.rows).toEqual(table);
          if (table.some((r) => r.length > 1)) expect(parsed.delimiter).toBe(delimiter);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
