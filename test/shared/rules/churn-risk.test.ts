/** METHOD §7: churn-risk factors present only with their inputs, silent risk, churn reasons. */
import { describe, expect, it } from 'vitest';
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

  it('the taxonomy has the four uncontrollable reasons of METHOD §7', () => {
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
