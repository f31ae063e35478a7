/**
 * `rapport analyze [FILE | -] [--json | --jsonl | --csv] …`: read the table (a file, standard
 * input, or the built-in sample), analyse it, and write the report, the JSON, JSON Lines or CSV
 * as it is produced, with a progress line on a terminal for large files.
 */
import { readFileSync, statSync } from 'node:fs';
import { analyzeLazily } from '../shared/analyze';
import { RowStreamAnalysis } from '../shared/row-stream-analysis';
import { TableHandover } from '../shared/table-handover';
import { AnalyzeError } from '../shared/analyze-error';
import { isoToDay } from '../shared/ingest/parse-date';
import { generateCustomers } from '../shared/sample/generate-customers';
import { fill } from '../shared/i18n/messages';
import { LOCALE, texts } from '../shared/i18n/texts';
import type { AnalyzeOptions, Lang, LazyAnalysis, Notice } from '../shared/types';
import { parseCommandArgs } from './command-args';
import { ResultCsvWriter, widestRow, writeResultCsv } from './csv-stream';
import { CLI_TEXT } from './i18n';
import { writeJson, writeJsonLines } from './json-stream';
import type { BufferedOutput } from './output';
import { formatAnalysis, formatNoCustomers } from './print-analysis';
import { NO_PROGRESS, PROGRESS_MIN_BYTES, type Progress } from './progress';
import { readTableContinuation, readTableFile, type ReadOptions, type RowsRead, type TableFile, type TextFormat } from './read-table-file';
import { type PartReading, SecondPart } from './second-part';
import { threadFitter } from './fit-thread';
import { fileRange } from './byte-source';
import { strayQuoteNotice } from '../shared/csv/read-delimited';
import type { StrayQuote } from '../shared/csv/parse-delimited';
import { UsageError } from './usage-error';
import { ANALYZE_HELP } from './help';

export interface AnalyzeIo {
  out: BufferedOutput;
  /** Error messages and the progress line. */
  err: (s: string) => void;
  /** Standard input's bytes for "-" (default: file descriptor 0). */
  stdin?: () => readonly Uint8Array[];
  /** A progress line for files of at least PROGRESS_MIN_BYTES (only when stderr is a terminal). */
  progress?: Progress;
}

const TEXT = texts({
  zh: {
    oneFile: '只能分析一个文件, 收到: {files}',
    oneFormat: '{formats} 只能选一个',
    formatSeparator: ' 和 ',
    badLimit: '--limit 需要一个非负整数',
    badSample: '--sample 需要一个正整数',
    sampleTooBig: '--sample 最多 5,000,000',
    fileChanged: '文件 "{name}" 在分析期间被改动了, 没有写出任何内容。请在文件不再变化时重新运行',
    fileChangedWriting: '文件 "{name}" 在写出时被改动了: 写出的 CSV 不完整。请在文件不再变化时重新运行',
    sample: '内置示例数据',
    analysing: '分析中: {rows} 行 (分级、生命周期、风险、模型)',
    writing: '写出中: {customers} 个客户',
    settingsFolder: '设置文件 "{path}" 是文件夹, 请给出 JSON 文件',
    settingsMissing: '找不到设置文件 "{path}"',
    settingsUnreadable: '无法读取设置文件 "{path}" ({code})',
    settingsNotJson: '设置文件 "{path}" 不是有效的 JSON: {message}',
  },
  en: {
    oneFile: 'One file at a time, got: {files}',
    oneFormat: 'Choose one of {formats}',
    formatSeparator: ', ',
    badLimit: '--limit needs a whole number ≥ 0',
    badSample: '--sample needs a whole number ≥ 1',
    sampleTooBig: '--sample is at most 5,000,000',
    fileChanged: 'The file "{name}" changed while it was being analysed; nothing was written. Run again once the file no longer changes.',
    fileChangedWriting: 'The file "{name}" changed while its rows were being written: the CSV written is incomplete. Run again once the file no longer changes.',
    sample: 'built-in sample data',
    analysing: 'analysing: {rows} rows (tiers, lifecycle, risk, model)',
    writing: 'writing: {customers} customers',
    settingsFolder: 'The settings file "{path}" is a folder; give a JSON file',
    settingsMissing: 'No such settings file: "{path}"',
    settingsUnreadable: 'Cannot read the settings file "{path}" ({code})',
    settingsNotJson: 'The settings file "{path}" is not valid JSON: {message}',
  },
});

