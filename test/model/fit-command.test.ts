import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fitCommand } from '../../cli/fit';
import { dataFile } from './data-path';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await fitCommand(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

interface FitJson {
  bgnbd: { r: number; alpha: number; a: number; b: number; ll: number };
  mbgnbd: { r: number; alpha: number; a: number; b: number; ll: number } | null;
  model: string;
  modelWhy: string;
  gammaGamma: { p: number; q: number; v: number; ll: number } | null;
  excluded: { kind: string; code: string; count: number; message: string }[];
  customers: { key: string; x: number; tx: number; T: number; pAlive: number; expectedPurchases: number; expectedSpend: number | null; clv: number | null }[];
}

/** Every number anywhere in a JSON value. */
function numbers(v: unknown): number[] {
  if (typeof v === 'number') return [v];
  if (Array.isArray(v)) return v.flatMap(numbers);
  if (v && typeof v === 'object') return Object.values(v).flatMap(numbers);
  return [];
}

const master = dataFile('cdnow', 'cdnow_master_zh.csv');
const retail = dataFile('online-retail', 'online_retail_uci_sample_cust_mod12.csv');

describe('rapport fit on the full CDNOW cohort (cut-off 1997-09-30, weeks)', () => {
  it('fits 23,570 customers and lists the top 20 by CLV', async () => {
    const { code, out, err } = await run([master, '--as-of', '1997-09-30', '--unit', 'weeks', '--lang', 'en']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('Customers in the model: 23570');
    expect(out).toMatch(/BG\/NBD: r = 0\.25\d* {2}α = 4\.7\d* {2}a = 0\.72\d* {2}b = 2\.1\d*/);
    expect(out).toMatch(/MBG\/NBD: r = 0\.63\d* {2}α = 7\.3\d* {2}a = 0\.80\d* {2}b = 1\.22\d*/);
    expect(out).toContain('Used: MBG/NBD has the higher log-likelihood, -95336.96 against -95368.44 for BG/NBD');
    // 69,659 rows: 49,086 up to the cut-off, the other 20,573 later ones ignored.
    expect(out).toContain('69659 rows read, 49086 used, 0 rejected, 20573 skipped');
    expect(out).toContain('20573 rows dated after the cut-off ignored');
    expect(out).toContain('… 23550 more');
    expect(out).not.toMatch(/NaN|Infinity/);
  });

  it('--json gives parameters and every customer, all finite', async () => {
    const { code, out } = await run([master, '--as-of', '1997-09-30', '--unit', 'weeks', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as FitJson;
    expect(Object.keys(json.bgnbd).sort()).toEqual(['a', 'alpha', 'b', 'll', 'r']);
    expect(Object.keys(json.gammaGamma!).sort()).toEqual(['ll', 'p', 'q', 'v']);
    expect(json.customers).toHaveLength(23570);
    expect(Object.keys(json.customers[0]!).sort()).toEqual(['T', 'clv', 'expectedPurchases', 'expectedSpend', 'key', 'pAlive', 'pNoPurchase', 'purchaseModel', 'tx', 'x']);
    expect(json.model).toBe('mbgnbd');
    expect(json.modelWhy).toContain('MBG/NBD');
    expect(numbers(json).every(Number.isFinite)).toBe(true);
    // The cohort is the population the 2,357-customer sample was drawn from (1 in 10): parameters
    // close to the sample's r = 0.243, α = 4.41, a = 0.793, b = 2.43.
    expect(json.bgnbd.r).toBeGreaterThan(0.2);
    expect(json.bgnbd.r).toBeLessThan(0.3);
    expect(json.bgnbd.alpha).toBeGreaterThan(3.5);
    expect(json.bgnbd.alpha).toBeLessThan(5.5);
    expect(json.bgnbd.a).toBeGreaterThan(0.6);
    expect(json.bgnbd.a).toBeLessThan(0.9);
    expect(json.bgnbd.b).toBeGreaterThan(1.8);
    expect(json.bgnbd.b).toBeLessThan(3);
    // Sorted by CLV, highest first.
    const clvs = json.customers.map((c) => c.clv!);
    expect(clvs.every((v, i) => i === 0 || v <= clvs[i - 1]!)).toBe(true);
    // Customer 00001 bought once (1997-01-01): x = 0, T = 272 days; under MBG/NBD P(alive) =
    // 1 / (1 + a/b · ((α+T)/α)^r), below 1 (BG/NBD would say 1).
    const one = json.customers.find((c) => c.key === '00001')!;
    expect(one).toMatchObject({ x: 0, tx: 0 });
    expect(one.T).toBeCloseTo(272 / 7, 12);
    const m = json.mbgnbd!;
    expect(one.pAlive).toBeCloseTo(1 / (1 + (m.a / m.b) * ((m.alpha + one.T) / m.alpha) ** m.r), 10);
    expect(one.pAlive).toBeLessThan(0.6);
  });
});

describe('rapport fit on the messy online-retail log', () => {
  it('runs cleanly and reports what it left out', async () => {
    const { code, out, err } = await run([retail, '--unit', 'days', '--lang', 'en']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('Cut-off: 2011-12-09');
    expect(out).toMatch(/797 rows rejected: has no customer id/);
    expect(out).not.toMatch(/NaN|Infinity/);
  });

  it('--json lists rejected rows by reason and customers left out by the cut-off', async () => {
    const { code, out } = await run([retail, '--as-of', '2011-06-30', '--json', '--lang', 'zh']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as FitJson;
    const rows = json.excluded.filter((e) => e.kind === 'rows');
    expect(rows).toEqual([expect.objectContaining({ code: 'no_customer', count: 797 }), expect.objectContaining({ code: 'after_cutoff' })]);
    const after = json.excluded.find((e) => e.code === 'first_purchase_after_cutoff')!;
    expect(after.count).toBeGreaterThan(0);
    expect(after.message).toContain('截止日期');
    expect(json.customers.length + after.count + (json.excluded.find((e) => e.code === 'no_purchases')?.count ?? 0)).toBe(380);
    expect(numbers(json).every(Number.isFinite)).toBe(true);
  });
});

describe('rapport fit at the limits of the drop-out Beta (Online Retail, cut-off 2011-09-09)', () => {
  it('--json flags each fit\'s limit, and the text says what each means', async () => {
    const json = await run([retail, '--as-of', '2011-09-09', '--json', '--lang', 'en']);
    expect(json.code).toBe(0);
    const fit = JSON.parse(json.out) as FitJson & { bgnbd: { noDropout?: boolean }; mbgnbd: { twoPoint?: boolean; a: number; b: number }; warnings: { code: string; message: string }[] };
    expect(fit.bgnbd.noDropout).toBe(true);
    expect(fit.bgnbd.a).toBe(0);
    expect(fit.mbgnbd.twoPoint).toBe(true);
    expect(fit.model).toBe('mbgnbd');
    expect(fit.warnings.map((w) => w.code)).toEqual(['two_point_dropout']);
    // MBG/NBD's first chance is right after the first purchase.
    expect(fit.warnings[0]!.message).toContain('they never buy again after the first purchase');
    const share = (100 * fit.mbgnbd.a) / (fit.mbgnbd.a + fit.mbgnbd.b);
    const text = await run([retail, '--as-of', '2011-09-09', '--lang', 'en']);
    expect(text.out).toContain(`MBG/NBD: r = `);
    expect(text.out).toContain(`${Number(share.toPrecision(5))}% of customers drop out at their first chance, the rest never (a, b → 0)`);
    expect(text.out).toContain('BG/NBD: r = 1.3308  α = 20.618  no customer drops out (a → 0; b has no effect)');
  });
});

describe('rapport fit on unusable input: exit 2 with a plain message', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rapport-fit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('no file named', async () => {
    const r = await run(['--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Name the transaction log');
  });

  it('a missing file', async () => {
    const r = await run([path.join(dir, 'nope.csv'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('No such file');
  });

  it('bad options', async () => {
    expect((await run([master, '--unit', 'months', '--lang', 'en'])).err).toContain('--unit must be weeks or days');
    expect((await run([master, '--horizon', '-3', '--lang', 'en'])).code).toBe(2);
    expect((await run([master, '--as-of', '30/09/1997', '--lang', 'en'])).err).toContain('YYYY-MM-DD');
  });

  it('a table that is not a transaction log', async () => {
    const r = await run([dataFile('cdnow', 'cdnow_customers_summary.csv'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a transaction log/);
  });

  it('too few repeat customers says what data is needed', async () => {
    const file = path.join(dir, 'few.csv');
    const lines = ['customer,date,amount'];
    for (let i = 0; i < 30; i++) lines.push(`C${i},2024-01-${String((i % 28) + 1).padStart(2, '0')},10`);
    lines.push('C1,2024-03-01,12', 'C2,2024-03-05,8');
    writeFileSync(file, lines.join('\n'));
    const r = await run([file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('at least 10 customers with repeat purchases');
    expect(r.out).toBe('');
  });
});
