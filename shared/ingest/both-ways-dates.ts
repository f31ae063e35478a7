/**
 * Dates of a customer table whose reading depends on the column's day/month order (method §1:
 * "3/1/2024 … decide once per column"), kept while the column is read: each cell that is a plausible
 * date both ways is stored month first, with its day-first reading here, and turned over once the
 * column has decided for day first.
 */
import type { Field } from '../types';
import type { CustomerColumns } from './customer-columns';

/** The date fields a customer table reads. */
export type DateField = 'firstPurchase' | 'lastPurchase' | 'lastContact';

/** The customer field each date column is read into. */
export const DATE_FIELD_OF: Partial<Record<Field, DateField>> = { first_purchase: 'firstPurchase', last_purchase: 'lastPurchase', last_contact: 'lastContact' };

/**
 * The cells of one date column that read as a plausible date in both day/month orders, as slots and
 * their day-first readings (12 bytes a cell, rather than the cell's text kept until the end).
 */
export class BothWays {
  private slots = new Int32Array(256);
  private days = new Float64Array(256);
  private count = 0;

  /** The cells of the column at `index`, read into `field` (null: a column no customer field takes). */
  constructor(
    readonly index: number,
    private readonly field: DateField | null,
  ) {}

  /** Slot's cell of this column, stored month first, reads `dmy` day first. */
  add(slot: number, dmy: number): void {
    if (this.count === this.slots.length) {
      const slots = new Int32Array(this.count * 2);
      slots.set(this.slots);
      this.slots = slots;
      const days = new Float64Array(this.count * 2);
      days.set(this.days);
      this.days = days;
    }
    this.slots[this.count] = slot;
    this.days[this.count++] = dmy;
  }

  /** The cells kept so far: their slots and day-first readings. */
  cells(): { slots: Int32Array; days: Float64Array } {
    return { slots: this.slots.slice(0, this.count), days: this.days.slice(0, this.count) };
  }

  /** Another part's cells (see cells), their slots moved up by `offset`. */
  addCells(cells: { slots: Int32Array; days: Float64Array }, offset: number): void {
    for (let k = 0; k < cells.slots.length; k++) this.add(cells.slots[k]! + offset, cells.days[k]!);
  }

  /** Forget the cells of `slot`, the last one read (its row was rejected). */
  dropSlot(slot: number): void {
    while (this.count > 0 && this.slots[this.count - 1] === slot) this.count--;
  }

  /** The column reads day first: every such cell takes its day-first reading. */
  applyDayFirst(store: CustomerColumns): void {
    if (this.field === null) return;
    const to = store.num[this.field];
    for (let k = 0; k < this.count; k++) to[this.slots[k]!] = this.days[k]!;
  }
}
