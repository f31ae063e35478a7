/**
 * Header recognition (METHOD §1): each column header is matched case-, width- and
 * space-insensitively against Chinese and English synonyms of the canonical fields.
 */
import type { Column, Field } from '../types';

/** Synonyms per field. Matching is exact after `normalizeHeader`; the first field that claims a header wins. */
export const HEADER_SYNONYMS: Record<Field, readonly string[]> = {
  id: ['客户编号', '客户id', '客户代码', '客户号', '编号', '账户id', 'customer id', 'customerid', 'customer no', 'customer number', 'customer code', 'account id', 'account number', 'client id', 'id'],
  name: ['客户名称', '客户', '客户名', '公司', '公司名称', '企业名称', '名称', '单位名称', 'customer', 'customer name', 'company', 'company name', 'account', 'account name', 'client', 'client name', 'name'],
  email: ['邮箱', '电子邮件', '电子邮箱', '邮件', '联系邮箱', 'email', 'e-mail', 'emails', 'email address', 'mail'],
  domain: ['域名', '网站', '网址', '官网', 'domain', 'website', 'web site', 'url', 'homepage'],
  owner: ['负责人', '业务员', '销售', '销售代表', '客户经理', '跟进人', 'owner', 'rep', 'sales rep', 'account manager', 'account owner', 'salesperson'],
  revenue: ['销售额', '收入', '营收', '本期销售额', '本年销售额', '今年销售额', '销售金额', '金额', '交易金额', '订单金额', '消费金额', 'revenue', 'sales', 'amount', 'total', 'revenue this year', 'current revenue', 'turnover', 'spend', 'monetary'],
  revenue_prev: ['上期销售额', '去年销售额', '上年销售额', '上期收入', '上期营收', 'previous revenue', 'prior revenue', 'last year', 'last year revenue', 'revenue last year', 'previous sales', 'revenue prev'],
  profit: ['利润', '毛利', '贡献利润', '净利润', '毛利润', 'profit', 'margin', 'contribution', 'gross profit', 'gross margin'],
  cost_to_serve: ['服务成本', '维护成本', '服务费用', 'cost to serve', 'service cost', 'cost'],
  orders: ['订单数', '购买次数', '交易次数', '订单量', '下单次数', 'orders', 'frequency', 'order count', 'number of orders', 'purchases'],
  first_purchase: ['首次购买', '首次购买日期', '首次下单', '首单日期', '首次交易', '合作开始', 'first order', 'first purchase', 'first order date', 'first purchase date', 'customer since'],
  last_purchase: ['最近购买', '最近购买日期', '最后购买', '最近下单', '最后下单', '最近交易', 'last order', 'last purchase', 'last order date', 'last purchase date'],
  wallet: ['客户采购总额', '品类总需求', '采购总额', '钱包', '客户总采购', 'wallet', 'category spend', 'wallet size', 'total category spend'],
  share: ['份额', '本期份额', '钱包份额', '消费份额', '采购份额', 'share', 'share of wallet', 'wallet share', 'sow'],
  share_prev: ['上期份额', '去年份额', '上期钱包份额', 'previous share', 'share prev', 'prior share', 'last year share'],
  competitor: ['购买竞品', '竞品', '竞争对手', '同时购买竞品', 'buys from competitor', 'competitor', 'competitors'],
  suppliers: ['供应商数量', '供应商数', 'suppliers', 'number of suppliers', 'supplier count'],
  switching_cost: ['转换成本', '转移成本', 'switching cost', 'switching costs'],
  potential: ['潜在价值', '增长潜力', '潜力', '潜在采购额', 'potential', 'potential value', 'growth potential'],
  receivable: ['应收账款', '应收', '应收金额', 'receivable', 'receivables', 'accounts receivable', 'ar'],
  overdue_amount: ['逾期金额', '逾期账款', '超期金额', 'overdue amount', 'overdue', 'past due', 'past due amount'],
  overdue_days: ['逾期天数', '超期天数', '拖欠天数', 'overdue days', 'days overdue', 'days past due', 'dpd'],
  credit_limit: ['信用额度', '授信额度', '信用限额', 'credit limit', 'credit line'],
  satisfaction: ['满意度', '客户满意度', '满意程度', 'satisfaction', 'csat', 'customer satisfaction'],
  complaints: ['投诉次数', '投诉', '投诉数', 'complaints', 'complaint count'],
  complaints_open: ['未解决投诉', '未处理投诉', '待解决投诉', 'open complaints', 'unresolved complaints'],
  last_contact: ['最近联系', '最近拜访', '最后联系', '上次联系', '上次拜访', '最近联系日期', 'last contact', 'last visit', 'last contacted', 'last touch'],
  churn_reason: ['流失原因', '跳槽原因', '流失理由', 'churn reason', 'reason lost', 'loss reason', 'defection reason'],
  segment: ['分类', '行业', '客户类型', '类别', '细分', 'segment', 'industry', 'category', 'type'],
  region: ['区域', '地区', '大区', '省份', '城市', '国家', 'region', 'area', 'territory', 'country', 'city'],
  date: ['日期', '交易日期', '订单日期', '下单日期', '购买日期', '发票日期', 'date', 'order date', 'invoice date', 'invoicedate', 'transaction date', 'purchase date'],
  quantity: ['数量', '件数', 'quantity', 'qty', 'units'],
  unit_price: ['单价', '价格', 'unit price', 'unitprice', 'price'],
  order_id: ['订单号', '订单编号', '单号', '发票号', 'order id', 'order no', 'order number', 'invoice', 'invoice no', 'invoiceno', 'invoice number'],
};

