import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDelimited } from '../../shared/csv/parse-delimited';
import { ChunkedCsvParser, parseInPieces } from '../../cli/chunked-csv';
import { CustomerTableReader } from '../../shared/ingest/read-customers';
import { findHeaderRow } from '../../shared/ingest/find-header-row';
import { asCustomerColumns, headerAt } from '../../shared/analysis-steps';
import { generateCustomers } from '../../shared/sample/generate-customers';

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

describe('a text cut where it ends cleanly (endsCleanly) reads, from there on, as a text of its own (continuing)', () => {
  /** Plain rows past the 1 MB on which the delimiter and line break are decided: a large file's start. */
  const starts = new Map<string, string>();
  const start = (newline: string) => {
    if (!starts.has(newline)) starts.set(newline, `Customer,Revenue,Note,Email${newline}${`C1,5,x,a@b.cn${newline}`.repeat(80_000)}`);
    return starts.get(newline)!;
  };

  /** Rows of the text before `cut` and of the text after it read on its own, or null when the cut is not clean. */
  function inTwo(text: string, cut: number, piece: number): { rows: string[][]; strayQuotes: unknown[] } | null {
    const first = new ChunkedCsvParser(piece);
    for (let i = 0; i < cut; i += 65_521) first.push(text.slice(i, Math.min(cut, i + 65_521)));
    if (!first.endsCleanly()) return null;
    const rows = first.end().slice();
    const second = ChunkedCsvParser.continuing(first.delimiter, first.newline, piece);
    for (let i = cut; i < text.length; i += 997) second.push(text.slice(i, i + 997));
    for (const r of second.end()) rows.push(r);
    return { rows, strayQuotes: [...first.strayQuotes, ...second.strayQuotes.map((q) => ({ ...q, row: q.row + first.rowCount }))] };
  }

  it('property: texts of plain, quoted (delimiters, doubled quotes, line breaks) and stray-quote cells, cut after any line feed', () => {
    const cell = fc.oneof(fc.constantFrom('Acme', '1,5', '', '华东', 'a""b', 'x"y', '"q"', '"two\nlines"', '"a, b"', '"say ""hi"""', '\ufeffz'), fc.stringMatching(/^[a-z0-9 ]{0,6}$/));
    let clean = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.nat(),
        fc.constantFrom(4096, 65_536),
        (lines, newline, trailing, at, piece) => {
          const head = start(newline);
          const text = head + lines.map((l) => l.join(',')).join(newline) + (trailing ? newline : '');
          // A cut just after some line feed among the random rows.
          const feeds: number[] = [];
          for (let i = text.indexOf('\n', head.length - 1); i >= 0; i = text.indexOf('\n', i + 1)) feeds.push(i + 1);
          const cut = feeds[at % feeds.length]!;
          const want = parseInPieces(text, 65_521, piece);
          const got = inTwo(text, cut, piece);
          runs++;
          if (got === null) return;
          clean++;
          // The rows after the common start, then all of them (as text: a deep comparison of 80,000 rows is slow).
          expect(got.rows.slice(80_000)).toEqual(want.rows.slice(80_000));
          expect(JSON.stringify(got.rows)).toBe(JSON.stringify(want.rows));
          expect(got.strayQuotes).toEqual(want.strayQuotes);
        },
      ),
      { numRuns: 60 },
    );
    // Most cuts are clean (the property says nothing about the others): the test is not vacuous.
    expect(clean).toBeGreaterThan(runs / 4);
  });

  it('a cut inside a quoted field that holds a line break, or after a stray quote, is not clean; one after quoted fields without line breaks is', () => {
    const quoted = `${start('\n')}"a\nb",1\nc,2\n`;
    expect(inTwo(quoted, quoted.indexOf('"a\n') + 3, 4096)).toBeNull();
    const stray = `${start('\n')}"x"y,1\nc,2\n`; // text after a closing quote: read by the stray-quote recovery
    expect(inTwo(stray, stray.indexOf('c,2'), 4096)).toBeNull();
    const plain = `${start('\n')}"a, b",1\nc,2\n`;
    expect(inTwo(plain, plain.indexOf('c,2'), 4096)?.rows).toEqual(parseDelimited(plain).rows);
  });
});

