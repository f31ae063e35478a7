/**
 * An analysis fed a batch of rows at a time, as a large file is read (see RowStreamAnalysis).
 */
import type { AnalyzeOptions, Column, LazyAnalysis, Lang } from './types';
import type { HeaderMatch } from './ingest/headers';
import { matchHeaders } from './ingest/headers';
import { findHeaderRow, MAX_TITLE_ROWS } from './ingest/find-header-row';
import { kindByColumns } from './ingest/detect-kind';
import { CustomerTableReader } from './ingest/read-customers';
import { TableHandover } from './table-handover';
import { analyzeTable } from './analyze';
import { asCustomerColumns, asOfOf, customersRead, finishAnalysis, readHeader, settingsOf } from './analysis-steps';

/**
 * An analysis fed a batch of rows at a time, as a large file is read. Once the header shows a
 * customer table, its rows are read into customers as they come (CustomerTableReader) and can be
 * let go, so memory grows with the customers, not with the file. A transaction log, a table whose
 * kind only its repeated keys can tell, or a table too short to tell, is gathered and analysed
 * whole. Either way the result is that of analyzeLazily on the whole table.
 */
export class RowStreamAnalysis {
  private gathered: unknown[][] = [];
  private gatherAll = false;
  private reader: CustomerTableReader | null = null;
  private header: { start: number; match: HeaderMatch; columns: Column[] } | null = null;

  constructor(private readonly options: AnalyzeOptions = {}) {}

  /** The next rows of the table; rows[i] is its row firstIndex + i (0-based). */
  push(rows: readonly unknown[][], firstIndex: number): void {
    if (this.reader) {
      this.reader.add(rows, firstIndex);
      return;
    }
    for (const row of rows) this.gathered.push(row);
    if (!this.gatherAll && this.gathered.length > MAX_TITLE_ROWS + 1) this.start();
  }

  /** Enough rows to find the header: read on as a customer table, or gather everything. */
  private start(): void {
    const table = this.gathered;
    const headerIndex = findHeaderRow(table);
    const match = headerIndex < 0 ? null : matchHeaders(table[headerIndex]!);
    if (!match || kindByColumns(match.columns) !== 'customers') {
      this.gatherAll = true;
      return;
    }
    const columns = asCustomerColumns(match.columns);
    this.header = { start: headerIndex + 1, match, columns };
    this.reader = new CustomerTableReader(columns, this.options.lang ?? 'en');
    this.reader.add(table, 0, headerIndex + 1);
    this.gathered = table.slice(0, headerIndex + 1); // the title and header rows, for their notices
  }

  /** The analysis of every row pushed. */
  finish(): LazyAnalysis {
    const options = this.options;
    if (!this.reader || !this.header) {
      const table = this.gathered;
      this.gathered = [];
      return analyzeTable(new TableHandover(table), options, null);
    }
    const lang: Lang = options.lang ?? 'en';
    const { settings, notices } = settingsOf(options);
    readHeader(this.gathered, lang, notices);
    const asOfOption = asOfOf(options, lang);
    const read = customersRead(this.reader.finish(), this.header, asOfOption, notices, lang);
    this.reader = null;
    return finishAnalysis(read, options, settings, notices, null);
  }
}
