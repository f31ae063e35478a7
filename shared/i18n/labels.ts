/**
 * zh-CN and en labels for every result value and reason code the core produces, so that every
 * surface names things the same way (the method's own Chinese terms first, docs/method.md).
 */
import type { Lang, Reason } from '../types';
import { fill } from './messages';
import { texts } from './texts';
import { CHURN_REASONS } from '../rules/churn-reasons';
import type { ServicePolicy } from '../rules/service-policy';

type Pair = { zh: string; en: string };
type Table = Record<string, Pair>;

export const LABELS: Record<string, Table> = {
  tier: {
    A: { zh: 'A 类', en: 'A' },
    B: { zh: 'B 类', en: 'B' },
    C: { zh: 'C 类', en: 'C' },
    D: { zh: 'D 类 (待放弃)', en: 'D (release)' },
  },
  valueClass: {
    MVC: { zh: '最有价值顾客', en: 'most valuable' },
    MGC: { zh: '最具增长性顾客', en: 'most growable' },
    BZ: { zh: '负值顾客', en: 'below zero' },
    maintain: { zh: '维持', en: 'maintain' },
  },
  pyramid: {
    platinum: { zh: '铂金', en: 'platinum' },
    gold: { zh: '黄金', en: 'gold' },
    iron: { zh: '铁', en: 'iron' },
    lead: { zh: '铅', en: 'lead' },
  },
  lifecycle: {
    prospecting: { zh: '开拓期', en: 'prospecting' },
    socialization: { zh: '社会化期', en: 'socialization' },
    growth: { zh: '成长期', en: 'growth' },
    maturity: { zh: '成熟期', en: 'maturity' },
    at_risk: { zh: '危险期', en: 'at risk' },
    terminating: { zh: '解约期', en: 'terminating' },
    interrupted: { zh: '中断期', en: 'interrupted' },
    recovery: { zh: '恢复期', en: 'recovery' },
  },
  defection: {
    complete: { zh: '完全跳槽', en: 'complete defector' },
    former: { zh: '从前的客户', en: 'former customer' },
    partial: { zh: '部分跳槽', en: 'partial defector' },
    stable: { zh: '稳定', en: 'stable' },
  },
  relationship: {
    partner: { zh: '伙伴型', en: 'partner' },
    transactional: { zh: '交易型', en: 'transactional' },
  },
  creditGrade: {
    excellent: { zh: '优', en: 'excellent' },
    good: { zh: '良', en: 'good' },
    fair: { zh: '中', en: 'fair' },
    poor: { zh: '差', en: 'poor' },
    high_risk: { zh: '危', en: 'high risk' },
  },
  coreClass: {
    best_core: { zh: '最佳核心客户', en: 'best core' },
    other_core: { zh: '其他核心客户', en: 'other core' },
    general: { zh: '一般客户', en: 'general' },
    expendable: { zh: '可流失客户', en: 'expendable' },
  },
  part: {
    value: { zh: '价值 (利润)', en: 'value (profit)' },
    growth: { zh: '增长', en: 'growth' },
    share: { zh: '钱包份额', en: 'share of wallet' },
    payment: { zh: '付款及时', en: 'on-time payment' },
    satisfaction: { zh: '满意度', en: 'satisfaction' },
    tenure: { zh: '合作时长', en: 'tenure' },
  },
  satisfaction: {
    '5': { zh: '高度满意', en: 'very satisfied' },
    '4': { zh: '一般满意', en: 'satisfied' },
    '3': { zh: '无意见', en: 'neutral' },
    '2': { zh: '有些不满意', en: 'somewhat dissatisfied' },
    '1': { zh: '极不满意', en: 'very dissatisfied' },
  },
  policy: {
    very_satisfied: { zh: '非常满意', en: 'very satisfied' },
    satisfied: { zh: '满意', en: 'satisfied' },
    raise_gradually: { zh: '逐步提升', en: 'raise gradually' },
    review_release: { zh: '评估是否放弃', en: 'review for release' },
    personal_top_management: { zh: '高层亲自关怀', en: 'personal, top management' },
    regular: { zh: '定期关怀', en: 'regular' },
    light: { zh: '轻度关怀', en: 'light' },
    none: { zh: '无', en: 'none' },
    dedicated: { zh: '专人服务', en: 'dedicated' },
    standard: { zh: '标准服务', en: 'standard' },
    self_service: { zh: '自助服务', en: 'self-service' },
    minimal: { zh: '最低限度', en: 'minimal' },
  },
  churnReason: Object.fromEntries([...CHURN_REASONS.map((r) => [r.code, { zh: r.zh, en: r.en }]), ['other', { zh: '其他', en: 'other' }]]),
  churnBasis: {
    model: { zh: '依据购买概率模型, 并叠加预警信号', en: 'from the purchase model, raised by the warning signs' },
    signs: { zh: '仅依据预警信号 (该客户没有购买概率模型的数字)', en: 'from the warning signs alone (no purchase-model figure for this customer)' },
  },
  guarantee: {
    quality: { zh: '产品质量', en: 'product quality' },
    service: { zh: '服务质量', en: 'service quality' },
    logistics: { zh: '物流', en: 'logistics' },
    value: { zh: '物有所值', en: 'value for money' },
    channel: { zh: '渠道冲突/窜货', en: 'channel conflict' },
  },
};

