/** analyze() end to end: derived inputs, the summary's figures, lifecycle from a log, result columns (method §1–§10). */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../shared/analyze';
import { findResultColumn } from '../../../shared/result-columns';
import { byKey } from './helpers';

const AS_OF = '2024-12-31';

describe('summary: tier counts and shares (method §3)', () => {
  it('[50,30,10,5,3,2] by revenue: A 80%, B 15%, C 3%, D 2%', () => {
    // tiers A A B B C D (see abc-tiers.test.ts); revenue shares: A (50+30)/100, B 15/100, C 3/100, D 2/100
    const a = analyze(
      [
        ['Customer', 'Sales'],
        ['a', '50'],
        ['b', '30'],
        ['c', '10'],
        ['d', '5'],
        ['e', '3'],
        ['f', '2'],
      ],
      { asOf: AS_OF },
    );
    const t = a.summary.tiers;
    expect([t.A.count, t.B.count, t.C.count, t.D.count]).toEqual([2, 2, 1, 1]);
    expect(t.A.revenueShare).toBeCloseTo(0.8, 9);
    expect(t.B.revenueShare).toBeCloseTo(0.15, 9);
    expect(t.C.revenueShare).toBeCloseTo(0.03, 9);
    expect(t.D.revenueShare).toBeCloseTo(0.02, 9);
    expect(a.summary.metric).toBe('revenue');
    expect(a.summary.totals).toEqual({ revenue: 100, profit: null });
  });
});

describe('derived inputs (method §1)', () => {
  it('share of wallet = revenue / wallet when there is no share column', () => {
    // 250 / 1000 = 25%
    const a = analyze([['客户名称', '销售额', '客户采购总额'], ['甲', '250', '1000']], { asOf: AS_OF });
    expect(a.customers[0]!.share).toBeCloseTo(0.25, 9);
  });

  it('share given as "35%", "35" or 0.35 is the same 35%', () => {
    const a = analyze([['Customer', 'Revenue', 'Share of wallet'], ['a', '1', '35%'], ['b', '1', '35'], ['c', '1', '0.35']], { asOf: AS_OF });
    for (const c of a.customers) expect(c.share).toBeCloseTo(0.35, 9);
  });

  it('a score part whose column is present but blank for everyone drops out, with a notice', () => {
    const a = analyze([['Customer', 'Revenue', 'Satisfaction'], ['a', '1', ''], ['b', '2', '']], { asOf: AS_OF });
    expect(a.customers[0]!.valueScore.parts.map((p) => p.part)).toEqual(['value']);
    expect(a.notices.some((n) => n.code === 'part_dropped')).toBe(true);
  });
});

describe('lifecycle and defection from a transaction log (method §1, §5, §6)', () => {
  // asOf 2024-12-31, period 365 days: current (2024-01-01 … 2024-12-31], previous (2023-01-01 … 2023-12-31]
  const a = analyze(
    [
      ['客户编号', '日期', '金额'],
      // back: bought 2022-01-10, then nothing until 2024-06-01 → gap 873 days > 365 → recovery (before rule 4's "fewer than 3 orders")
      ['back', '2022-01-10', '100'],
      ['back', '2024-06-01', '100'],
      // gone: last purchase 2023-06-01 → 579 days → interrupted; no competitor data → former
      ['gone', '2022-03-01', '100'],
      ['gone', '2022-09-01', '100'],
      ['gone', '2023-06-01', '100'],
      // regular: monthly in 2024 and 2023, same amounts → maturity
      ...Array.from({ length: 24 }, (_, i) => ['regular', `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-15`, '10']),
    ],
    { asOf: AS_OF, model: false },
  );

  it('recovery after a long gap', () => {
    expect(byKey(a, 'back').lifecycle).toBe('recovery');
  });
  it('interrupted and former when nothing was bought within the horizon', () => {
    expect(byKey(a, 'gone').lifecycle).toBe('interrupted');
    expect(byKey(a, 'gone').defection).toBe('former');
  });
  it('a steady monthly buyer is mature, 24 orders, 120 in each period', () => {
    const r = byKey(a, 'regular');
    expect([r.orders, r.revenue, r.revenuePrev, r.lifecycle]).toEqual([24, 120, 120, 'maturity']);
  });
});

