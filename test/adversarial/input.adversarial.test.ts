/**
 * Fuzzed bytes, delimited text and settings: reading never throws, never merges rows silently,
 * never reaches Object.prototype, and every file Rapport writes opens as text in a spreadsheet.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readDelimited } from '../../shared/csv/read-delimited';
import { parseDelimited } from '../../shared/csv/parse-delimited';
import { toDelimited } from '../../shared/csv/to-delimited';
import { analyze } from '../../shared/analyze';
import { AnalyzeError } from '../../shared/analyze-error';
import { resolveSettings, rowsToSettings } from '../../shared/settings';
import { SETTINGS_PROBLEM_TEXT } from '../../shared/i18n/messages';
import { hostileCell, hostileSettingsRows, hostileTable, keyedTable } from './arbitraries';

/** What Object.prototype holds before any test here runs (a test runner may have added keys). */
const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype);
const addedToPrototype = () => Object.getOwnPropertyNames(Object.prototype).filter((k) => !PROTO_KEYS.includes(k));

afterEach(() => {
  for (const k of addedToPrototype()) delete (Object.prototype as Record<string, unknown>)[k];
});

describe('adversarial: bytes and text', () => {
  it('any bytes decode and parse without throwing, into rows of strings, with the encoding named', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const r = readDelimited(bytes, 'en');
        for (const row of r.rows) for (const c of row) expect(typeof c).toBe('string');
        expect(r.notices.filter((n) => n.code === 'encoding' || n.code === 'encoding_mixed')).toHaveLength(1);
      }),
      { numRuns: 1000 },
    );
  });

  it('any text of CSV-ish characters parses; each line break outside a well-formed quoted field separates rows', () => {
    const ch = fc.constantFrom('a', '1', ',', ';', '\t', '"', '\n', ' ', '客');
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 60 }).map((a) => a.join('')), fc.boolean(), (lf, crlf) => {
        // one kind of line break per file, as files have
        const text = crlf ? lf.replace(/\n/g, '\r\n') : lf;
        const r = parseDelimited(text);
        // text with no quotes at all: rows are exactly its lines
        if (!text.includes('"')) {
          const body = text.replace(/(\r\n|\n)$/, '');
          const lines = text === '' ? 0 : body.split(/\r\n|\n/).length;
          expect(r.rows.length).toBe(lines);
        }
        for (const q of r.strayQuotes) expect(q.row).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('a table written by Rapport and read back, with a stray quote put at the start of any cell, keeps every row', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9客][A-Za-z0-9 .客]{0,5}$/);
    // plain cells, and cells with a comma inside (written quoted, their text right after the quote)
    const cell = fc.oneof(word, fc.constant(''), fc.tuple(word, word).map(([a, b]) => `${a}, ${b}`));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 30 }), fc.nat(), fc.nat(), (table, r, c) => {
        const at = r % table.length;
        const j = c % 3;
        fc.pre(!table[at]![j]!.includes(','));
        const quoted = (x: string) => (x.includes(',') ? `"${x}"` : x);
        const lines = table.map((row, i) => row.map((x, k) => (i === at && k === j ? `"${x}` : quoted(x))).join(','));
        const back = parseDelimited(`${lines.join('\r\n')}\r\n`);
        expect(back.rows.length).toBe(table.length);
        expect(back.strayQuotes.map((q) => [q.row, q.column])).toEqual([[at + 1, j + 1]]);
      }),
      { numRuns: 500 },
    );
  });

  it('no cell Rapport writes starts a formula', () => {
    fc.assert(
      fc.property(hostileTable, (table) => {
        const rows = parseDelimited(toDelimited(table)).rows;
        // Only a plain number may start so: "-12", "+3.5", "-0." (a number, as "5." is), "-1e3", "-5%".
        for (const row of rows) for (const c of row) if (/^[=+\-@\t\r]/.test(c)) expect(c).toMatch(/^[+-]?(\d[\d,]*(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i);
      }),
      { numRuns: 300 },
    );
  });
});

describe('adversarial: settings', () => {
  it('hostile settings rows never pollute Object.prototype, and every problem is a known code', () => {
    fc.assert(
      fc.property(hostileSettingsRows, (rows) => {
        const { problems } = resolveSettings(rowsToSettings(rows));
        expect(addedToPrototype()).toEqual([]);
        expect(({} as Record<string, unknown>).asOf).toBeUndefined();
        for (const p of problems) expect(Object.keys(SETTINGS_PROBLEM_TEXT)).toContain(p.code);
      }),
      { numRuns: 1000 },
    );
  });

  it('analyze with hostile settings on a table with hostile cells throws nothing but AnalyzeError and reports each problem as a notice', () => {
    fc.assert(
      fc.property(hostileSettingsRows, keyedTable, (rows, table) => {
        const settings = rowsToSettings(rows);
        const { problems } = resolveSettings(settings);
        try {
          const a = analyze(table, { settings: settings as never, lang: 'zh', model: false });
          expect(a.notices.filter((n) => n.code === 'settings_problem')).toHaveLength(problems.length);
        } catch (e) {
          expect(e).toBeInstanceOf(AnalyzeError);
        }
        expect(addedToPrototype()).toEqual([]);
      }),
      { numRuns: 150, endOnFailure: true },
    );
  });

  it('settings given as any JSON value are reported, never thrown', () => {
    fc.assert(
      fc.property(fc.jsonValue(), hostileCell, (json, cell) => {
        expect(() => resolveSettings(json)).not.toThrow();
        expect(() => resolveSettings({ tiers: { a: cell } })).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
