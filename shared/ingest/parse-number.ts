/**
 * Reading a number out of a cell as people write it (method §1 "Inputs").
 */
import { foldWidth, isBlankCell } from './normalize-text';

export type ParsedNumber = { ok: true; value: number; percent: boolean } | { ok: false; range?: 'large' | 'small' };

const FAIL: ParsedNumber = { ok: false };
const TOO_LARGE: ParsedNumber = { ok: false, range: 'large' };
const TOO_SMALL: ParsedNumber = { ok: false, range: 'small' };

/**
 * The largest magnitude read as a figure: 10^15 (a thousand trillion). No revenue, profit, count
 * or balance of one customer in any currency comes near it, every integer up to it is exact in a
 * double, and sums of millions of such cells stay far from overflow — so a cell of 309 digits
 * (which would read as Infinity) or '1e300' is reported instead of poisoning every total.
 */
export const MAX_MAGNITUDE = 1e15;

/**
 * The smallest magnitude other than 0: 10^-9. Nothing in a sales table is finer (a thousandth of
 * a cent is 10^-5), and a denominator such as a previous revenue of 5e-324 would turn a growth
 * rate into Infinity.
 */
export const MIN_MAGNITUDE = 1e-9;

/** A value read from well-formed digits: beyond MAX_MAGNITUDE (Infinity included) it is too large. */
function checked(value: number, percent: boolean): ParsedNumber {
  if (Number.isNaN(value)) return FAIL;
  if (!(Math.abs(value) <= MAX_MAGNITUDE)) return TOO_LARGE;
  if (value !== 0 && Math.abs(value) < MIN_MAGNITUDE) return TOO_SMALL;
  return { ok: true, value: value === 0 ? 0 : value, percent };
}

/**
 * The value parseNumber reads from a plain decimal cell ('1234', '-12.5'), without building its
 * result; NaN when the text is not a plain decimal or its value is out of range (parseNumber then
 * says why). Most cells of a CSV log look like this.
 */
export function plainDecimal(text: string): number {
  return plainDecimalAt(text, 0, text.length);
}

/**
 * plainDecimal of the cell text.slice(from, to), read in place: a reader that cuts its cells out of
 * a file's text reads most numbers without making a string of them.
 */
export function plainDecimalAt(text: string, from: number, to: number): number {
  let i = text.charCodeAt(from) === 45 && from < to ? from + 1 : from;
  const negative = i > from;
  let mantissa = 0;
  let digits = 0;
  let point = -1; // digits before the '.'
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
    } else if (c === 46 && point < 0 && digits > 0) point = digits;
    else return NaN;
  }
  if (digits === 0 || point === digits) return NaN;
  return decimalValue(text, negative ? from + 1 : from, to, mantissa, digits, point, negative);
}

/**
 * The number whose `digits` decimal digits, `point` of them before the '.' (−1: no point), read as
 * the integer `mantissa`; NaN out of range (MAX_MAGNITUDE, MIN_MAGNITUDE). Up to 15 digits the
 * mantissa and the power of ten are exact doubles, so one division rounds as Number(text) does
 * (Clinger 1990, "How to read floating point numbers accurately", the exact fast path); longer
 * numbers are left to Number, on text[from…to) without its thousands commas.
 */
function decimalValue(text: string, from: number, to: number, mantissa: number, digits: number, point: number, negative: boolean): number {
  let value = digits > 15 ? Number(text.slice(from, to).replace(/,/g, '')) : point < 0 ? mantissa : mantissa / POW10[digits - point]!;
  if (negative) value = -value;
  if (!(Math.abs(value) <= MAX_MAGNITUDE) || (value !== 0 && Math.abs(value) < MIN_MAGNITUDE)) return NaN;
  return value === 0 ? 0 : value;
}

/** Currency signs groupedDecimal takes before an amount: ¥ ￥ $ € £ (each one parseNumber takes). */
const SIGN_CURRENCIES = new Set([0xa5, 0xffe5, 0x24, 0x20ac, 0xa3]);

/**
 * The value parseNumber reads from a decimal written with thousands commas or after a currency sign,
 * with at most one minus sign and one currency sign before it in either order ('1,234.50',
 * '-¥1,234', '$12,345,678', '¥80'), as Excel and finance exports write amounts; NaN for any other
 * text (parseNumber then reads it or says why). The commas must group the digits before the point in
 * threes after a first group of one to three, and '0,123' (one comma after zeros, no point) is a
 * decimal comma, left to parseNumber.
 */
export function groupedDecimal(text: string): number {
  const n = text.length;
  let i = 0;
  let negative = false;
  let currency = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 45 && !negative) negative = true;
    else if (!currency && SIGN_CURRENCIES.has(c)) currency = true;
    else break;
  }
  const start = i;
  let mantissa = 0;
  let digits = 0;
  let group = 0; // digits since the last comma (or the start)
  let commas = 0;
  let firstNonZero = false;
  let point = -1; // digits before the '.'
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      group++;
      if (commas === 0 && c !== 48) firstNonZero = true;
    } else if (c === 44 && point < 0) {
      if (commas === 0 ? group < 1 || group > 3 : group !== 3) return NaN;
      commas++;
      group = 0;
    } else if (c === 46 && point < 0 && digits > 0 && (commas === 0 || group === 3)) point = digits;
    else return NaN;
  }
  if ((commas === 0 && !currency) || digits === 0 || (commas > 0 && point < 0 && group !== 3) || point === digits) return NaN;
  if (commas === 1 && point < 0 && !firstNonZero) return NaN;
  return decimalValue(text, start, n, mantissa, digits, point, negative);
}

