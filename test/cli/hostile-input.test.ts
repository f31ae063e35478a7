import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../cli/main';
import { toDelimited } from '../../shared/csv/to-delimited';
import { generateCustomers } from '../../shared/sample/generate-customers';

const FIX = resolve(__dirname, '../fixtures');
const CLI = resolve(__dirname, '../../cli/rapport.mjs');
/** A line of a JavaScript stack trace ("    at f (file.ts:1:2)"). */
const STACK_FRAME = /^\s+at .*(\(|:\d+)/m;

async function run(argv: string[], stdin?: Uint8Array) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, (s) => (stdout += s), (s) => (stderr += s), () => (stdin ? [stdin] : []));
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'rapport-hostile-'));
function file(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

// The first bytes of real files of each kind (enough for the magic number), padded with noise.
const XLSX = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, ...Array.from('[Content_Types].xml', (c) => c.charCodeAt(0)), 0, 0, 1, 2]);
const XLS = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const PDF = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');

describe('rapport analyze on hostile input: a plain message and exit 2, never a stack trace', () => {
  const cases: [string, () => string[], number, RegExp][] = [
    ['an Excel workbook (.xlsx)', () => [file('book.xlsx', XLSX)], 2, /Excel workbook \(\.xlsx\).*save|Save As/i],
    ['an .xlsx renamed to .csv', () => [file('book.csv', XLSX)], 2, /Excel workbook/],
    ['an old Excel file (.xls)', () => [file('old.xls', XLS)], 2, /old-style Excel file/],
    ['a PNG picture', () => [file('shot.png', PNG)], 2, /is a picture/],
    ['a PDF', () => [file('report.pdf', PDF)], 2, /is a PDF/],
    ['binary bytes with NULs', () => [file('blob.csv', Uint8Array.from([0x41, 0x2c, 0x42, 0x0a, 0x41, 0x00, 0x01, 0x02, 0x41, 0xff, 0x13]))], 2, /not a text file/],
    ['an empty file', () => [file('empty.csv', '')], 2, /is empty/],
    ['only blank lines', () => [file('blank.csv', '\n\n \n')], 2, /has no data/],
    ['a header and no rows', () => [file('header.csv', 'Customer,Revenue\n')], 2, /header row but no data rows/],
    ['a header and only a totals row', () => [file('totals.csv', 'Customer,Revenue\nTotal,100\n')], 2, /no customer rows to analyse: 1 rows read = 0 accepted \+ 0 rejected \+ 1 skipped/],
    ['every row rejected', () => [file('rejected.csv', 'Customer,Revenue\nA,x\nB,y\n')], 2, /2 rows read = 0 accepted \+ 2 rejected[\s\S]*row 2: Revenue 'x' is not a number/],
    ['no key column', () => [file('nokey.csv', 'foo,bar\n1,2\n')], 2, /No customer id or customer name column/],
    ['a lone quote', () => [file('quote.csv', '"')], 2, /no data|No customer id/],
    ['an unterminated quote (read leniently, as parseDelimited does)', () => [file('open.csv', 'Customer,Revenue\n"Acme,100\nBeta,5\n')], 0, /./],
    ['UTF-16 bytes that decode to control characters', () => [file('u16.csv', Uint8Array.from([0x41, 0x2c, 0x42, 0x0a, 0x00, 0x01, 0x02, 0x41, 0x00, 0xff, 0x00, 0x13, 0x00, 0x02]))], 2, /not a text file/],
    ['a folder as the file', () => [dir], 2, /is a folder/],
    ['a missing file', () => [join(dir, 'nope.csv')], 2, /No such file/],
    ['a folder as --settings', () => ['--settings', dir], 2, /settings file .* is a folder/],
    ['a missing --settings', () => ['--settings', join(dir, 'nope.json')], 2, /No such settings file/],
    ['--settings that is not JSON', () => ['--settings', file('bad.json', '{nope')], 2, /not valid JSON/],
    ['--settings that is an array', () => ['--settings', file('arr.json', '[1,2]')], 0, /./],
    ['--settings with wrong types', () => ['--settings', file('types.json', '{"tiers":{"a":"high"},"weights":null,"x":1}')], 0, /./],
    ['an unknown option', () => ['--frobnicate'], 2, /Unknown option/],
    ['--limit=-1', () => ['--limit=-1'], 2, /--limit needs a whole number/],
    ['--limit x', () => ['--limit', 'x'], 2, /--limit needs a whole number/],
    ['--sample 0', () => ['--sample', '0'], 2, /--sample needs a whole number/],
    ['--sample too large', () => ['--sample', '1e12'], 2, /at most/],
    ['a bad --as-of (built-in sample)', () => ['--as-of', '2026-13-45'], 2, /not a date of the form YYYY-MM-DD/],
    ['a bad --as-of (file)', () => [file('ok.csv', 'Customer,Revenue\nA,1\n'), '--as-of', 'yesterday'], 2, /"yesterday" is not a date/],
    ['two output formats', () => ['--json', '--jsonl'], 2, /Choose one of --json, --jsonl/],
    ['two files', () => ['a.csv', 'b.csv'], 2, /One file at a time/],
    ['--lang with no value', () => ['--lang'], 2, /Option '--lang/],
  ];
  for (const [name, args, code, message] of cases) {
    it(name, async () => {
      const r = await run([...args(), '--lang', 'en']);
      expect(r.code).toBe(code);
      if (code === 2) expect(r.stderr).toMatch(message);
      else expect(r.stdout.length).toBeGreaterThan(0);
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect(r.stdout).not.toMatch(STACK_FRAME);
    });
  }

  it('header-only and totals-only files are both "nothing to analyse" (exit 2), in Chinese too', async () => {
    const h = await run([file('h.csv', '客户名称,销售额\n'), '--lang', 'zh']);
    const t = await run([file('t.csv', '客户名称,销售额\n合计,100\n'), '--lang', 'zh']);
    expect([h.code, t.code]).toEqual([2, 2]);
    expect(t.stderr).toContain('没有可分析的客户行');
    expect(h.stdout + t.stdout).toBe('');
  });

  it('an .xlsx gets the Excel message in Chinese', async () => {
    const r = await run([file('表.xlsx', XLSX), '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('是 Excel 工作簿 (.xlsx)');
    expect(r.stderr).toContain('CSV UTF-8');
  });

  it('property: any bytes as the file end in exit 0 or 2, and no stack trace', async () => {
    const csvish = fc.array(fc.oneof(fc.constantFrom(...'客户名称,销售额日期金额Customer,Revenue,Date\n\r\t";=-+@0123456789.'.split('')), fc.string({ maxLength: 6 })), { maxLength: 80 }).map((parts) => new TextEncoder().encode(parts.join('')));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 300 }), csvish), fc.constantFrom([], ['--json'], ['--csv'], ['--jsonl']), async (bytes, flags) => {
        const r = await run([file('any.csv', bytes), ...flags, '--lang', 'en']);
        expect([0, 2]).toContain(r.code);
        expect(r.stderr).not.toMatch(STACK_FRAME);
        if (r.code === 2) expect(r.stderr).toMatch(/^rapport: /);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

});

describe('rapport analyze - reads standard input', () => {
  it('the same analysis as the file itself', async () => {
    const path = join(FIX, 'customers-gb18030.csv');
    const bytes = new Uint8Array(require('node:fs').readFileSync(path));
    const viaFile = await run([path, '--json', '--as-of', '2026-11-28']);
    const viaStdin = await run(['-', '--json', '--as-of', '2026-11-28'], bytes);
    expect(viaStdin.code).toBe(0);
    expect(viaStdin.stdout).toBe(viaFile.stdout);
  });

  it('empty standard input: exit 2, plain message', async () => {
    const r = await run(['-', '--lang', 'en'], new Uint8Array(0));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('rapport: The file "standard input" is empty\n');
  });
});

describe('the rapport command itself (a separate process)', () => {
  const cli = (args: string[], input?: string | Uint8Array, env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });

  it('reads standard input with "-" and prints the report', () => {
    const r = cli(['-', '--lang', 'en', '--as-of', '2026-11-28'], 'Customer,Revenue\nAcme,100\nBeta,50\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('standard input: 2 customers (customer table)');
  }, 120_000);

  it('hostile input and arguments: exit 2, one plain line, no stack frames', () => {
    const bad = mkdirSync(join(dir, 'sub'), { recursive: true }) ?? join(dir, 'sub');
    for (const args of [[file('x.xlsx', XLSX)], [join(dir, 'sub')], ['--settings', join(dir, 'sub')], ['--bogus'], ['-']]) {
      const r = cli([...args, '--lang', 'en'], '');
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^rapport: /);
      expect(r.stderr).not.toMatch(STACK_FRAME);
    }
    expect(bad).toBeTruthy();
  }, 120_000);

  it('a table larger than the memory allowed (RAPPORT_MEMORY_MB): a plain message and exit 2, not a V8 crash', () => {
    // 150,000 customers: their columns alone pass 24 MB well (rows are let go as they are read, so
    // the file's size is not what counts).
    const big = file('big.csv', toDelimited(generateCustomers(150_000, { seed: 3 })));
    const r = cli([big, '--lang', 'en'], undefined, { RAPPORT_MEMORY_MB: '24' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^rapport: The input is too large to analyse in the memory available here \(\d+\.\d GB\)\. Split it/);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.stderr).not.toMatch(/FATAL ERROR|heap out of memory/);
  }, 120_000);

  it('a full disk (stdout to /dev/full): exit 2 and a plain message', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" --sample 10 --lang en > /dev/full`], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('cannot write the output (ENOSPC)');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  }, 120_000);

  it('a reader that stops early (… | head) ends the output quietly', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" --sample 3000 --csv --lang en | head -c 100 > /dev/null; echo "exit \${PIPESTATUS:-done}"`], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.stderr).not.toMatch(/EPIPE|internal error/);
  }, 120_000);
});
