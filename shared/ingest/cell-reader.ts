/**
 * Reads one typed value out of one cell and, when the cell is unreadable, records a RowError
 * with the row as the user counts it, the column header, the value and a reason in words.
 */
import type { Column, Lang, RowError, SwitchingCost } from '../types';
import { errorReason } from '../i18n/messages';
import { parseNumber, plainValue } from './parse-number';
import { parseDate, plausibleDays, type DayOrder, type DayRange } from './parse-date';
import { parseCompetitor, parseSatisfaction, parseSwitchingCost } from './parse-flags';
import { isBlankCell, shortText } from './normalize-text';

/** Marks a cell that could not be read (an error was recorded). */
export const BAD = Symbol('bad cell');
export type Read<T> = T | null | typeof BAD;

type Competitor = Readonly<{ buys: boolean; name: string | null }>;

/** Distinct competitor cells remembered; a column whose cells do not repeat is read afresh beyond this. */
const MAX_REMEMBERED = 4096;

export class CellReader {
  readonly errors: RowError[] = [];
  private readonly competitors = new Map<string, Competitor | null>();
  constructor(
    readonly lang: Lang,
    private readonly dayOrders: ReadonlyMap<number, DayOrder>,
    /** Dates outside this range are errors (plausibleDays: from 1900 to a year from today). */
    private readonly dates: DayRange = plausibleDays(),
  ) {}

  /** Record an error for this cell. */
  fail(row: number, column: Column | undefined, cell: unknown, code: string, fatal: boolean): typeof BAD {
    const e: RowError = { row, code, reason: errorReason(this.lang, code), fatal };
    if (column) e.column = column.header;
    // A copy: a cell cut from a file's text would keep all of that text alive with the error.
    if (cell !== undefined && cell !== null && cell !== '') e.value = ownText(shortText(cellText(cell)));
    this.errors.push(e);
    return BAD;
  }

  /** A number that may be negative (money). */
  amount(row: number, col: Column, cell: unknown, fatal: boolean): Read<number> {
    const v = plainValue(cell); // '1234', '-12.5', 1234: what parseNumber gives, without its result object
    if (!Number.isNaN(v)) return v;
    const p = parseNumber(cell);
    if (p === null) return null;
    if (!p.ok) return this.fail(row, col, cell, rangeCode(p), fatal);
    return p.value;
  }

  /** A count or number of days: not negative. */
  count(row: number, col: Column, cell: unknown): Read<number> {
    const v = plainValue(cell);
    if (v >= 0) return v;
    const p = parseNumber(cell);
    if (p === null) return null;
    if (!p.ok) return this.fail(row, col, cell, rangeCode(p), false);
    if (p.value < 0) return this.fail(row, col, cell, 'negative', false);
    return p.value;
  }

  /**
   * A share of wallet as a fraction. "35%" and 0.35 are the same; a bare number above 1 and up to
   * 100 is read as percent points ("35" in a 份额 column means 35%).
   */
  share(row: number, col: Column, cell: unknown): Read<number> {
    // A plain decimal or a number ('0.35', 35): what parseNumber gives it, without its result object.
    const plain = plainValue(cell);
    if (!Number.isNaN(plain)) return this.shareOf(row, col, cell, plain > 1 && plain <= 100 ? plain / 100 : plain);
    const p = parseNumber(cell);
    if (p === null) return null;
    if (!p.ok) return this.fail(row, col, cell, 'not_a_number', false);
    return this.shareOf(row, col, cell, !p.percent && p.value > 1 && p.value <= 100 ? p.value / 100 : p.value);
  }

  private shareOf(row: number, col: Column, cell: unknown, v: number): Read<number> {
    if (v < 0 || v > 1) return this.fail(row, col, cell, 'share_range', false);
    return v;
  }

