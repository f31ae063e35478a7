/**
 * The columnar log summary (typed columns, counting-sort grouping) against a plain reference that
 * follows the documented rules with maps of lists: on random small logs with returns, same-day
 * purchases, rows after the analysis date, rejected rows and ids written "12348.0" / 12348, every
 * customer's figures, history and row list are the same, and shuffling the rows changes nothing
 * but the row numbers.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readTransactions } from '../../../shared/ingest/read-transactions';
import { keyOf } from '../../../shared/ingest/cell-reader';
import { dayToIso, isoToDay } from '../../../shared/ingest/parse-date';
import { sortIdsByText, TextPrefixes } from '../../../shared/ingest/sort-by-text';

const FIRST = isoToDay('2024-01-01')!;
const HEADER = ['Customer ID', 'Date', 'Amount', 'Invoice'];

interface Line {
  key: string | number;
  /** Day offset from 2024-01-01, or null for a blank date. */
  day: number | null;
  /** Amount in quarters (exact in binary, so sums do not depend on their order), or null for 'abc'. */
  quarters: number | null;
  cancelInvoice: boolean;
}

const line: fc.Arbitrary<Line> = fc.record({
  key: fc.constantFrom<string | number>('12348', '12348.0', 12348, ' 12348 ', 'A', 'a', 'B1', 7, '7.00', 'Zoë', '客户1', ''),
  day: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null, freq: 12 }),
  quarters: fc.option(fc.integer({ min: -40, max: 400 }), { nil: null, freq: 12 }),
  cancelInvoice: fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
});

function table(lines: readonly Line[]): unknown[][] {
  return [
    HEADER,
    ...lines.map((l) => [l.key, l.day === null ? '' : dayToIso(FIRST + l.day), l.quarters === null ? 'abc' : l.quarters / 4, l.cancelInvoice ? 'C9' : 'A9']),
  ];
}

interface RefCustomer {
  key: string;
  rows: number[];
  purchases: Map<number, number>;
  cancels: { day: number; amount: number }[];
  returns: number;
}

/** The documented rules, written plainly. */
function reference(lines: readonly Line[], asOf: string | undefined, period: number) {
  const cut = asOf === undefined ? Infinity : isoToDay(asOf)!;
  const byKey = new Map<string, RefCustomer>();
  const later = new Set<string>();
  const counts = { read: lines.length, accepted: 0, rejected: 0, skipped: 0 };
  let minDay = Infinity;
  let maxDay = -Infinity;
  lines.forEach((l, i) => {
    const key = keyOf(l.key);
    if (key === null || l.day === null || l.quarters === null) {
      counts.rejected++;
      return;
    }
    const day = FIRST + l.day;
    const amount = l.quarters / 4;
    if (day > cut) {
      counts.skipped++;
      later.add(key);
      return;
    }
    counts.accepted++;
    minDay = Math.min(minDay, day);
    maxDay = Math.max(maxDay, day);
    let c = byKey.get(key);
    if (!c) {
      c = { key, rows: [], purchases: new Map(), cancels: [], returns: 0 };
      byKey.set(key, c);
    }
    c.rows.push(i + 2);
    if (amount < 0 || l.cancelInvoice) {
      c.returns += Math.abs(amount);
      c.cancels.push({ day, amount: -Math.abs(amount) });
    } else c.purchases.set(day, (c.purchases.get(day) ?? 0) + amount);
  });
  const asOfDay = Number.isFinite(cut) ? cut : maxDay;
  const curStart = asOfDay - period;
  const prevStart = curStart - period;
  const prevKnown = minDay <= prevStart + 1;
  const customers = [...byKey.values()]
    .sort((p, q) => (p.key < q.key ? -1 : 1))
    .map((c) => {
      const days = [...c.purchases.keys()].sort((p, q) => p - q);
      const inPeriod = (d: number, from: number, to: number) => d > from && d <= to;
      let revenue = 0;
      let revenuePrev = 0;
      for (const d of days) {
        if (inPeriod(d, curStart, asOfDay)) revenue += c.purchases.get(d)!;
        else if (inPeriod(d, prevStart, curStart)) revenuePrev += c.purchases.get(d)!;
      }
      for (const x of c.cancels) {
        if (x.day > curStart) revenue += x.amount;
        else if (x.day > prevStart) revenuePrev += x.amount;
      }
      const firstCurrent = days.findIndex((d) => d > curStart);
      const gap = firstCurrent > 0 ? days[firstCurrent]! - days[firstCurrent - 1]! : null;
      return {
        input: {
          key: c.key,
          rows: c.rows,
          orders: days.length,
          firstPurchase: days.length ? days[0]! : null,
          lastPurchase: days.length ? days[days.length - 1]! : null,
          revenue,
          revenuePrev: prevKnown ? revenuePrev : null,
          gapBeforeCurrent: gap,
        },
        history: { key: c.key, days, amounts: days.map((d) => c.purchases.get(d)!), returns: c.returns },
      };
    });
  let laterCustomers = 0;
  for (const k of later) if (!byKey.has(k)) laterCustomers++;
  return { customers, counts, afterAsOf: { rows: counts.skipped, customers: laterCustomers } };
}

/** The fields the reference computes, from the reader's result. */
function summary(r: ReturnType<typeof readTransactions>) {
  return r.customers.toInputs().map((c, i) => ({
    input: {
      key: c.key,
      rows: c.rows,
      orders: c.orders,
      firstPurchase: c.firstPurchase,
      lastPurchase: c.lastPurchase,
      revenue: c.revenue,
      revenuePrev: c.revenuePrev,
      gapBeforeCurrent: c.gapBeforeCurrent,
    },
    history: r.histories[i],
  }));
}