/**
 * The value parseNumber reads from a cell that is a plain decimal text, an amount with thousands
 * commas or a currency sign (groupedDecimal) or a number within range, without building its
 * result (−0 reads as 0); NaN for any other cell, which parseNumber then reads or refuses with its
 * reason.
 */
export function plainValue(cell: unknown): number {
  if (typeof cell === 'string') {
    const v = plainDecimal(cell);
    return Number.isNaN(v) ? groupedDecimal(cell) : v;
  }
  if (typeof cell !== 'number' || !(Math.abs(cell) <= MAX_MAGNITUDE) || (cell !== 0 && Math.abs(cell) < MIN_MAGNITUDE)) return NaN;
  return cell === 0 ? 0 : cell;
}

/** 10^0 … 10^15, each an exact double. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Currency signs and codes accepted before or after the amount, longest first. */
const CURRENCIES = [
  'us$',
  'hk$',
  'nt$',
  'a$',
  'c$',
  's$',
  'rmb',
  'cny',
  'usd',
  'eur',
  'gbp',
  'hkd',
  'jpy',
  'twd',
  'sgd',
  'aud',
  'cad',
  '人民币',
  '美元',
  '元',
  '¥',
  '$',
  '€',
  '£',
];

/** Multipliers written after the amount (Chinese units, k). Exponents of ten. */
const UNITS: Record<string, number> = { 万: 4, 亿: 8, 千: 3, 百: 2, k: 3 };

/** Characters that only ever separate thousands. */
const SPACE_SEPARATORS = new Set([' ', '\u00a0', '\u2009', '\u202f', '\u2007', "'", '’']);

/** Minus signs: ASCII hyphen-minus, U+2212 minus, en dash. */
const MINUS = new Set(['-', '−', '–']);

/**
 * Reads a number from a spreadsheet or CSV cell (method §1).
 *
 * - Blank ('' / null / undefined / whitespace / '-' / '—' / 'N/A' / '无') → `null`.
 * - Finite JS numbers pass through; NaN, ±Infinity, booleans, Dates and other objects fail.
 * - Magnitudes above MAX_MAGNITUDE (10^15) fail with `range: 'large'` (a 309-digit cell is not
 *   Infinity), non-zero magnitudes below MIN_MAGNITUDE (10^-9) with `range: 'small'`.
 * - Strings: currency signs and codes before or after (¥ ￥ $ € £ 元 RMB CNY USD EUR …);
 *   thousands separators ',' '.' space, NBSP, thin space, '’', "'"; decimal comma.
 *   Choice for ambiguous separators: with both ',' and '.', the last one is the decimal mark;
 *   a lone ',' followed by exactly three digits is a thousands separator ('1,234' = 1234) unless the
 *   integer part is 0, otherwise it is a decimal comma ('1234,5'); a lone '.' is always decimal
 *   ('1.234' = 1.234); several of the same mark are thousands separators and groups must be three
 *   digits; with space separators a lone ',' or '.' is decimal ('1 234,567' = 1234.567).
 * - Units after the number: 万 (1e4), 亿 (1e8), 千 (1e3), 百 (1e2), combinable ('1.2千万'), and k/K.
 * - Percent: '12%' → 0.12 with `percent: true` (also '％').
 * - Negatives: leading '-' / '−', accounting parentheses '(1,234)', trailing '-' ('1234-').
 * - Full-width digits and punctuation are read as ASCII.
 * Anything else ('12o0', 'abc', '1.2.3,4,5') → `{ ok: false }`. Scaling is done in decimal
 * ('1.2万' is parsed as "1.2e4"), so results are the correctly rounded doubles.
 */
export function parseNumber(cell: unknown): ParsedNumber | null {
  // Plain decimals ('1234', '-12.5') and grouped ones ('1,234.50') skip the general path: most cells look like this.
  if (typeof cell === 'string') {
    const v = plainValue(cell);
    if (!Number.isNaN(v)) return { ok: true, value: v, percent: false };
  }
  if (isBlankCell(cell)) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? checked(cell, false) : FAIL;
  if (typeof cell === 'bigint') return checked(Number(cell), false);
  if (typeof cell !== 'string') return FAIL;
  return parseNumberText(cell);
}

