/**
 * An analysis fed a batch of rows at a time, as a large file is read (see RowStreamAnalysis).
 */
import type { AnalyzeOptions, Column, LazyAnalysis, Lang, Notice } from './types';
import type { HeaderMatch } from './ingest/headers';
import { findHeaderRow, MAX_TITLE_ROWS } from './ingest/find-header-row';
import { kindByColumns } from './ingest/detect-kind';
import { CustomerTableReader, keyColumn, type CustomerReadPart } from './ingest/read-customers';
import { keyOf } from './ingest/cell-reader';
import { isoToDay } from './ingest/parse-date';
import type { LogColumnsReader, LogReadPart } from './ingest/log-columns';
import { logReader, summarizeLog } from './ingest/read-transactions';
import { AnalyzeError } from './analyze-error';
import { TableHandover } from './table-handover';
import { analyzeTable } from './analyze';
import { asCustomerColumns, asOfOf, customersRead, finishAnalysis, headerAt, logRead, settingsOf } from './analysis-steps';
import { appendAll } from './append-all';
import { FIT_HERE, type PurchaseFitter } from './model/purchase-fitter';

/** The most rows an estimate sizes the columns for (about a quarter of a gigabyte of columns). */
export const PRESIZED_ROWS = 1 << 20;

/**
 * An analysis fed a batch of rows at a time, as a large file is read. Once the header shows a
 * customer table, its rows are read into customers as they come (CustomerTableReader) and can be
 * let go, so memory grows with the customers, not with the file. Once the header shows a
 * transaction log — or, when only repeated keys can tell, once a key repeats (detectKind's rule) —
 * its rows are read into the log's columns as they come (LogColumnsReader). A table that is neither
 * yet, or too short to tell, is gathered and analysed whole. Either way the result is that of
 * analyzeLazily on the whole table.
 */
export class RowStreamAnalysis {
  private gathered: unknown[][] = [];
  private gatherAll = false;
  private reader: CustomerTableReader | null = null;
  private log: LogColumnsReader | null = null;
  /** While the kind waits for a repeated key: the keys met so far, and the gathered rows looked at. */
  private keysSeen: Set<string> | null = null;
  private keysLookedAt = 0;
  private header: { start: number; match: HeaderMatch; columns: Column[] } | null = null;
  /** The notices about the title and header rows, made when the header was found. */
  private readonly headerNotices: Notice[] = [];

  /** The number of rows the table is expected to have (0: unknown), to size the customers' columns once. */
  private expectedRows = 0;

  /**
   * Called once, when the header has shown a customer table, with the columns its rows are read by
   * (customerColumns) — before the rows gathered so far are read, so that another reader of a later
   * part of the table can start while this one reads them.
   */
  onCustomerColumns: ((columns: readonly Column[]) => void) | null = null;

  /**
   * Called once, when the rows have shown a transaction log, with the header's columns (the log's
   * are found from them: logReader) — before the rows gathered so far are read, so that another
   * reader of a later part of the log can start while this one reads them.
   */
  onLogColumns: ((columns: readonly Column[]) => void) | null = null;

