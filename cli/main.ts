/**
 * `rapport` command line: `rapport [analyze] [FILE] [--as-of YYYY-MM-DD] [--json | --csv]
 * [--settings FILE] [--lang zh|en] [--limit N]` and `rapport fit FILE …`. Errors are caught here
 * and printed in plain words; exit 0 when the data could be analysed (row errors are reported),
 * 2 when the input is unusable.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyze } from '../shared/analyze';
import { AnalyzeError } from '../shared/ingest/analyze-error';
import { toDelimited } from '../shared/csv/to-delimited';
import { resultTable } from '../shared/result-columns';
import { generateCustomers } from '../shared/sample/generate-customers';
import type { Lang } from '../shared/types';
import { langFromArgs } from './locale';
import { formatAnalysis } from './print-analysis';
import { readTableFile, UsageError } from './read-table-file';

const HELP = {
  en: `Rapport — customer tiers, lifecycle, churn risk and credit from a customer table or a transaction log.

Usage:
  rapport [analyze] [FILE] [options]     analyse a CSV/TSV file (built-in sample data without FILE)
  rapport fit FILE [options]             fit the BG/NBD + Gamma-Gamma model on a transaction log
  rapport validate LOG --as-of D --horizon DAYS   does churn risk predict churn? (AUC on the log's holdout)

Options for analyze:
  --as-of YYYY-MM-DD   analysis date (default: the latest date in the data)
  --json               print the whole analysis as JSON
  --csv                print the input rows with the result columns appended
  --settings FILE      thresholds and weights (JSON, the same as a sheet template's settings)
  --lang zh|en         language (default: from the locale)
  --limit N            customers listed in the table (default 25)
  --sample N           size of the built-in sample (default 200)
Options for fit:
  --as-of YYYY-MM-DD   calibration cut-off (default: the latest date in the log)
  --unit weeks|days    time unit of the model (default weeks)
  --horizon DAYS       horizon for expected purchases and CLV, in days (default 90)
  --discount RATE      annual discount rate for CLV (default 0)
  --json, --lang zh|en

Files: CSV or TSV in UTF-8 (with or without BOM), UTF-16 or GB18030/GBK, detected automatically.`,
  zh: `Rapport — 根据客户表或交易流水计算客户分级、生命周期、流失风险和信用。

用法:
  rapport [analyze] [文件] [选项]       分析 CSV/TSV 文件 (不给文件时分析内置示例数据)
  rapport fit 文件 [选项]               在交易流水上拟合 BG/NBD + Gamma-Gamma 模型
  rapport validate 流水 --as-of 日期 --horizon 天数   检验流失风险能否预测流失 (检验期 AUC)

analyze 的选项:
  --as-of YYYY-MM-DD   分析日期 (默认: 数据中最晚的日期)
  --json               以 JSON 输出完整分析
  --csv                输出原始行并在右侧附加结果列
  --settings 文件      阈值和权重 (JSON, 与表格模板的设置相同)
  --lang zh|en         语言 (默认跟随系统区域设置)
  --limit N            表格中列出的客户数 (默认 25)
  --sample N           内置示例的客户数 (默认 200)
fit 的选项:
  --as-of YYYY-MM-DD   校准截止日 (默认: 流水中最晚的日期)
  --unit weeks|days    模型的时间单位 (默认 weeks)
  --horizon 天数       预期购买次数和 CLV 的时间范围, 单位为天 (默认 90)
  --discount 比率      CLV 的年折现率 (默认 0)
  --json, --lang zh|en

文件: CSV 或 TSV, UTF-8 (带或不带 BOM)、UTF-16 或 GB18030/GBK, 自动识别。`,
};

/** Run the CLI; returns the exit code. Output goes to the given writers (stdout/stderr by default). */
export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  const lang = langFromArgs(argv);
  try {
    if (argv[0] === 'fit') {
      const { fitCommand } = await import('./fit');
      return await fitCommand(argv.slice(1), { out, err });
    }
    if (argv[0] === 'validate') {
      const { validateCommand } = await import('./validate');
      return await validateCommand(argv.slice(1), { out, err });
    }
    return analyzeCommand(argv[0] === 'analyze' ? argv.slice(1) : argv, lang, out);
  } catch (e) {
    if (e instanceof UsageError || e instanceof AnalyzeError) {
      err(`rapport: ${e.message}\n`);
      return 2;
    }
    err(`rapport: ${lang === 'zh' ? '内部错误' : 'internal error'}: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

function analyzeCommand(args: string[], lang: Lang, out: (s: string) => void): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'as-of': { type: 'string' },
        json: { type: 'boolean' },
        csv: { type: 'boolean' },
        settings: { type: 'string' },
        lang: { type: 'string' },
        limit: { type: 'string' },
        sample: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n\n${HELP[lang]}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(HELP[lang] + '\n');
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(lang === 'zh' ? `只能分析一个文件, 收到: ${positionals.join(' ')}` : `One file at a time, got: ${positionals.join(' ')}`);
  if (values.json && values.csv) throw new UsageError(lang === 'zh' ? '--json 和 --csv 只能选一个' : 'Choose one of --json and --csv');
  const limit = values.limit ? Number(values.limit) : 25;
  if (!Number.isInteger(limit) || limit < 0) throw new UsageError(lang === 'zh' ? '--limit 需要一个非负整数' : '--limit needs a whole number ≥ 0');

  let settings: unknown;
  if (values.settings) {
    const text = readSettingsFile(values.settings, lang);
    try {
      settings = JSON.parse(text);
    } catch (e) {
      throw new UsageError(lang === 'zh' ? `设置文件 "${values.settings}" 不是有效的 JSON: ${(e as Error).message}` : `The settings file "${values.settings}" is not valid JSON: ${(e as Error).message}`);
    }
  }

  let table: unknown[][];
  let source: string;
  if (positionals[0]) {
    table = readTableFile(positionals[0], lang).table;
    source = positionals[0];
  } else {
    const n = values.sample ? Number(values.sample) : 200;
    if (!Number.isInteger(n) || n < 1) throw new UsageError(lang === 'zh' ? '--sample 需要一个正整数' : '--sample needs a whole number ≥ 1');
    table = generateCustomers(n, { seed: 1, lang, asOf: values['as-of'] });
    source = lang === 'zh' ? '内置示例数据' : 'built-in sample data';
  }
  const analysis = analyze(table, { asOf: values['as-of'], settings: settings as never, lang });
  if (values.json) out(JSON.stringify(analysis, null, 2) + '\n');
  else if (values.csv) {
    const results = resultTable(table.length, analysis, lang);
    const width = Math.max(...table.map((r) => r.length));
    out(toDelimited(table.map((r, i) => [...r, ...new Array(width - r.length).fill(''), ...results[i]!.map((v) => v ?? '')])));
  } else out(formatAnalysis(analysis, lang, limit, source) + '\n');
  return 0;
}

function readSettingsFile(path: string, lang: Lang): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(lang === 'zh' ? `找不到设置文件 "${path}"` : `No such settings file: "${path}"`);
  }
}
