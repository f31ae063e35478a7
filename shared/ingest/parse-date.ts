/**
 * Reading dates out of cells as integer day numbers: days since 1970-01-01 in the proleptic
 * Gregorian calendar, with no time zone (method §1 "Inputs").
 */
import { foldWidth, isBlankCell } from './normalize-text';

export type DayOrder = 'mdy' | 'dmy';

/** How a column's ambiguous 'a/b/yyyy' dates are to be read, and whether the data said so. */
export interface DayOrderDecision {
  order: DayOrder;
  /** At least one unambiguous value (first part > 12 or second part > 12) was seen. */
  decided: boolean;
  /** Both kinds of unambiguous value were seen: some rows are d/m, others m/d. */
  conflicting: boolean;
}

/** Excel/Sheets serial of 1970-01-01. */
const SERIAL_EPOCH = 25569;
/** Largest serial Excel accepts: 9999-12-31. */
const SERIAL_MAX = 2958465;

/** Days from 1970-01-01 to y-m-d (proleptic Gregorian; H. Hinnant, "days_from_civil"). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day number (H. Hinnant, "civil_from_days"). */
export function civilFromDays(day: number): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when y-m-d is a real calendar date with a four-digit year. */
export function isValidDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const max = m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]!;
  return d <= max;
}

function dayOrInvalid(y: number, m: number, d: number): number | 'invalid' {
  return isValidDate(y, m, d) ? daysFromCivil(y, m, d) : 'invalid';
}

/** Day numbers already written out: a table's dates fall on a few thousand days. Bounded. */
const ISO_OF_DAY = new Map<number, string>();
const MAX_ISO_DAYS = 100_000;

/** 'YYYY-MM-DD' for a day number. */
export function dayToIso(day: number): string {
  let iso = ISO_OF_DAY.get(day);
  if (iso === undefined) {
    iso = isoOfDay(day);
    if (ISO_OF_DAY.size < MAX_ISO_DAYS) ISO_OF_DAY.set(day, iso);
  }
  return iso;
}