function parseNumberText(raw: string): ParsedNumber | null {
  let s = foldWidth(raw).trim();
  if (s === '') return null;
  let negative = false;
  let signSeen = false;
  let percent = false;
  let exponent = 0;
  let currencySeen = false;
  let unitSeen = false;
  let kSeen = false;

  // Accounting negative: the whole cell in parentheses.
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    signSeen = true;
    s = s.slice(1, -1).trim();
  }

  // Leading decorations: currency and sign, in any order, at most one of each.
  for (;;) {
    const before = s;
    s = s.trimStart();
    const cur = currencyPrefix(s);
    if (cur > 0 && !currencySeen) {
      currencySeen = true;
      s = s.slice(cur);
    } else if (!signSeen && (MINUS.has(s[0] ?? '') || s[0] === '+')) {
      signSeen = true;
      negative = s[0] !== '+';
      s = s.slice(1);
    } else if (s.startsWith('(') && s.endsWith(')') && !signSeen) {
      // '¥(1,234)'
      negative = true;
      signSeen = true;
      s = s.slice(1, -1);
    }
    if (s === before) break;
  }

  // Trailing decorations: percent, currency, units, trailing minus.
  for (;;) {
    const before = s;
    s = s.trimEnd();
    const last = s[s.length - 1] ?? '';
    if (last === '%' && !percent && !unitSeen && !currencySeen) {
      percent = true;
      s = s.slice(0, -1);
    } else if (!signSeen && MINUS.has(last) && s.length > 1) {
      signSeen = true;
      negative = true;
      s = s.slice(0, -1);
    } else {
      const cur = currencySuffix(s);
      if (cur > 0 && !currencySeen && !percent) {
        currencySeen = true;
        s = s.slice(0, s.length - cur);
      } else {
        const key = last.toLowerCase();
        const unit = UNITS[key];
        // Chinese units chain ('1.2千万'); 'k' stands alone.
        const allowed = key === 'k' ? !unitSeen : !kSeen;
        if (unit !== undefined && !percent && allowed) {
          unitSeen = true;
          if (key === 'k') kSeen = true;
          exponent += unit;
          s = s.slice(0, -1);
        }
      }
    }
    if (s === before) break;
  }

  s = s.trim();
  const mantissa = normalizeDigits(s);
  if (mantissa === null) return FAIL;
  let e = exponent - (percent ? 2 : 0);
  let text = mantissa;
  // Fold an explicit exponent ('1.5e3') into the decimal scaling.
  const ei = text.search(/e/i);
  if (ei >= 0) {
    e += Number(text.slice(ei + 1));
    text = text.slice(0, ei);
  }
  const value = Number(e === 0 ? text : `${text}e${e}`);
  return checked(negative ? -value : value, percent);
}

function currencyPrefix(s: string): number {
  const lower = s.toLowerCase();
  for (const c of CURRENCIES) if (lower.startsWith(c)) return c.length;
  return 0;
}

function currencySuffix(s: string): number {
  const lower = s.toLowerCase();
  for (const c of CURRENCIES) {
    if (lower.endsWith(c)) {
      // '$' after digits is fine; a code glued to a letter is not (e.g. 'abcusd').
      return c.length;
    }
  }
  return 0;
}

const PLAIN = /^(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Turns the bare digits-and-separators core into a plain decimal string ("1234.5"), or null when
 * the separators do not form a number.
 */
function normalizeDigits(s: string): string | null {
  if (s === '') return null;
  if (PLAIN.test(s)) return s;
  let spaces = false;
  let commas = 0;
  let dots = 0;
  let lastComma = -1;
  let lastDot = -1;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch >= '0' && ch <= '9') continue;
    if (ch === ',') {
      commas++;
      lastComma = i;
    } else if (ch === '.') {
      dots++;
      lastDot = i;
    } else if (SPACE_SEPARATORS.has(ch)) {
      spaces = true;
    } else {
      return null;
    }
  }
  let decimalMark = '';
  if (commas > 0 && dots > 0) {
    decimalMark = lastComma > lastDot ? ',' : '.';
    const decimalCount = decimalMark === ',' ? commas : dots;
    if (decimalCount !== 1) return null;
    if (spaces) return null;
  } else if (commas === 1) {
    const after = s.length - lastComma - 1;
    const intPart = s.slice(0, lastComma);
    decimalMark = spaces || after !== 3 || /^0*$/.test(intPart) ? ',' : '';
  } else if (dots === 1) {
    decimalMark = '.';
  }
  let intPart = s;
  let frac = '';
  if (decimalMark !== '') {
    const at = s.lastIndexOf(decimalMark);
    intPart = s.slice(0, at);
    frac = s.slice(at + 1);
    if (!/^\d*$/.test(frac)) return null;
  }
  // Integer part: groups split by one kind of thousands separator (plus spaces).
  const groups = intPart.split(/[,.\s\u00a0\u2009\u202f\u2007'’]/);
  if (groups.length > 1) {
    const first = groups[0]!;
    if (!/^\d{1,3}$/.test(first)) return null;
    for (let i = 1; i < groups.length; i++) if (!/^\d{3}$/.test(groups[i]!)) return null;
    // Only one kind of thousands mark in the integer part.
    const marks = new Set(intPart.replace(/\d/g, ''));
    if (marks.size > 1) return null;
  } else if (!/^\d*$/.test(intPart)) {
    return null;
  }
  const digits = groups.join('');
  if (digits === '' && frac === '') return null;
  return frac === '' ? digits || '0' : `${digits || '0'}.${frac}`;
}
