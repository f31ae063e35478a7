/**
 * `rapport analyze [FILE | -] [--json | --jsonl | --csv] …`: read the table (a file, standard
 * input, or the built-in sample), analyse it, and write the report, the JSON, JSON Lines or CSV
 * as it is produced, with a progress line on a terminal for large files.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyze } from '../shared/analyze';
import { AnalyzeError } from '../shared/ingest/analyze-error';
import { isoToDay } from '../shared/ingest/parse-date';
import { generateCustomers } from '../shared/sample/generate-customers';
import type { Lang, Notice } from '../shared/types';
import { writeResultCsv } from './csv-stream';
import { writeJson, writeJsonLines } from './json-stream';
import { checkFileFits } from './memory-limit';
import type { BufferedOutput } from './output';
import { formatAnalysis, formatNoCustomers } from './print-analysis';
import { NO_PROGRESS, PROGRESS_MIN_BYTES, type Progress } from './progress';
import { readTableFile } from './read-table-file';
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

/** Run `rapport analyze`; returns the exit code (0 analysed, 2 unusable input). */
export function analyzeCommand(args: string[], lang: Lang, io: AnalyzeIo): number {
  const zh = lang === 'zh';
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
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
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n\n${ANALYZE_HELP[lang]}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out.write(`${ANALYZE_HELP[lang]}\n`);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(zh ? `只能分析一个文件, 收到: ${positionals.join(' ')}` : `One file at a time, got: ${positionals.join(' ')}`);
  const formats = (['json', 'jsonl', 'csv'] as const).filter((f) => values[f]);
  if (formats.length > 1) throw new UsageError(zh ? `${formats.map((f) => `--${f}`).join(' 和 ')} 只能选一个` : `Choose one of ${formats.map((f) => `--${f}`).join(', ')}`);
  const limit = values.limit ? Number(values.limit) : 25;
  if (!Number.isInteger(limit) || limit < 0) throw new UsageError(zh ? '--limit 需要一个非负整数' : '--limit needs a whole number ≥ 0');

  if (values['as-of'] !== undefined && isoToDay(values['as-of']) === null) throw new AnalyzeError('bad_as_of', lang, { value: values['as-of'] });
  const settings = values.settings === undefined ? undefined : readSettings(values.settings, lang);

  let table: unknown[][];
  let source: string;
  let fileNotices: Notice[] = [];
  let progress: Progress = NO_PROGRESS;
  const file = positionals[0];
  if (file !== undefined) {
    let size: number | null = null;
    if (file !== '-') {
      size = fileSize(file);
      if (size !== null) checkFileFits(size, file, lang);
    }
    if (io.progress && (size === null || size >= PROGRESS_MIN_BYTES)) progress = io.progress;
    const read = readTableFile(file, lang, { stdin: io.stdin, onProgress: (b, t, r) => progress.reading(b, t, r) });
    table = read.table;
    fileNotices = read.notices;
    source = file === '-' ? (zh ? '标准输入' : 'standard input') : file;
  } else {
    const n = values.sample ? Number(values.sample) : 200;
    if (!Number.isInteger(n) || n < 1) throw new UsageError(zh ? '--sample 需要一个正整数' : '--sample needs a whole number ≥ 1');
    if (n > 5_000_000) throw new UsageError(zh ? '--sample 最多 5,000,000' : '--sample is at most 5,000,000');
    table = generateCustomers(n, { seed: 1, lang, asOf: values['as-of'] });
    source = zh ? '内置示例数据' : 'built-in sample data';
  }

  const rowCount = table.length;
  progress.stage(zh ? `分析中: ${rowCount.toLocaleString('zh-CN')} 行 (分级、生命周期、风险、模型)` : `analysing: ${rowCount.toLocaleString('en-US')} rows (tiers, lifecycle, risk, model)`);
  const analysis = analyze(table, { asOf: values['as-of'], settings: settings as never, lang });
  analysis.notices.unshift(...fileNotices); // how the file was read comes first
  if (analysis.customers.length === 0) {
    progress.done();
    io.err(`${formatNoCustomers(analysis, lang, source)}\n`);
    return 2;
  }

  const out = (s: string) => io.out.write(s);
  const customers = analysis.customers.length;
  progress.stage(zh ? `写出中: ${customers.toLocaleString('zh-CN')} 个客户` : `writing: ${customers.toLocaleString('en-US')} customers`);
  if (values.csv) writeResultCsv(table, analysis, lang, out, (done) => progress.writing(done, rowCount, 'rows'));
  else {
    table = []; // the rows are not needed any more: let them go before writing
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
  const zh = lang === 'zh';
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw new UsageError(zh ? `设置文件 "${path}" 是文件夹, 请给出 JSON 文件` : `The settings file "${path}" is a folder; give a JSON file`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(zh ? `找不到设置文件 "${path}"` : `No such settings file: "${path}"`);
    throw new UsageError(zh ? `无法读取设置文件 "${path}" (${code ?? 'error'})` : `Cannot read the settings file "${path}" (${code ?? 'error'})`);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new UsageError(zh ? `设置文件 "${path}" 不是有效的 JSON: ${(e as Error).message}` : `The settings file "${path}" is not valid JSON: ${(e as Error).message}`);
  }
}

