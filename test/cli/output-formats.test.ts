import { describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import fc from 'fast-check';
import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../cli/main';
import { analyzeCommand } from '../../cli/analyze-command';
import { BufferedOutput } from '../../cli/output';
import { UsageError } from '../../cli/usage-error';
import { writeJson } from '../../cli/json-stream';
import { ResultCsvWriter, widestRow, writeResultCsv } from '../../cli/csv-stream';
import { firstInOrder } from '../../cli/print-analysis';
import { analyze } from '../../shared/analyze';
import { parseDelimited } from '../../shared/csv/parse-delimited';
import { toDelimited } from '../../shared/csv/to-delimited';
import { escapeFormula, looksLikeFormula } from '../../shared/csv/escape-formula';
import { resultTable } from '../../shared/result-columns';
import type { Analysis } from '../../shared/types';

const DATA = resolve(__dirname, '../fixtures/data');
const FIX = resolve(__dirname, '../fixtures');

async function run(argv: string[], stdin?: Uint8Array) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, (s) => (stdout += s), (s) => (stderr += s), stdin ? () => [stdin] : undefined);
  return { code, stdout, stderr };
}

function tmpFile(name: string, content: string | Uint8Array): string {
  const p = join(mkdtempSync(join(tmpdir(), 'rapport-fmt-')), name);
  writeFileSync(p, content);
  return p;
}

const streamed = (v: unknown) => {
  let s = '';
  writeJson(v, (t) => (s += t));
  return s;
};

describe('--json is written piece by piece with the text JSON.stringify(…, null, 2) gives', () => {
  it('property: any JSON value, with undefined members and nested arrays', () => {
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.jsonValue(), fc.constant(undefined), fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 4 }), tie('v'), { maxKeys: 4 })),
    })).v;
    fc.assert(
      fc.property(value, (v) => {
        expect(streamed(v)).toBe(JSON.stringify(v, null, 2) ?? 'null');
      }),
      { numRuns: 400 },
    );
  });

  it('edge values: empty containers, Dates, NaN, -0, strings with line breaks', () => {
    const v = { a: [], b: {}, c: [[], {}, [1, [2, { x: undefined, y: null }]]], d: new Date(0), e: NaN, f: -0, g: 'two\nlines "q"', h: [undefined, () => 1] };
    expect(streamed(v)).toBe(JSON.stringify(v, null, 2));
  });

  it('the CLI --json of the CDNOW log and of a customer table parse to the same JSON as before', async () => {
    for (const file of [join(DATA, 'cdnow/cdnow_customers_summary.csv'), join(FIX, 'customers-utf8.csv')]) {
      const r = await run([file, '--json', '--as-of', '2026-11-28', '--lang', 'en']);
      expect(r.code).toBe(0);
      const table = parseDelimited(readFileSync(file, 'utf8')).rows;
      const analysis = analyze(table, { asOf: '2026-11-28', lang: 'en' });
      analysis.notices.unshift({ code: 'encoding', message: 'the file was read as UTF-8' }); // how the CLI read the file
      const before = `${JSON.stringify(analysis, null, 2)}\n`;
      expect(r.stdout).toBe(before);
      expect(JSON.parse(r.stdout)).toEqual(JSON.parse(before));
    }
  }, 60_000);
});

describe('--jsonl: one customer per line', () => {
  it('each line is one customer of the --json analysis, in the same order', async () => {
    const f = join(FIX, 'customers-utf8.csv');
    const json = JSON.parse((await run([f, '--json', '--as-of', '2026-11-28'])).stdout) as Analysis;
    const r = await run([f, '--jsonl', '--as-of', '2026-11-28']);
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    const lines = r.stdout.slice(0, -1).split('\n');
    expect(lines).toHaveLength(json.customers.length);
    expect(lines.map((l) => JSON.parse(l))).toEqual(json.customers);
  });
});

