/**
 * `rapport analyze --csv`: every input row with the result columns appended, written a batch of
 * rows at a time (no single string, no copy of the whole table). Cells are those of
 * resultTable in shared/result-columns — a customer's results on each of its rows, a rejected
 * row's errors in words in the first result column, the result headers on the header row — and
 * every text cell that a spreadsheet would run as a formula is escaped (escapeFormula, OWASP).
 */
import type { Analysis, Customer, Lang, RowError } from '../shared/types';
import { toDelimited } from '../shared/csv/to-delimited';
import { escapeFormula } from '../shared/csv/escape-formula';
import { formatRowError } from '../shared/i18n/messages';
import { resultColumnsFor, type ResultColumn } from '../shared/result-columns';

type Cell = string | number | boolean | null;

/** Rows written per toDelimited call. */
const BATCH = 8192;

/** A cell as written: text that looks like a formula gets its apostrophe; null becomes empty. */
function safe(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? escapeFormula(v) : v;
}

/**
 * The result cells of each input row, computed when the row is written (the same cells as
 * resultTable, without holding them all): a customer's cells are kept only while more of its
 * rows are still to come.
 */
export class ResultRows {
  private readonly owner: Int32Array;
  private readonly errorText = new Map<number, string>();
  private readonly cache = new Map<number, Cell[]>();
  private readonly remaining: Int32Array;
  private readonly headers: Cell[];
  private readonly headerIndex: number;
  readonly width: number;

  constructor(
    rowCount: number,
    private readonly analysis: Pick<Analysis, 'headerRow' | 'customers' | 'errors'>,
    private readonly lang: Lang,
    private readonly columns: readonly ResultColumn[] = resultColumnsFor(analysis.customers),
  ) {
    this.owner = new Int32Array(rowCount).fill(-1);
    const customers = analysis.customers;
    this.remaining = new Int32Array(customers.length);
    for (let k = 0; k < customers.length; k++) {
      const rows = customers[k]!.rows;
      for (const r of rows) if (r >= 1 && r <= rowCount) this.owner[r - 1] = k;
      this.remaining[k] = rows.length;
    }
    const grouped = new Map<number, string[]>();
    for (const e of analysis.errors) if (e.fatal) (grouped.get(e.row) ?? grouped.set(e.row, []).get(e.row)!).push(formatRowError(lang, e as RowError));
    for (const [row, msgs] of grouped) this.errorText.set(row - 1, msgs.join('; '));
    this.headerIndex = (analysis.headerRow ?? 1) - 1;
    this.headers = columns.map((c) => c[lang]);
    this.width = columns.length;
  }

  /** The result cells of input row `i` (0-based), or null for a row with none. */
  cells(i: number): Cell[] | null {
    const err = this.errorText.get(i);
    if (err !== undefined) {
      const cells: Cell[] = new Array(this.width).fill(null);
      cells[0] = err;
      return cells;
    }
    const k = this.owner[i]!;
    if (k >= 0) return this.customerCells(k);
    return i === this.headerIndex ? this.headers : null;
  }

  private customerCells(k: number): Cell[] {
    let cells = this.cache.get(k);
    if (cells === undefined) {
      const c: Customer = this.analysis.customers[k]!;
      cells = this.columns.map((col) => col.value(c, this.lang));
    }
    if (--this.remaining[k]! > 0) this.cache.set(k, cells);
    else this.cache.delete(k);
    return cells;
  }
}

/** Write the input table with the result columns appended, as CSV (CRLF), through `write`. */
export function writeResultCsv(table: readonly (readonly unknown[])[], analysis: Pick<Analysis, 'headerRow' | 'customers' | 'errors'>, lang: Lang, write: (text: string) => void, onProgress?: (rowsDone: number) => void): void {
  let width = 0;
  for (const r of table) if (r.length > width) width = r.length;
  const results = new ResultRows(table.length, analysis, lang);
  const batch: unknown[][] = [];
  for (let i = 0; i < table.length; i++) {
    const row = table[i]!;
    const out: unknown[] = new Array(width + results.width);
    for (let j = 0; j < width; j++) out[j] = j < row.length ? safe(row[j]) : '';
    const cells = results.cells(i);
    for (let j = 0; j < results.width; j++) out[width + j] = cells ? safe(cells[j]) : '';
    batch.push(out);
    if (batch.length === BATCH) {
      write(toDelimited(batch));
      batch.length = 0;
      onProgress?.(i + 1);
    }
  }
  if (batch.length) write(toDelimited(batch));
}
