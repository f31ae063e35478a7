import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  dayToIso,
  decideDayOrder,
  parseDateBothWays,
  isoToDay,
  parseDate,
  todayDay,
  type DayOrder,
} from '../../../shared/ingest/parse-date';

const day = (iso: string): number => {
  const d = isoToDay(iso);
  if (d === null) throw new Error(`bad iso ${iso}`);
  return d;
};

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
    ['2024-03-01', 19783],
    ['1899-12-30', -25569],
    ['9999-12-31', 2932896],
  ])('%s is day %d', (iso, n) => {
    expect(isoToDay(iso)).toBe(n);
    expect(dayToIso(n)).toBe(iso);
  });

  it('agrees with Date.UTC', () => {
    expect(isoToDay('2026-11-28')).toBe(Date.UTC(2026, 10, 28) / 86400000);
  });

  it.each(['2024-02-30', '2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-3-1', '24-03-01', 'x', ''])(
    'isoToDay(%j) is null',
    (iso) => {
      expect(isoToDay(iso)).toBeNull();
    },
  );

  it('leap days', () => {
    expect(isoToDay('2024-02-29')).not.toBeNull();
    expect(isoToDay('2000-02-29')).not.toBeNull();
  });

  it('property: dayToIso and isoToDay round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: day('1000-01-01'), max: day('9999-12-31') }), (n) => {
        const iso = dayToIso(n);
        expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(isoToDay(iso)).toBe(n);
        expect(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8))) / 864e5).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('todayDay uses the local calendar', () => {
    expect(todayDay(new Date(2024, 2, 1, 0, 0, 1))).toBe(day('2024-03-01'));
    expect(todayDay(new Date(2024, 2, 1, 23, 59, 59))).toBe(day('2024-03-01'));
    expect(typeof todayDay()).toBe('number');
  });
});

describe('parseDate', () => {
  const MARCH_1 = day('2024-03-01');

  it.each(['2024-03-01', '2024-3-1', '2024/3/1', '2024/03/01', '2024.3.1', '2024 - 03 - 01'])('%j', (cell) => {
    expect(parseDate(cell, 'mdy')).toBe(MARCH_1);
    expect(parseDate(cell, 'dmy')).toBe(MARCH_1);
  });

  it.each([
    ['2024年3月1日', '2024-03-01'],
    ['2024年03月01日', '2024-03-01'],
    ['2024年3月1号', '2024-03-01'],
    ['2024 年 3 月 1 日', '2024-03-01'],
    ['2024年3月', '2024-03-01'],
    ['２０２４年３月１日', '2024-03-01'],
    ['２０２４－０３－０１', '2024-03-01'],
    ['24年3月1日', '2024-03-01'],
    ['20240301', '2024-03-01'],
    ['19991231', '1999-12-31'],
    ['2010-12-01 09:37:00', '2010-12-01'],
    ['2010-12-01 9:37', '2010-12-01'],
    ['2010/12/1 9:37:00 PM', '2010-12-01'],
    ['2024-03-01T09:37:00Z', '2024-03-01'],
    ['2024-03-01T23:59:59.999+08:00', '2024-03-01'],
    ['2024年3月1日 10:00', '2024-03-01'],
    ['Mar 1, 2024', '2024-03-01'],
    ['March 1, 2024', '2024-03-01'],
    ['March 1 2024', '2024-03-01'],
    ['mar. 1, 2024', '2024-03-01'],
    ['Sept 30, 2024', '2024-09-30'],
    ['Friday, March 1, 2024', '2024-03-01'],
    ['1 March 2024', '2024-03-01'],
    ['1st March 2024', '2024-03-01'],
    ['1-Mar-2024', '2024-03-01'],
    ['01-MAR-24', '2024-03-01'],
    ['1 Dec 1999', '1999-12-01'],
    ['March 2024', '2024-03-01'],
    ['45352', '2024-03-01'],
    ['45352.75', '2024-03-01'],
    ['25569', '1970-01-01'],
  ])('%j → %s', (cell, iso) => {
    expect(parseDate(cell, 'mdy')).toBe(day(iso));
  });

  it.each<[string, DayOrder, string]>([
    ['3/1/2024', 'mdy', '2024-03-01'],
    ['3/1/2024', 'dmy', '2024-01-03'],
    ['1/3/2024', 'dmy', '2024-03-01'],
    ['13/02/2024', 'dmy', '2024-02-13'],
    ['02/13/2024', 'mdy', '2024-02-13'],
    ['3.1.2024', 'dmy', '2024-01-03'],
    ['3-1-2024', 'mdy', '2024-03-01'],
    ['3/1/24', 'mdy', '2024-03-01'],
    ['3/1/69', 'mdy', '2069-03-01'],
    ['3/1/70', 'mdy', '1970-03-01'],
    ['12/31/99', 'mdy', '1999-12-31'],
    ['3/1/2024 14:05', 'mdy', '2024-03-01'],
  ])('%j as %s → %s', (cell, order, iso) => {
    expect(parseDate(cell, order)).toBe(day(iso));
  });

  it('an order that contradicts the value is invalid, not swapped', () => {
    expect(parseDate('13/02/2024', 'mdy')).toBe('invalid');
    expect(parseDate('02/13/2024', 'dmy')).toBe('invalid');
  });

  it.each([
    [45352, '2024-03-01'],
    [45352.5, '2024-03-01'],
    [25569, '1970-01-01'],
    [61, '1900-03-01'],
    [1, '1899-12-31'],
    [2958465, '9999-12-31'],
    [20240301, '2024-03-01'],
  ])('number %d → %s', (cell, iso) => {
    expect(parseDate(cell, 'mdy')).toBe(day(iso));
  });

  it.each([0, -5, 0.5, 2958466, 20241301, NaN, Infinity])('number %d → invalid', (n) => {
    expect(parseDate(n, 'mdy')).toBe('invalid');
  });

  it('Date objects use the local calendar date', () => {
    expect(parseDate(new Date(2024, 2, 1), 'mdy')).toBe(MARCH_1);
    expect(parseDate(new Date(2024, 2, 1, 23, 30), 'dmy')).toBe(MARCH_1);
    expect(parseDate(new Date(NaN), 'mdy')).toBe('invalid');
  });

  it.each(['', '  ', '-', '—', 'N/A', '无', null, undefined])('blank %j → null', (cell) => {
    expect(parseDate(cell, 'mdy')).toBeNull();
  });

  it.each([
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024年2月30日',
    '2024年13月',
    '20240230',
    '2/30/2024',
    '31/4/2024',
    'Feb 30, 2024',
    'Foo 1, 2024',
    'abc',
    '12345',
    '99999',
    '123',
    '2024',
    '2024-03',
    '1/2',
    '2024-03/01',
    'yesterday',
    true,
    {},
  ])('%j → invalid', (cell) => {
    expect(parseDate(cell, 'dmy')).toBe('invalid');
  });
});

