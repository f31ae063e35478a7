import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupedDecimal, MAX_MAGNITUDE, MIN_MAGNITUDE, parseNumber, plainDecimal } from '../../../shared/ingest/parse-number';

const ok = (value: number, percent = false) => ({ ok: true, value, percent });
const FAIL = { ok: false };

describe('parseNumber', () => {
  it.each([
    ['', null],
    ['   ', null],
    ['-', null],
    ['—', null],
    ['N/A', null],
    ['n/a', null],
    ['无', null],
    ['\u3000', null],
  ])('blank %j → null', (cell, expected) => {
    expect(parseNumber(cell)).toBe(expected);
  });

  it('null and undefined are blank', () => {
    expect(parseNumber(null)).toBeNull();
    expect(parseNumber(undefined)).toBeNull();
  });

  it.each([
    [0, ok(0)],
    [1234.5, ok(1234.5)],
    [-7, ok(-7)],
    [NaN, FAIL],
    [Infinity, FAIL],
    [-Infinity, FAIL],
    [true, FAIL],
    [false, FAIL],
    [new Date(2024, 2, 1), FAIL],
    [{}, FAIL],
    [[1], FAIL],
  ])('typed cell %j', (cell, expected) => {
    expect(parseNumber(cell)).toEqual(expected);
  });

  it.each([
    // plain
    ['1234', 1234],
    ['-12.5', -12.5],
    ['+12.5', 12.5],
    ['.5', 0.5],
    ['007', 7],
    [' 42 ', 42],
    ['1e3', 1000],
    ['1.5E-3', 0.0015],
    // currency before or after
    ['¥1,234.50', 1234.5],
    ['￥1,234.50', 1234.5],
    ['$1,234', 1234],
    ['€ 12,50', 12.5],
    ['£99', 99],
    ['1,234元', 1234],
    ['1,234.5 元', 1234.5],
    ['RMB 1,234', 1234],
    ['rmb1234', 1234],
    ['CNY 88', 88],
    ['1234 USD', 1234],
    ['EUR 1.234,50', 1234.5],
    ['US$1,000', 1000],
    ['人民币500', 500],
    // thousands separators and decimal comma
    ['1,234', 1234],
    ['1,234,567', 1234567],
    ['1,234,567.89', 1234567.89],
    ['1.234.567', 1234567],
    ['1.234.567,89', 1234567.89],
    ['1.234,50', 1234.5],
    ['1 234,5', 1234.5],
    ['1 234 567', 1234567],
    ['1\u00a0234,5', 1234.5],
    ['1\u2009234', 1234],
    ['1\u202f234.5', 1234.5],
    ["1'234.50", 1234.5],
    ['1’234', 1234],
    ['1 234,567', 1234.567],
    ['1234,5', 1234.5],
    ['1,23', 1.23],
    ['0,123', 0.123],
    [',5', 0.5],
    ['1.234', 1.234],
    // Chinese units and k
    ['1.2万', 12000],
    ['3亿', 300000000],
    ['5千', 5000],
    ['1.2千万', 12000000],
    ['2.5万元', 25000],
    ['¥3万', 30000],
    ['1.5k', 1500],
    ['12K', 12000],
    ['-0.5万', -5000],
    // full width
    ['１２３', 123],
    ['１，２３４．５', 1234.5],
    ['－５', -5],
    ['￥１２３', 123],
    // negatives
    ['(1,234)', -1234],
    ['（1,234）', -1234],
    ['¥(1,234)', -1234],
    ['(¥1,234)', -1234],
    ['−1234', -1234],
    ['1234-', -1234],
    ['-¥1,234', -1234],
    ['¥-1,234', -1234],
    ['$-5', -5],
  ])('%j → %d', (cell, value) => {
    expect(parseNumber(cell)).toEqual(ok(value));
  });

  it.each([
    ['12%', 0.12],
    ['１２％', 0.12],
    ['12.5 %', 0.125],
    ['-3%', -0.03],
    ['(3%)', -0.03],
    ['100%', 1],
    ['0.5%', 0.005],
  ])('percent %j → %d', (cell, value) => {
    expect(parseNumber(cell)).toEqual(ok(value, true));
  });

  it.each([
    '12o0',
    'abc',
    '1.2.3,4,5',
    '1,234.5.6',
    '12 34',
    '1,234 567',
    '1.234,56,7',
    '$',
    '元',
    'k',
    '.',
    '1-2',
    '--5',
    '(5',
    '1万k',
    '12万%',
    '5%%',
    '¥¥5',
    'Infinity',
    'NaN',
    '0x1F',
    '1 234.567,5',
  ])('%j → fail', (cell) => {
    expect(parseNumber(cell)).toEqual(FAIL);
  });

  it('never returns -0', () => {
    expect(Object.is((parseNumber('-0') as { value: number }).value, 0)).toBe(true);
    expect(Object.is((parseNumber('(0)') as { value: number }).value, 0)).toBe(true);
  });

  it('property: String(n) reads back as n for doubles from 10^-9 to 10^15, and as out of range beyond', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const r = parseNumber(String(n));
        if (Math.abs(n) > MAX_MAGNITUDE) expect(r).toEqual({ ok: false, range: 'large' });
        else if (n !== 0 && Math.abs(n) < MIN_MAGNITUDE) expect(r).toEqual({ ok: false, range: 'small' });
        else expect(r).toEqual(ok(n === 0 ? 0 : n));
      }),
      { numRuns: 2000 },
    );
  });

  it('a revenue of 309 digits, 1e300 or a huge JS number is too large, never Infinity', () => {
    const huge = '9'.repeat(309);
    expect(Number(huge)).toBe(Infinity); // what a plain Number() would make of it
    for (const cell of [huge, `-${huge}`, `${huge}.5`, '1e300', '¥1e20', '1,000,000,000,000,001', 1e300, -1e16, 10n ** 400n])
      expect(parseNumber(cell)).toEqual({ ok: false, range: 'large' });
    expect(parseNumber('1e400')).toEqual({ ok: false, range: 'large' });
    expect(parseNumber(Infinity)).toEqual({ ok: false });
    expect(parseNumber('999999999999999')).toEqual(ok(999999999999999));
    expect(parseNumber('1e15')).toEqual(ok(1e15));
    expect(parseNumber(-1e15)).toEqual(ok(-1e15));
    for (const cell of ['5e-324', 5e-324, '0.0000000001', '-1e-10']) expect(parseNumber(cell)).toEqual({ ok: false, range: 'small' });
    expect(parseNumber('0.000000001')).toEqual(ok(1e-9));
    expect(parseNumber('0e-400')).toEqual(ok(0));
  });

  it('property: integers with comma thousands separators read back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const text = n.toLocaleString('en-US');
        expect(parseNumber(text)).toEqual(ok(n));
        expect(parseNumber(`¥${text}`)).toEqual(ok(n));
      }),
    );
  });

  it('property: two-decimal amounts in German and French notation read back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), (cents) => {
        const n = cents / 100;
        const de = n.toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        const fr = n.toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        expect(parseNumber(de)).toEqual(ok(n));
        expect(parseNumber(fr)).toEqual(ok(n));
      }),
    );
  });
});

