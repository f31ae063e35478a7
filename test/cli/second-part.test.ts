import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { toDelimited } from '../../shared/csv/to-delimited';
import { generateCustomers } from '../../shared/sample/generate-customers';
import { generateTransactions } from '../../shared/sample/generate-transactions';
import { firstShare, secondPartRows } from '../../cli/second-part';
import { main, setWorkerScript } from '../../cli/main';
import { analyzeCommand } from '../../cli/analyze-command';
import { BufferedOutput } from '../../cli/output';
import { PRESIZED_ROWS } from '../../shared/row-stream-analysis';

const CLI = resolve(__dirname, '../../cli/rapport.mjs');
const dir = mkdtempSync(join(tmpdir(), 'rapport-two-threads-'));

/**
 * Files from 100 KB on are streamed here (RAPPORT_STREAM_FROM_BYTES), so that files of a few
 * megabytes are read in two parts on two threads, as files over 8 MiB are by default. (The first
 * rows are read once the first megabyte has shown the line breaks: the files are large enough for
 * that to come well before the split.)
 */
const STREAMED = { RAPPORT_STREAM_FROM_BYTES: '100000', RAPPORT_DEBUG: '1' };

function rapport(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000, maxBuffer: 1 << 30 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `rapport analyze` on two threads and on one: the same output, and which way each read. */
function bothWays(path: string, args: string[] = ['--json']) {
  const argv = [path, '--as-of', '2026-11-28', '--lang', 'en', ...args];
  const two = rapport(argv, STREAMED);
  const one = rapport(argv, { ...STREAMED, RAPPORT_THREADS: '1' });
  expect(one.stderr).toContain('read on one thread');
  expect(two.status).toBe(one.status);
  expectSameText(two.stdout, one.stdout);
  // The debugging lines say how the file was read and how long it took; the rest is the same.
  const told = (stderr: string) => stderr.replace(/rapport: (read on|analysed in) .*\n/g, '');
  expect(told(two.stderr)).toBe(told(one.stderr));
  return { two, one };
}

/**
 * Two outputs (megabytes of JSON) are the same text; when they are not, the first line that differs
 * is what fails, with its number — a diff of the whole texts would take the test runner minutes.
 */
function expectSameText(actual: string, expected: string): void {
  if (actual === expected) return;
  const a = actual.split('\n');
  const b = expected.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const at = (lines: string[]) => `line ${i + 1} of ${lines.length}: ${lines[i]?.slice(0, 300) ?? '(none)'}`;
  expect(at(a)).toBe(at(b));
}

/**
 * `rapport analyze` of `path` in this process, on two threads (over 100 KB streamed), with a
 * progress line whose readings are kept: the bytes and rows it was given, in order.
 */
async function progressOf(path: string) {
  const size = statSync(path).size;
  expect(size).toBeGreaterThan(20e6); // over PROGRESS_MIN_BYTES, the size from which a progress line is shown
  setWorkerScript(new URL('../../cli/worker.mjs', import.meta.url));
  const saved = { ...process.env };
  Object.assign(process.env, STREAMED);
  const reading: { bytes: number; rows: number }[] = [];
  let err = '';
  try {
    const progress = { reading: (bytes: number, _t: number | null, rows: number) => reading.push({ bytes, rows }), stage() {}, writing() {}, done() {} };
    const code = await analyzeCommand([path, '--as-of', '2026-11-28', '--lang', 'en'], 'en', { out: new BufferedOutput(() => {}), err: (e) => (err += e), progress });
    expect(code).toBe(0);
  } finally {
    process.env = saved;
    setWorkerScript(null);
  }
  return { reading, err, size };
}

function write(name: string, text: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/**
 * A customer export with the messes of a real one, spread over both halves: a title row, day-first
 * dates decided only by rows in the second half, a customer repeated across the halves, blank rows,
 * a repeated header and a totals row, amounts that are not numbers, a date before 1900 (read once its
 * column's order is known), a stray quote — among 25,000 generated customers (quoted email lists
 * included).
 */
function messyExport(): unknown[][] {
  const table = generateCustomers(25_000, { seed: 11, lang: 'zh', asOf: '2026-11-28' }) as unknown[][];
  const header = table[0] as string[];
  const rows = table.slice(1).map((r) => [...r]);
  const dates = header.map((h, i) => (['首次购买', '最近购买', '最近联系'].includes(h) ? i : -1)).filter((i) => i >= 0);
  const revenue = header.indexOf('本期销售额');
  const name = header.indexOf('客户名称');
  rows.forEach((r, k) => {
    for (const c of dates) {
      const v = r[c];
      if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) continue;
      const [y, m, d] = v.split('-');
      // Day first, but in the first 90% only with days up to 12 (either order reads them; the rest decide).
      r[c] = k < 22_500 ? `${m}/${String(1 + (Number(d) % 12)).padStart(2, '0')}/${y}` : `${d}/${m}/${y}`;
    }
  });
  rows[100]![revenue] = 'n/a?';
  rows[20_000]![revenue] = '约 3 万';
  rows[21_000]![dates[0]!] = '02/03/1850';
  rows[23_000]![name] = 'STRAY'; // written as a quoted field followed by more text (see messyText)
  rows.splice(17_000, 0, header.map(() => ''), [...header]);
  rows.push([...rows[5]!], header.map((_, i) => (i === 0 ? '合计' : '')));
  return [['客户明细 2026'], header, ...rows];
}

/** The export as a file's text: a stray quote written in by hand, as no writer of CSV would. */
const messyText = (table = messyExport()) => toDelimited(table).replace(',STRAY,', ',"x"y 公司,');

describe('a large customer file read in two parts on two threads gives what one thread gives', () => {
  it('a messy export (UTF-8, CRLF lines): the same JSON, errors, notices and row numbers', () => {
    const path = write('messy.csv', messyText());
    const { two } = bothWays(path);
    expect(two.stderr).toMatch(/read on two threads, the second from byte \d+/);
    const out = JSON.parse(two.stdout);
    // The checks that the parts were put together in order, not just in the same way twice.
    expect(out.errors.map((e: { row: number }) => e.row)).toEqual(expect.arrayContaining([103, 20_005, 21_005]));
    expect(out.notices.map((n: { code: string }) => n.code)).toEqual(expect.arrayContaining(['day_order', 'duplicate_key', 'skipped_blank', 'skipped_header', 'skipped_totals', 'stray_quote']));
    // And what the file gives read whole (the default up to 8 MiB).
    const whole = rapport([path, '--as-of', '2026-11-28', '--lang', 'en', '--json'], { RAPPORT_DEBUG: '1' });
    expectSameText(whole.stdout, two.stdout);
  });

  it('a UTF-8 export with a GBK row pasted into each half: what one thread and the file read whole give', () => {
    const utf8 = new TextEncoder();
    const text = toDelimited(generateCustomers(20_000, { seed: 12, lang: 'zh', asOf: '2026-11-28' }));
    const lines = text.split('\r\n');
    // A row pasted in from a GBK file, one in each half: every cell with Chinese in it says 华东, in GBK.
    const pasted = (line: string) =>
      new Uint8Array(line.split(',').flatMap((cell, k) => [...(k ? [0x2c] : []), ...(/^[\x20-\x7e]*$/.test(cell) ? utf8.encode(cell) : [0xbb, 0xaa, 0xb6, 0xab])]));
    const parts = lines.map((l, i) => (i === 5_000 || i === 18_000 ? pasted(l) : utf8.encode(l)));
    const crlf = utf8.encode('\r\n');
    const bytes = Buffer.concat(parts.flatMap((p, i) => (i < parts.length - 1 ? [p, crlf] : [p])));
    const path = write('pasted-gbk.csv', bytes);
    const { two } = bothWays(path);
    expect(two.stderr).toMatch(/read on two threads/);
    const whole = rapport([path, '--as-of', '2026-11-28', '--lang', 'en', '--json'], { RAPPORT_DEBUG: '1' });
    expectSameText(whole.stdout, two.stdout);
    const out = JSON.parse(two.stdout);
    expect(out.notices.map((n: { code: string }) => n.code)).toEqual(expect.arrayContaining(['encoding_mixed', 'encoding_lines']));
    expect(out.customers.filter((c: { name: string }) => c.name === '华东')).toHaveLength(2);
  });

  it('LF lines, and --csv written from the file read again (a row after the split wider than every row before it)', () => {
    const table = messyExport();
    table[Math.floor(table.length * 0.9)]!.push('an extra cell');
    const path = write('messy-lf.csv', messyText(table).replace(/\r\n/g, '\n'));
    const { two } = bothWays(path, ['--csv']);
    expect(two.stderr).toMatch(/read on two threads/);
    expect(two.stdout.split('\n').length).toBeGreaterThan(25_000);
  });

  it('where a quoted field holding line breaks runs over the split, one thread reads the whole file', () => {
    const table = messyExport();
    const text = toDelimited(table);
    // One customer's note of many lines, from 40% to 80% of the file.
    const note = `"${'a line of the note\r\n'.repeat(Math.ceil((text.length * 0.6) / 20))}"`;
    const at = Math.floor(table.length * 0.45);
    const row = [...table[at]!];
    row[row.length - 1] = 'NOTE';
    table[at] = row;
    const path = write('long-note.csv', toDelimited(table).replace(',NOTE\r\n', `,${note}\r\n`));
    const { two } = bothWays(path);
    expect(two.stderr).toContain('read on one thread');
  });
});

/**
 * A transaction log with the messes of a real one, in both halves: a title row, descriptive columns
 * whose cells disagree between a customer's rows (the smallest name, owner; every email), amounts
 * and a date that cannot be read, cancellations (order numbers starting with C), a blank row, a
 * repeated header and a totals row after the split, rows after the analysis date — 120,000 generated
 * order lines. Row k of the file is table[k − 1].
 */
function messyLog(): unknown[][] {
  const generated = generateTransactions(120_000, { seed: 2, asOf: '2026-11-28' }) as unknown[][];
  const header = ['客户编号', '客户名称', '邮箱', '负责人', '订单号', '日期', '金额'];
  const rows = generated.slice(1).map(([key, date, amount], k) => {
    const n = Number(String(key).slice(1));
    return [key, k % 3 === 0 ? `客户 ${n}` : `Client ${n}`, k % 5 === 0 ? `buyer${n}@example.com` : `${n}@shop.cn`, k % 2 ? '王芳' : 'Li', k % 97 === 0 ? `C${k}` : `A${k}`, date, amount];
  });
  rows[500]![6] = 'abc';
  rows[100_000]![6] = '约 3 万';
  rows[110_000]![5] = '2024-02-30';
  rows.splice(90_000, 0, header.map(() => ''), [...header]);
  rows.push(header.map((_, i) => (i === 0 ? '合计' : '')));
  return [['订单明细 2026'], header, ...rows];
}

describe('a large transaction log read in two parts on two threads gives what one thread gives', () => {
  it('a messy log: the same JSON, errors, notices and row numbers, and what the file read whole gives', () => {
    const path = write('messy-log.csv', toDelimited(messyLog()));
    const { two } = bothWays(path, ['--json', '--as-of', '2026-06-30']);
    expect(two.stderr).toMatch(/read on two threads, the second from byte \d+/);
    const out = JSON.parse(two.stdout);
    // Rows 503, 100,005 and 110,005 of the file (title, header, then rows[k] is row k + 3; the two rows inserted at 90,000 move the later ones by 2).
    expect(out.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [503, '金额'],
      [100_005, '金额'],
      [110_005, '日期'],
    ]);
    const skipped = out.notices.filter((n: { code: string }) => n.code.startsWith('skipped_')).map((n: { row: number; code: string }) => [n.row, n.code]);
    expect(skipped).toEqual([
      [90_003, 'skipped_blank'],
      [90_004, 'skipped_header'],
      [120_005, 'skipped_totals'],
    ]);
    expect(out.notices.map((n: { code: string }) => n.code)).toEqual(expect.arrayContaining(['transactions', 'cancellations', 'after_as_of']));
    const whole = rapport([path, '--as-of', '2026-06-30', '--lang', 'en', '--json'], { RAPPORT_DEBUG: '1' });
    expect(whole.stderr).toContain('read on one thread');
    expectSameText(whole.stdout, two.stdout);
  });

  it('a log whose second part has dates that read differently day first and month first: the first thread reads it, in the order the whole file decides, the same output', () => {
    // Day first throughout: in the first part only dates past the 12th (which decide it), after
    // row 90,000 only dates up to the 12th (which either order reads). The second thread cannot
    // read those until every row has been counted: it leaves its part to the first.
    const dayFirst = (iso: string) => iso.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$3/$2/$1');
    const table = messyLog().map((r, k) => {
      const date = r[5];
      if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return r;
      const day = Number(date.slice(8));
      return (k < 60_000 && day > 12) || (k > 90_000 && day <= 12) ? [...r.slice(0, 5), dayFirst(date), r[6]] : r;
    });
    const path = write('log-day-first.csv', toDelimited(table));
    const { two } = bothWays(path, ['--json']);
    // (Whether the first thread had stopped at the split by then depends on the threads' timing: either way it reads the part.)
    expect(two.stderr).toMatch(/read on one thread \(the second thread left its part, whose dates need the whole file read first, after byte \d+\)/);
    const out = JSON.parse(two.stdout);
    expect(out.notices.find((n: { code: string }) => n.code === 'day_order').message).toContain('day/month/year');
  });
});

