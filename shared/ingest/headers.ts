/**
 * Header recognition (method §1): each column header is matched case-, width- and
 * space-insensitively against Chinese and English synonyms of the canonical fields. The synonyms
 * include the header sets CRMs and ERPs write in their exports (HubSpot, Salesforce, Zoho,
 * Pipedrive, 纷享销客, 销售易, 悟空CRM, 钉钉, 用友 U8, 金蝶 K/3); docs/exports.md maps each
 * vendor header to its field and says why.
 */
import { COMMON } from '../i18n/texts';
import type { Column, Field, Lang } from '../types';

/** Synonyms per field. Matching is exact after `normalizeHeader`; the first field that claims a header wins. */
export const HEADER_SYNONYMS: Record<Field, readonly string[]> = {
  id: [
    '客户编号', '客户id', '客户代码', '客户号', '客户编码', '编号', '账户id',
    'customer id', 'customerid', 'customer no', 'customer number', 'customer code', 'account id', 'account number', 'client id', 'record id', 'company id', 'id',
  ],
  name: [
    '客户名称', '客户', '客户名', '客户简称', '客户全称', '公司', '公司名称', '企业名称', '名称', '单位名称', '购货单位', '往来单位', '往来单位名称',
    'customer', 'customer name', 'company', 'company name', 'account', 'account name', 'client', 'client name', 'name', 'organization', 'organisation', 'organization name', 'associated company',
  ],
  email: ['邮箱', '电子邮件', '电子邮箱', '邮件', '联系邮箱', 'email', 'e-mail', 'emails', 'email address', 'mail', 'email work', 'primary email'],
  domain: ['域名', '网站', '网址', '官网', '公司网址', 'domain', 'website', 'web site', 'url', 'homepage', 'company domain name', 'website url'],
  owner: [
    '负责人', '业务员', '销售', '销售代表', '客户经理', '跟进人', '客户所有人', '所有人', '负责人名字', '负责人名称', '负责人姓名', '销售负责人', '归属人', '销售员',
    'owner', 'rep', 'sales rep', 'account manager', 'account owner', 'salesperson', 'company owner', 'contact owner', 'record owner', 'hubspot owner',
  ],
  revenue: [
    '销售额', '收入', '营收', '本期销售额', '本年销售额', '今年销售额', '销售金额', '金额', '交易金额', '订单金额', '消费金额',
    '总成交金额', '成交金额', '成交总额', '累计成交金额', '价税合计', '本币价税合计', '含税金额', '无税金额', '本币无税金额',
    'revenue', 'sales', 'amount', 'total', 'revenue this year', 'current revenue', 'turnover', 'spend', 'monetary', 'total revenue',
  ],
  revenue_prev: ['上期销售额', '去年销售额', '上年销售额', '上期收入', '上期营收', 'previous revenue', 'prior revenue', 'last year', 'last year revenue', 'revenue last year', 'previous sales', 'revenue prev'],
  profit: ['利润', '毛利', '贡献利润', '净利润', '毛利润', 'profit', 'margin', 'contribution', 'gross profit', 'gross margin'],
  cost_to_serve: ['服务成本', '维护成本', '服务费用', 'cost to serve', 'service cost', 'cost'],
  orders: ['订单数', '购买次数', '交易次数', '订单量', '下单次数', '成交次数', '成交单数', 'orders', 'frequency', 'order count', 'number of orders', 'purchases', 'won deals'],
  first_purchase: [
    '首次购买', '首次购买日期', '首次下单', '首单日期', '首次交易', '合作开始', '首次成交时间', '首次成交日期',
    'first order', 'first purchase', 'first order date', 'first purchase date', 'customer since', 'became a customer date',
  ],
  last_purchase: [
    '最近购买', '最近购买日期', '最后购买', '最近下单', '最后下单', '最近交易', '最后成交时间', '最近成交时间', '最新成交时间', '最后成交日期', '最近成交日期', '上次成交时间',
    'last order', 'last purchase', 'last order date', 'last purchase date', 'recent deal close date',
  ],
  wallet: ['客户采购总额', '品类总需求', '采购总额', '钱包', '客户总采购', 'wallet', 'category spend', 'wallet size', 'total category spend'],
  share: ['份额', '本期份额', '钱包份额', '消费份额', '采购份额', 'share', 'share of wallet', 'wallet share', 'sow'],
  share_prev: ['上期份额', '去年份额', '上期钱包份额', 'previous share', 'share prev', 'prior share', 'last year share'],
  competitor: ['购买竞品', '竞品', '竞争对手', '同时购买竞品', 'buys from competitor', 'competitor', 'competitors', 'buys competitor'],
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
  last_contact: [
    '最近联系', '最近拜访', '最后联系', '上次联系', '上次拜访', '最近联系日期', '最后跟进时间', '最新跟进时间', '最近跟进时间', '最后跟进日期', '上次跟进时间',
    '最后联系时间', '最近联系时间', '最后拜访时间', '最后活动时间', '最近活动时间',
    'last contact', 'last visit', 'last contacted', 'last touch', 'last activity', 'last activity date', 'last activity time',
  ],
  churn_reason: ['流失原因', '跳槽原因', '流失理由', 'churn reason', 'reason lost', 'loss reason', 'defection reason'],
  segment: ['分类', '行业', '客户类型', '类别', '细分', '所属行业', '客户行业', '客户分类', 'segment', 'industry', 'category', 'type', 'account type', 'company type'],
  region: [
    '区域', '地区', '大区', '省份', '城市', '国家', '地区名称', '省市区', '所在地区', '所在城市', '省', '市', '国家/地区',
    'region', 'area', 'territory', 'country', 'city', 'state', 'province', 'country/region', 'state/region', 'billing city', 'billing state/province', 'billing state', 'billing country',
  ],
  crm_grade: ['客户级别', '客户等级', '客户评级', '客户星级', 'crm grade', 'rating', 'account rating', 'customer grade', 'customer level'],
  date: ['日期', '交易日期', '订单日期', '下单日期', '购买日期', '发票日期', '单据日期', '业务日期', '出库日期', '发货日期', '开票日期', 'date', 'order date', 'invoice date', 'invoicedate', 'transaction date', 'purchase date'],
  quantity: ['数量', '件数', '实发数量', '销售数量', '出库数量', '发货数量', '开票数量', 'quantity', 'qty', 'units'],
  unit_price: ['单价', '价格', '含税单价', '无税单价', '销售单价', '本币含税单价', 'unit price', 'unitprice', 'price'],
  order_id: ['订单号', '订单编号', '单号', '发票号', '单据编号', '单据号', '发票号码', '出库单号', '销售单号', 'order id', 'order no', 'order number', 'invoice', 'invoice no', 'invoiceno', 'invoice number'],
};