describe('a customer table read through a line reader (rows read straight from the text) gives what its rows give', () => {
  /** A generated customer table's text (over 1 MB, so that it is read in pieces), with quoted cells, cells over two lines, and `extra` lines pasted in. */
  function customerText(seed: number, newline: string, extra: string[]): string {
    const table = generateCustomers(16000, { seed, lang: 'zh', asOf: '2026-11-28' }).map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
    const lines = table.map((r, i) => r.map((c, k) => (c.includes(',') || c.includes('"') || (i % 7 === 3 && k === 1) ? `"${c.replace(/"/g, '""')}"` : c)).join(','));
    // A name over two lines, and a note with a doubled quote.
    lines[40] = lines[40]!.replace(/^([^,]*),([^,]*),/, '$1,"$2\n第二行",');
    lines[50] = lines[50]!.replace(/^([^,]*),([^,]*),/, '$1,"$2 ""HQ""",');
    extra.forEach((line, k) => {
      lines.splice(9000 + k * 3000, 0, line);
    });
    return lines.join(newline) + newline;
  }

  /** What a CustomerTableReader reads of the text's rows as the CLI hands them out (ReadOptions.lines). */
  function readThrough(text: string, piece: number, push: number, withLines: boolean) {
    const first: string[][] = [];
    let reader: CustomerTableReader | null = null;
    const p = new ChunkedCsvParser(piece);
    if (withLines) p.lineReader = () => reader;
    let handed = 0;
    const take = (rows: string[][]) => {
      handed += p.takeLinesRead();
      if (reader) reader.add(rows, handed);
      else {
        for (const r of rows) first.push(r);
        if (first.length > 20) {
          const header = headerAt(first, findHeaderRow(first), 'zh', []);
          reader = new CustomerTableReader(asCustomerColumns(header.match.columns), 'zh', 0, true);
          reader.add(first, 0, header.start);
        }
      }
      handed += rows.length;
    };
    for (let i = 0; i < text.length; i += push) {
      p.push(text.slice(i, i + push));
      take(p.takeRows());
    }
    p.end();
    take(p.takeRows());
    const r = (reader as CustomerTableReader | null)!.finish();
    return { customers: r.customers.toInputs(), errors: r.reader.errors, notices: r.notices, rows: r.rows, rowCount: p.rowCount, strayQuotes: p.strayQuotes, lines: p.readByLines };
  }

  it.each([
    ['plain RFC 4180, LF', '\n', [] as string[]],
    ['plain RFC 4180, CRLF', '\r\n', []],
    ['a quote never closed, and a closed quote followed by text', '\n', ['C9000001,"Acme 4,5', 'C9000002,"ab"cd,x']],
    ['a repeated header, a blank line, a totals row and a row cut short', '\r\n', ['客户编号,客户名称,邮箱', '', '合计,,,,,,100', 'C9000003,short']],
  ])('%s', (_, newline, extra) => {
    const text = customerText(7, newline, extra);
    for (const [piece, push] of [
      [65_536, 65_536],
      [10_000, 7_777],
    ] as const) {
      const want = readThrough(text, piece, push, false);
      const got = readThrough(text, piece, push, true);
      expect(want.lines).toBe(0);
      // Most rows were read straight from the text (all of them after a stray quote would be read as rows).
      if (extra.some((l) => l.includes('"'))) expect(got.lines).toBeGreaterThan(0);
      else expect(got.lines).toBeGreaterThan(want.rowCount / 2);
      expect({ ...got, lines: 0 }).toEqual({ ...want, lines: 0 });
      expect(got.rowCount).toBe(parseDelimited(text).rows.length);
    }
  });
});