const asOfArb = fc.option(fc.integer({ min: 0, max: 70 }).map((d) => dayToIso(FIRST + d)), { nil: undefined });
const periodArb = fc.constantFrom(7, 20, 365);

describe('columnar log summary = plain reference', () => {
  it('same customers, histories, row lists, counts and later customers', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), asOfArb, periodArb, (lines, asOf, period) => {
        const expected = reference(lines, asOf, period);
        if (expected.counts.accepted === 0 && asOf === undefined) return; // no date to analyse at
        const r = readTransactions(table(lines), { asOf, periodDays: period });
        expect(summary(r)).toEqual(expected.customers);
        expect(r.rows).toEqual(expected.counts);
        expect(r.afterAsOf).toEqual(expected.afterAsOf);
        expect(new Set(r.errors.filter((e) => e.fatal).map((e) => e.row)).size).toBe(expected.counts.rejected);
      }),
      { numRuns: 300 },
    );
  });

  it('a log longer than a batch of key lookups (its lines repeated): the same as the reference', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 10, maxLength: 40 }), fc.integer({ min: 14, max: 30 }), asOfArb, periodArb, (some, times, asOf, period) => {
        const lines = Array.from({ length: times }, () => some).flat();
        const expected = reference(lines, asOf, period);
        if (expected.counts.accepted === 0 && asOf === undefined) return;
        const r = readTransactions(table(lines), { asOf, periodDays: period });
        expect(summary(r)).toEqual(expected.customers);
        expect(r.rows).toEqual(expected.counts);
        expect(r.afterAsOf).toEqual(expected.afterAsOf);
      }),
      { numRuns: 60 },
    );
  });

  it('shuffling the rows changes only the row numbers', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), asOfArb, fc.integer(), (lines, asOf, seed) => {
        if (!lines.some((l) => keyOf(l.key) !== null && l.day !== null && l.quarters !== null) && asOf === undefined) return;
        const order = lines.map((_, i) => i).sort((p, q) => ((p * 7919 + seed) % 61) - ((q * 7919 + seed) % 61) || p - q);
        const a = readTransactions(table(lines), { asOf });
        const b = readTransactions(table(order.map((i) => lines[i]!)), { asOf });
        const strip = (r: typeof a) => ({ inputs: r.customers.toInputs().map(({ rows: _rows, ...c }) => c), histories: r.histories, rows: r.rows, afterAsOf: r.afterAsOf, asOf: r.asOf });
        expect(strip(b)).toEqual(strip(a));
        // the same lines, renumbered
        const back = (r: typeof a, perm: readonly number[]) => r.customers.toInputs().map((c) => c.rows.map((n) => perm[n - 2]!).sort((p, q) => p - q));
        expect(back(b, order)).toEqual(back(a, lines.map((_, i) => i)));
      }),
      { numRuns: 200 },
    );
  });
});

/** Strings with shared prefixes, empty text, CJK and surrogate pairs, and repeats (the same key on several rows). */
const texts = fc.array(
  fc.tuple(fc.constantFrom('', 'C00', 'customer-0000', '客户', '\u{1F600}'), fc.string({ unit: fc.constantFrom('0', '1', '9', 'a', 'Z', ' ', '~', '中', '\uD83D', '\uDE00', '\u0000', '\uFFFF'), maxLength: 12 })).map(([p, s]) => p + s),
  { maxLength: 80 },
).chain((list) => fc.shuffledSubarray([...list, ...list]));

describe('sortIdsByText', () => {
  it('orders ids exactly as comparing their texts, then the ids, orders them, with or without recorded prefixes', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 0, max: 1000 }), (list, offset) => {
        // ids need not start at 0 nor be dense: place the texts at scattered positions
        const byId: string[] = [];
        const ids = new Int32Array(list.length);
        list.forEach((t, i) => {
          ids[i] = offset + i * 3;
          byId[offset + i * 3] = t;
        });
        const recorded = new TextPrefixes();
        for (const id of ids) recorded.add(id, byId[id]!);
        const again = ids.slice();
        sortIdsByText(ids, byId);
        // the texts in order, equal texts by ascending id
        const expected = Array.from(list.keys(), (i) => offset + i * 3).sort((a, b) => (byId[a]! < byId[b]! ? -1 : byId[a]! > byId[b]! ? 1 : a - b));
        expect(Array.from(ids)).toEqual(expected);
        // the same order from the prefixes recorded when the texts were met
        sortIdsByText(again, byId, recorded);
        expect(Array.from(again)).toEqual(Array.from(ids));
      }),
      { numRuns: 400 },
    );
  });

  it('orders long runs of texts that share their first characters (as a city begins Chinese company names) the same way', () => {
    // Few distinct leading characters and a small alphabet: runs of hundreds of ties, several passes deep, with repeats.
    const name = fc
      .tuple(fc.constantFrom('上海', '上海华', '北京', 'C0000', ''), fc.string({ unit: fc.constantFrom('华', '东', '精', '密', 'a', '0', ' ', '\u0000', '\uFFFF'), maxLength: 14 }))
      .map(([p, s]) => p + s);
    fc.assert(
      fc.property(fc.array(name, { minLength: 100, maxLength: 3000 }), (list) => {
        const ids = Int32Array.from(list.keys());
        sortIdsByText(ids, list);
        const expected = Array.from(list.keys()).sort((a, b) => (list[a]! < list[b]! ? -1 : list[a]! > list[b]! ? 1 : a - b));
        expect(Array.from(ids)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
