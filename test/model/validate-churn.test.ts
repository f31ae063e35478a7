/**
 * Does churn risk predict churn? Calibration/holdout validation on the two real logs: the analysis
 * runs on the rows up to D, "churned" = no purchase in (D, D+H]. Churn risk must rank churners at
 * least as well as plain recency (a tie within 0.01 counts) and reach 0.70 on CDNOW. Nothing here is
 * tuned to these files: the horizons are the data sets' customary holdouts (CDNOW: 39 weeks, as in
 * Fader, Hardie & Lee 2005; Online Retail: the 90 days left after 2011-09-09).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auc } from '../../shared/model/auc';
import { holdoutPurchases } from '../../shared/model/validate-churn';
import { validateLog } from '../../shared/validate-log';
import { validateCommand } from '../../cli/validate';
import { readTableFile } from '../../cli/read-table-file';
import { dataFile } from './data-path';

describe('AUC as the Mann–Whitney statistic, ties ½', () => {
  it('hand-worked cases', () => {
    expect(auc([1, 2, 3, 4], [false, false, true, true])).toBe(1);
    expect(auc([1, 2, 3, 4], [true, true, false, false])).toBe(0);
    expect(auc([5, 5, 5, 5], [true, false, true, false])).toBe(0.5);
    // positives score 2 and 3, negatives 1 and 2: pairs 1, ½, 1, 1 → 3.5 / 4
    expect(auc([1, 2, 2, 3], [false, true, false, true])).toBe(0.875);
    expect(auc([1, 2], [true, true])).toBeNull();
  });

  it('equals the share of (positive, negative) pairs ranked right, ties ½; flips under negation', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.boolean()), { minLength: 2, maxLength: 40 }), (pairs) => {
        const s = pairs.map((p) => p[0]);
        const y = pairs.map((p) => p[1]);
        const a = auc(s, y);
        let wins = 0;
        let n = 0;
        for (let i = 0; i < s.length; i++)
          for (let j = 0; j < s.length; j++)
            if (y[i] && !y[j]) {
              n++;
              wins += s[i]! > s[j]! ? 1 : s[i] === s[j] ? 0.5 : 0;
            }
        if (n === 0) return a === null;
        return Math.abs(a! - wins / n) < 1e-12 && Math.abs(auc(s.map((v) => -v), y)! - (1 - a!)) < 1e-12;
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe('holdout purchases', () => {
  it('counts purchase days in (from, to] only', () => {
    const h = holdoutPurchases([{ key: 'a', days: [1, 5, 6, 9, 10], amounts: [1, 1, 1, 1, 1], returns: 0 }], 5, 9);
    expect(h.get('a')).toBe(2);
  });
});

function read(file: string): unknown[][] {
  return readTableFile(file, 'en').table;
}

describe('validation on CDNOW (cut-off 1997-09-30, next 39 weeks)', () => {
  const r = validateLog(read(dataFile('cdnow', 'cdnow_master_zh.csv')), { asOf: '1997-09-30', horizonDays: 273 });
  if (!r.ok) throw new Error(r.code);
  const v = r.result.validation;

  it('labels every customer of the cohort; 70% bought nothing in the holdout', () => {
    expect(v.customers).toBe(23570);
    expect(v.churned).toBe(16512);
    expect(r.result.holdoutEnd).toBe('1998-06-30');
  });

  it('churn risk ranks churners at least as well as recency (tie within 0.01) and reaches 0.70', () => {
    expect(v.auc.churnRisk!).toBeGreaterThanOrEqual(v.auc.recency! - 0.01);
    expect(v.auc.churnRisk!).toBeGreaterThanOrEqual(0.7);
    // what the printed table shows (docs/model.md)
    expect(v.auc.churnRisk!.toFixed(3)).toBe('0.754');
    expect(v.auc.recency!.toFixed(3)).toBe('0.759');
    expect(v.auc.churnProbability!.toFixed(3)).toBe('0.755');
    expect(v.auc.expectedPurchases!.toFixed(3)).toBe('0.765');
    // MBG/NBD's P(alive) now points the right way (BG/NBD's gave one-time buyers 1)
    expect(v.auc.pAlive!).toBeGreaterThan(0.6);
  });

  it('the conditional-expectation table covers every customer and rises with x', () => {
    expect(v.byFrequency.map((g) => g.x)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(v.byFrequency.reduce((s, g) => s + g.customers, 0)).toBe(v.customers);
    const actual = v.byFrequency.map((g) => g.actual);
    const predicted = v.byFrequency.map((g) => g.predicted!);
    expect(actual.every((a, i) => i === 0 || a > actual[i - 1]!)).toBe(true);
    expect(predicted.every((p, i) => i === 0 || p > predicted[i - 1]!)).toBe(true);
    expect(v.byFrequency[0]).toMatchObject({ x: '0', customers: 14119 });
  });
});

describe('validation on Online Retail (cut-off 2011-09-09, next 90 days)', () => {
  const r = validateLog(read(dataFile('online-retail', 'online_retail_uci_sample_cust_mod12.csv')), { asOf: '2011-09-09', horizonDays: 90 });
  if (!r.ok) throw new Error(r.code);
  const v = r.result.validation;

  it('churn risk ranks churners at least as well as recency (tie within 0.01)', () => {
    expect(v.customers).toBe(273);
    expect(v.auc.churnRisk!).toBeGreaterThanOrEqual(v.auc.recency! - 0.01);
    expect(v.auc.churnRisk!.toFixed(3)).toBe('0.681');
    expect(v.auc.recency!.toFixed(3)).toBe('0.638');
  });

  it('the model is MBG/NBD at drop-out chances of 0 or 1, and its P(alive) ranks churners (it gave 0.433 at the no-drop-out edge)', () => {
    const model = r.result.analysis.summary.model as { model: string; mbgnbd: { twoPoint?: boolean } };
    expect(model.model).toBe('mbgnbd');
    expect(model.mbgnbd.twoPoint).toBe(true);
    expect(v.auc.pAlive!.toFixed(3)).toBe('0.607');
  });

  it('the analysis at the cut-off has no customer who first bought later, and row counts add up', () => {
    const a = r.result.analysis;
    expect(a.customers.every((c) => c.firstPurchase === null || c.firstPurchase <= '2011-09-09')).toBe(true);
    const rows = a.summary.rows;
    expect(rows.accepted + rows.rejected + rows.skipped).toBe(rows.read);
    expect(a.errors.filter((e) => e.fatal)).toHaveLength(797);
  });
});

describe('rapport validate', () => {
  async function run(args: string[]) {
    let out = '';
    let err = '';
    const code = await validateCommand(args, { out: (s) => (out += s), err: (s) => (err += s) });
    return { code, out, err };
  }
  const retail = dataFile('online-retail', 'online_retail_uci_sample_cust_mod12.csv');

  it('prints the AUC table and the Fader–Hardie–Lee table (en and zh)', async () => {
    const en = await run([retail, '--as-of', '2011-09-09', '--horizon', '90', '--lang', 'en']);
    expect(en.err).toBe('');
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/churn risk \(the 0–100 score\)\s+0\.681/);
    expect(en.out).toMatch(/days since last purchase \(recency\)\s+0\.638/);
    expect(en.out).toContain('Customers: 273; churned (no purchase in the holdout): 118 (43.2%)');
    expect(en.out).toMatch(/^7\+\s+13\s+3\.615\s+\d\.\d{3}$/m);
    const zh = await run([retail, '--as-of', '2011-09-09', '--horizon', '90', '--lang', 'zh']);
    expect(zh.out).toMatch(/流失风险 \(0–100 分\)\s+0\.681/);
  });

  it('refuses a holdout that runs past the end of the log, and missing options, with exit 2', async () => {
    const past = await run([retail, '--as-of', '2011-11-30', '--horizon', '90', '--lang', 'en']);
    expect(past.code).toBe(2);
    expect(past.err).toContain('The log ends on 2011-12-09, before the end of the holdout (2012-02-28)');
    expect((await run([retail, '--horizon', '90'])).code).toBe(2);
    expect((await run([retail, '--as-of', '2011-09-09', '--horizon', 'x'])).code).toBe(2);
  });
});