/**
 * Normalise a header for matching: full-width to half-width, lower case, bracketed units
 * ("销售额(元)", "Revenue [USD]") and spaces, underscores, hyphens and dots removed.
 */
export function normalizeHeader(header: unknown): string {
  let s = typeof header === 'string' ? header : String(header ?? '');
  if (FULL_WIDTH.test(s)) s = s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
  s = s.toLowerCase();
  if (OPEN_BRACKET.test(s)) s = s.replace(/[(\[【（][^)\]】）]*[)\]】）]/g, '');
  return s.replace(SEPARATORS, '');
}

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
const OPEN_BRACKET = /[(\[【（]/;
const SEPARATORS = /[\s_\-.:：/]+/g;

const LOOKUP: Map<string, Field> = (() => {
  const m = new Map<string, Field>();
  for (const [field, words] of Object.entries(HEADER_SYNONYMS) as [Field, readonly string[]][]) {
    for (const w of words) {
      const k = normalizeHeader(w);
      if (!m.has(k)) m.set(k, field);
    }
  }
  return m;
})();

/** The field a header names, or null. */
export function fieldOfHeader(header: unknown): Field | null {
  return LOOKUP.get(normalizeHeader(header)) ?? null;
}

export interface HeaderMatch {
  columns: Column[];
  /** Headers no field claimed (kept out of the analysis, reported). */
  unknown: string[];
  /** Headers whose field an earlier column already claimed. */
  duplicates: { header: string; field: Field; index: number }[];
}

/** Match a header row: the first column for each field wins (METHOD §1). */
export function matchHeaders(headerRow: readonly unknown[]): HeaderMatch {
  const columns: Column[] = [];
  const unknown: string[] = [];
  const duplicates: HeaderMatch['duplicates'] = [];
  const taken = new Set<Field>();
  headerRow.forEach((h, index) => {
    const header = String(h ?? '').trim();
    if (!header) return;
    const field = fieldOfHeader(header);
    if (!field) unknown.push(header);
    else if (taken.has(field)) duplicates.push({ header, field, index });
    else {
      taken.add(field);
      columns.push({ field, index, header });
    }
  });
  return { columns, unknown, duplicates };
}

/** A few headers per field, for messages that list what the core understands. */
export function understoodHeaders(lang: 'zh' | 'en', perField = 2): string {
  const out: string[] = [];
  for (const words of Object.values(HEADER_SYNONYMS)) {
    const zh = words.filter((w) => /[\u4e00-\u9fff]/.test(w));
    const en = words.filter((w) => !/[\u4e00-\u9fff]/.test(w));
    const pick = lang === 'zh' ? [...zh.slice(0, perField), ...en.slice(0, 1)] : [...en.slice(0, perField), ...zh.slice(0, 1)];
    out.push(pick.join(' / '));
  }
  return out.join('; ');
}
