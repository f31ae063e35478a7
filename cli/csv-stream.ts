/**
 * `rapport analyze --csv`: every input row with the result columns appended, written a batch of
 * rows at a time (no single string, no copy of the whole table). Cells are those of
 * resultTable in shared/result-columns — a customer's results on each of its rows, a rejected
 * row's errors in words in the first result column, the result headers on the header row — and
 * every text cell that a spreadsheet would run as a formula is escaped (escapeFormula, OWASP).
 */
import type { Analysis, Customer, CustomerList, Lang, RowError } from '../shared/types';
import { asList } from '../shared/customer-list';
import { delimitedLine } from '../shared/csv/to-delimited';
import { formatRowError } from '../shared/i18n/messages';
import { resultColumnsFor, type ResultColumn } from '../shared/result-columns';

type Cell = string | number | boolean | null;

/** Rows written at a time. */
const BATCH = 8192;

/** What the CSV needs of an analysis: its customers, built or built on demand. */
export type ResultAnalysis = Pick<Analysis, 'headerRow' | 'errors'> & { customers: readonly Customer[] | CustomerList };

/**
 * The result part of each input row as CSV text (the same cells as resultTable, without holding
 * them all): a customer's text is made once and kept only while more of its rows are to come.
 */
export class ResultRows {
  private readonly owner: Int32Array;
  private readonly errorText = new Map<number, string>();
  private readonly cache = new Map<number, string>();
  private readonly remaining: Int32Array;
  private readonly headers: string;
  private readonly empty: string;
  private readonly headerIndex: number;
  readonly width: number;

  private readonly customers: CustomerList;

  constructor(
    rowCount: number,
    analysis: ResultAnalysis,
    private readonly lang: Lang,
    private readonly columns: readonly ResultColumn[] = resultColumnsFor(analysis.customers),
  ) {
    this.owner = new Int32Array(rowCount).fill(-1);
    const customers = asList(analysis.customers);
    this.customers = customers;
    this.remaining = new Int32Array(customers.length);
    for (let k = 0; k < customers.length; k++) {
      const rows = customers.rowsOf(k);
      for (const r of rows) if (r >= 1 && r <= rowCount) this.owner[r - 1] = k;
      this.remaining[k] = rows.length;
    }
    this.width = columns.length;
    const grouped = new Map<number, string[]>();
    for (const e of analysis.errors) if (e.fatal) (grouped.get(e.row) ?? grouped.set(e.row, []).get(e.row)!).push(formatRowError(lang, e as RowError));
    for (const [row, msgs] of grouped) {
      const cells: Cell[] = new Array(this.width).fill(null);
      cells[0] = msgs.join('; ');
      this.errorText.set(row - 1, delimitedLine(cells));
    }
    this.headerIndex = (analysis.headerRow ?? 1) - 1;
    this.headers = delimitedLine(columns.map((c) => c[lang]));
    this.empty = delimitedLine(new Array(this.width).fill(null));
  }

  /** The result cells of input row `i` (0-based) as CSV text; empty fields for a row with none. */
  text(i: number): string {
    const err = this.errorText.get(i);
    if (err !== undefined) return err;
    const k = this.owner[i]!;
    if (k >= 0) return this.customerText(k);
    return i === this.headerIndex ? this.headers : this.empty;
  }

  private customerText(k: number): string {
    let text = this.cache.get(k);
    if (text === undefined) {
      const c: Customer = this.customers.at(k);
      text = delimitedLine(this.columns.map((col) => col.value(c, this.lang)));
    }
    if (--this.remaining[k]! > 0) this.cache.set(k, text);
    else this.cache.delete(k);
    return text;
  }
}

/**
 * The input rows with the result columns appended, as CSV (CRLF), written through `write` a batch at
 * a time as the rows are handed in (`rows`, then `finish`): the rows may come from a second reading
 * of the file, so that they are never all held. `width` is the widest input row's: shorter rows are
 * padded so that the result columns line up.
 */
export class ResultCsvWriter {
  private readonly results: ResultRows;
  private readonly cells: unknown[];
  private batch: string[] = [];
  private done = 0;

  constructor(
    rowCount: number,
    private readonly width: number,
    analysis: ResultAnalysis,
    lang: Lang,
    private readonly write: (text: string) => void,
    private readonly onProgress?: (rowsDone: number) => void,
  ) {
    this.results = new ResultRows(rowCount, analysis, lang);
    this.cells = new Array(width);
  }

  /** Input rows first … first + rows.length − 1 (0-based), in order. */
  rows(rows: readonly (readonly unknown[])[], first: number): void {
    const { cells, width } = this;
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k]!;
      for (let j = 0; j < width; j++) cells[j] = j < row.length ? row[j] : '';
      this.batch.push(`${delimitedLine(cells)},${this.results.text(first + k)}\r\n`);
      this.done = first + k + 1;
      if (this.batch.length === BATCH) {
        this.flush();
        this.onProgress?.(this.done);
      }
    }
  }

  finish(): void {
    if (this.batch.length) this.flush();
  }

  private flush(): void {
    this.write(this.batch.join(''));
    this.batch = [];
  }
}

/** The widest row of a table. */
export function widestRow(rows: readonly (readonly unknown[])[]): number {
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  return width;
}

/** Write the input table with the result columns appended, as CSV (CRLF), through `write`. */
export function writeResultCsv(
  table: readonly (readonly unknown[])[],
  analysis: ResultAnalysis,
  lang: Lang,
  write: (text: string) => void,
  onProgress?: (rowsDone: number) => void,
): void {
  const writer = new ResultCsvWriter(table.length, widestRow(table), analysis, lang, write, onProgress);
  writer.rows(table, 0);
  writer.finish();
}