  /** `fitter`: where the purchase model's two fits run (finishAnalysis); here by default. */
  constructor(
    private readonly options: AnalyzeOptions = {},
    private readonly fitter: PurchaseFitter = FIT_HERE,
  ) {}

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
    if (this.log) {
      this.log.add(rows, firstIndex);
      return;
    }
    for (const row of rows) this.gathered.push(row);
    if (this.keysSeen) this.lookForRepeatedKey();
    else if (!this.gatherAll && this.gathered.length > MAX_TITLE_ROWS + 1) this.start();
  }

  /**
   * The columns the rows are read by, once the header has shown a customer table (null before, and
   * for anything else): another CustomerTableReader of these columns may read a later part of the
   * table (absorb).
   */
  get customerColumns(): readonly Column[] | null {
    return this.reader && this.header ? this.header.columns : null;
  }

  /**
   * Where the rows can go without being made, once the header has shown a customer table (null
   * before, and for anything else): its reader, which reads a plain text's lines straight into
   * the customers' columns (CustomerTableReader.addLines) and is what push gives rows to.
   */
  get lineReader(): CustomerTableReader | null {
    return this.reader;
  }

  /**
   * The part another reader of customerColumns read of the rows after those pushed so far, numbering
   * them from the start of its part; `rowsBefore` is how many rows come before it (see
   * CustomerTableReader.absorb).
   */
  absorb(part: CustomerReadPart, rowsBefore: number): void {
    if (!this.reader) throw new Error('absorb: the rows are not being read as a customer table');
    this.reader.absorb(part, rowsBefore);
  }

  /**
   * The part another reader of the log (logReader on the columns onLogColumns gave) read of the rows
   * after those pushed so far, numbering them from the start of its part; `rowsBefore` is how many
   * rows come before it (see LogColumnsReader.absorb).
   */
  absorbLog(part: LogReadPart, rowsBefore: number): void {
    if (!this.log) throw new Error('absorbLog: the rows are not being read as a transaction log');
    this.log.absorb(part, rowsBefore);
  }

  /** Enough rows to find the header: read on as a customer table, or gather everything. */
  private start(): void {
    const table = this.gathered;
    const headerIndex = findHeaderRow(table);
    const lang = this.options.lang ?? 'en';
    const notices: Notice[] = [];
    const header = headerIndex < 0 ? null : headerAt(table, headerIndex, lang, notices);
    const kind = header ? kindByColumns(header.match.columns) : null;
    const asOfReadable = this.options.asOf === undefined || isoToDay(this.options.asOf) !== null;
    this.gatherAll = true; // analysed whole unless read as it comes below: analyzeTable says what is wrong
    if (!header || (kind !== 'customers' && !asOfReadable)) return;
    if (kind !== 'customers') {
      this.header = { ...header, columns: header.match.columns };
      appendAll(this.headerNotices, notices);
      if (kind === 'transactions') this.startLog();
      else {
        this.keysSeen = new Set();
        this.keysLookedAt = header.start;
        this.lookForRepeatedKey();
      }
      return;
    }
    this.gatherAll = false;
    const columns = asCustomerColumns(header.match.columns);
    this.header = { ...header, columns };
    appendAll(this.headerNotices, notices);
    // Rows are let go batch by batch: what customers keep must not hold the batches' text.
    this.onCustomerColumns?.(columns);
    this.reader = new CustomerTableReader(columns, lang, this.expectedRows, true);
    this.reader.add(table, 0, header.start);
    this.gathered = [];
  }

  /** A key seen twice among the rows gathered so far makes the table a transaction log (detectKind). */
  private lookForRepeatedKey(): void {
    const seen = this.keysSeen!;
    const index = keyColumn(this.header!.columns)!.index;
    const table = this.gathered;
    for (let i = this.keysLookedAt; i < table.length; i++) {
      const k = keyOf(table[i]![index]);
      if (k === null) continue;
      if (seen.has(k)) {
        this.startLog();
        return;
      }
      seen.add(k);
    }
    this.keysLookedAt = table.length;
  }

  /** The table is a transaction log: read what was gathered, and every batch from now on, into its columns. */
  private startLog(): void {
    const lang = this.options.lang ?? 'en';
    this.onLogColumns?.(this.header!.columns);
    this.log = logReader(this.header!.columns, lang, { asOf: this.options.asOf }, this.expectedRows, true);
    this.log.add(this.gathered, 0, this.header!.start);
    this.gathered = [];
    this.keysSeen = null;
  }

  /** The analysis of every row pushed. */
  finish(): LazyAnalysis {
    const options = this.options;
    if (this.log && this.header) return this.finishLog(this.log, this.header);
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
    return finishAnalysis(read, options, settings, notices, null, this.fitter);
  }

  /** What analyzeTable gives for the log read as it came. */
  private finishLog(log: LogColumnsReader, header: { start: number; match: HeaderMatch; columns: Column[] }): LazyAnalysis {
    const options = this.options;
    const lang: Lang = options.lang ?? 'en';
    this.log = null;
    const { settings, notices } = settingsOf(options);
    appendAll(notices, this.headerNotices);
    if (log.rowsGiven === 0) throw new AnalyzeError('no_rows', lang);
    const t = summarizeLog(log, header.columns, lang, { asOf: options.asOf, periodDays: settings.periodDays, start: header.start, histories: false, rfmUnit: options.model === false ? undefined : settings.model.unit });
    return finishAnalysis(logRead(t, header, notices, lang), options, settings, notices, null, this.fitter);
  }
}
