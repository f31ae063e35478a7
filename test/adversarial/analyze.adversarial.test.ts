/**
 * analyze() under fuzzed tables: whatever the cells, it either throws an AnalyzeError (input that
 * cannot be analysed at all, worded for the user) or returns an analysis whose counts add up,
 * whose every error names its row, column and reason, whose every number is finite, and which
 * does not depend on the order of the rows.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze } from '../../shared/analyze';
import { AnalyzeError } from '../../shared/analyze-error';
import type { Analysis } from '../../shared/types';
import { hostileCell, hostileTable, keyedTable } from './arbitraries';

const AS_OF = '2026-11-30';

/** analyze(), or null when it threw an AnalyzeError; anything else thrown fails the property. */
function tryAnalyze(table: unknown[][], asOf?: string): Analysis | null {
  try {
    return analyze(table, { asOf, lang: 'en', model: false });
  } catch (e) {
    expect(e).toBeInstanceOf(AnalyzeError);
    expect((e as Error).message).not.toMatch(/^\s*at |\n\s+at /); // plain words, no stack
    return null;
  }
}

/** Every number anywhere in a value, with its path. */
function numbers(v: unknown, path = '$', out: [string, number][] = []): [string, number][] {
  if (typeof v === 'number') out.push([path, v]);
  else if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) numbers(x, `${path}[${i}]`, out);
  }
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) numbers(x, `${path}.${k}`, out);
  return out;
}

function checkInvariants(a: Analysis, table: unknown[][]): void {
  const r = a.summary.rows;
  expect(r.accepted + r.rejected + r.skipped).toBe(r.read);
  expect(r.read).toBe(table.length - a.headerRow);
  const fatalRows = new Set(a.errors.filter((e) => e.fatal).map((e) => e.row));
  expect(fatalRows.size).toBe(r.rejected);
  for (const e of a.errors) {
    expect(Number.isInteger(e.row) && e.row > a.headerRow && e.row <= table.length).toBe(true);
    expect(typeof e.column).toBe('string');
    expect(e.reason).not.toBe('');
    expect(e.reason).not.toBe(e.code);
    if (e.value !== undefined) expect(e.value.length).toBeLessThanOrEqual(61);
  }
  expect(a.customers.reduce((s, c) => s + c.rows.length, 0)).toBe(r.accepted);
  for (const [path, n] of numbers(a)) if (!Number.isFinite(n)) throw new Error(`${path} is ${n}`);
  expect(a.summary.asOf).toMatch(/^(19\d\d|20\d\d)-\d\d-\d\d$/);
}

/** The analysis without what depends on row positions. */
function orderFree(a: Analysis) {
  return {
    customers: a.customers.map(({ rows: _rows, ...c }) => c),
    summary: { ...a.summary, credit: { ...a.summary.credit } },
    errors: a.errors.map(({ row: _row, ...e }) => JSON.stringify(e)).sort(),
    notices: a.notices.map((n) => n.code).sort(),
  };
}

describe('adversarial: analyze on fuzzed tables', () => {
  it('throws nothing but AnalyzeError; counts add up; every error has row, column and reason; every number is finite', () => {
    fc.assert(
      fc.property(hostileTable, fc.boolean(), (table, withAsOf) => {
        const a = tryAnalyze(table, withAsOf ? AS_OF : undefined);
        if (a) checkInvariants(a, table);
      }),
      { numRuns: 400 },
    );
  });

  it('the same on keyed tables (customer tables and transaction logs with hostile amounts and dates)', () => {
    fc.assert(
      fc.property(keyedTable, fc.boolean(), (table, withAsOf) => {
        const a = tryAnalyze(table, withAsOf ? AS_OF : undefined);
        if (a) checkInvariants(a, table);
      }),
      { numRuns: 400 },
    );
  });

  it('shuffling the data rows changes nothing but row numbers', () => {
    fc.assert(
      fc.property(keyedTable, fc.integer(), (table, seed) => {
        const [header, ...rows] = table;
        // a deterministic shuffle from the seed
        const shuffled = rows.map((r, i) => ({ r, k: Math.imul(i + 1, seed | 1) >>> 0 })).sort((x, y) => x.k - y.k).map((x) => x.r);
        const a = tryAnalyze(table, AS_OF);
        const b = tryAnalyze([header!, ...shuffled], AS_OF);
        expect(a === null).toBe(b === null);
        if (a && b) expect(orderFree(b)).toEqual(orderFree(a));
      }),
      { numRuns: 300 },
    );
  });

  it('with the probabilistic model fitted on logs, every number is still finite', () => {
    fc.assert(
      fc.property(keyedTable.filter((t) => t[0]![1] === 'Date'), (table) => {
        let a: Analysis;
        try {
          a = analyze(table, { lang: 'zh' });
        } catch (e) {
          expect(e).toBeInstanceOf(AnalyzeError);
          return;
        }
        checkInvariants(a, table);
      }),
      { numRuns: 100 },
    );
  });

  it('a transaction log large enough for the model, with hostile rows mixed in: every number finite, counts add up', () => {
    const day = fc.integer({ min: 0, max: 700 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    const goodLine = fc.tuple(fc.integer({ min: 1, max: 40 }).map((k) => `C${k}`), day, fc.integer({ min: 1, max: 5000 }).map(String));
    const badLine = fc.tuple(fc.integer({ min: 1, max: 40 }).map((k) => `C${k}`), hostileCell, hostileCell);
    const log = fc.array(fc.oneof({ weight: 9, arbitrary: goodLine }, { weight: 1, arbitrary: badLine }), { minLength: 60, maxLength: 160 });
    fc.assert(
      fc.property(log, (lines) => {
        const table: unknown[][] = [['Customer ID', 'Date', 'Amount'], ...lines];
        let a: Analysis;
        try {
          a = analyze(table, { lang: 'en' });
        } catch (e) {
          expect(e).toBeInstanceOf(AnalyzeError);
          return;
        }
        expect(a.kind).toBe('transactions');
        checkInvariants(a, table);
      }),
      { numRuns: 40 },
    );
  });
});
