/**
 * What each setting means, in zh-CN and en, for the "Rapport settings" sheet's description column
 * and the settings sidebar. Keys are the dotted paths of `settingsToRows` (shared/settings.ts).
 * A key missing here is shown by its path, so a new setting is never hidden.
 */
import type { Lang } from '../../shared/types';
import type { SettingsProblem } from '../../shared/settings';
import { settingsProblemText } from '../../shared/i18n/messages';

type Pair = { zh: string; en: string };

export const GROUP_LABELS: Record<string, Pair> = {
  weights: { zh: '价值评分权重 (方法 §2)', en: 'Value score weights (method §2)' },
  tiers: { zh: 'ABC 分级 (方法 §3)', en: 'ABC tiers (method §3)' },
  visitDays: { zh: '拜访间隔天数 (方法 §3)', en: 'Days between visits (method §3)' },
  mgcTop: { zh: '最具增长性顾客 (方法 §4)', en: 'Most growable customers (method §4)' },
  pyramid: { zh: '客户金字塔 (方法 §4)', en: 'Customer pyramid (method §4)' },
  lifecycle: { zh: '生命周期 (方法 §5)', en: 'Lifecycle (method §5)' },
  periodDays: { zh: '统计周期', en: 'Period' },
  partialShareDrop: { zh: '部分跳槽 (方法 §6)', en: 'Partial defection (method §6)' },
  bestCore: { zh: '最佳核心客户 (方法 §6)', en: 'Best core customers (method §6)' },
  partner: { zh: '伙伴型关系 (方法 §6)', en: 'Partner relationship (method §6)' },
  churn: { zh: '流失风险各因素最高分 (方法 §7)', en: 'Churn risk: most points per factor (method §7)' },
  credit: { zh: '信用评分 (方法 §8)', en: 'Credit (method §8)' },
  model: { zh: '概率模型 (方法 §9)', en: 'Probabilistic model (method §9)' },
};

