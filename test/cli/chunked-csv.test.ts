import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDelimited } from '../../shared/csv/parse-delimited';
import { ChunkedCsvParser, parseInPieces } from '../../cli/chunked-csv';

/** Repeat rows until the text is past 1 MB, so the reader has to cut it into pieces. */
function bigText(lines: string[], newline: string, trailing: boolean): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < 1_100_000; i++) {
    const line = lines[i % lines.length]!;
    parts.push(line);
    size += line.length + newline.length;
  }
  return parts.join(newline) + (trailing ? newline : '');
}

describe('ChunkedCsvParser gives what parseDelimited gives on the whole text', () => {
  it('small texts (read in one piece at the end)', () => {
    for (const text of ['a,b\n1,2\n', 'a;b\r\n1;2', 'a\tb\n\n1\t2\n\n', '\ufeffx,y\n"1,5",2\n', 'k,v\n"a\nb",1\n"c""d",2\n', 'k,v\n5" pipe,1\n', 'k,v\n"open,1\n', 'only'])
      expect(parseInPieces(text, 3, 16)).toEqual(parseDelimited(text));
  });

  it('a large file cut into small pieces: plain rows, quoted fields with line breaks and delimiters, CRLF', () => {
    const text = bigText(['Customer,Revenue,Note', 'Acme,100,"said ""hi"", left"', 'Beta,20,"two\r\nlines"', 'Gamma,3,', '', '"Delta, Inc",4,x'], '\r\n', true);
    const want = parseDelimited(text);
    expect(want.rows.length).toBeGreaterThan(40_000);
    expect(parseInPieces(text, 4096, 10_000)).toEqual(want);
    expect(parseInPieces(text, 65_536, 1 << 20)).toEqual(want);
  });

  it('a large file without quotes takes the plain path and still matches (tab, LF, blank lines, no final line break)', () => {
    const text = bigText(['客户编号\t日期\t金额', 'C1\t2026-01-01\t5', '', 'C2\t2026-01-02\t7,5'], '\n', false);
    expect(parseInPieces(text, 10_007, 50_000)).toEqual(parseDelimited(text));
  });

  it('a piece cut where the stray-quote recovery still looks for the next quote (Papa Parse closes that field, so it reports no missing quote)', () => {
    // Papa Parse reads `"x"y,",""` as the field `x"y,` and an empty quoted field; the recovery reads
    // `"x"y` as a stray quote and opens `",""`, whose next quote is in the `"x"y` of the row after
    // next: it swallows 3 line breaks. A piece cut between the two must wait for that quote.
    const text = bigText(['id,a,b,c,d', '"x"y,",""', ''], '\n', false);
    const want = parseDelimited(text);
    expect(want.strayQuotes.slice(0, 4)).toEqual([
      { row: 2, column: 1, swallowed: 0 },
      { row: 2, column: 2, swallowed: 3 },
      { row: 5, column: 1, swallowed: 0 },
      { row: 5, column: 2, swallowed: 3 },
    ]);
    expect(parseInPieces(text, 500, 500)).toEqual(want);
  });

  it('rows handed out by takeRows while reading, then the rest, are the whole reading; stray quotes keep their row numbers', () => {
    const text = bigText(['id,a,b,c,d', '"x"y,",""', '', 'p,"q\nr",s', 'e,5', 'f,6', 'g,7'], '\r\n', true);
    const want = parseDelimited(text);
    const p = new ChunkedCsvParser(3000);
    const rows: string[][] = [];
    for (let i = 0; i < text.length; i += 1024) {
      p.push(text.slice(i, i + 1024));
      for (const row of p.takeRows()) rows.push(row);
      expect(p.rowCount).toBe(rows.length);
    }
    const handedOut = rows.length;
    for (const row of p.end()) rows.push(row);
    expect(handedOut).toBeGreaterThan(want.rows.length / 2);
    expect({ rows, delimiter: p.delimiter, strayQuotes: p.strayQuotes }).toEqual(want);
  });

  it('property: random rows (quotes, stray quotes, delimiters, line breaks inside quotes) in random pieces', () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[a-z0-9 .]{0,6}$/),
      fc.constantFrom('"q,uoted"', '"with ""quote"""', '"line\nbreak"', '"crlf\r\nin"', '5" pipe', 'a"b', '"', '""', ';', '\t', '中文', '"x"y'),
    );
    const line = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.integer({ min: 500, max: 200_000 }), (lines, nl, trailing, piece) => {
        const text = bigText(['id,a,b,c,d', ...lines], nl, trailing);
        expect(parseInPieces(text, piece, piece)).toEqual(parseDelimited(text));
      }),
      { numRuns: 15 },
    );
  });
});

describe('ChunkedCsvParser on a single-column file', () => {
  it('reads a large one-column file (no delimiter anywhere) like parseDelimited', () => {
    const text = bigText(['Customer', 'Acme', 'Beta', ''], '\n', true);
    expect(parseInPieces(text, 100_000, 300_000)).toEqual(parseDelimited(text));
  });
});