function isoOfDay(day: number): string {
  const { y, m, d } = civilFromDays(Math.floor(day));
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The day number of a strict 'YYYY-MM-DD' string; null when it is not one or not a real date. */
export function isoToDay(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidDate(y, mo, d) ? daysFromCivil(y, mo, d) : null;
}

/** Today's day number in the local calendar of the machine (or of `now`). */
export function todayDay(now: Date = new Date()): number {
  return daysFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The days a date in a sales table may fall on. */
export interface DayRange {
  min: number;
  max: number;
}

/** 1900-01-01: nothing in a customer table is older (Sheets serial 1 is 1899-12-31). */
export const FIRST_PLAUSIBLE_DAY = daysFromCivil(1900, 1, 1);

/**
 * The plausible days for dates in a table: from 1900-01-01 to a year (366 days) after today.
 * A date outside it — '9999-12-31' as "no end", '0001-01-01', a serial of 1 — is a placeholder or
 * a typo, not a purchase: read as a date it would become the analysis date, or make every
 * customer "interrupted" for millions of days.
 */
export function plausibleDays(today: number = todayDay()): DayRange {
  return { min: FIRST_PLAUSIBLE_DAY, max: today + 366 };
}

/** Two-digit years: 00–69 → 2000–2069, 70–99 → 1970–1999 (the spreadsheet convention). */
function fullYear(text: string): number {
  const y = Number(text);
  if (text.length > 2) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** Optional time of day after a date: ' 09:37', 'T09:37:00Z', ' 9:37:00 PM', '+08:00'. */
const TIME = String.raw`(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:z|utc|gmt|[+-]\d{2}:?\d{2})?)?`;

const RE_YMD = new RegExp(String.raw`^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})${TIME}$`, 'i');
const RE_CJK = new RegExp(String.raw`^(\d{2,4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?${TIME}$`, 'i');
const RE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const RE_AMBIGUOUS = new RegExp(String.raw`^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})${TIME}$`, 'i');
const RE_DAY_MONTH_NAME = new RegExp(
  String.raw`^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]*([a-z]{3,9})\.?[\s\-/.,]*(\d{4}|\d{2})${TIME}$`,
  'i',
);
const RE_MONTH_NAME_DAY = new RegExp(
  String.raw`^([a-z]{3,9})\.?[\s\-/.]*(\d{1,2})(?:st|nd|rd|th)?(?:\s*,\s*|[\s\-/.]+)(\d{4}|\d{2})${TIME}$`,
  'i',
);
const RE_MONTH_NAME_YEAR = /^([a-z]{3,9})\.?[\s\-/.,]*(\d{4})$/i;
const RE_WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;
const RE_SERIAL = /^\d{5}(?:\.\d+)?$/;

/**
 * True for an 'a/b/yyyy' date (slash, dot or dash, year last), with its two parts in PARTS.a and
 * PARTS.b; false for other shapes.
 */
function ambiguousParts(cell: unknown): boolean {
  if (typeof cell !== 'string') return false;
  if (plainDayMonthYear(cell)) return true;
  const m = RE_AMBIGUOUS.exec(foldWidth(cell).trim());
  if (!m) return false;
  PARTS.a = Number(m[1]);
  PARTS.b = Number(m[3]);
  return true;
}

/** The parts of the date plainDayMonthYear or ambiguousParts read last. */
const PARTS = { a: 0, b: 0, y: 0 };

/**
 * True for 'a/b/yyyy' written plainly — one or two ASCII digits, '/', '.' or '-', one or two digits,
 * the same mark, four digits, nothing else ('18/09/2021', '3.4.2024'), the commonest form of the
 * dates whose reading depends on the day/month order — with its parts in PARTS. Such a text is read
 * by RE_AMBIGUOUS alone; reading it digit by digit gives the same parts without a regular expression.
 */
function plainDayMonthYear(s: string): boolean {
  const n = s.length;
  if (n < 8 || n > 10) return false;
  const a1 = digitAt(s, 0);
  const a2 = digitAt(s, 1);
  if (a1 < 0) return false;
  let i = a2 < 0 ? 1 : 2;
  const mark = s.charCodeAt(i);
  if (mark !== 47 && mark !== 46 && mark !== 45) return false;
  const b1 = digitAt(s, i + 1);
  const b2 = digitAt(s, i + 2);
  if (b1 < 0) return false;
  i += b2 < 0 ? 2 : 3;
  if (s.charCodeAt(i) !== mark || n !== i + 5) return false;
  const y = digitsAt(s, i + 1, 4);
  if (y < 0) return false;
  PARTS.a = a2 < 0 ? a1 : a1 * 10 + a2;
  PARTS.b = b2 < 0 ? b1 : b1 * 10 + b2;
  PARTS.y = y;
  return true;
}

/**
 * parseDate(cell, 'mdy') and parseDate(cell, 'dmy'), into `out`: a plain a/b/yyyy is read once for
 * both orders.
 */
export function parseDateBothWays(cell: unknown, out: { mdy: number | null | 'invalid'; dmy: number | null | 'invalid' }): void {
  if (typeof cell === 'string' && plainDayMonthYear(cell)) {
    out.mdy = dayOrInvalid(PARTS.y, PARTS.a, PARTS.b);
    out.dmy = dayOrInvalid(PARTS.y, PARTS.b, PARTS.a);
    return;
  }
  out.mdy = parseDate(cell, 'mdy');
  out.dmy = parseDate(cell, 'dmy');
}

/** The ASCII digit at s[i], or -1. */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * Decides once per column whether 'a/b/yyyy' means month/day or day/month (method §1: "ambiguous
 * day/month: decide once per column from the values that are unambiguous"). A first part > 12
 * votes day-first (dmy), a second part > 12 votes month-first (mdy). The majority wins; a tie, or
 * no unambiguous value at all, gives 'mdy' (the spreadsheet default) with `decided` telling which.
 * `conflicting` is true when both kinds were seen, so the caller can warn.
 */
export function decideDayOrder(cells: readonly unknown[]): DayOrderDecision {
  const tally = new DayOrderTally();
  for (const cell of cells) tally.add(cell);
  return tally.decision();
}

/** decideDayOrder counted one cell at a time, so that a column read in batches keeps counts, not cells. */
export class DayOrderTally {
  private dmy = 0;
  private mdy = 0;

  add(cell: unknown): void {
    if (!ambiguousParts(cell)) return;
    const { a, b } = PARTS;
    if (a > 12 && b <= 12) this.dmy++;
    else if (b > 12 && a <= 12) this.mdy++;
  }

  /** The deciding cells counted so far, day first and month first. */
  counts(): [dmy: number, mdy: number] {
    return [this.dmy, this.mdy];
  }

  /** Add the counts of cells another tally counted (another part of the same column). */
  addCounts([dmy, mdy]: readonly [number, number]): void {
    this.dmy += dmy;
    this.mdy += mdy;
  }

  decision(): DayOrderDecision {
    const { dmy, mdy } = this;
    return { order: dmy > mdy ? 'dmy' : 'mdy', decided: dmy + mdy > 0, conflicting: dmy > 0 && mdy > 0 };
  }
}

/**
 * Reads a date cell as a day number (days since 1970-01-01), method §1.
 *
 * - Blank ('' / null / '-' / 'N/A' / '无' …) → null; anything unreadable or not a real calendar
 *   date (2024-02-30) → 'invalid'.
 * - JS Date objects: the LOCAL calendar date (Apps Script hands over midnight in the sheet's zone).
 * - Numbers: Excel/Sheets serials 1..2958465 (25569 = 1970-01-01, fractions are a time of day and
 *   dropped). Serials below 61 follow Sheets (serial 1 = 1899-12-31), Excel's fictitious
 *   1900-02-29 aside they agree. Numbers that are a valid yyyymmdd (20240301) are read as such.
 * - Strings: '2024-03-01', '2024-3-1', '2024/3/1', '2024.3.1', '2024年3月1日', '2024年3月' (the
 *   1st), '20240301', with an optional time ('2010-12-01 09:37:00', 'T09:37:00Z': the date as
 *   written, no zone shift); 'a/b/yyyy' by `order`; two-digit years (00–69 → 20xx, 70–99 → 19xx);
 *   English month names ('Mar 1, 2024', '1 March 2024', '1-Mar-2024', 'March 2024'); numeric
 *   strings 20000–80000 as serials (1954–2119); full-width digits.
 */
export function parseDate(cell: unknown, order: DayOrder): number | null | 'invalid' {
  if (typeof cell === 'string' && (cell.length === 10 || isIsoDateTime(cell))) {
    // Fast path for the commonest forms, 'YYYY-MM-DD' and 'YYYY-MM-DD hh:mm[:ss]' (the time is
    // dropped), read digit by digit.
    const iso = isoDateAt(cell, 0);
    if (iso !== undefined) return iso;
  }
  if (isBlankCell(cell)) return null;
  if (typeof cell === 'number') return fromNumber(cell);
  if (cell instanceof Date) {
    const t = cell.getTime();
    if (Number.isNaN(t)) return 'invalid';
    return dayOrInvalid(cell.getFullYear(), cell.getMonth() + 1, cell.getDate());
  }
  if (typeof cell !== 'string') return 'invalid';
  if (plainDayMonthYear(cell)) return order === 'dmy' ? dayOrInvalid(PARTS.y, PARTS.b, PARTS.a) : dayOrInvalid(PARTS.y, PARTS.a, PARTS.b);
  return fromText(cell, order);
}

/**
 * True for 'YYYY-MM-DD hh:mm' and 'YYYY-MM-DD hh:mm:ss' (space or 'T' before the time) with ASCII
 * digits: a shape the general pattern reads as its date alone. The date part is checked by the caller.
 */
function isIsoDateTime(s: string): boolean {
  const n = s.length;
  if (n !== 16 && n !== 19) return false;
  const sep = s.charCodeAt(10);
  if (sep !== 32 && sep !== 84) return false;
  if (s.charCodeAt(13) !== 58 || digitsAt(s, 11, 2) < 0 || digitsAt(s, 14, 2) < 0) return false;
  return n === 16 || (s.charCodeAt(16) === 58 && digitsAt(s, 17, 2) >= 0);
}

/**
 * The day of the 'YYYY-MM-DD' (ASCII digits) at text[from…], as parseDate reads it: 'invalid' for
 * a date that does not exist; undefined when the ten characters there are not of that form.
 */
export function isoDateAt(text: string, from: number): number | 'invalid' | undefined {
  if (text.charCodeAt(from + 4) !== 45 || text.charCodeAt(from + 7) !== 45) return undefined;
  const y = digitsAt(text, from, 4);
  const m = digitsAt(text, from + 5, 2);
  const d = digitsAt(text, from + 8, 2);
  return y >= 0 && m >= 0 && d >= 0 ? dayOrInvalid(y, m, d) : undefined;
}

/** The value of `len` ASCII digits at `at`, or -1 when one of them is not a digit. */
function digitsAt(s: string, at: number, len: number): number {
  let v = 0;
  for (let i = at; i < at + len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

function fromNumber(n: number): number | 'invalid' {
  if (!Number.isFinite(n)) return 'invalid';
  if (n >= 1 && n <= SERIAL_MAX) return Math.floor(n) - SERIAL_EPOCH;
  if (Number.isInteger(n) && n >= 10000101 && n <= 99991231) {
    return dayOrInvalid(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
  }
  return 'invalid';
}

function fromText(raw: string, order: DayOrder): number | 'invalid' {
  let s = foldWidth(raw).trim();
  let m = RE_YMD.exec(s);
  if (m) return dayOrInvalid(Number(m[1]), Number(m[3]), Number(m[4]));

  m = RE_COMPACT.exec(s);
  if (m) return dayOrInvalid(Number(m[1]), Number(m[2]), Number(m[3]));

  if (RE_SERIAL.test(s)) {
    const n = Number(s);
    return n >= 20000 && n <= 80000 ? Math.floor(n) - SERIAL_EPOCH : 'invalid';
  }

  m = RE_CJK.exec(s);
  if (m) {
    return dayOrInvalid(fullYear(m[1]!), Number(m[2]), m[3] === undefined ? 1 : Number(m[3]));
  }

  m = RE_AMBIGUOUS.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = fullYear(m[4]!);
    return order === 'dmy' ? dayOrInvalid(y, b, a) : dayOrInvalid(y, a, b);
  }

  s = s.replace(RE_WEEKDAY, '');
  m = RE_DAY_MONTH_NAME.exec(s);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (month !== undefined) return dayOrInvalid(fullYear(m[3]!), month, Number(m[1]));
  }
  m = RE_MONTH_NAME_DAY.exec(s);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    if (month !== undefined) return dayOrInvalid(fullYear(m[3]!), month, Number(m[2]));
  }
  m = RE_MONTH_NAME_YEAR.exec(s);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    if (month !== undefined) return dayOrInvalid(Number(m[2]), month, 1);
  }
  return 'invalid';
}
