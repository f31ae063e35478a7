/** method §7: churn-risk factors present only with their inputs, silent risk, churn reasons. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatReason } from '../../../shared/i18n/labels';
import { churnRisk, type ChurnContext } from '../../../shared/rules/churn-risk';
import { classifyChurnReason, isControllable, CHURN_REASONS, COMPLAINT_CATEGORIES } from '../../../shared/rules/churn-reasons';
import { emptyInput, type CustomerInput } from '../../../shared/ingest/customer-input';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { analyze } from '../../../shared/analyze';

const S = DEFAULT_SETTINGS;
const T = 20000;
const cust = (p: Partial<CustomerInput>): CustomerInput => Object.assign(emptyInput('k', 2), p);
const ctx: ChurnContext = { asOfDay: T, visitOverdue: null, daysSinceContact: null };
const codes = (p: Partial<CustomerInput>, c: Partial<ChurnContext> = {}) =>
  churnRisk(cust(p), { ...ctx, ...c }, S).factors.map((f) => f.code).sort();

describe('§7 churn-risk factors', () => {
  it('a customer with no inputs has no factor and score 0', () => {
    const r = churnRisk(cust({}), ctx, S);
    expect(r).toEqual({ score: 0, factors: [], silent: false, probability: null, horizonDays: null, basis: 'signs' });
  });

  it('recency against the usual interval: present only when late and the interval is known', () => {
    // usual = (T−100 − (T−400)) / (4 − 1) = 100 days; since 100 → on time; since 250 → 2.5 × → factor
    expect(codes({ firstPurchase: T - 400, lastPurchase: T - 100, orders: 4 })).toEqual([]);
    expect(codes({ firstPurchase: T - 550, lastPurchase: T - 250, orders: 4 })).toEqual(['recency']);
    // no order count → no usual interval → no recency factor
    expect(codes({ firstPurchase: T - 550, lastPurchase: T - 250 })).toEqual([]);
  });

  it('revenue trend only when revenue fell and both periods are known', () => {
    // no complaint on record: the fall is also silent risk
    expect(codes({ revenue: 60, revenuePrev: 100 })).toEqual(['revenue_trend', 'silent']);
    expect(codes({ revenue: 60, revenuePrev: 100, complaints: 1 })).toEqual(['revenue_trend']);
    expect(codes({ revenue: 120, revenuePrev: 100 })).toEqual([]);
    expect(codes({ revenue: 60 })).toEqual([]);
  });

  it('share-of-wallet trend only when share fell', () => {
    expect(codes({ share: 0.2, sharePrev: 0.3 })).toEqual(['share_trend', 'silent']);
    expect(codes({ share: 0.3, sharePrev: 0.3 })).toEqual([]);
  });

  it('satisfaction ≤ 2 (2 and 1 yes, 3 no)', () => {
    expect(codes({ satisfaction: 2 })).toEqual(['satisfaction']);
    expect(codes({ satisfaction: 1 })).toEqual(['satisfaction']);
    expect(codes({ satisfaction: 3 })).toEqual([]);
  });

  it('open complaints', () => {
    expect(codes({ complaintsOpen: 1 })).toEqual(['complaints']);
    expect(codes({ complaintsOpen: 0 })).toEqual([]);
  });

  it('no contact for longer than the tier visit interval', () => {
    expect(codes({}, { visitOverdue: true, daysSinceContact: 40 })).toEqual(['no_contact']);
    expect(codes({}, { visitOverdue: false, daysSinceContact: 10 })).toEqual([]);
  });

  it('more factors → higher score, capped at 100, every factor named with its points', () => {
    const one = churnRisk(cust({ revenue: 60, revenuePrev: 100 }), ctx, S);
    const many = churnRisk(
      cust({ revenue: 10, revenuePrev: 100, share: 0.1, sharePrev: 0.5, satisfaction: 1, complaintsOpen: 3, overdueDays: 120, firstPurchase: T - 700, lastPurchase: T - 350, orders: 4 }),
      { ...ctx, visitOverdue: true, daysSinceContact: 350 },
      S,
    );
    expect(many.score).toBeGreaterThan(one.score);
    expect(many.score).toBeLessThanOrEqual(100);
    for (const f of many.factors) expect(f.points).toBeGreaterThan(0);
  });
});

describe('§7 silent risk: revenue or share falling with no complaint on record', () => {
  it('revenue falling, no complaints → silent', () => {
    expect(churnRisk(cust({ revenue: 80, revenuePrev: 100, complaints: 0 }), ctx, S).silent).toBe(true);
  });
  it('share falling, no complaints → silent', () => {
    expect(churnRisk(cust({ share: 0.2, sharePrev: 0.3, complaints: 0 }), ctx, S).silent).toBe(true);
  });
  it('a complaint on record → not silent', () => {
    expect(churnRisk(cust({ revenue: 80, revenuePrev: 100, complaints: 2 }), ctx, S).silent).toBe(false);
  });
  it('nothing falling → not silent', () => {
    expect(churnRisk(cust({ revenue: 120, revenuePrev: 100, complaints: 0 }), ctx, S).silent).toBe(false);
  });
});

describe('§7 churn-reason taxonomy', () => {
  it.each([
    ['对手价格更便宜', 'competitor_price', true],
    ['竞争对手商业贿赂', 'competitor_bribery', true],
    ['产品质量问题未解决', 'complaint_quality', true],
    ['窜货', 'complaint_channel', true],
    ['售后服务差', 'complaint_after_sales', true],
    ['产品不能满足需求', 'needs_unmet', true],
    ['业务收缩', 'contraction', false],
    ['公司倒闭', 'bankruptcy', false],
    ['采购负责人工作变动', 'life_event', false],
    ['客户自己做, 成为竞争对手', 'became_competitor', false],
    ['went to a cheaper competitor', 'competitor_price', true],
    ['bankrupt', 'bankruptcy', false],
    // everyday phrasings of the same reasons
    ['对手低价抢单', 'competitor_price', true],
    ['客户业务萎缩', 'contraction', false],
    ['对手的产品更好', 'competitor_product', true],
  ])('%j → %s (controllable %s)', (text, code, controllable) => {
    expect(classifyChurnReason(text)).toBe(code);
    expect(isControllable(code)).toBe(controllable);
  });

  it('the taxonomy has the four uncontrollable reasons of method §7', () => {
    expect(CHURN_REASONS.filter((r) => !r.controllable).map((r) => r.code).sort()).toEqual(['bankruptcy', 'became_competitor', 'contraction', 'life_event']);
  });

  it('complaint categories: the four guarantees plus channel conflict', () => {
    expect([...COMPLAINT_CATEGORIES].sort()).toEqual(['channel', 'logistics', 'quality', 'service', 'value']);
  });

  it('blank → null; unrecognised text → other', () => {
    expect(classifyChurnReason('  ')).toBeNull();
    expect(classifyChurnReason('不清楚')).toBe('other');
  });

  it('the failure-frequency report counts each reason, most frequent first', () => {
    // price ×2, bankruptcy ×1
    const a = analyze(
      [
        ['客户名称', '销售额', '流失原因'],
        ['a', '10', '价格太高'],
        ['b', '20', '对手降价'],
        ['c', '30', '倒闭'],
        ['d', '40', ''],
      ],
      { asOf: '2024-12-31' },
    );
    expect(a.summary.churnReasons).toEqual([
      { code: 'competitor_price', controllable: true, count: 2 },
      { code: 'bankruptcy', controllable: false, count: 1 },
    ]);
  });
});

describe('§7 + §9 churn risk starts from the purchase model and the signs raise it', () => {
  const withModel = (p: Partial<CustomerInput>, pNoPurchase: number, c: Partial<ChurnContext> = {}) =>
    churnRisk(cust(p), { ...ctx, pNoPurchase, horizonDays: 90, ...c }, S);

  it('no sign: the score is the probability in percent, shown with its horizon', () => {
    const r = withModel({}, 0.62);
    expect(r).toMatchObject({ score: 62, probability: 0.62, horizonDays: 90, basis: 'model' });
    expect(r.factors).toEqual([{ code: 'no_purchase_chance', points: 62, params: { percent: 62, days: 90 } }]);
    expect(formatReason('en', r.factors[0]!)).toBe('62% chance of no order in the next 90 days');
    expect(formatReason('zh', r.factors[0]!)).toBe('未来 90 天内不再下单的概率为 62%');
  });

  it('a sign takes its weight’s share of the chance left: satisfaction 1 → 0.62 + 0.38 × 15% = 0.677', () => {
    const r = withModel({ satisfaction: 1 }, 0.62);
    expect(r.score).toBe(68);
    expect(r.factors.map((f) => [f.code, f.points])).toEqual([
      ['no_purchase_chance', 62],
      ['satisfaction', 5.7],
    ]);
    expect(r.probability).toBe(0.62);
  });

  it('recency is part of the model: a late customer gets no second recency factor', () => {
    const r = withModel({ firstPurchase: T - 700, lastPurchase: T - 350, orders: 4 }, 0.9);
    expect(r.factors.map((f) => f.code)).toEqual(['no_purchase_chance']);
  });

  it('competitor purchases and silent risk are signs with their points', () => {
    const r = withModel({ competitor: true, revenue: 50, revenuePrev: 100 }, 0.2);
    expect(r.factors.map((f) => f.code)).toEqual(['no_purchase_chance', 'revenue_trend', 'competitor', 'silent']);
    // 0.2 → +0.8·0.2 (50% fall = full weight 20) = 0.36 → +0.64·0.1 = 0.424 → +0.576·0.05 = 0.4528
    expect(r.factors.map((f) => f.points)).toEqual([20, 16, 6.4, 2.9]);
    expect(r.score).toBe(45);
  });

  const inputs = fc.record({
    satisfaction: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    complaintsOpen: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
    overdueDays: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
    revenue: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
    revenuePrev: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
    share: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    sharePrev: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    competitor: fc.option(fc.boolean(), { nil: null }),
  });

  it('bounded: never below the model’s probability, each sign at most its weight, points add up to the score', () => {
    const weight: Record<string, number> = {
      revenue_trend: S.churn.revenueTrend,
      share_trend: S.churn.shareTrend,
      satisfaction: S.churn.satisfaction,
      complaints: S.churn.complaints,
      competitor: S.churn.competitor,
      overdue: S.churn.overdue,
      no_contact: S.churn.noContact,
      silent: S.churn.silent,
    };
    fc.assert(
      fc.property(inputs, fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (p, p0, late) => {
        const r = withModel(p, p0, { visitOverdue: late, daysSinceContact: late ? 99 : 5 });
        expect(r.score).toBeGreaterThanOrEqual(Math.round(100 * p0));
        expect(r.score).toBeLessThanOrEqual(100);
        for (const f of r.factors.slice(1)) expect(f.points!).toBeLessThanOrEqual(weight[f.code]! + 0.05);
        const sum = r.factors.reduce((s, f) => s + f.points!, 0);
        expect(Math.abs(sum - r.score)).toBeLessThanOrEqual(0.5 + 0.05 * r.factors.length);
        // a higher model probability never lowers the score
        expect(withModel(p, Math.min(1, p0 + 0.1), { visitOverdue: late, daysSinceContact: late ? 99 : 5 }).score).toBeGreaterThanOrEqual(r.score);
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('without listed reasons: the same score, probability, basis and silent flag, and no factors', () => {
    fc.assert(
      fc.property(inputs, fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }), fc.boolean(), fc.integer({ min: 0, max: 900 }), (p, p0, late, ago) => {
        const c = cust({ ...p, orders: 3, firstPurchase: T - 2 * ago - 10, lastPurchase: T - ago });
        const context: ChurnContext = { ...ctx, visitOverdue: late, daysSinceContact: late ? 99 : 5, pNoPurchase: p0, typicalInterval: 40 };
        const listed = churnRisk(c, context, S);
        expect(churnRisk(c, context, S, false)).toEqual({ ...listed, factors: [] });
      }),
      { numRuns: 500 },
    );
  });
});

describe('§7 without a purchase model: the warning signs alone', () => {
  it('says so (basis "signs", no probability)', () => {
    const r = churnRisk(cust({ satisfaction: 1 }), ctx, S);
    expect(r).toMatchObject({ score: 15, basis: 'signs', probability: null, horizonDays: null });
  });

  it('a one-time buyer long past the typical repeat interval is at risk', () => {
    const once = { orders: 1, firstPurchase: T - 300, lastPurchase: T - 300 };
    // 300 days = 5 × the typical 60 days → full recency weight (3× is full)
    const r = churnRisk(cust(once), { ...ctx, typicalInterval: 60 }, S);
    expect(r.factors).toEqual([{ code: 'one_time_late', points: 30, params: { days: 300, usual: 60, times: 5 } }]);
    expect(formatReason('en', r.factors[0]!)).toBe('bought once, 300 days ago — 5× the typical 60 days between purchases');
    // 90 days = 1.5× → a quarter of the weight
    expect(churnRisk(cust({ ...once, firstPurchase: T - 90, lastPurchase: T - 90 }), { ...ctx, typicalInterval: 60 }, S).score).toBe(8);
    // within the typical interval, or no typical interval known: no factor
    expect(churnRisk(cust({ ...once, firstPurchase: T - 50, lastPurchase: T - 50 }), { ...ctx, typicalInterval: 60 }, S).factors).toEqual([]);
    expect(churnRisk(cust(once), ctx, S).factors).toEqual([]);
  });
});

describe('§7 no contact counts recorded contact only', () => {
  it('a transaction log without contact data has no "no contact" factor, however long since the last purchase', () => {
    const a = analyze(
      [
        ['Customer ID', 'InvoiceDate', 'Amount'],
        ['big', '2024-01-10', '9000'],
        ['big', '2024-02-10', '9000'],
        ['small', '2024-12-01', '10'],
        ['small', '2024-12-20', '10'],
      ],
      { asOf: '2024-12-31' },
    );
    const big = a.customers.find((c) => c.key === 'big')!;
    expect(big.tier).toBe('A');
    expect(big.churnRisk.factors.map((f) => f.code)).not.toContain('no_contact');
  });

  it('a customer table: last contact beyond the tier interval counts, a purchase alone does not', () => {
    const a = analyze(
      [
        ['客户名称', '销售额', '最近购买', '最近联系'],
        ['甲', '9000', '2024-12-30', '2024-09-01'],
        ['乙', '8000', '2024-06-01', ''],
        ['丙', '10', '2024-12-30', '2024-12-30'],
      ],
      { asOf: '2024-12-31' },
    );
    const by = (k: string) => a.customers.find((c) => c.name === k)!;
    expect(by('甲').churnRisk.factors.map((f) => f.code)).toContain('no_contact');
    expect(by('乙').churnRisk.factors.map((f) => f.code)).not.toContain('no_contact');
  });
});

describe('§9 a customer table with orders, first and last purchase gets the purchase model', () => {
  // 40 customers: every other one bought again (x = 1…4); first purchases spread over two years.
  const rows: string[][] = [['客户名称', '销售额', '订单数', '首次购买', '最近购买']];
  const day = (d: number) => new Date(Date.UTC(2024, 11, 31) - d * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < 40; i++) {
    const age = 100 + i * 15;
    const orders = i % 2 === 0 ? 1 : 2 + (i % 4);
    const last = orders === 1 ? age : Math.max(1, age - 40 - ((i * 37) % age));
    rows.push([`c${i}`, String(100 + i), String(orders), day(age), day(Math.min(age, last))]);
  }

  it('fits it there (x = orders − 1, t_x = last − first, T = as-of − first) and churn risk starts from it', () => {
    const a = analyze(rows, { asOf: '2024-12-31' });
    const m = a.summary.model as { source: string; model: string; counts: { customers: number; repeat: number } };
    expect(m.source).toBe('customers');
    expect(m.counts).toEqual({ customers: 40, repeat: 20, fittedOn: 40 });
    expect(a.notices.map((n) => n.code)).toContain('model_used');
    for (const c of a.customers) {
      expect(c.churnRisk.basis).toBe('model');
      expect(c.churnRisk.score).toBe(Math.round(100 * c.churnRisk.probability!));
      expect(c.model!.x).toBe(c.orders! - 1);
      expect(c.clv).toBeNull(); // a table gives no spend per purchase
    }
  });

  it('too few customers: no model, a notice why, the signs alone', () => {
    const a = analyze(rows.slice(0, 6), { asOf: '2024-12-31' });
    expect(a.notices.find((n) => n.code === 'model_problem')!.message).toContain('20');
    expect(a.customers.every((c) => c.churnRisk.basis === 'signs')).toBe(true);
  });
});
