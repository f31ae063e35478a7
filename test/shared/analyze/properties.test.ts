/**
 * fast-check properties of analyze() over small generated tables:
 * every row accounted for, row order irrelevant, scale invariance of tiers, A/B/C/D partition,
 * determinism.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze } from '../../../shared/analyze';
import type { Analysis } from '../../../shared/types';

const AS_OF = '2024-12-31';
const HEADER = ['客户编号', '客户名称', '销售额', '上期销售额', '利润', '逾期天数', '满意度', '最近购买'];

/** A well-formed customer row with integer amounts. */
const goodRow = fc
  .record({
    id: fc.integer({ min: 1, max: 40 }),
    revenue: fc.integer({ min: 0, max: 10_000 }),
    prev: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
    profit: fc.integer({ min: -2_000, max: 5_000 }),
    overdue: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
    sat: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    lastDay: fc.option(fc.integer({ min: 1, max: 800 }), { nil: null }),
  })
  .map((r) => {
    const d = r.lastDay === null ? '' : new Date(Date.UTC(2024, 11, 31) - r.lastDay * 86400000).toISOString().slice(0, 10);
    return [`C${r.id}`, `客户${r.id}`, String(r.revenue), r.prev === null ? '' : String(r.prev), String(r.profit), r.overdue === null ? '' : String(r.overdue), r.sat === null ? '' : String(r.sat), d];
  });

/** Any row a pasted table may have: good, blank, repeated header, totals, bad number, no key. */
const anyRow: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 6, arbitrary: goodRow },
  { weight: 1, arbitrary: fc.constant<string[]>(['', '', '', '', '', '', '', '']) },
  { weight: 1, arbitrary: fc.constant<string[]>([...HEADER]) },
  { weight: 1, arbitrary: fc.constantFrom('合计', 'Total', '小计').map((w) => ['', w, '999', '', '9', '', '', '']) },
  { weight: 1, arbitrary: goodRow.map((r) => [r[0]!, r[1]!, 'abc', ...r.slice(3)]) },
  { weight: 1, arbitrary: goodRow.map((r) => ['', '', ...r.slice(2)]) },
);

/** Rows with distinct keys (for order and scaling properties). */
const uniqueRows = fc.uniqueArray(goodRow, { minLength: 1, maxLength: 25, selector: (r) => r[0] });

const strip = (a: Analysis) => a.customers.map(({ rows: _r, ...c }) => c);