export const SETTING_LABELS: Record<string, Pair> = {
  'weights.value': { zh: '价值 (利润或销售额) 权重', en: 'Value (profit or revenue) weight' },
  'weights.growth': { zh: '增长权重', en: 'Growth weight' },
  'weights.share': { zh: '消费份额权重', en: 'Share-of-wallet weight' },
  'weights.payment': { zh: '付款及时权重', en: 'On-time payment weight' },
  'weights.satisfaction': { zh: '满意度权重', en: 'Satisfaction weight' },
  'weights.tenure': { zh: '合作时长权重', en: 'Tenure weight' },
  'tiers.a': { zh: 'A 类累计占比上限 (0.8 = 80%)', en: 'A: cumulative share limit (0.8 = 80%)' },
  'tiers.b': { zh: 'B 类累计占比上限 (0.95 = 95%)', en: 'B: cumulative share limit (0.95 = 95%)' },
  'tiers.d': { zh: 'C 类中放弃为 D 类的比例 (0.05 = 5%)', en: 'Share of C released as D (0.05 = 5%)' },
  'visitDays.A': { zh: 'A 类拜访间隔 (天)', en: 'Tier A: visit every (days)' },
  'visitDays.B': { zh: 'B 类拜访间隔 (天)', en: 'Tier B: visit every (days)' },
  'visitDays.C': { zh: 'C 类拜访间隔 (天)', en: 'Tier C: visit every (days)' },
  'visitDays.D': { zh: 'D 类拜访间隔 (天, 空 = 不安排)', en: 'Tier D: visit every (days, empty = none)' },
  mgcTop: { zh: '增长空间前多少比例算最具增长性 (0.2 = 20%)', en: 'Top share by headroom counted as most growable (0.2 = 20%)' },
  'pyramid.platinum': { zh: '铂金: 前多少比例客户', en: 'Platinum: top share of customers' },
  'pyramid.gold': { zh: '黄金: 累计前多少比例客户', en: 'Gold: cumulative top share of customers' },
  'pyramid.iron': { zh: '铁: 累计前多少比例客户', en: 'Iron: cumulative top share of customers' },
  'lifecycle.churnHorizonDays': { zh: '多少天无购买算中断 (天)', en: 'No purchase for this long is interrupted (days)' },
  'lifecycle.newCustomerDays': { zh: '首次购买多少天内算新客户 (天)', en: 'First purchase within this many days is new (days)' },
  'lifecycle.minOrders': { zh: '订单少于此数算社会化期', en: 'Fewer orders than this is socialization' },
  'lifecycle.terminatingDrop': { zh: '销售额下降超过此比例算解约期', en: 'Revenue drop above this is terminating' },
  'lifecycle.atRiskDrop': { zh: '销售额下降超过此比例算危险期', en: 'Revenue drop above this is at risk' },
  'lifecycle.growthRise': { zh: '销售额增长超过此比例算成长期', en: 'Revenue rise above this is growth' },
  'lifecycle.terminatingIntervals': { zh: '超过几倍常规间隔未购买算解约期', en: 'Silent for this many usual intervals is terminating' },
  'lifecycle.atRiskIntervals': { zh: '超过几倍常规间隔未购买算危险期', en: 'Silent for this many usual intervals is at risk' },
  'lifecycle.pAliveAtRisk': { zh: '活跃概率低于此值算危险期', en: 'P(alive) below this is at risk' },
  'lifecycle.pAliveTerminating': { zh: '活跃概率低于此值算解约期', en: 'P(alive) below this is terminating' },
  periodDays: { zh: '交易流水的统计周期 (天)', en: 'Period length for transaction logs (days)' },
  partialShareDrop: {
    zh: '份额下降超过此值算部分跳槽 (0.05 = 5 个百分点)',
    en: 'Share drop above this is partial defection (0.05 = 5 points)',
  },
  'bestCore.maxOverdueDays': { zh: '最佳核心客户最多逾期天数', en: 'Best core: at most this many days overdue' },
  'bestCore.minTenureDays': { zh: '最佳核心客户最短合作天数', en: 'Best core: customer for at least (days)' },
  'partner.minShare': { zh: '伙伴型最低份额', en: 'Partner: minimum share of wallet' },
  'partner.minTenureDays': { zh: '伙伴型最短合作天数', en: 'Partner: customer for at least (days)' },
  'partner.maxSuppliers': { zh: '伙伴型最多供应商数', en: 'Partner: at most this many suppliers' },
  'churn.horizonDays': { zh: '流失概率: 未来多少天内不再下单', en: 'Churn probability: no order within this many days' },
  'churn.recency': { zh: '久未购买', en: 'Recency' },
  'churn.revenueTrend': { zh: '销售额下滑', en: 'Revenue trend' },
  'churn.shareTrend': { zh: '份额下滑', en: 'Share-of-wallet trend' },
  'churn.satisfaction': { zh: '满意度低', en: 'Low satisfaction' },
  'churn.complaints': { zh: '未解决投诉', en: 'Open complaints' },
  'churn.overdue': { zh: '逾期恶化', en: 'Overdue getting worse' },
  'churn.noContact': { zh: '久未联系', en: 'No contact' },
  'churn.competitor': { zh: '向竞争对手采购', en: 'Buys from a competitor' },
  'churn.silent': { zh: '沉默风险', en: 'Silent risk' },
  'churn.pAlive': { zh: '活跃概率低 (已不使用)', en: 'Low P(alive) (no longer used)' },
  'churn.high': { zh: '高风险分数线', en: 'High-risk threshold (score)' },
  'credit.excellent': { zh: '优: 最低分', en: 'Excellent: lowest score' },
  'credit.good': { zh: '良: 最低分', en: 'Good: lowest score' },
  'credit.fair': { zh: '中: 最低分', en: 'Fair: lowest score' },
  'credit.poor': { zh: '差: 最低分', en: 'Poor: lowest score' },
  'credit.utilisationAlert': { zh: '额度使用率预警线 (0.9 = 90%)', en: 'Credit utilisation alert (0.9 = 90%)' },
  'credit.overdueDaysAlert': { zh: '逾期天数预警线', en: 'Overdue days alert' },
  'credit.overdueRatioAlert': { zh: '逾期占应收比例预警线 (0.3 = 30%)', en: 'Overdue ratio alert (0.3 = 30%)' },
  'model.unit': { zh: '时间单位 (days 或 weeks)', en: 'Time unit (days or weeks)' },
  'model.horizonDays': { zh: '预测期 (天)', en: 'Forecast horizon (days)' },
  'model.annualDiscountRate': { zh: '年折现率 (0.1 = 10%)', en: 'Annual discount rate (0.1 = 10%)' },
};

/** The label of a setting's dotted key, or the key itself. */
export function settingLabel(lang: Lang, key: string): string {
  return SETTING_LABELS[key]?.[lang] ?? key;
}

/** The label of a settings group (the key's first part), or the group name itself. */
export function groupLabel(lang: Lang, group: string): string {
  return GROUP_LABELS[group]?.[lang] ?? group;
}

/** A settings problem's message in the user's language (the core's codes, translated by shared/i18n/messages.ts). */
export function problemText(lang: Lang, problem: SettingsProblem): string {
  return settingsProblemText(lang, problem);
}
