/**
 * An analysis fed a batch of rows at a time, as a large file is read (see RowStreamAnalysis).
 */
import type { AnalyzeOptions, Column, LazyAnalysis, Lang, Notice } from './types';
import type { HeaderMatch } from './ingest/headers';
import { findHeaderRow, MAX_TITLE_ROWS } from './ingest/find-header-row';
import { kindByColumns } from './ingest/detect-kind';
import { CustomerTableReader } from './ingest/read-customers';
import { TableHandover } from './table-handover';
import { analyzeTable } from './analyze';
import { asCustomerColumns, asOfOf, customersRead, finishAnalysis, headerAt, settingsOf } from './analysis-steps';
import { appendAll } from './append-all';

/** The most rows an estimate sizes the columns for (about a quarter of a gigabyte of columns). */
const PRESIZED_ROWS = 1 << 20;

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
  /** The notices about the title and header rows, made when the header was found. */
  private readonly headerNotices: Notice[] = [];

  /** The number of rows the table is expected to have (0: unknown), to size the customers' columns once. */
  private expectedRows = 0;

  constructor(private readonly options: AnalyzeOptions = {}) {}

  /**
   * An estimate of the table's rows (e.g. from the share of a file read so far); only sizes memory.
   * At most PRESIZED_ROWS are set aside on an estimate — a file whose first rows are much shorter
   * than the rest would otherwise reserve far more than it needs — and the columns grow past it.
   */
  expectRows(rows: number): void {
    if (Number.isFinite(rows) && rows > 0) this.expectedRows = Math.min(PRESIZED_ROWS, Math.ceil(rows));
  }

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
    const lang = this.options.lang ?? 'en';
    const notices: Notice[] = [];
    const header = headerIndex < 0 ? null : headerAt(table, headerIndex, lang, notices);
    if (!header || kindByColumns(header.match.columns) !== 'customers') {
      this.gatherAll = true; // analysed whole: analyzeTable says what is wrong, or reads the log
      return;
    }
    const columns = asCustomerColumns(header.match.columns);
    this.header = { ...header, columns };
    appendAll(this.headerNotices, notices);
    // Rows are let go batch by batch: what customers keep must not hold the batches' text.
    this.reader = new CustomerTableReader(columns, lang, this.expectedRows, true);
    this.reader.add(table, 0, header.start);
    this.gathered = [];
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
    appendAll(notices, this.headerNotices);
    const asOfOption = asOfOf(options, lang);
    const read = customersRead(this.reader.finish(), this.header, asOfOption, notices, lang);
    this.reader = null;
    return finishAnalysis(read, options, settings, notices, null);
  }
}