describe('properties', () => {
  it('accepted + rejected + skipped = rows read, and read = data rows', () => {
    fc.assert(
      fc.property(fc.array(anyRow, { minLength: 1, maxLength: 30 }), (rows) => {
        const a = analyze([HEADER, ...rows], { asOf: AS_OF });
        const r = a.summary.rows;
        expect(r.read).toBe(rows.length);
        expect(r.accepted + r.rejected + r.skipped).toBe(r.read);
        // every rejected row has a fatal error with its row number; every skipped row a notice
        const fatalRows = new Set(a.errors.filter((e) => e.fatal).map((e) => e.row));
        expect(fatalRows.size).toBe(r.rejected);
        expect(a.notices.filter((n) => n.code.startsWith('skipped_')).length).toBe(r.skipped);
        // every accepted row belongs to exactly one customer
        expect(a.customers.reduce((s, c) => s + c.rows.length, 0)).toBe(r.accepted);
      }),
      { numRuns: 150 },
    );
  });

  it('shuffling the rows changes no result (customers compared by key; distinct keys plus non-data rows)', () => {
    const noise = fc.array(anyRow.filter((r) => r[0] === '' || r[0] === HEADER[0]), { maxLength: 6 });
    fc.assert(
      fc.property(
        fc.tuple(uniqueRows, noise).map(([a, b]) => [...a, ...b]).chain((rows) => fc.tuple(fc.constant<string[][]>(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))),
        ([rows, shuffled]) => {
          const a = analyze([HEADER, ...rows], { asOf: AS_OF });
          const b = analyze([HEADER, ...shuffled], { asOf: AS_OF });
          expect(strip(b)).toEqual(strip(a));
          expect(b.summary).toEqual(a.summary);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('shuffling the rows changes no result, duplicate keys included', () => {
    fc.assert(
      fc.property(
        fc.array(anyRow, { minLength: 1, maxLength: 25 }).chain((rows) => fc.tuple(fc.constant<string[][]>(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))),
        ([rows, shuffled]) => {
          const a = analyze([HEADER, ...rows], { asOf: AS_OF });
          const b = analyze([HEADER, ...shuffled], { asOf: AS_OF });
          expect(strip(b)).toEqual(strip(a));
          expect(b.summary).toEqual(a.summary);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('shuffling rows with conflicting duplicate rows (names, owners, shares, emails, competitors) changes no result', () => {
    const H = ['Customer ID', 'Customer', 'Revenue', 'Owner', 'Share of wallet', 'Buys from competitor', 'Email', 'Last order'];
    const row = fc
      .record({
        id: fc.integer({ min: 1, max: 4 }),
        name: fc.constantFrom('', 'Acme', '华为', 'Globex'),
        revenue: fc.integer({ min: 0, max: 1000 }),
        owner: fc.constantFrom('', '张三', 'Li'),
        share: fc.constantFrom('', '10%', '55%', '0.3'),
        comp: fc.constantFrom('', '是', '否', 'Siemens'),
        email: fc.constantFrom('', 'a@acme.com', 'b@globex.cn; c@globex.cn'),
        day: fc.option(fc.integer({ min: 1, max: 800 }), { nil: null }),
      })
      .map((r) => [`K${r.id}`, r.name, String(r.revenue), r.owner, r.share, r.comp, r.email, r.day === null ? '' : new Date(Date.UTC(2024, 11, 31) - r.day * 86400000).toISOString().slice(0, 10)]);
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 12 }).chain((rows) => fc.tuple(fc.constant<string[][]>(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))),
        ([rows, shuffled]) => {
          const a = analyze([H, ...rows], { asOf: AS_OF });
          const b = analyze([H, ...shuffled], { asOf: AS_OF });
          expect(strip(b)).toEqual(strip(a));
          expect(b.summary).toEqual(a.summary);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('scaling every amount by a positive integer changes no tier', () => {
    fc.assert(
      fc.property(uniqueRows, fc.integer({ min: 2, max: 1000 }), (rows, k) => {
        const scale = (v: string) => (v === '' ? '' : String(Number(v) * k));
        const scaled = rows.map((r) => [r[0]!, r[1]!, scale(r[2]!), scale(r[3]!), scale(r[4]!), ...r.slice(5)]);
        const a = analyze([HEADER, ...rows], { asOf: AS_OF });
        const b = analyze([HEADER, ...scaled], { asOf: AS_OF });
        expect(b.customers.map((c) => [c.key, c.tier])).toEqual(a.customers.map((c) => [c.key, c.tier]));
        expect(b.customers.map((c) => c.pyramid)).toEqual(a.customers.map((c) => c.pyramid));
      }),
      { numRuns: 150 },
    );
  });

  it('A/B/C/D partition the customers; A and B only with a positive metric; negative profit always D', () => {
    fc.assert(
      fc.property(fc.array(anyRow, { minLength: 1, maxLength: 30 }), (rows) => {
        const a = analyze([HEADER, ...rows], { asOf: AS_OF });
        const t = a.summary.tiers;
        expect(t.A.count + t.B.count + t.C.count + t.D.count).toBe(a.customers.length);
        for (const c of a.customers) {
          expect(['A', 'B', 'C', 'D']).toContain(c.tier);
          if (c.tier === 'A' || c.tier === 'B') expect(c.metric).toBeGreaterThan(0);
          if (c.profit !== null && c.profit < 0) expect(c.tier).toBe('D');
        }
        // A holds the biggest: no B/C/D customer has a larger metric than any A customer
        const minA = Math.min(...a.customers.filter((c) => c.tier === 'A').map((c) => c.metric));
        for (const c of a.customers) if (c.tier !== 'A') expect(c.metric).toBeLessThanOrEqual(minA);
      }),
      { numRuns: 150 },
    );
  });

  it('value-score parts add up to the score, each within 0–100', () => {
    fc.assert(
      fc.property(uniqueRows, (rows) => {
        const a = analyze([HEADER, ...rows], { asOf: AS_OF });
        for (const c of a.customers) {
          const s = c.valueScore;
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(100);
          expect(Math.abs(s.parts.reduce((x, p) => x + p.points, 0) - s.score)).toBeLessThanOrEqual(0.05 * s.parts.length + 1e-9);
          expect(s.parts.reduce((x, p) => x + p.weight, 0)).toBeCloseTo(1, 3);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('determinism: the same input gives a deep-equal output', () => {
    fc.assert(
      fc.property(fc.array(anyRow, { minLength: 1, maxLength: 25 }), (rows) => {
        const a = analyze([HEADER, ...rows], { asOf: AS_OF });
        const b = analyze([HEADER, ...rows.map((r) => [...r])], { asOf: AS_OF });
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });

  it('transaction logs: accepted + rejected + skipped = rows read', () => {
    const line = fc.oneof(
      { weight: 6, arbitrary: fc.record({ id: fc.integer({ min: 1, max: 6 }), day: fc.integer({ min: 0, max: 900 }), amount: fc.integer({ min: -50, max: 500 }) }).map((l) => [String(l.id), new Date(Date.UTC(2024, 11, 31) - l.day * 86400000).toISOString().slice(0, 10), String(l.amount)]) },
      { weight: 1, arbitrary: fc.constant<string[]>(['', '', '']) },
      { weight: 1, arbitrary: fc.constant<string[]>(['Customer ID', 'Date', 'Amount']) },
      { weight: 1, arbitrary: fc.constant<string[]>(['Total', '', '999']) },
      { weight: 1, arbitrary: fc.constant<string[]>(['3', '2024-05-05', 'ten']) },
      { weight: 1, arbitrary: fc.constant<string[]>(['3', 'yesterday', '10']) },
      { weight: 1, arbitrary: fc.constant<string[]>(['', '2024-05-05', '10']) },
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), (rows) => {
        if (!rows.some((r) => /^\d$/.test(r[0]!) && /^\d{4}-/.test(r[1]!) && /^-?\d+$/.test(r[2]!))) return;
        const a = analyze([['Customer ID', 'Date', 'Amount'], ...rows], { asOf: AS_OF, model: false });
        const r = a.summary.rows;
        expect(r.read).toBe(rows.length);
        expect(r.accepted + r.rejected + r.skipped).toBe(r.read);
        expect(a.customers.reduce((s, c) => s + c.rows.length, 0)).toBe(r.accepted);
      }),
      { numRuns: 150 },
    );
  });

  it('transaction logs: shuffling order lines changes no customer', () => {
    const line = fc.record({ id: fc.integer({ min: 1, max: 6 }), day: fc.integer({ min: 0, max: 900 }), amount: fc.integer({ min: -50, max: 500 }) }).map((l) => [
      String(l.id),
      new Date(Date.UTC(2024, 11, 31) - l.day * 86400000).toISOString().slice(0, 10),
      String(l.amount),
    ]);
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 2, maxLength: 30 }).chain((rows) => fc.tuple(fc.constant<string[][]>(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))),
        ([rows, shuffled]) => {
          const h = ['Customer ID', 'Date', 'Amount'];
          const a = analyze([h, ...rows], { asOf: AS_OF, model: false });
          const b = analyze([h, ...shuffled], { asOf: AS_OF, model: false });
          const s = (x: Analysis) => x.customers.map(({ rows: _r, ...c }) => c);
          expect(s(b)).toEqual(s(a));
          expect(b.summary).toEqual(a.summary);
        },
      ),
      { numRuns: 100 },
    );
  });
});
