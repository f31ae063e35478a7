/**
 * Every result value and reason the core produces reads as words in zh and en (the method's
 * "so every surface can say why"): no raw codes, no unfilled {placeholders}, no "null"/"NaN".
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../shared/analyze';
import { formatReason, label } from '../../../shared/i18n/labels';
import { formatRowError } from '../../../shared/i18n/messages';
import type { Reason } from '../../../shared/types';

const ENUMS: Record<string, string[]> = {
  tier: ['A', 'B', 'C', 'D'],
  valueClass: ['MVC', 'MGC', 'BZ', 'maintain'],
  pyramid: ['platinum', 'gold', 'iron', 'lead'],
  lifecycle: ['prospecting', 'socialization', 'growth', 'maturity', 'at_risk', 'terminating', 'interrupted', 'recovery'],
  defection: ['complete', 'former', 'partial', 'stable'],
  relationship: ['partner', 'transactional'],
  creditGrade: ['excellent', 'good', 'fair', 'poor', 'high_risk'],
  coreClass: ['best_core', 'other_core', 'general', 'expendable'],
  part: ['value', 'growth', 'share', 'payment', 'satisfaction', 'tenure'],
  satisfaction: ['1', '2', '3', '4', '5'],
};

describe('labels', () => {
  it.each(Object.entries(ENUMS))('%s: every value has a zh and an en label, and the zh one is Chinese', (kind, values) => {
    for (const v of values) {
      const zh = label('zh', kind, v);
      const en = label('en', kind, v);
      expect(zh).not.toBe('');
      expect(en).not.toBe('');
      if (kind !== 'tier') expect(zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
  it('method §5 stage names in Chinese', () => {
    expect(ENUMS.lifecycle!.map((s) => label('zh', 'lifecycle', s))).toEqual(['开拓期', '社会化期', '成长期', '成熟期', '危险期', '解约期', '中断期', '恢复期']);
  });
  it('method §8 credit grades 优 良 中 差 危', () => {
    expect(ENUMS.creditGrade!.map((g) => label('zh', 'creditGrade', g))).toEqual(['优', '良', '中', '差', '危']);
  });
});

describe('reasons in words', () => {
  // A table that triggers many reasons; asOf 2024-12-31.
  const a = analyze(
    [
      ['客户编号', '销售额', '上期销售额', '订单数', '首次购买', '最近购买', '份额', '上期份额', '满意度', '未解决投诉', '逾期天数', '逾期金额', '应收账款', '信用额度', '最近联系'],
      ['new', '100', '', '2', '2024-11-01', '2024-12-01', '', '', '', '', '', '', '', '', ''],
      ['grew0', '500', '0', '10', '2024-01-15', '2024-12-20', '', '', '5', '0', '0', '0', '100', '1000', '2024-12-20'],
      ['grew', '600', '400', '10', '2021-01-01', '2024-12-20', '60%', '40%', '4', '0', '0', '0', '100', '1000', '2024-12-20'],
      ['fell', '100', '400', '10', '2021-01-01', '2024-06-01', '20%', '40%', '1', '2', '95', '50', '100', '105', '2024-01-01'],
      ['slip', '350', '400', '10', '2021-01-01', '2024-12-01', '', '', '2', '', '', '', '', '', ''],
      ['gone', '0', '300', '5', '2020-01-01', '2023-01-01', '', '', '', '', '', '', '', '', ''],
      ['never', '0', '0', '0', '', '', '', '', '', '', '', '', '', '', ''],
      ['steady', '400', '400', '10', '2021-01-01', '2024-12-20', '', '', '', '', '', '', '', '', ''],
    ],
    { asOf: '2024-12-31' },
  );
  const reasons: Reason[] = [];
  for (const c of a.customers) reasons.push(c.lifecycleWhy, ...c.churnRisk.factors, ...c.credit.deductions, ...c.credit.alerts);

  it('the table produced a variety of reasons', () => {
    expect(new Set(reasons.map((r) => r.code)).size).toBeGreaterThanOrEqual(10);
  });

  it.each(['zh', 'en'] as const)('every reason formats to words in %s', (lang) => {
    // growth from zero is checked on its own below
    for (const r of reasons.filter((x) => !(x.code === 'revenue_grew' && x.params?.percent === null))) {
      const t = formatReason(lang, r, true);
      expect(t, `${r.code} → ${t}`).not.toMatch(/\{|\}|null|undefined|NaN/);
      expect(t, r.code).not.toBe(r.code);
    }
  });

  it('growth from a previous period of zero is said in words (no "null%")', () => {
    const g = a.customers.find((c) => c.key === 'grew0')!;
    expect(g.lifecycle).toBe('growth');
    expect(formatReason('zh', g.lifecycleWhy)).not.toContain('null');
    expect(formatReason('en', g.lifecycleWhy)).not.toContain('null');
  });

  it('a row error reads as a sentence with the row, the user header and the value', () => {
    const b = analyze([['客户名称', '销售额(元)'], ['甲', '12o0']], { lang: 'zh', asOf: '2024-12-31' });
    const e = b.errors[0]!;
    expect(formatRowError('zh', e)).toBe("第 2 行: 销售额(元) '12o0' 不是数字");
    const c = analyze([['Customer', 'Revenue'], ['a', '12o0']], { lang: 'en', asOf: '2024-12-31' });
    expect(formatRowError('en', c.errors[0]!)).toBe("row 2: Revenue '12o0' is not a number");
  });
});
