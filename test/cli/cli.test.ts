import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../cli/main';
import type { Analysis } from '../../shared/types';

const DATA = resolve(__dirname, '../fixtures/data');
const FIX = resolve(__dirname, '../fixtures');

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, (s) => (stdout += s), (s) => (stderr += s));
  return { code, stdout, stderr };
}

function tmpFile(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-cli-'));
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('rapport analyze', () => {
  it('analyses the built-in sample with no file: table and summary, exit 0', async () => {
    const r = await run('--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('built-in sample data: 200 customers (customer table)');
    expect(r.stdout).toMatch(/Tier\s+Customer\s+Score\s+Lifecycle\s+Churn risk/);
    expect(r.stdout).toContain('Pyramid 20/80/30');
    expect(r.stdout).toContain('Defection rate by core class');
  });

  it('speaks Chinese with --lang zh', async () => {
    const r = await run('analyze', '--lang', 'zh', '--sample', '50');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('内置示例数据: 50 个客户 (客户表)');
    expect(r.stdout).toContain('金字塔 20/80/30');
  });

  it('reads the CDNOW master log as 23,570 customers (--json)', async () => {
    const r = await run('analyze', join(DATA, 'cdnow/cdnow_master_zh.csv'), '--json', '--lang', 'en');
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as Analysis;
    expect(a.kind).toBe('transactions');
    expect(a.customers).toHaveLength(23570);
    expect(a.summary.rows).toEqual({ read: 69659, accepted: 69659, rejected: 0, skipped: 0 });
    expect(a.summary.asOf).toBe('1998-06-30');
  }, 120_000);

  it('a GB18030 file with Chinese headers analyses the same as its UTF-8 twin', async () => {
    const gb = await run(join(FIX, 'customers-gb18030.csv'), '--json', '--as-of', '2026-11-28');
    const utf8 = await run(join(FIX, 'customers-utf8.csv'), '--json', '--as-of', '2026-11-28');
    expect(gb.code).toBe(0);
    const a = JSON.parse(gb.stdout) as Analysis;
    expect(a.customers.length).toBeGreaterThan(0);
    expect(a.customers.some((c) => /[\u4e00-\u9fff]/.test(c.name))).toBe(true);
    // The same analysis; only the first notice differs: it names the encoding each file was read in.
    const b = JSON.parse(utf8.stdout) as Analysis;
    expect(a.notices[0]).toEqual({ code: 'encoding', message: 'the file was read as GB18030' });
    expect(b.notices[0]).toEqual({ code: 'encoding', message: 'the file was read as UTF-8' });
    expect({ ...a, notices: a.notices.slice(1) }).toEqual({ ...b, notices: b.notices.slice(1) });
  });

  it('a stray quote is read as a character and reported with its row; no customer is swallowed', async () => {
    const lines = ['Customer,Revenue'];
    for (let i = 1; i <= 200; i++) lines.push(i === 5 ? '"Acme 4,5' : `Customer ${i},${i * 10}`);
    const r = await run(tmpFile('stray.csv', `${lines.join('\n')}\n`), '--json', '--lang', 'en');
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as Analysis;
    expect(a.summary.rows.read).toBe(200);
    expect(a.customers.length).toBe(200);
    expect(a.notices.find((n) => n.code === 'stray_quote')!.message).toContain('row 6, column 1');
  });

  it('one GBK line in a UTF-8 file is read as GB18030 and reported; the other lines stay UTF-8', async () => {
    const utf8 = new TextEncoder().encode('客户名称,销售额\n华信机械,100\n');
    const gbkLine = Uint8Array.from([0xc9, 0xcf, 0xba, 0xa3, 0xb9, 0xab, 0xcb, 0xbe, 0x2c, 0x32, 0x30, 0x30, 0x0a]); // 上海公司,200
    const bytes = new Uint8Array(utf8.length + gbkLine.length);
    bytes.set(utf8);
    bytes.set(gbkLine, utf8.length);
    const f = tmpFile('mixed.csv', '');
    writeFileSync(f, bytes);
    const r = await run(f, '--json', '--lang', 'en');
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as Analysis;
    expect(a.customers.map((c) => c.name).sort()).toEqual(['上海公司', '华信机械']);
    expect(a.notices.some((n) => n.code === 'encoding_lines' && n.message.includes('line 3'))).toBe(true);
  });

  it('--csv appends the result columns to every input row', async () => {
    const f = tmpFile('t.csv', 'Customer,Revenue\nAcme,100\nBeta,12o0\nGamma,50\n');
    const r = await run(f, '--csv', '--lang', 'en');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split(/\r?\n/);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^Customer,Revenue,Tier,Value score,/);
    expect(lines[1]).toMatch(/^Acme,100,A,/);
    expect(lines[2]).toContain("row 3: Revenue '12o0' is not a number");
    // Gamma: the 100 before it is 66.7% of 150, below the 80% line → A.
    expect(lines[3]).toMatch(/^Gamma,50,A,/);
  });

  it('reports row errors but still exits 0', async () => {
    const f = tmpFile('t.csv', '客户名称,销售额\n甲,100\n乙,abc\n');
    const r = await run(f, '--lang', 'zh');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("第 3 行: 销售额 'abc' 不是数字");
    expect(r.stdout).toContain('读取 2 行 = 接受 1 + 拒绝 1 + 跳过 0');
  });

  it('groups a problem that repeats: one line with its count and first rows', async () => {
    const f = tmpFile('t.csv', 'Customer,Revenue\nA,1\nB,x\nC,y\nD,z\nE,w\nF,2\n');
    const r = await run(f, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Row errors (4):');
    expect(r.stdout).toContain('4 rows: Revenue is not a number — rows 3, 4, 5, 6');
  });

  it('exit 2 with a plain message: no such file', async () => {
    const r = await run('/no/such/file.csv', '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No such file: "/no/such/file.csv"');
  });

  it('exit 2: empty file', async () => {
    const r = await run(tmpFile('e.csv', ''), '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is empty');
  });

  it('exit 2: no key column, listing the headers it understands', async () => {
    const r = await run(tmpFile('k.csv', 'foo,bar\n1,2\n'), '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No customer id or customer name column was found');
    expect(r.stderr).toContain('customer id');
    expect(r.stderr).toContain('客户编号');
  });

  it('exit 2: settings file that is not JSON', async () => {
    const r = await run('--settings', tmpFile('s.json', '{nope'), '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not valid JSON');
  });

  it('--settings changes the thresholds used', async () => {
    const f = tmpFile('t.csv', 'Customer,Revenue\nA1,60\nA2,30\nA3,10\n');
    const base = JSON.parse((await run(f, '--json')).stdout) as Analysis;
    // Default: A while the share before is < 80%: A1 (0) and A2 (60%) are A; A3 (90%) is B.
    expect(base.customers.map((c) => c.tier)).toEqual(['A', 'A', 'B']);
    const s = tmpFile('s.json', JSON.stringify({ tiers: { a: 0.5 } }));
    const tuned = JSON.parse((await run(f, '--json', '--settings', s)).stdout) as Analysis;
    // With a = 50%: A2's 60% before is no longer below the A line.
    expect(tuned.customers.map((c) => c.tier)).toEqual(['A', 'B', 'B']);
    expect(tuned.settings.tiers.a).toBe(0.5);
  });
});
