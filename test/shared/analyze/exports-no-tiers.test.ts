/**
 * Without any revenue or profit figure there are no tiers: every customer's tier is null, the
 * notice says why and what column to add, and every surface's text shows it — rather than
 * everyone landing in C.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze } from '../../../shared/analyze';
import { abcTiers, hasTierMetric } from '../../../shared/rules/abc-tiers';
import { RESULT_COLUMNS } from '../../../shared/result-columns';
import { formatAnalysis } from '../../../cli/print-analysis';
import { chipWords } from '../../../extension/content/chip-words';
import { noticeCodes } from './helpers';

const TIER = RESULT_COLUMNS.find((c) => c.field === 'tier')!;

describe('abcTiers without a metric', () => {
  it('leaves every tier null but still ranks', () => {
    const r = abcTiers(new Float64Array([0, 0, 0]), ['a', 'b', 'c'], { a: 0.8, b: 0.95, d: 0.05 }, undefined, false);
    expect(r.tiers).toEqual([null, null, null]);
    expect([...r.order]).toEqual([0, 1, 2]);
  });

  it('hasTierMetric: any revenue or profit figure is enough, zero included', () => {
    const f = (xs: (number | null)[]) => Float64Array.from(xs, (x) => x ?? NaN);
    expect(hasTierMetric(f([null]), f([null]))).toBe(false);
    expect(hasTierMetric(f([null, 0]), f([null, null]))).toBe(true);
    expect(hasTierMetric(f([null]), f([-5]))).toBe(true);
    expect(hasTierMetric(f([]), f([]))).toBe(false);
  });
});

describe('a table with no revenue or profit column', () => {
  const table = [
    ['客户名称', '负责人', '最后跟进时间', '订单数'],
    ['甲', '张伟', '2024-11-01', '3'],
    ['乙', '李娜', '2024-06-01', '1'],
    ['丙', '王磊', '2023-12-01', '0'],
  ];
  const zh = analyze(table, { lang: 'zh' });
  const en = analyze(table, { lang: 'en' });

  it('gives no tiers and says which column to add', () => {
    expect(zh.customers.map((c) => c.tier)).toEqual([null, null, null]);
    expect(zh.notices.find((n) => n.code === 'no_tiers')!.message).toBe(
      '表中没有销售额或利润数据, 无法按帕累托分 ABC 等级: 所有客户暂无等级 (不会都算作 C 类)。请加一列销售额 (如 销售额、总成交金额、价税合计) 或利润, 再分析一次。',
    );
    expect(Object.values(zh.summary.tiers).map((t) => t.count)).toEqual([0, 0, 0, 0]);
    // No tier, so no MVC and no tier-A checklist; visits fall due at the longest tier interval
    // (C's 180 days): 丙, last contacted 2023-12-01, is overdue on 2024-11-01 and that is a risk.
    expect(zh.customers.every((c) => c.valueClass !== 'MVC' && c.kaHealth === null && c.coreClass === 'general')).toBe(true);
    expect(zh.customers.map((c) => [c.key, c.nextVisitDue, c.visitOverdue])).toEqual([
      ['丙', '2024-05-29', true],
      ['乙', '2024-11-28', false],
      ['甲', '2025-04-30', false],
    ]);
    expect(zh.customers.find((c) => c.key === '丙')!.churnRisk.factors.map((f) => f.code)).toContain('no_contact');
  });

  it('every surface shows "no tier": result column, CLI table and summary, mail chip', () => {
    expect(TIER.value(zh.customers[0]!, 'zh')).toBe('无等级 (缺销售额)');
    expect(TIER.value(en.customers[0]!, 'en')).toBe('no tier (no revenue)');
    const printed = formatAnalysis(en, 'en', 10, 't.csv');
    expect(printed).toContain('Tiers: The table has no revenue or profit figures');
    expect(printed).not.toContain('A policy');
    expect(printed.split('\n').filter((l) => l.startsWith('–')).length).toBe(3);
    expect(chipWords('zh-CN').known(null, 1)).toBe('Rapport: 无等级 (缺销售额) — 点击打开侧边栏');
    expect(chipWords('en').known('A', 1)).toBe('Rapport: tier A — click to open the side panel');
  });
});

describe('property: tiers exist exactly when some customer has a revenue or profit figure', () => {
  it('and the counts still add up', () => {
    const cell = fc.oneof(fc.constant(''), fc.integer({ min: -500, max: 5000 }).map(String), fc.constant('n/a'), fc.constant('12o0'));
    const row = fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', ''), cell, fc.constantFrom('2024-01-01', '', 'x'));
    fc.assert(
      fc.property(fc.boolean(), fc.array(row, { minLength: 1, maxLength: 12 }), (withRevenue, rows) => {
        const header = withRevenue ? ['客户名称', '销售额', '最后跟进时间'] : ['客户名称', '备注', '最后跟进时间'];
        const a = analyze([header, ...rows], { lang: 'en', asOf: '2024-12-31' });
        const r = a.summary.rows;
        expect(r.read).toBe(r.accepted + r.rejected + r.skipped);
        const tiered = a.customers.some((c) => c.revenue !== null || c.profit !== null);
        for (const c of a.customers) expect(c.tier === null).toBe(!tiered);
        expect(noticeCodes(a).includes('no_tiers')).toBe(a.customers.length > 0 && !tiered);
        const tierCounts = Object.values(a.summary.tiers).reduce((s, t) => s + t.count, 0);
        expect(tierCounts).toBe(tiered ? a.customers.length : 0);
      }),
    );
  });
});