describe('parseDate fast path for date-times', () => {
  it.each([
    ['2010-12-01 09:37', '2010-12-01'],
    ['2010-12-01 09:37:00', '2010-12-01'],
    ['2010-12-01T23:59:59', '2010-12-01'],
  ])('%j → %s', (cell, iso) => {
    expect(parseDate(cell, 'mdy')).toBe(day(iso));
  });

  it('2024-02-30 09:00 is invalid, as the date alone is', () => {
    expect(parseDate('2024-02-30 09:00', 'mdy')).toBe('invalid');
  });

  it('reads every YYYY-MM-DD hh:mm[:ss] as the general pattern does (that text with a leading space)', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(
        fc.record({
          y: fc.integer({ min: 1000, max: 9999 }),
          m: fc.integer({ min: 0, max: 19 }),
          d: fc.integer({ min: 0, max: 39 }),
          h: fc.integer({ min: 0, max: 99 }),
          mi: fc.integer({ min: 0, max: 99 }),
          s: fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }),
          t: fc.constantFrom(' ', 'T'),
        }),
        ({ y, m, d, h, mi, s, t }) => {
          const cell = `${y}-${two(m)}-${two(d)}${t}${two(h)}:${two(mi)}${s === undefined ? '' : `:${two(s)}`}`;
          expect(parseDate(cell, 'mdy')).toBe(parseDate(` ${cell}`, 'mdy'));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('decideDayOrder', () => {
  it('a first part over 12 decides day-first', () => {
    expect(decideDayOrder(['13/02/2024', '1/3/2024'])).toEqual({ order: 'dmy', decided: true, conflicting: false });
  });

  it('a second part over 12 decides month-first', () => {
    expect(decideDayOrder(['1/3/2024', '2/13/2024', null, ''])).toEqual({
      order: 'mdy',
      decided: true,
      conflicting: false,
    });
  });

  it('nothing unambiguous: mdy, undecided', () => {
    expect(decideDayOrder(['1/3/2024', '2024-03-13', 45352, new Date(2024, 0, 20), 'x'])).toEqual({
      order: 'mdy',
      decided: false,
      conflicting: false,
    });
    expect(decideDayOrder([])).toEqual({ order: 'mdy', decided: false, conflicting: false });
  });

  it('conflicting values: majority wins and the conflict is reported', () => {
    expect(decideDayOrder(['13/1/2024', '14/1/2024', '1/13/2024'])).toEqual({
      order: 'dmy',
      decided: true,
      conflicting: true,
    });
    expect(decideDayOrder(['13/1/2024', '1/13/2024'])).toEqual({ order: 'mdy', decided: true, conflicting: true });
  });

  it('dots, dashes, two-digit years and full-width digits count', () => {
    expect(decideDayOrder(['25.12.23']).order).toBe('dmy');
    expect(decideDayOrder(['２５/１２/２０２３']).order).toBe('dmy');
    expect(decideDayOrder(['12-25-2023']).order).toBe('mdy');
  });
});

describe('a/b/yyyy written plainly (read digit by digit)', () => {
  it('reads as the general reading of the same text, in both orders, and decides the order the same way', () => {
    const part = fc.oneof(fc.integer({ min: 0, max: 99 }).map(String), fc.integer({ min: 0, max: 9 }).map((d) => `0${d}`), fc.constantFrom('', '1a', '１', '123'));
    const text = fc
      .tuple(part, fc.constantFrom('/', '.', '-', ' ', ','), part, fc.constantFrom('/', '.', '-'), fc.oneof(fc.integer({ min: 0, max: 9999 }).map((y) => String(y).padStart(4, '0')), fc.constantFrom('24', '20245', '2024 ', '2024T10:00')))
      .map(([a, m1, b, m2, y]) => `${a}${m1}${b}${m2}${y}`);
    fc.assert(
      fc.property(text, (t) => {
        // A leading space keeps parseDate off its digit-by-digit reading: the regular expressions' reading.
        for (const order of ['mdy', 'dmy'] as const) expect(parseDate(t, order)).toBe(parseDate(` ${t}`, order));
        const both: { mdy: number | null | 'invalid'; dmy: number | null | 'invalid' } = { mdy: null, dmy: null };
        parseDateBothWays(t, both);
        expect(both).toEqual({ mdy: parseDate(` ${t}`, 'mdy'), dmy: parseDate(` ${t}`, 'dmy') });
        expect(decideDayOrder([t])).toEqual(decideDayOrder([` ${t}`]));
      }),
      { numRuns: 3000 },
    );
  });
});