describe('recovery in a customer table (method §5 rule 3)', () => {
  it('bought this period, nothing last period, customer since long before → recovery', () => {
    // first purchase 2020: the previous period (2023) had no revenue → the gap before this period's purchase exceeds a year
    const a = analyze([['Customer', 'Revenue', 'Previous revenue', 'First order', 'Last order', 'Orders'], ['a', '100', '0', '2020-01-01', '2024-11-01', '6']], { asOf: AS_OF });
    expect(a.customers[0]!.lifecycle).toBe('recovery');
  });
});

describe('result columns (method §10: the key-account checklist as a column)', () => {
  it('key-account health is filled for tier A only, in the user language', () => {
    // big A (before 0); small: before .9 → B. big last contact 2024-10-01 + 30 < asOf → overdue
    const a = analyze([['客户名称', '销售额', '最近联系'], ['big', '900', '2024-10-01'], ['small', '100', '2024-12-30']], { asOf: AS_OF });
    const col = findResultColumn('ka_health')!;
    expect(col).toBeDefined();
    expect(col.value(byKey(a, 'big'), 'zh')).toContain('沟通逾期');
    expect(col.value(byKey(a, 'small'), 'zh')).toBe('');
    expect(findResultColumn('客户等级')!.value(byKey(a, 'big'), 'zh')).toBe('A');
  });
});

describe('relationship type through a Chinese table (method §6, seed 003)', () => {
  it('partner needs share ≥ 50%, tenure ≥ 1 year and (high switching cost or ≤ 2 suppliers)', () => {
    // p1: 60%, since 2020, 转换成本 高 → partner; p2: 55%, 2 suppliers → partner;
    // t1: 60%, 5 suppliers, 低 → transactional; t2: 40%, 高 → transactional; t3: 70%, 高, since 2024-06 → transactional
    const a = analyze(
      [
        ['客户名称', '销售额', '份额', '首次购买', '转换成本', '供应商数量'],
        ['p1', '1', '60%', '2020-01-01', '高', ''],
        ['p2', '1', '55%', '2020-01-01', '', '2'],
        ['t1', '1', '60%', '2020-01-01', '低', '5'],
        ['t2', '1', '40%', '2020-01-01', '高', ''],
        ['t3', '1', '70%', '2024-06-01', '高', ''],
      ],
      { asOf: AS_OF },
    );
    expect(Object.fromEntries(a.customers.map((c) => [c.key, c.relationship]))).toEqual({ p1: 'partner', p2: 'partner', t1: 'transactional', t2: 'transactional', t3: 'transactional' });
  });
});

describe('emails and domains (method §1)', () => {
  it('several emails per cell split on , ; 、 and spaces; a website URL reduces to its registrable host', () => {
    const a = analyze([['Customer', 'Email', 'Website'], ['a', 'x@acme.com; y@acme.com、z@acme.com w@acme.com', 'https://www.example.co.uk/about']], { asOf: AS_OF });
    const c = a.customers[0]!;
    expect(c.emails).toEqual(['x@acme.com', 'y@acme.com', 'z@acme.com', 'w@acme.com']);
    expect(c.domains).toContain('example.co.uk');
    expect(c.domains).toContain('acme.com');
  });
});

describe('churn-risk summary (method §7)', () => {
  it('counts silent risks: revenue falling with no complaint on record', () => {
    // a: fell 100 → 50, 0 complaints → silent; b: fell, 2 complaints → not silent; c: grew → not silent
    const a = analyze(
      [
        ['Customer', 'Revenue', 'Previous revenue', 'Complaints'],
        ['a', '50', '100', '0'],
        ['b', '50', '100', '2'],
        ['c', '150', '100', '0'],
      ],
      { asOf: AS_OF },
    );
    expect(a.customers.map((c) => c.churnRisk.silent)).toEqual([true, false, false]);
    expect(a.summary.churnRisk.silent).toBe(1);
  });
});

describe('notices follow the language', () => {
  it('zh notices are Chinese, en notices English', () => {
    const t = [['客户名称', '销售额'], ['甲', '1'], ['', '']];
    expect(analyze(t, { lang: 'zh', asOf: AS_OF }).notices.find((n) => n.code === 'skipped_blank')!.message).toMatch(/[\u4e00-\u9fff]/);
    expect(analyze(t, { lang: 'en', asOf: AS_OF }).notices.find((n) => n.code === 'skipped_blank')!.message).toMatch(/blank/);
  });
});