describe('--csv: formula-like cells escaped (OWASP)', () => {
  it('escapeFormula: = + - @ tab CR get an apostrophe; plain numbers and other text do not', () => {
    expect(escapeFormula('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(escapeFormula('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(escapeFormula('+cmd|/C calc!A0')).toBe(`'+cmd|/C calc!A0`);
    expect(escapeFormula('-1+1')).toBe(`'-1+1`);
    expect(escapeFormula('\t=1')).toBe(`'\t=1`);
    expect(escapeFormula('\r=1')).toBe(`'\r=1`);
    for (const plain of ['-12.5', '+3', '-0', '1e5', '-.5', '-2E-3', 'Acme', '', '100', "'=x", ' =x', '甲'])
      expect(escapeFormula(plain)).toBe(plain);
    expect(looksLikeFormula('-')).toBe(true);
  });

  it('input cells and result cells that start like formulas are written with the apostrophe', async () => {
    const f = tmpFile('t.csv', 'Customer,Revenue,Note\n"=HYPERLINK(""http://evil"",""x"")",100,@SUM(1)\n+cmd|calc,50,-1+1\nPlain,-20,-5\n');
    const r = await run([f, '--csv', '--lang', 'en']);
    expect(r.code).toBe(0);
    const rows = parseDelimited(r.stdout).rows;
    expect(rows[1]!.slice(0, 3)).toEqual([`'=HYPERLINK("http://evil","x")`, '100', `'@SUM(1)`]);
    expect(rows[2]!.slice(0, 3)).toEqual([`'+cmd|calc`, '50', `'-1+1`]);
    expect(rows[3]!.slice(0, 3)).toEqual(['Plain', '-20', '-5']);
    for (const row of rows) for (const cell of row) expect(looksLikeFormula(cell)).toBe(false);
  });

  it('the streamed CSV is the old whole-table CSV (resultTable + toDelimited), cells escaped, for a log and a table', async () => {
    for (const file of [join(DATA, 'online-retail/online_retail_uci_sample_cust_mod12.csv'), join(FIX, 'customers-utf8.csv')]) {
      const r = await run([file, '--csv', '--as-of', '2026-11-28', '--lang', 'zh']);
      expect(r.code).toBe(0);
      const table = parseDelimited(readFileSync(file, 'utf8')).rows;
      const a = analyze(table, { asOf: '2026-11-28', lang: 'zh' });
      const results = resultTable(table.length, a, 'zh');
      const width = Math.max(...table.map((row) => row.length));
      const esc = (v: unknown) => (typeof v === 'string' ? escapeFormula(v) : (v ?? ''));
      const before = toDelimited(table.map((row, i) => [...row, ...new Array(width - row.length).fill(''), ...results[i]!].map(esc)));
      expect(r.stdout).toBe(before);
    }
  }, 60_000);
});

describe('--csv of a file read a second time, batch by batch', () => {
  it('property: the rows handed in batches give the CSV of the whole table', () => {
    const table = parseDelimited(readFileSync(join(FIX, 'customers-utf8.csv'), 'utf8')).rows as unknown[][];
    table.splice(3, 0, ['short row']); // a row narrower than the rest: padded all the same
    const a = analyze(table, { asOf: '2026-11-28', lang: 'en' });
    let whole = '';
    writeResultCsv(table, a, 'en', (t) => (whole += t));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: table.length - 1 }), { maxLength: 5 }), (cuts) => {
        let text = '';
        const writer = new ResultCsvWriter(table.length, widestRow(table), a, 'en', (t) => (text += t));
        let at = 0;
        for (const cut of [...new Set(cuts)].sort((x, y) => x - y).concat(table.length)) {
          writer.rows(table.slice(at, cut), at);
          at = cut;
        }
        writer.finish();
        expect(text).toBe(whole);
      }),
      { numRuns: 50 },
    );
  });
});

describe('--csv of a file that changes between its two readings', () => {
  /** A customer table of over 20 MB (long notes), so that the command reports its stages to `progress`. */
  function bigTable(): string {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-changed-'));
    const path = join(dir, 'customers.csv');
    const note = 'n'.repeat(10_000);
    const lines = ['Customer,Revenue,Note'];
    for (let i = 0; i < 2_100; i++) lines.push(`C${i},${100 + i},${note}`);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  }

  /** `rapport analyze FILE --csv`, `change` run when the analysis begins (after the first reading). */
  async function runChanging(path: string, change: () => void) {
    let out = '';
    let err = '';
    const progress = { reading() {}, stage: (() => { let first = true; return () => { if (first) change(); first = false; }; })(), writing() {}, done() {} };
    let code: number;
    try {
      code = await analyzeCommand([path, '--csv', '--lang', 'en'], 'en', { out: new BufferedOutput((s) => (out += s)), err: (s) => (err += s), progress });
    } catch (e) {
      return { code: 2, out, err: (e as Error).message, usage: e instanceof UsageError };
    }
    return { code, out, err, usage: false };
  }

  it('writes nothing and says so when the file changed while it was analysed', async () => {
    const path = bigTable();
    expect(statSync(path).size).toBeGreaterThan(20e6);
    const r = await runChanging(path, () => appendFileSync(path, 'C-new,5,late\n'));
    expect(r.usage).toBe(true);
    expect(r.err).toBe(`The file "${path}" changed while it was being analysed; nothing was written. Run again once the file no longer changes.`);
    expect(r.out).toBe('');
  });

  it('writes every row when the file stays as it was', async () => {
    const path = bigTable();
    const r = await runChanging(path, () => {});
    expect(r.code).toBe(0);
    expect(r.out.split('\n').filter((l) => l !== '').length).toBe(2_101);
  });
});

describe('--csv of a named pipe (which cannot be read twice)', () => {
  it('is held whole and gives what the same rows in a file give', async () => {
    if (process.platform === 'win32') return;
    const file = join(FIX, 'customers-utf8.csv');
    const fifo = join(mkdtempSync(join(tmpdir(), 'rapport-fifo-')), 'rows.csv');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', 'cat "$0" > "$1"', file, fifo]);
    const fromPipe = await run([fifo, '--csv', '--as-of', '2026-11-28', '--lang', 'en']);
    await new Promise((done) => writer.on('close', done));
    const fromFile = await run([file, '--csv', '--as-of', '2026-11-28', '--lang', 'en']);
    expect(fromPipe.code).toBe(0);
    expect(fromPipe.stdout).toBe(fromFile.stdout);
  });
});

describe('the table lists the first customers without sorting all of them', () => {
  it('property: firstInOrder(k) equals a full sort cut to k', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), fc.integer({ min: 0, max: 40 }), (xs, k) => {
        const cmp = (a: number, b: number) => a - b;
        expect(firstInOrder(xs, k, cmp)).toEqual([...xs].sort(cmp).slice(0, k));
      }),
      { numRuns: 300 },
    );
  });
});