  /** A date as a day number, read in the column's decided day/month order. */
  date(row: number, col: Column, cell: unknown, fatal = false): Read<number> {
    return this.checkDate(row, col, cell, parseDate(cell, this.dayOrders.get(col.index) ?? 'mdy'), fatal);
  }

  /** True when day number d is within the plausible dates (outside them a date is an error, implausible_date). */
  plausibleDay(d: number): boolean {
    return d >= this.dates.min && d <= this.dates.max;
  }

  /** A date already parsed from `cell` (parseDate's answer): blank, an error, or the day number. */
  checkDate(row: number, col: Column, cell: unknown, d: number | null | 'invalid', fatal = false): Read<number> {
    if (d === null) return null;
    if (d === 'invalid') return this.fail(row, col, cell, 'not_a_date', fatal);
    if (!this.plausibleDay(d)) return this.fail(row, col, cell, 'implausible_date', fatal);
    return d;
  }

  satisfaction(row: number, col: Column, cell: unknown): Read<number> {
    const s = parseSatisfaction(cell);
    if (s === 'invalid') return this.fail(row, col, cell, 'not_a_level', false);
    return s;
  }

  switchingCost(row: number, col: Column, cell: unknown): Read<SwitchingCost> {
    const s = parseSwitchingCost(cell);
    if (s === 'invalid') return this.fail(row, col, cell, 'not_high_low', false);
    return s;
  }

  /** Whether the customer buys from a competitor, and which (parseCompetitor), remembered per cell text: a column holds few answers. */
  competitor(cell: unknown): Competitor | null {
    if (typeof cell !== 'string') return parseCompetitor(cell);
    const known = this.competitors.get(cell);
    if (known !== undefined) return known;
    const c = parseCompetitor(cell);
    // Own copies: a cell cut from a file's text would keep that text in memory for as long as the reader lives.
    const kept = c === null ? null : Object.freeze({ buys: c.buys, name: c.name === null ? null : ownText(c.name) });
    if (this.competitors.size < MAX_REMEMBERED) this.competitors.set(ownText(cell), kept);
    return kept;
  }
}

/** The error code of a cell parseNumber refused. */
function rangeCode(p: { range?: 'large' | 'small' }): string {
  return p.range === 'large' ? 'too_large' : p.range === 'small' ? 'too_small' : 'not_a_number';
}

/** A cell as trimmed text ('' for blank); numbers keep their digits, Dates become ISO dates. */
export function cellText(cell: unknown): string {
  if (typeof cell === 'string') return cell.trim(); // most cells: no Date or String() to look at
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : `${cell.getFullYear()}-${String(cell.getMonth() + 1).padStart(2, '0')}-${String(cell.getDate()).padStart(2, '0')}`;
  return String(cell).trim();
}

/** Text of a cell, or null when blank or a placeholder ('-', 'N/A'). */
export function textOrNull(cell: unknown): string | null {
  if (isBlankCell(cell)) return null;
  const t = cellText(cell);
  return t === '' ? null : t;
}

/**
 * A copy of text that a customer keeps. A cell read from a file is often a slice of the whole
 * chunk of text it was parsed from, and keeping the slice keeps the chunk: a million customers'
 * names would hold the whole file in memory. The copy holds only its own characters.
 */
export function ownText(text: string): string {
  // A piece shorter than this is always copied by the engine when it is cut out (V8's
  // SlicedString::kMinLength is 13), so it never holds on to the text it came from.
  if (text.length < OWN_COPY_BELOW) return text;
  return (` ${text}`).slice(1);
}

const OWN_COPY_BELOW = 13;

/**
 * A customer key from a cell: trimmed text; whole-number floats lose a trailing ".0" so that
 * "12348.0" (how some exports write ids) and 12348 are the same customer.
 */
export function keyOf(cell: unknown): string | null {
  const t = textOrNull(cell);
  if (t === null) return null;
  return /^\d+\.0+$/.test(t) ? t.slice(0, t.indexOf('.')) : t;
}