describe('two threads within the memory allowed', () => {
  it('a customer table too large for the memory allowed (RAPPORT_MEMORY_MB), with a second thread allowed: the plain message and exit 2', () => {
    const path = write('too-big.csv', toDelimited(generateCustomers(150_000, { seed: 3 })));
    const r = rapport([path, '--lang', 'en'], { ...STREAMED, RAPPORT_MEMORY_MB: '24' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/rapport: The input is too large to analyse in the memory available here \(\d+\.\d GB\)\. Split it/);
    expect(r.stderr).not.toMatch(/^\s+at .*(\(|:\d+)/m);
    expect(r.stderr).not.toMatch(/FATAL ERROR|heap out of memory|internal error/);
  }, 120_000);
});

describe('the second thread', () => {
  it('sizes its columns on the first rows, at most as many as the first part may set aside', () => {
    // 4 MB after the split at 100 bytes per row; a part ending in a partial row rounds up.
    expect(secondPartRows(4_000_000, 100)).toBe(40_000);
    expect(secondPartRows(4_000_050, 100)).toBe(40_001);
    // A file whose first rows are blank lines (2 bytes each) would otherwise set aside millions.
    expect(secondPartRows(400_000_000, 2)).toBe(PRESIZED_ROWS);
    expect(secondPartRows(1000, 0)).toBe(0);
  });

  it('starts half way through a large file and up to 60% of the way through a smaller one', () => {
    // 0.5 + 6 MiB / size: 6,291,456 / 233,000,000 = 0.027; 6,291,456 / 70,000,000 = 0.0899.
    expect(firstShare(233_000_000)).toBeCloseTo(0.527, 3);
    expect(firstShare(70_000_000)).toBeCloseTo(0.5899, 4);
    expect(firstShare(50_000_000)).toBe(0.6);
    expect(firstShare(10_000_000_000)).toBeCloseTo(0.5006, 4);
  });

  it('when it fails, the CLI thread reads the second part itself: the same output', async () => {
    const path = write('fallback.csv', messyText());
    // In this process (not cli/rapport.mjs), with a worker script that fails at once.
    const run = async (env: Record<string, string | undefined>) => {
      const saved = { ...process.env };
      Object.assign(process.env, STREAMED, env);
      let out = '';
      let err = '';
      try {
        const code = await main([path, '--as-of', '2026-11-28', '--lang', 'en', '--json'], (s) => (out += s), (s) => (err += s));
        return { code, out, err };
      } finally {
        process.env = saved;
      }
    };
    setWorkerScript(new URL('../fixtures/cli/failing-worker.mjs', import.meta.url));
    const failed = await run({ RAPPORT_DEBUG: '1' });
    const one = await run({ RAPPORT_DEBUG: '1', RAPPORT_THREADS: '1' });
    expect(failed.err).toMatch(/read on one thread \(the second thread failed after byte \d+\)/);
    expect(failed.code).toBe(0);
    expectSameText(failed.out, one.out);
  }, 120_000);

  it('the progress line counts the bytes and rows of both threads once: never past the file, ending at its size and rows', async () => {
    // Over PROGRESS_MIN_BYTES (20 MB), the size from which a progress line is shown.
    const text = toDelimited(generateCustomers(95_000, { seed: 4, lang: 'en', asOf: '2026-11-28' }));
    const { reading, err, size } = await progressOf(write('progress.csv', text));
    expect(err).toMatch(/read on two threads/);
    const rows = text.split('\r\n').length - 1; // the file's rows (no empty one after its last line break)
    expect(Math.max(...reading.map((r) => r.bytes))).toBe(size);
    expect(reading.at(-1)!.bytes).toBe(size);
    expect(Math.max(...reading.map((r) => r.rows))).toBe(rows);
  }, 120_000);

  it('when the second thread leaves a log to the first, the first reads that part too and the progress line never goes back', async () => {
    // Dates day first from 95% of the rows on: the second thread (from 60%) reads most of its part,
    // more than a chunk of 4 MB, then meets one that reads both ways and gives its part up; its rows
    // and bytes then no longer count.
    const day = (iso: unknown) => String(iso).replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$3/$2/$1');
    const table = generateTransactions(800_000, { seed: 5, asOf: '2026-11-28' }).map((r, k) => (k < 760_000 ? r : [r[0], day(r[1]), r[2]]));
    const text = toDelimited(table);
    const { reading, err, size } = await progressOf(write('progress-log.csv', text));
    // (Or, should the first thread reach the split before the second gives up, it reads the part after stopping there.)
    expect(err).toMatch(/read on one thread \(the second thread left its part, whose dates need the whole file read first, after byte \d+\)/);
    for (let k = 1; k < reading.length; k++) {
      expect(reading[k]!.bytes).toBeGreaterThanOrEqual(reading[k - 1]!.bytes);
      expect(reading[k]!.rows).toBeGreaterThanOrEqual(reading[k - 1]!.rows);
    }
    expect(reading.at(-1)).toEqual({ bytes: size, rows: text.split('\r\n').length - 1 });
  }, 120_000);
});