/** Run `rapport analyze`; returns the exit code (0 analysed, 2 unusable input). */
export async function analyzeCommand(args: string[], lang: Lang, io: AnalyzeIo): Promise<number> {
  const t = TEXT[lang];
  const { values, positionals } = parseCommandArgs(
    args,
    {
      'as-of': { type: 'string' },
      json: { type: 'boolean' },
      jsonl: { type: 'boolean' },
      csv: { type: 'boolean' },
      settings: { type: 'string' },
      lang: { type: 'string' },
      limit: { type: 'string' },
      sample: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    `\n${ANALYZE_HELP[lang]}`,
  );
  if (values.help) {
    io.out.write(`${ANALYZE_HELP[lang]}\n`);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(fill(t.oneFile, { files: positionals.join(' ') }));
  const formats = (['json', 'jsonl', 'csv'] as const).filter((f) => values[f]);
  if (formats.length > 1) throw new UsageError(fill(t.oneFormat, { formats: formats.map((f) => `--${f}`).join(t.formatSeparator) }));
  const limit = values.limit ? Number(values.limit) : 25;
  if (!Number.isInteger(limit) || limit < 0) throw new UsageError(t.badLimit);

  if (values['as-of'] !== undefined && isoToDay(values['as-of']) === null) throw new AnalyzeError('bad_as_of', lang, { value: values['as-of'] });
  const settings = values.settings === undefined ? undefined : readSettings(values.settings, lang);

  const options: AnalyzeOptions = { asOf: values['as-of'], settings: settings as never, lang };
  const { analyse, csvRows, csvAgain, source, fileNotices, progress, rowCount } = await readInput(positionals[0], values, options, io);
  progress.stage(fill(t.analysing, { rows: rowCount.toLocaleString(LOCALE[lang]) }));
  const analysis = analyse();
  analysis.notices = fileNotices.concat(analysis.notices); // how the file was read comes first (a file may give 150,000 notices: no spread)
  if (analysis.customers.length === 0) {
    progress.done();
    io.err(`${formatNoCustomers(analysis, lang, source)}\n`);
    return 2;
  }

  const out = (s: string) => io.out.write(s);
  const customers = analysis.customers.length;
  progress.stage(fill(t.writing, { customers: customers.toLocaleString(LOCALE[lang]) }));
  if (csvRows) writeResultCsv(csvRows, analysis, lang, out, (done) => progress.writing(done, rowCount, 'rows'));
  else if (csvAgain) csvAgain(analysis, out);
  else {
    if (values.jsonl) writeJsonLines(analysis.customers, out);
    else {
      if (values.json) writeJson(analysis, out);
      else out(formatAnalysis(analysis, lang, limit, source));
      out('\n');
    }
  }
  progress.done();
  return 0;
}

/**
 * The table read, ready to analyse. For --csv, which writes the rows back out: standard input's and
 * the sample's rows kept beside it; a file read a second time as its rows are written (csvAgain).
 */
interface Input {
  analyse: () => LazyAnalysis;
  csvRows: unknown[][] | null;
  csvAgain: ((analysis: LazyAnalysis, write: (text: string) => void) => void) | null;
  rowCount: number;
  source: string;
  fileNotices: Notice[];
  progress: Progress;
}

/** The time since `start` (a performance.now()), in seconds, for RAPPORT_DEBUG's lines. */
const seconds = (start: number) => `${((performance.now() - start) / 1000).toFixed(2)} s`;

/**
 * The memory the process has touched so far, for RAPPORT_DEBUG's lines: its page faults (each a
 * page of memory touched for the first time, which costs several microseconds on some virtual
 * machines: `npm run bench` prints what it costs there) and its resident memory.
 */
const touched = () => `${process.resourceUsage().minorPageFault.toLocaleString('en-US')} page faults so far, resident ${Math.round(process.memoryUsage.rss() / 2 ** 20)} MiB`;

/**
 * Read the file, standard input or the built-in sample. A file's rows go to the analysis as they
 * are read (RowStreamAnalysis); for --csv the file is read again as its rows are written out, so
 * its rows are never all held. Standard input (which cannot be read twice) and the sample are
 * handed over whole. In a function of its own, so that once it returns nothing else refers to the rows.
 */
async function readInput(file: string | undefined, values: { csv?: boolean; sample?: string; 'as-of'?: string }, options: AnalyzeOptions, io: AnalyzeIo): Promise<Input> {
  const lang = options.lang ?? 'en';
  const t = TEXT[lang];
  let table: unknown[][];
  let source: string;
  let fileNotices: Notice[] = [];
  let progress: Progress = NO_PROGRESS;
  if (file !== undefined) {
    let size: number | null = null;
    // No file is refused for its size alone: its rows are let go as they are read, so memory grows
    // with its customers; the worker's heap limit says when they do not fit (cli/rapport.mjs).
    if (file !== '-') size = fileSize(file);
    if (io.progress && (size === null || size >= PROGRESS_MIN_BYTES)) progress = io.progress;
    source = file === '-' ? CLI_TEXT[lang].stdin : file;
    // A large regular file: its second part may be read by a second thread (SecondPart).
    // --csv needs the widest row of the file, so its rows are all made (no line reading).
    const second = size === null ? null : SecondPart.plan(file, size, lang, !values.csv);
    const secondDone = () => second?.progress() ?? { rows: 0, bytes: 0 };
    // Never shown going back: a second thread that gives its part up after reading some of it no
    // longer counts, and this thread reads those bytes again.
    let shown = { bytes: 0, rows: 0 };
    const onProgress = (b: number, total: number | null, r: number) => {
      const done = secondDone();
      shown = { bytes: Math.max(shown.bytes, b + done.bytes), rows: Math.max(shown.rows, r + done.rows) };
      progress.reading(shown.bytes, total, shown.rows);
    };
    // --csv reads a regular file twice; standard input, a pipe or a device cannot be, and is held.
    if (!values.csv || size !== null) {
      // A large file: a thread for the purchase model's fits, started now so that it is ready.
      const fitter = threadFitter(size, (waitedMs) => {
        if (process.env.RAPPORT_DEBUG) io.err(`rapport: the purchase model was fitted with another thread (waited ${(waitedMs / 1000).toFixed(2)} s for it)\n`);
      });
      const stream = new RowStreamAnalysis(options, fitter ?? undefined);
      let width = 0;
      let format: TextFormat | null = null;
      /** Where the rows being pushed end: in the file, and in the table. */
      let reach: { at: RowsRead; rows: number } | null = null;
      // The second thread starts as soon as the rows show a customer table or a log, before this
      // thread reads the rows it gathered to find out (and sets aside the columns).
      if (second) {
        const startSecond = (reading: PartReading) => {
          const { at, rows } = reach!;
          if (!second.started && at.format && at.bytes < second.at) second.start(reading, at.format, at.bytes / rows);
        };
        stream.onCustomerColumns = (columns) => startSecond({ kind: 'customers', columns });
        stream.onLogColumns = (columns) => startSecond({ kind: 'log', columns: [...columns], asOf: options.asOf });
      }
      const onRows = (rows: string[][], first: number, at: RowsRead) => {
        format = at.format ?? format;
        // The first rows and the share of the file they took: how many rows the whole file has.
        if (first === 0 && at.totalBytes !== null && at.bytes > 0) stream.expectRows((rows.length * at.totalBytes) / at.bytes);
        if (values.csv) width = Math.max(width, widestRow(rows));
        reach = { at, rows: first + rows.length };
        stream.push(rows, first);
      };
      const before = values.csv ? fileStamp(file) : null;
      let read: TableFile;
      let rowCount: number;
      let how = 'on one thread';
      const readStart = performance.now();
      try {
        const lines = values.csv ? undefined : () => stream.lineReader;
        read = readTableFile(file, lang, { stdin: io.stdin, onProgress, onRows, split: second ?? undefined, lines });
        rowCount = read.rowCount;
        if (read.stoppedAt !== null && second && format) {
          const rowsBefore = rowCount;
          // The part's bytes and rows read so far (onProgress adds the second thread's while it runs).
          const partProgress = (b: number, r: number) => onProgress(read.bytes + b, size, rowsBefore + r);
          const rest = await readSecondPart(second, stream, rowsBefore, format, file, lang, onRows, partProgress);
          rowCount += rest.rowCount;
          progress.reading(read.bytes + rest.bytes, size, rowCount); // the whole file read
          width = Math.max(width, rest.widest);
          for (const q of rest.strayQuotes) read.notices.push(strayQuoteNotice(q, lang));
          how = rest.byThread ? `on two threads, the second from byte ${read.stoppedAt} (waited ${rest.waited} for it)` : oneThread(second);
        } else {
          // The reading never stopped for the second thread: the file is neither a customer table nor
          // a log, a row does not start at the split, the file shrank, or the second thread gave up.
          if (second?.gaveUp) how = oneThread(second);
          second?.cancel();
        }
      } catch (e) {
        // A file that cannot be read: the extra threads are not needed any more.
        fitter?.stop();
        second?.cancel();
        throw e;
      }
      // For whoever looks into a slow or odd run: how the file was read.
      if (process.env.RAPPORT_DEBUG) io.err(`rapport: read ${how}, in ${seconds(readStart)} (${touched()})\n`);
      const csvAgain = !values.csv
        ? null
        : (analysis: LazyAnalysis, write: (text: string) => void) => {
            if (fileStamp(file) !== before) throw new UsageError(fill(t.fileChanged, { name: file }));
            const writer = new ResultCsvWriter(rowCount, width, analysis, lang, write, (done) => progress.writing(done, rowCount, 'rows'));
            let seen = 0;
            readTableFile(file, lang, {
              onRows: (rows, first) => {
                // Rows that were not there, or wider, at the first reading: the file changed meanwhile.
                if (first + rows.length > rowCount || widestRow(rows) > width) throw new UsageError(fill(t.fileChangedWriting, { name: file }));
                writer.rows(rows, first);
                seen = first + rows.length;
              },
            });
            writer.finish();
            if (seen !== rowCount) throw new UsageError(fill(t.fileChangedWriting, { name: file }));
          };
      const analyse = () => {
        const analyseStart = performance.now();
        try {
          return stream.finish();
        } finally {
          fitter?.stop();
          if (process.env.RAPPORT_DEBUG) io.err(`rapport: analysed in ${seconds(analyseStart)} (${touched()})\n`);
        }
      };
      return { analyse, csvRows: null, csvAgain, rowCount, source, fileNotices: read.notices, progress };
    }
    const read = readTableFile(file, lang, { stdin: io.stdin, onProgress });
    table = read.table;
    fileNotices = read.notices;
  } else {
    const n = values.sample ? Number(values.sample) : 200;
    if (!Number.isInteger(n) || n < 1) throw new UsageError(t.badSample);
    if (n > 5_000_000) throw new UsageError(t.sampleTooBig);
    table = generateCustomers(n, { seed: 1, lang, asOf: values['as-of'] });
    source = t.sample;
  }
  const handover = new TableHandover(table);
  return { analyse: () => analyzeLazily(handover, options), csvRows: values.csv ? table : null, csvAgain: null, rowCount: table.length, source, fileNotices, progress };
}

/** How a file whose second thread gave its part up was read, for RAPPORT_DEBUG. */
function oneThread(second: SecondPart): string {
  return `on one thread (the second thread ${second.declined ? 'left its part, whose dates need the whole file read first,' : 'failed'} after byte ${second.at})`;
}

/**
 * The second part of a file read by a second thread (SecondPart), added to the analysis of the
 * first; should the second thread fail (run out of its memory, say) or decline its part (a log's
 * dates there need the whole file read first) once this one has stopped at the split, this thread
 * reads that part itself, through `onRows` as it read the first. Returns the part's rows and bytes, the widest the second
 * thread met (onRows sees those this thread reads), the quotes in it read as ordinary characters,
 * whether the second thread read it, and how long this thread waited for it. `progress` gets the
 * bytes and rows this thread has read of the part.
 */
async function readSecondPart(
  second: SecondPart,
  stream: RowStreamAnalysis,
  rowsBefore: number,
  format: TextFormat,
  file: string,
  lang: Lang,
  onRows: NonNullable<ReadOptions['onRows']>,
  progress: (bytes: number, rows: number) => void,
): Promise<{ rowCount: number; bytes: number; widest: number; strayQuotes: StrayQuote[]; byThread: boolean; waited: string }> {
  let got: Awaited<ReturnType<SecondPart['finish']>> | null = null;
  const waitStart = performance.now();
  try {
    got = await second.finish(() => progress(0, 0));
  } catch (e) {
    if (e instanceof UsageError) throw e;
  }
  const waited = seconds(waitStart);
  if (got) {
    if (got.part.kind === 'log') stream.absorbLog(got.part.read, rowsBefore);
    else stream.absorb(got.part.read, rowsBefore);
    return { rowCount: got.rowCount, bytes: got.bytes, widest: got.widest, strayQuotes: got.strayQuotes.map((q) => ({ ...q, row: q.row + rowsBefore })), byThread: true, waited };
  }
  // The second thread failed: this one reads its part.
  second.cancel();
  const read = readTableContinuation(fileRange(file, lang, second.at, Infinity, null), format, second.at, rowsBefore, onRows, (bytes, _total, rows) => progress(bytes, rows));
  return { rowCount: read.rowCount, bytes: read.bytes, widest: 0, strayQuotes: read.strayQuotes, byThread: false, waited };
}

/** A regular file's size, modification time and inode, to tell whether it changed between two readings. */
function fileStamp(path: string): string {
  const st = statSync(path, { bigint: true });
  return `${st.size}:${st.mtimeNs}:${st.ino}:${st.dev}`;
}

/** The file's size when it is a regular file (else null: a pipe, a device); missing files are left to the reader. */
function fileSize(path: string): number | null {
  try {
    const st = statSync(path);
    return st.isFile() ? st.size : null;
  } catch {
    return null;
  }
}

/** The settings file as JSON, with plain messages for a missing file, a folder or bad JSON. */
function readSettings(path: string, lang: Lang): unknown {
  const t = TEXT[lang];
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw new UsageError(fill(t.settingsFolder, { path }));
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(fill(t.settingsMissing, { path }));
    throw new UsageError(fill(t.settingsUnreadable, { path, code: code ?? 'error' }));
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new UsageError(fill(t.settingsNotJson, { path, message: (e as Error).message }));
  }
}

