/**
 * Day/month order is decided once per date column, from the values that are unambiguous
 * (method §1: "3/1/2024 … decide once per column").
 */
import type { Column, Lang, Notice } from '../types';
import { noticeText } from '../i18n/messages';
import { texts } from '../i18n/texts';
import { DayOrderTally, type DayOrder, type DayOrderDecision } from './parse-date';

const ORDER = texts({
  zh: { dmy: '日/月/年', mdy: '月/日/年' },
  en: { dmy: 'day/month/year', mdy: 'month/day/year' },
});

/**
 * The notice for a date column whose order was decided (or found conflicting): which order the
 * column is read in. Null when the column gave no evidence either way.
 */
export function dayOrderNotice(lang: Lang, column: Column, d: DayOrderDecision): Notice | null {
  if (!d.decided && !d.conflicting) return null;
  const code = d.conflicting ? 'day_order_conflict' : 'day_order';
  return { code, message: noticeText(lang, code, { header: column.header, order: ORDER[lang][d.order] }) };
}

/** Matches no cell: "the cell above" before a batch's first row. */
const NONE = Symbol('no cell');

/**
 * The day/month order of each date column of a table read a batch of rows at a time: the cells that
 * decide it (those holding a slash or a dot) are counted as rows come (DayOrderTally), and the
 * orders are decided once every row has been counted. The `orders` map (column index → order) is
 * what a CellReader reads dates by; it is filled by decide().
 */
export class DateColumnOrders {
  readonly orders = new Map<number, DayOrder>();
  private readonly tallies: DayOrderTally[];

  constructor(readonly columns: readonly Column[]) {
    this.tallies = columns.map(() => new DayOrderTally());
  }

  /** Count the deciding cells of rows[from…]. */
  count(rows: readonly (readonly unknown[])[], from: number): void {
    for (let d = 0; d < this.columns.length; d++) {
      const index = this.columns[d]!.index;
      const tally = this.tallies[d]!;
      // Cells repeat in runs: a cell equal to the one above is counted as that one was. (Not kept
      // from one batch to the next: a cell may hold on to the text it was cut from.)
      let above: unknown = NONE;
      let taken = false;
      for (let i = from; i < rows.length; i++) {
        const v = rows[i]![index];
        if (v !== above) {
          above = v;
          taken = typeof v === 'string' && (v.includes('/') || v.includes('.'));
        }
        if (taken) tally.add(v);
      }
    }
  }

  /** Count one cell of date column d (its index in `columns`), as count counts the cells of rows. */
  countCell(d: number, cell: string): void {
    if (cell.includes('/') || cell.includes('.')) this.tallies[d]!.add(cell);
  }

  /** Each column's counts so far (in `columns` order), to add to those of another part of the table. */
  counts(): [number, number][] {
    return this.tallies.map((t) => t.counts());
  }

  /** Add the counts another part of the same table gave (see counts). */
  addCounts(counts: readonly (readonly [number, number])[]): void {
    counts.forEach((c, d) => {
      this.tallies[d]!.addCounts(c);
    });
  }

  /** Decide every column's order into `orders`: each column's decision (in `columns` order) and the notices saying what was decided. */
  decide(lang: Lang): { decisions: DayOrderDecision[]; notices: Notice[] } {
    const notices: Notice[] = [];
    const decisions = this.columns.map((c, d) => {
      const decision = this.tallies[d]!.decision();
      this.orders.set(c.index, decision.order);
      const notice = dayOrderNotice(lang, c, decision);
      if (notice) notices.push(notice);
      return decision;
    });
    return { decisions, notices };
  }
}