/**
 * Columns that win their field wherever they stand, best first: an ERP sales line carries both a
 * tax-exclusive (无税金额, 销售金额) and a tax-inclusive amount (价税合计); the tax-inclusive one is
 * what the customer pays and what CRMs' deal totals record, so it is the revenue (and 含税单价 the
 * unit price). Next come the sales figures of a 金蝶 outbound slip (销售金额, 销售单价), whose plain
 * 金额 and 单价 are the stock's cost. Any other column of the field is reported as not used.
 */
export const PREFERRED_HEADERS: Partial<Record<Field, readonly string[]>> = {
  revenue: ['价税合计', '本币价税合计', '含税金额', '销售金额'],
  unit_price: ['含税单价', '本币含税单价', '销售单价'],
};

/** Fields a yes/no question names: `是否购买竞品` is the `购买竞品` column, answered 是/否. */
const YES_NO_FIELDS: ReadonlySet<Field> = new Set(['competitor']);

/**
 * Normalise a header for matching: full-width to half-width, lower case, bracketed units
 * ("销售额(元)", "Revenue [USD]"), question marks and spaces, underscores, hyphens and dots removed.
 */
export function normalizeHeader(header: unknown): string {
  let s = typeof header === 'string' ? header : String(header ?? '');
  if (FULL_WIDTH.test(s)) s = s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
  s = s.toLowerCase();
  if (OPEN_BRACKET.test(s)) s = s.replace(/[([【（][^)\]】）]*[)\]】）]/g, '');
  return s.replace(SEPARATORS, '');
}

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
const OPEN_BRACKET = /[([【（]/;
const SEPARATORS = /[\s_\-.:：/?？]+/g;
/** Pipedrive prefixes every exported header with its object: "Organization - Name", "Person - Owner". */
const OBJECT_PREFIX = /^\s*(?:organi[sz]ation|person|deal|lead)\s+-\s+(?=\S)/i;

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

const PREFERENCE: Map<string, number> = (() => {
  const m = new Map<string, number>();
  for (const words of Object.values(PREFERRED_HEADERS)) {
    for (const [rank, w] of words!.entries()) m.set(normalizeHeader(w), rank);
  }
  return m;
})();

/**
 * The field a header names, or null. Besides the synonyms: a Pipedrive object prefix is dropped
 * ("Organization - Last activity date" is "Last activity date"), and `是否` + a yes/no field's
 * synonym is that field (`是否购买竞品` → competitor).
 */
export function fieldOfHeader(header: unknown): Field | null {
  const k = normalizeHeader(header);
  const direct = LOOKUP.get(k);
  if (direct !== undefined) return direct;
  if (k.startsWith('是否')) {
    const f = LOOKUP.get(k.slice(2));
    if (f !== undefined && YES_NO_FIELDS.has(f)) return f;
  }
  if (typeof header === 'string' && header.includes(' - ') && OBJECT_PREFIX.test(header)) return fieldOfHeader(header.replace(OBJECT_PREFIX, ''));
  return null;
}

export interface HeaderMatch {
  columns: Column[];
  /** Headers no field claimed (kept out of the analysis, reported). */
  unknown: string[];
  /**
   * Headers whose field another column claimed: `kept` is that column's header; `preferred` is
   * true when it won by PREFERRED_HEADERS (a tax-inclusive total), false when it came first.
   */
  duplicates: { header: string; field: Field; index: number; kept: string; preferred: boolean }[];
}

/**
 * Match a header row: for each field the preferred column (PREFERRED_HEADERS) wins, else the first
 * column that names it (method §1).
 */
export function matchHeaders(headerRow: readonly unknown[]): HeaderMatch {
  const unknown: string[] = [];
  const named: { field: Field; index: number; header: string; rank: number }[] = [];
  headerRow.forEach((h, index) => {
    const header = String(h ?? '').trim();
    if (!header) return;
    const field = fieldOfHeader(header);
    if (!field) unknown.push(header);
    else named.push({ field, index, header, rank: PREFERENCE.get(normalizeHeader(header)) ?? Infinity });
  });
  const winner = new Map<Field, (typeof named)[number]>();
  for (const n of named) {
    const w = winner.get(n.field);
    if (w === undefined || n.rank < w.rank) winner.set(n.field, n);
  }
  const columns: Column[] = [];
  const duplicates: HeaderMatch['duplicates'] = [];
  for (const n of named) {
    const w = winner.get(n.field)!;
    if (w === n) columns.push({ field: n.field, index: n.index, header: n.header });
    else duplicates.push({ header: n.header, field: n.field, index: n.index, kept: w.header, preferred: w.rank < n.rank });
  }
  return { columns, unknown, duplicates };
}

/** A field in words: its first synonym in the language ('负责人', 'owner'). */
export function fieldWord(field: Field, lang: Lang): string {
  const words = HEADER_SYNONYMS[field];
  return words.find((w) => inScriptOf(lang, w)) ?? field;
}

const HAN = /[\u4e00-\u9fff]/;

/** Whether a header word is written in the language's script (Han characters for zh, none for en). */
const inScriptOf = (lang: Lang, w: string) => HAN.test(w) === (lang === 'zh');

/** What a header row was understood as: "客户所有人 → 负责人, 最后跟进时间 → 最近联系" (for messages). */
export function describeHeaders(headerRow: readonly unknown[], lang: Lang): { understood: string; unknown: string } {
  const m = matchHeaders(headerRow);
  const { none, list: sep } = COMMON[lang];
  const understood = m.columns.map((c) => `${c.header} → ${fieldWord(c.field, lang)}`);
  const MAX = 12;
  const unknown = m.unknown.slice(0, MAX).concat(m.unknown.length > MAX ? [`… (+${m.unknown.length - MAX})`] : []);
  return { understood: understood.length ? understood.join(sep) : none, unknown: unknown.length ? unknown.join(sep) : none };
}

/** A few headers per field, for messages that list what the core understands. */
export function understoodHeaders(lang: 'zh' | 'en', perField = 2): string {
  const out: string[] = [];
  for (const words of Object.values(HEADER_SYNONYMS)) {
    const own = words.filter((w) => inScriptOf(lang, w));
    const other = words.filter((w) => !inScriptOf(lang, w));
    const pick = [...own.slice(0, perField), ...other.slice(0, 1)];
    out.push(pick.join(' / '));
  }
  return out.join('; ');
}