describe('plainDecimal (the fast path for plain decimal texts)', () => {
  it.each([
    ['1234', 1234],
    ['-12.5', -12.5],
    ['0', 0],
    ['-0', 0],
    ['007', 7],
    ['0.000000001', 1e-9],
  ])('%s → %s', (text, value) => {
    expect(Object.is(plainDecimal(text), value)).toBe(true);
  });

  it.each(['', '-', '1.', '.5', '+1', '1,234', ' 1', '1 ', '1e3', '12%', '¥12', '0.0000000001', '1'.padEnd(17, '0'), '１２'])('%j is left to the general path', (text) => {
    expect(plainDecimal(text)).toBeNaN();
  });

  it('reads every plain decimal exactly as Number does (short ones without it), NaN out of range', () => {
    const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), minLength: min, maxLength: max });
    const text = fc.tuple(fc.boolean(), digits(1, 18), fc.option(digits(1, 18), { nil: undefined })).map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac === undefined ? '' : `.${frac}`}`);
    fc.assert(
      fc.property(text, (t) => {
        const v = Number(t);
        const inRange = Math.abs(v) <= MAX_MAGNITUDE && (v === 0 || Math.abs(v) >= MIN_MAGNITUDE);
        const got = plainDecimal(t);
        if (inRange) expect(Object.is(got, v === 0 ? 0 : v)).toBe(true);
        else expect(got).toBeNaN();
      }),
      { numRuns: 5000 },
    );
  });

  it('gives what parseNumber reads, or NaN', () => {
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '.', '-', ',', ' ', 'e'), maxLength: 20 }),
      fc.double({ noNaN: true }).map(String),
    );
    fc.assert(
      fc.property(text, (t) => {
        const v = plainDecimal(t);
        if (Number.isNaN(v)) return;
        const p = parseNumber(t);
        expect(p).toEqual({ ok: true, value: v, percent: false });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('groupedDecimal (the fast path for amounts with thousands commas)', () => {
  it.each([
    ['1,234', 1234],
    ['1,234.50', 1234.5],
    ['-1,234.5', -1234.5],
    ['¥1,234', 1234],
    ['￥12,345,678.9', 12345678.9],
    ['-¥1,000', -1000],
    ['¥-1,000', -1000],
    ['$999,999,999,999.99', 999999999999.99],
    ['€1,000', 1000],
    ['£0,123.5', 123.5],
    ['-0,000.0', 0],
    ['¥80', 80],
    ['-$45.5', -45.5],
    ['￥0', 0],
  ])('%s → %s', (text, value) => {
    expect(Object.is(groupedDecimal(text), value)).toBe(true);
    // The general path's reading (a leading space keeps parseNumber off its fast paths) agrees.
    expect(parseNumber(` ${text}`)).toEqual({ ok: true, value, percent: false });
  });

  // Left to the general path: a decimal comma, no commas at all, bad groups, spaces, other decorations.
  it.each(['0,123', '1234', '1,23', '1,2345', '12345,678', '1,234.', '1,234.5.6', '1.234,5', '1,234,5', ' 1,234', '1,234 ', '(1,234)', '1,234元', '--1,234', '¥¥1,234', '−1,234', ',123', '1,,234', '1,234%', '10,000,000,000,000,000', '1234,567', '¥.5', '¥', '-¥', '¥1.', '¥1.2.3'])('%j is left to the general path', (text) => {
    expect(groupedDecimal(text)).toBeNaN();
  });

  it('gives what the general path reads, or NaN', () => {
    const grouped = fc
      .tuple(fc.constantFrom('', '-', '¥', '-¥', '¥-', '$', '￥', '€-', '£'), fc.integer({ min: 0, max: 2 ** 53 - 1 }), fc.option(fc.stringMatching(/^[0-9]{1,8}$/), { nil: undefined }))
      .map(([pre, int, frac]) => `${pre}${int.toLocaleString('en-US')}${frac === undefined ? '' : `.${frac}`}`);
    const noisy = fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '.', '-', ',', '¥', '$', ' '), maxLength: 16 });
    // Digit groups of any length joined by commas: most are not thousands groups.
    const anyGroups = fc
      .tuple(fc.constantFrom('', '-', '¥'), fc.array(fc.stringMatching(/^[0-9]{1,5}$/), { minLength: 1, maxLength: 5 }), fc.option(fc.stringMatching(/^[0-9]{0,3}$/), { nil: undefined }))
      .map(([pre, groups, frac]) => `${pre}${groups.join(',')}${frac === undefined ? '' : `.${frac}`}`);
    fc.assert(
      fc.property(fc.oneof(grouped, noisy, anyGroups), (t) => {
        const v = groupedDecimal(t);
        // A leading space keeps parseNumber off both fast paths: its general reading of the same text.
        const general = parseNumber(` ${t}`);
        if (Number.isNaN(v)) {
          // A grouped amount of the fast path's shape is refused only out of range (and '0,123' is a decimal comma).
          const shape = /^(-?[¥$￥€£]?|[¥$￥€£]-)\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) || /^(-?[¥$￥€£]|[¥$￥€£]-)\d+(\.\d+)?$/.test(t);
          if (shape && !/^[^0-9]*0+,\d{3}$/.test(t)) expect(general).toMatchObject({ ok: false });
          return;
        }
        expect(general).toEqual({ ok: true, value: v, percent: false });
        expect(parseNumber(t)).toEqual({ ok: true, value: v, percent: false });
      }),
      { numRuns: 5000 },
    );
  });
});