/** A reason followed by its points: "… (20 分)" / "… (20 pts)". */
const WITH_POINTS = texts({ zh: { reason: '{text} ({points} 分)' }, en: { reason: '{text} ({points} pts)' } });

/** Reason templates: lifecycle rules, churn-risk factors, credit deductions and alerts. */
export const REASONS: Table = {
  never_bought: { zh: '从未购买', en: 'has never bought' },
  no_purchase_days: { zh: '已 {days} 天未购买 (超过 {horizon} 天流失期)', en: 'no purchase for {days} days (churn horizon {horizon})' },
  stopped_this_period: { zh: '本期没有购买, 上期有', en: 'bought last period, nothing this period' },
  returned_after_gap: { zh: '间隔 {gap} 天后重新购买', en: 'came back after {gap} days without buying' },
  returned_after_period: { zh: '上期无购买, 本期恢复购买', en: 'nothing last period, buying again this period' },
  new_customer: { zh: '首次购买在 {days} 天前', en: 'first purchase {days} days ago' },
  few_orders: { zh: '只有 {orders} 次购买', en: 'only {orders} orders' },
  revenue_fell: { zh: '销售额下降 {percent}%', en: 'revenue fell {percent}%' },
  late_vs_usual: { zh: '{days} 天未购买, 是平时间隔 ({usual} 天) 的 {times} 倍', en: '{days} days since last purchase, {times}× the usual {usual} days' },
  p_alive: { zh: '仍活跃概率仅 {percent}%', en: 'only {percent}% likely to still be active' },
  revenue_grew: { zh: '销售额增长 {percent}%', en: 'revenue grew {percent}%' },
  steady: { zh: '购买稳定', en: 'buying steadily' },
  revenue_from_zero: { zh: '上期没有销售额, 本期开始购买', en: 'no revenue last period, buying this period' },
  recency: { zh: '{days} 天未购买, 是平时间隔 ({usual} 天) 的 {times} 倍', en: '{days} days since last purchase, {times}× the usual {usual} days' },
  no_purchase_chance: { zh: '未来 {days} 天内不再下单的概率为 {percent}%', en: '{percent}% chance of no order in the next {days} days' },
  one_time_late: { zh: '只购买过一次, 已 {days} 天, 是通常复购间隔 ({usual} 天) 的 {times} 倍', en: 'bought once, {days} days ago — {times}× the typical {usual} days between purchases' },
  competitor: { zh: '同时向竞争对手采购', en: 'also buys from a competitor' },
  silent: { zh: '沉默风险: 销售或份额下降却没有任何投诉', en: 'silent risk: buying less without a complaint on record' },
  revenue_trend: { zh: '销售额下降 {percent}%', en: 'revenue down {percent}%' },
  share_trend: { zh: '钱包份额从 {from}% 降到 {to}%', en: 'share of wallet down from {from}% to {to}%' },
  satisfaction: { zh: '满意度低 ({level}/5)', en: 'low satisfaction ({level}/5)' },
  complaints: { zh: '{open} 个投诉未解决', en: '{open} open complaints' },
  overdue: { zh: '逾期 {days} 天', en: '{days} days overdue' },
  no_contact: { zh: '{days} 天未联系, 超过拜访周期', en: 'no contact for {days} days, past the visit interval' },
  overdue_days: { zh: '逾期 {days} 天', en: '{days} days overdue' },
  overdue_ratio: { zh: '逾期金额占应收 {percent}%', en: 'overdue is {percent}% of receivables' },
  utilisation: { zh: '信用额度已用 {percent}%', en: 'credit limit {percent}% used' },
  short_tenure: { zh: '合作不满一年 ({days} 天)', en: 'customer for under a year ({days} days)' },
};

/** The label of a value of a kind ('tier', 'lifecycle', …); the value itself when unknown. */
export function label(lang: Lang, kind: string, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return LABELS[kind]?.[String(value)]?.[lang] ?? String(value);
}

/** A reason as a phrase ("revenue fell 62%"), with its points when it carries any. */
export function formatReason(lang: Lang, reason: Reason, withPoints = false): string {
  const t = REASONS[reason.code];
  const text = t ? fill(t[lang], (reason.params ?? {}) as Record<string, unknown>) : reason.code;
  if (!withPoints || reason.points === undefined) return text;
  return fill(WITH_POINTS[lang].reason, { text, points: reason.points });
}

const POLICY_TEXT = texts({
  zh: { noVisits: '不安排拜访', visits: '每 {days} 天拜访', target: '满意度目标: {target}', care: '关怀: {care}', support: '服务支持: {support}' },
  en: { noVisits: 'no scheduled visits', visits: 'visit every {days} days', target: 'satisfaction target: {target}', care: 'care: {care}', support: 'support: {support}' },
});

/**
 * A tier's service policy in words (method §3): "visit every 30 days · satisfaction target: very
 * satisfied · care: personal, top management · support: dedicated".
 */
export function formatServicePolicy(lang: Lang, p: ServicePolicy): string {
  const l = (v: string) => label(lang, 'policy', v);
  const t = POLICY_TEXT[lang];
  return [
    p.visitDays === null ? t.noVisits : fill(t.visits, { days: p.visitDays }),
    fill(t.target, { target: l(p.satisfactionTarget) }),
    fill(t.care, { care: l(p.care) }),
    fill(t.support, { support: l(p.support) }),
  ].join(' · ');
}
