/**
 * Churn-reason taxonomy (method §7, seeds 000 and 004) for logging and the failure-frequency
 * report, and a classifier that maps free text ("价格太高", "went to a cheaper competitor") to it.
 */

export interface ChurnReasonDef {
  code: string;
  controllable: boolean;
  zh: string;
  en: string;
  /** Lower-case words that, found in the text, select this reason (first reason in list order wins). */
  words: readonly string[];
}

export const CHURN_REASONS: readonly ChurnReasonDef[] = [
  { code: 'competitor_bribery', controllable: true, zh: '竞争对手: 商业贿赂', en: 'competitor: bribery', words: ['贿赂', '回扣', 'bribe', 'kickback'] },
  { code: 'competitor_price', controllable: true, zh: '竞争对手: 价格', en: 'competitor: price', words: ['价格', '便宜', '价低', '低价', '降价', '压价', '太贵', '报价', '价钱', 'price', 'cheaper', 'expensive', 'cost', 'discount'] },
  { code: 'competitor_promotion', controllable: true, zh: '竞争对手: 宣传/促销', en: 'competitor: promotion', words: ['宣传', '促销', '广告', 'promotion', 'marketing', 'advert'] },
  { code: 'competitor_product', controllable: true, zh: '竞争对手: 产品', en: 'competitor: product', words: ['竞品更好', '产品更好', '对手产品', '对手的产品', '竞品', '性能更好', 'better product', 'competitor product', 'their product'] },
  { code: 'competitor_service', controllable: true, zh: '竞争对手: 服务', en: 'competitor: service', words: ['对手服务', '对手的服务', '服务更好', 'better service', 'competitor service'] },
  { code: 'complaint_channel', controllable: true, zh: '投诉未解决: 渠道冲突/窜货', en: 'unresolved complaint: channel conflict', words: ['窜货', '渠道冲突', '跨区', 'channel', 'cross-region', 'grey market'] },
  { code: 'complaint_quality', controllable: true, zh: '投诉未解决: 质量', en: 'unresolved complaint: quality', words: ['质量', '次品', '故障', 'quality', 'defect'] },
  { code: 'complaint_after_sales', controllable: true, zh: '投诉未解决: 售后', en: 'unresolved complaint: after-sales', words: ['售后', '维修', '投诉', 'after-sales', 'after sales', 'support', 'complaint'] },
  { code: 'needs_unmet', controllable: true, zh: '产品或服务不能满足需求', en: 'needs not met', words: ['需求', '不满足', '功能', 'needs', 'requirement', 'feature', 'not meet'] },
  { code: 'became_competitor', controllable: false, zh: '业务扩张成为竞争对手', en: 'moved into our field', words: ['自己做', '成为竞争', '自产', 'in-house', 'became a competitor', 'own production'] },
  { code: 'contraction', controllable: false, zh: '业务收缩', en: 'business contraction', words: ['收缩', '萎缩', '缩减', '减产', '裁员', '下滑', '停产', 'contraction', 'downsiz', 'shrink', 'cut back', 'declin'] },
  { code: 'bankruptcy', controllable: false, zh: '意外/倒闭', en: 'accident or bankruptcy', words: ['倒闭', '破产', '意外', '关闭', 'bankrupt', 'closed', 'accident', 'insolv'] },
  { code: 'life_event', controllable: false, zh: '工作变动/搬家/家庭变故', en: 'life event (job, move, family)', words: ['工作变动', '离职', '搬家', '家庭', '调动', 'moved', 'left the company', 'job change', 'family', 'relocat'] },
  { code: 'competitor_other', controllable: true, zh: '竞争对手: 其他', en: 'competitor: other', words: ['竞争', '对手', 'competitor', 'rival'] },
];

export const OTHER_REASON = 'other';

/** Classify a churn-reason text; a taxonomy code typed as is also matches. Null for blank text. */
export function classifyChurnReason(text: string | null): string | null {
  if (text === null) return null;
  let code = classified.get(text);
  if (code === undefined) {
    code = classifyText(text);
    if (classified.size >= 10_000) classified.clear();
    classified.set(text, code);
  }
  return code;
}

/** Texts already classified: a table repeats a few reasons many times. */
const classified = new Map<string, string | null>();

function classifyText(text: string): string | null {
  const t = text.trim().toLowerCase();
  if (!t) return null;
  for (const r of CHURN_REASONS) if (t === r.code || t === r.zh.toLowerCase() || t === r.en.toLowerCase()) return r.code;
  for (const r of CHURN_REASONS) if (r.words.some((w) => t.includes(w))) return r.code;
  return OTHER_REASON;
}

/** Whether a reason code is controllable (unknown and 'other' count as controllable: worth a look). */
export function isControllable(code: string): boolean {
  return CHURN_REASONS.find((r) => r.code === code)?.controllable ?? true;
}

/** Complaint categories: the four guarantees for key accounts (四个保证, seed 004) plus channel conflict (窜货, seed 000). */
export const COMPLAINT_CATEGORIES = ['quality', 'service', 'logistics', 'value', 'channel'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
