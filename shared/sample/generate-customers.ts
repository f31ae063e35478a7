/**
 * A deterministic, realistic customer table for demos, tests and benchmarks (the method §1
 * customer-table shape with every field of the method filled in).
 */
import { dayToIso, isoToDay } from '../ingest/parse-date';
import { SATISFACTION_LEVELS } from '../ingest/parse-flags';
import type { Lang } from '../types';
import { mulberry32 } from '../prng';
import { intBetween, pareto, pick, poisson, type Uniform } from './distributions';

/** Chinese headers, one per method §1 field, in table order. */
export const CUSTOMER_HEADERS_ZH: readonly string[] = [
  '客户编号',
  '客户名称',
  '邮箱',
  '负责人',
  '区域',
  '行业',
  '本期销售额',
  '上期销售额',
  '利润',
  '服务成本',
  '订单数',
  '首次购买',
  '最近购买',
  '客户采购总额',
  '上期份额',
  '购买竞品',
  '供应商数量',
  '转换成本',
  '潜在价值',
  '应收账款',
  '逾期金额',
  '逾期天数',
  '信用额度',
  '满意度',
  '投诉次数',
  '未解决投诉',
  '最近联系',
  '流失原因',
];

/** English headers, same order as CUSTOMER_HEADERS_ZH. */
export const CUSTOMER_HEADERS_EN: readonly string[] = [
  'Customer ID',
  'Customer',
  'Email',
  'Owner',
  'Region',
  'Segment',
  'Revenue',
  'Previous revenue',
  'Profit',
  'Cost to serve',
  'Orders',
  'First order',
  'Last order',
  'Wallet',
  'Previous share',
  'Buys from competitor',
  'Suppliers',
  'Switching cost',
  'Potential',
  'Receivable',
  'Overdue amount',
  'Overdue days',
  'Credit limit',
  'Satisfaction',
  'Complaints',
  'Open complaints',
  'Last contact',
  'Churn reason',
];

export interface GenerateCustomersOptions {
  /** Seed of the random stream; the same seed gives the same table. Default 1. */
  seed?: number;
  /** Language of headers and text values. Default 'zh'. */
  lang?: 'zh' | 'en';
  /** The "today" of the data, ISO date; every date lies on or before it. Default '2026-11-28'. */
  asOf?: string;
}

// --- name pools -------------------------------------------------------------------------------

/** [city, pinyin abbreviation, region (zh), region (en)] */
const ZH_CITIES: readonly (readonly [string, string, string, string])[] = [
  ['上海', 'sh', '华东', 'East'],
  ['北京', 'bj', '华北', 'North'],
  ['广州', 'gz', '华南', 'South'],
  ['深圳', 'sz', '华南', 'South'],
  ['成都', 'cd', '西南', 'Southwest'],
  ['杭州', 'hz', '华东', 'East'],
  ['南京', 'nj', '华东', 'East'],
  ['武汉', 'wh', '华中', 'Central'],
  ['苏州', 'suz', '华东', 'East'],
  ['天津', 'tj', '华北', 'North'],
  ['重庆', 'cq', '西南', 'Southwest'],
  ['西安', 'xa', '西北', 'Northwest'],
  ['青岛', 'qd', '华东', 'East'],
  ['宁波', 'nb', '华东', 'East'],
  ['厦门', 'xm', '华南', 'South'],
  ['长沙', 'cs', '华中', 'Central'],
  ['郑州', 'zz', '华中', 'Central'],
  ['沈阳', 'sy', '东北', 'Northeast'],
  ['大连', 'dl', '东北', 'Northeast'],
  ['合肥', 'hf', '华东', 'East'],
];

const ZH_BRANDS: readonly (readonly [string, string])[] = [
  ['华东', 'huadong'],
  ['中科', 'zhongke'],
  ['南方', 'nanfang'],
  ['鹏城', 'pengcheng'],
  ['天府', 'tianfu'],
  ['长江', 'changjiang'],
  ['东方', 'dongfang'],
  ['金桥', 'jinqiao'],
  ['恒通', 'hengtong'],
  ['宏达', 'hongda'],
  ['瑞丰', 'ruifeng'],
  ['永信', 'yongxin'],
  ['嘉禾', 'jiahe'],
  ['昌盛', 'changsheng'],
  ['鼎盛', 'dingsheng'],
  ['海纳', 'haina'],
  ['博远', 'boyuan'],
  ['卓越', 'zhuoyue'],
  ['启明', 'qiming'],
  ['远航', 'yuanhang'],
  ['星辰', 'xingchen'],
  ['锦程', 'jincheng'],
  ['华信', 'huaxin'],
  ['广源', 'guangyuan'],
  ['联创', 'lianchuang'],
  ['德胜', 'desheng'],
  ['安泰', 'antai'],
  ['铭泰', 'mingtai'],
  ['正和', 'zhenghe'],
  ['盛达', 'shengda'],
  ['中联', 'zhonglian'],
  ['天润', 'tianrun'],
  ['新元', 'xinyuan'],
  ['万通', 'wantong'],
  ['金鼎', 'jinding'],
  ['同创', 'tongchuang'],
  ['宏图', 'hongtu'],
  ['信达', 'xinda'],
  ['百川', 'baichuan'],
  ['九州', 'jiuzhou'],
];

/** [industry word, pinyin, segment (zh), segment (en)] */
const ZH_INDUSTRIES: readonly (readonly [string, string, string, string])[] = [
  ['精密机械', 'jixie', '制造业', 'Manufacturing'],
  ['电子科技', 'tech', '电子', 'Electronics'],
  ['包装材料', 'pack', '制造业', 'Manufacturing'],
  ['物流', 'wuliu', '物流', 'Logistics'],
  ['食品', 'food', '食品', 'Food'],
  ['医疗器械', 'med', '医疗', 'Healthcare'],
  ['建材', 'jiancai', '建筑', 'Construction'],
  ['商贸', 'trade', '零售', 'Retail'],
  ['化工', 'chem', '制造业', 'Manufacturing'],
  ['汽车配件', 'auto', '制造业', 'Manufacturing'],
  ['教育科技', 'edu', '教育', 'Education'],
  ['新能源', 'energy', '能源', 'Energy'],
  ['服饰', 'fashion', '零售', 'Retail'],
  ['家居', 'home', '零售', 'Retail'],
  ['信息技术', 'it', '电子', 'Electronics'],
];


const EN_PLACES = [
  '',
  'Pacific',
  'Atlantic',
  'Global',
  'United',
  'Northern',
  'Southern',
  'Western',
  'Eastern',
  'Central',
  'Coastal',
  'Metro',
  'Continental',
  'National',
  'Royal',
  'Pioneer',
  'Premier',
  'Allied',
  'Capital',
  'Midland',
];

const EN_BRANDS = [
  'Northwind',
  'Contoso',
  'Fabrikam',
  'Tailspin',
  'Wingtip',
  'Litware',
  'Proseware',
  'Lucerne',
  'Coho',
  'Alpine',
  'Blue Yonder',
  'Trey',
  'Wide World',
  'Fourth Coffee',
  'Southridge',
  'Woodgrove',
  'Bellows',
  'Cascade',
  'Redwood',
  'Summit',
  'Harbor',
  'Pinecrest',
  'Silverline',
  'Ironbridge',
  'Brightwater',
  'Oakmont',
  'Kestrel',
  'Falcon',
  'Meridian',
  'Granite',
  'Sterling',
  'Evergreen',
  'Horizon',
  'Lakeside',
  'Riverbend',
  'Stonegate',
  'Copperfield',
  'Ashford',
  'Beacon',
  'Crestview',
];

/** [word, domain word, segment (en), segment (zh)] */
const EN_INDUSTRIES: readonly (readonly [string, string, string, string])[] = [
  ['Traders', 'traders', 'Retail', '零售'],
  ['Industries', 'industries', 'Manufacturing', '制造业'],
  ['Systems', 'systems', 'Electronics', '电子'],
  ['Logistics', 'logistics', 'Logistics', '物流'],
  ['Foods', 'foods', 'Food', '食品'],
  ['Medical', 'medical', 'Healthcare', '医疗'],
  ['Manufacturing', 'mfg', 'Manufacturing', '制造业'],
  ['Supplies', 'supplies', 'Retail', '零售'],
  ['Electronics', 'electronics', 'Electronics', '电子'],
  ['Packaging', 'packaging', 'Manufacturing', '制造业'],
  ['Motors', 'motors', 'Manufacturing', '制造业'],
  ['Energy', 'energy', 'Energy', '能源'],
  ['Textiles', 'textiles', 'Retail', '零售'],
  ['Furniture', 'furniture', 'Retail', '零售'],
  ['Software', 'software', 'Electronics', '电子'],
];

/** [legal suffix, top-level domain] */
const EN_SUFFIXES: readonly (readonly [string, string])[] = [
  ['Ltd', '.co.uk'],
  ['Inc.', '.com'],
  ['LLC', '.com'],
  ['Co.', '.com'],
  ['GmbH', '.de'],
  ['Pty Ltd', '.com.au'],
  ['plc', '.co.uk'],
  ['Pte Ltd', '.com.sg'],
];

const EN_REGIONS = ['East', 'West', 'North', 'South', 'Central', 'Overseas'];

const ZH_OWNERS = ['王芳', '李强', '张伟', '刘洋', '陈静', '赵敏', '杨磊', '黄丽', '周杰', '吴昊'];
const EN_OWNERS = [
  'Alice Chen',
  'Bob Smith',
  'Carol Jones',
  'David Brown',
  'Emma Wilson',
  'Frank Miller',
  'Grace Lee',
  'Henry Taylor',
];

const ZH_LOCALS = [
  'li.wei',
  'wang.fang',
  'zhang.min',
  'liu.yang',
  'chen.jing',
  'yang.lei',
  'zhao.li',
  'huang.tao',
  'zhou.jie',
  'wu.hao',
  'xu.na',
  'sun.qiang',
  'ma.lin',
  'zhu.hong',
  'hu.bin',
  'guo.jun',
  'he.ping',
  'lin.xia',
  'luo.yi',
  'gao.feng',
];
const EN_LOCALS = [
  'john.smith',
  'mary.jones',
  'james.brown',
  'linda.davis',
  'robert.wilson',
  'susan.moore',
  'michael.taylor',
  'karen.thomas',
  'david.white',
  'lisa.harris',
  'paul.martin',
  'nancy.clark',
  'mark.lewis',
  'sarah.walker',
  'steven.hall',
];
const ROLE_LOCALS = ['purchasing', 'info', 'finance', 'caigou', 'sales', 'orders'];
const ZH_FREE = ['qq.com', '163.com', '126.com', 'foxmail.com', 'sina.com', 'aliyun.com'];
const EN_FREE = ['gmail.com', 'outlook.com', 'yahoo.com', 'hotmail.com', 'icloud.com'];

const ZH_COMPETITORS = ['西门子', '博世', '施耐德', '三菱电机', '汇川技术', '正泰', 'ABB'];
const EN_COMPETITORS = ['Acme Corp', 'Globex', 'Initech', 'Umbrella Supply', 'Vandelay Industries', 'Hooli'];

/** Churn reasons written as people write them, covering the method §7 taxonomy. */
const ZH_CHURN = [
  '对手报价更低',
  '竞争对手价格便宜',
  '竞争对手促销力度大',
  '竞品更好',
  '公司业务收缩',
  '客户倒闭',
  '采购负责人离职',
  '搬家到外地',
  '质量问题投诉未解决',
  '售后响应慢',
  '窜货导致渠道冲突',
  '产品功能不满足需求',
  '客户自己生产',
  '对手给回扣',
];
const EN_CHURN = [
  'Went to a cheaper competitor',
  'Competitor price',
  'Competitor promotion',
  'Better product from competitor',
  'Business contraction',
  'Bankrupt',
  'Buyer left the company',
  'Relocated',
  'Unresolved quality complaint',
  'Slow after-sales support',
  'Channel conflict (cross-region selling)',
  'Needs not met',
  'Moved production in-house',
  'Competitor kickback',
];

const ZH_SWITCHING = ['高', '中', '低'] as const;
const EN_SWITCHING = ['high', 'medium', 'low'] as const;

/** The headers and text values of the generated table in each language. */
const WORDS = {
  zh: {
    headers: CUSTOMER_HEADERS_ZH,
    satisfaction: SATISFACTION_LEVELS.slice().reverse().map((l) => l.zh),
    owners: ZH_OWNERS,
    locals: ZH_LOCALS,
    free: ZH_FREE,
    competitors: ZH_COMPETITORS,
    churn: ZH_CHURN,
    switching: ZH_SWITCHING,
    yes: '是',
    no: '否',
  },
  en: {
    headers: CUSTOMER_HEADERS_EN,
    satisfaction: SATISFACTION_LEVELS.slice().reverse().map((l) => l.en.toLowerCase()),
    owners: EN_OWNERS,
    locals: EN_LOCALS,
    free: EN_FREE,
    competitors: EN_COMPETITORS,
    churn: EN_CHURN,
    switching: EN_SWITCHING,
    yes: 'yes',
    no: 'no',
  },
} satisfies Record<Lang, { headers: readonly string[]; satisfaction: string[]; owners: string[]; locals: string[]; free: string[]; competitors: string[]; churn: string[]; switching: readonly string[]; yes: string; no: string }>;

/** Where a city's region and an industry's segment sit in ZH_CITIES and ZH_INDUSTRIES, by language. */
const NAME_COLUMN: Record<Lang, 2 | 3> = { zh: 2, en: 3 };

/** Where an industry's segment sits in EN_INDUSTRIES, by language. */
const EN_NAME_COLUMN: Record<Lang, 2 | 3> = { zh: 3, en: 2 };

/** Regions for English-named companies, by language (the Chinese ones are ZH_CITIES' regions). */
const REGIONS: Record<Lang, readonly string[]> = { zh: ZH_CITIES.map((c) => c[2]), en: EN_REGIONS };

/** Coprime with every block size below, so consecutive ids get unrelated names. */
const STRIDE = 7919;

/** [legal suffix, how the domain is formed around "<brand>-<industry><city>"] for Chinese names. */
const ZH_FORMS: readonly (readonly [string, string, string])[] = [
  ['有限公司', '-', '.com.cn'],
  ['股份有限公司', '-', '.com'],
  ['实业有限公司', '-', '.cn'],
  ['集团有限公司', '-group-', '.com'],
  ['科技有限公司', '-tech-', '.cn'],
  ['贸易有限公司', '-trade-', '.net.cn'],
];

/**
 * Company names and domains from pre-built pieces, so a row costs one or two string joins (a
 * million-row table must not spend its time in the garbage collector). Chinese names combine
 * city × brand × second brand word (none for the first 72,000) × industry × legal form, 2.95
 * million distinct names and domains; English ones place × brand × industry × legal form (96,000),
 * then numbered.
 */
class CompanyNamer {
  name = '';
  domain = '';
  region = '';
  segment = '';
  private readonly zhLeft: string[] = [];
  private readonly zhRight: string[] = [];
  private readonly zhDomainLeft: string[] = [];
  private readonly zhDomainRight: string[] = [];
  private readonly enLeft: string[] = [];
  private readonly enRight: string[] = [];
  private readonly enDomainLeft: string[] = [];
  private readonly enDomainRight: string[] = [];

  constructor(
    private readonly zhNames: boolean,
    private readonly lang: 'zh' | 'en',
    private readonly rand: Uniform,
  ) {
    if (zhNames) {
      for (const [city] of ZH_CITIES) for (const [brand] of ZH_BRANDS) this.zhLeft.push(city + brand);
      for (const [industry] of ZH_INDUSTRIES) for (const [suffix] of ZH_FORMS) this.zhRight.push(industry + suffix);
      for (const [, b1] of ZH_BRANDS) {
        this.zhDomainLeft.push(b1);
        for (const [, b2] of ZH_BRANDS) this.zhDomainLeft.push(b1 + b2);
      }
      for (const [, ind] of ZH_INDUSTRIES)
        for (const [, city] of ZH_CITIES)
          for (const [, sep, tld] of ZH_FORMS) this.zhDomainRight.push(`${sep}${ind}${city}${tld}`);
    } else {
      for (const place of EN_PLACES) for (const brand of EN_BRANDS) this.enLeft.push(`${place ? `${place} ` : ''}${brand} `);
      for (const [word] of EN_INDUSTRIES) for (const [suffix] of EN_SUFFIXES) this.enRight.push(`${word} ${suffix}`);
      for (const place of EN_PLACES)
        for (const brand of EN_BRANDS)
          this.enDomainLeft.push(`${place ? `${place.toLowerCase()}-` : ''}${brand.toLowerCase().replace(/ /g, '')}-`);
      for (const [, word] of EN_INDUSTRIES) for (const [, tld] of EN_SUFFIXES) this.enDomainRight.push(word + tld);
    }
  }

  /** Sets name, domain, region and segment for customer number i (0-based). */
  set(i: number): void {
    if (this.zhNames) this.setZh(i);
    else this.setEn(i);
  }

  private setZh(i: number): void {
    const nc = ZH_CITIES.length;
    const nb = ZH_BRANDS.length;
    const nf = ZH_FORMS.length;
    const block = nc * nb * ZH_INDUSTRIES.length * nf;
    const j = ((i % block) * STRIDE) % block;
    const round = Math.floor(i / block) % (nb + 1);
    const repeat = Math.floor(i / (block * (nb + 1)));
    const c = j % nc;
    const b = Math.floor(j / nc) % nb;
    const f = Math.floor(j / (nc * nb)) % nf;
    const ind = Math.floor(j / (nc * nb * nf));
    // Second brand word: none in round 0, then each other brand in turn.
    const b2 = round === 0 ? -1 : (b + round) % nb;
    const left = b2 < 0 ? this.zhLeft[c * nb + b]! : this.zhLeft[c * nb + b]! + ZH_BRANDS[b2]![0];
    this.name = left + this.zhRight[ind * nf + f]! + (repeat > 0 ? `（${repeat + 1}）` : '');
    this.domain =
      this.zhDomainLeft[b * (nb + 1) + (b2 + 1)]! +
      (repeat > 0 ? String(repeat + 1) : '') +
      this.zhDomainRight[(ind * nc + c) * nf + f]!;
    const city = ZH_CITIES[c]!;
    const industry = ZH_INDUSTRIES[ind]!;
    this.region = city[NAME_COLUMN[this.lang]];
    this.segment = industry[NAME_COLUMN[this.lang]];
  }

  private setEn(i: number): void {
    const np = EN_PLACES.length;
    const nb = EN_BRANDS.length;
    const ns = EN_SUFFIXES.length;
    const block = np * nb * EN_INDUSTRIES.length * ns;
    const j = ((i % block) * STRIDE) % block;
    const repeat = Math.floor(i / block);
    const pb = j % (np * nb);
    const is = Math.floor(j / (np * nb));
    const industry = EN_INDUSTRIES[Math.floor(is / ns)]!;
    this.name = this.enLeft[pb]! + this.enRight[is]! + (repeat > 0 ? ` ${repeat + 1}` : '');
    this.domain = this.enDomainLeft[pb]! + (repeat > 0 ? `${repeat + 1}-` : '') + this.enDomainRight[is]!;
    this.region = pick(this.rand, REGIONS[this.lang]);
    this.segment = industry[EN_NAME_COLUMN[this.lang]];
  }
}

type Fate = 'stopped' | 'new' | 'falling' | 'growing' | 'stable';

function fateOf(r: number): Fate {
  if (r < 0.08) return 'stopped';
  if (r < 0.14) return 'new';
  if (r < 0.26) return 'falling';
  if (r < 0.5) return 'growing';
  return 'stable';
}

const between = (rand: Uniform, lo: number, hi: number): number => lo + rand() * (hi - lo);

/** Satisfaction 1–5 or 0 (blank): happier when the relationship is healthy. */
function satisfactionLevel(rand: Uniform, troubled: boolean): number {
  const r = rand();
  if (r < 0.08) return 0;
  const s = (r - 0.08) / 0.92;
  const cut = troubled ? [0.05, 0.25, 0.55, 0.85] : [0.3, 0.7, 0.9, 0.97];
  if (s < cut[0]!) return 5;
  if (s < cut[1]!) return 4;
  if (s < cut[2]!) return 3;
  if (s < cut[3]!) return 2;
  return 1;
}

const COMPLAINT_MEAN = [0.5, 3, 1.5, 0.6, 0.3, 0.1];

/**
 * Text as a sheet or a file gives it: one flat string. A name or an address built here by
 * concatenation would otherwise stay a chain of pieces that the first reader of the cell must
 * join — work no real table asks of the analysis.
 */
function flat(text: string): string {
  return text.length < 13 ? text : JSON.parse(JSON.stringify(text));
}

/**
 * Generates `n` customers plus a header row, deterministically from `seed` (mulberry32).
 * Shape of the data (chosen to exercise every rule of the method):
 * - revenue is Pareto-distributed (alpha 1.2, so the top 20% hold roughly 75%, the 80/20 rule of
 *   method §3); fates: 8% stopped (revenue 0 this period), 6% new (no previous revenue), 12% falling
 *   hard (to 20–60%), 24% growing, the rest stable (±15%);
 * - profit margin 5–35%, negative for about 7% of customers; cost to serve; orders over the
 *   whole relationship (at least 1);
 * - first/last purchase and last contact dates (ISO) on or before `asOf`;
 * - wallet ≥ revenue (share 15–100%), previous share = previous revenue / wallet;
 * - competitor (是/否 or yes/no, a named competitor for some), suppliers, switching cost, potential;
 * - receivable, overdue amount and days (about 15%, more for troubled customers), credit limit
 *   (about 6% near or over the limit);
 * - satisfaction as the five method §8 labels (8% blank), complaints and open complaints;
 * - churn reasons in free text for 60% of stopped and 10% of falling customers (method §7);
 * - Chinese company names (上海华东精密机械有限公司) or English ones (Northwind Traders Ltd),
 *   emails at the company's own domain, 12% free-mail contacts, 5% without email.
 * Amounts are whole currency units (JS integers, like typed Sheets cells: small integers also keep
 * a million-row table light in memory); blanks are ''.
 */
export function generateCustomers(n: number, options: GenerateCustomersOptions = {}): unknown[][] {
  const rand = mulberry32(options.seed ?? 1);
  const lang = options.lang ?? 'zh';
  const asOf = isoToDay(options.asOf ?? '2026-11-28');
  if (asOf === null) throw new Error(`asOf is not an ISO date: ${options.asOf}`);
  const SPAN = 4000;
  const iso: string[] = new Array<string>(SPAN + 1);
  for (let k = 0; k <= SPAN; k++) iso[k] = dayToIso(asOf - k);
  const date = (daysAgo: number): string => iso[Math.min(SPAN, Math.max(0, Math.round(daysAgo)))]!;
  const { satisfaction: satisfactionText, owners, locals, free, competitors, churn, switching, yes, no, headers } = WORDS[lang];
  const idWidth = Math.max(6, String(n).length);

  const company = new CompanyNamer(lang === 'zh', lang, rand);
  const atLocals = locals.map((l) => `${l}@`);
  const table: unknown[][] = new Array<unknown[]>(n + 1);
  table[0] = [...headers];
  for (let i = 0; i < n; i++) {
    company.set(i);
    const fate = fateOf(rand());
    const troubled = fate === 'stopped' || fate === 'falling';
    const base = Math.round(pareto(rand, 5000, 1.2, 1e-3)); // capped at about 316 × the minimum: no single whale
    let revenue: number;
    let previous: number;
    switch (fate) {
      case 'stopped':
        revenue = 0;
        previous = base;
        break;
      case 'new':
        revenue = base;
        previous = 0;
        break;
      case 'falling':
        revenue = Math.round(base * between(rand, 0.2, 0.6));
        previous = base;
        break;
      case 'growing':
        revenue = base;
        previous = Math.round(base / between(rand, 1.1, 1.8));
        break;
      default:
        revenue = Math.round(base * between(rand, 0.95, 1.08));
        previous = base;
    }
    const margin = rand() < 0.07 ? -between(rand, 0.05, 0.4) : between(rand, 0.05, 0.35);
    const profit = Math.round(revenue * margin);
    const costToServe = Math.round(revenue * between(rand, 0.03, 0.15) + between(rand, 200, 3000));
    const tenure = fate === 'new' ? intBetween(rand, 30, 330) : intBetween(rand, 365, 3650);
    // Orders over the whole relationship (method §5's usual interval divides the span by them).
    const perYear = Math.max(1, Math.round(Math.max(revenue, previous) / between(rand, 1500, 15000)));
    const orders = Math.max(1, Math.round((perYear * tenure) / 365));
    let lastAgo: number;
    if (fate === 'stopped') lastAgo = intBetween(rand, 180, 720);
    else if (fate === 'falling') lastAgo = intBetween(rand, 20, 150);
    else lastAgo = intBetween(rand, 0, 45);
    lastAgo = Math.min(lastAgo, tenure);
    const share = fate === 'growing' ? between(rand, 0.4, 1) : between(rand, 0.15, 1);
    const wallet = Math.round(Math.max(revenue, previous) / share);
    const previousShare = wallet > 0 ? Math.min(1, Math.round((previous / wallet) * 100) / 100) : 0;

    const buys = rand() < (troubled ? 0.6 : 0.3);
    const competitor = buys ? (rand() < 0.3 ? pick(rand, competitors) : yes) : no;
    const suppliers = buys ? intBetween(rand, 2, 6) : intBetween(rand, 1, 2);
    const switchingCost = switching[Math.floor(rand() * 3)]!;
    const potential = Math.round(wallet * between(rand, 1, 1.6));

    const receivable = Math.round((revenue > 0 ? revenue : previous * 0.3) * between(rand, 0.02, 0.25));
    const hasOverdue = receivable > 0 && rand() < (troubled ? 0.35 : 0.15);
    const overdueAmount = hasOverdue ? Math.round(receivable * between(rand, 0.1, 0.9)) : 0;
    const overdueDays = hasOverdue ? intBetween(rand, 5, 200) : 0;
    const creditLimit =
      receivable === 0
        ? intBetween(rand, 1, 5) * 10000
        : rand() < 0.06
          ? Math.round(receivable * between(rand, 0.92, 1.1))
          : Math.ceil((receivable * between(rand, 1.3, 3)) / 1000) * 1000;

    const level = satisfactionLevel(rand, troubled);
    const complaints = poisson(rand, COMPLAINT_MEAN[level]!);
    let open = 0;
    for (let c = 0; c < complaints; c++) if (rand() < (level > 0 && level <= 2 ? 0.5 : 0.2)) open++;
    const contactAgo =
      fate === 'stopped' ? intBetween(rand, 60, 400) : troubled ? intBetween(rand, 20, 200) : intBetween(rand, 0, 90);
    const reason =
      (fate === 'stopped' && rand() < 0.6) || (fate === 'falling' && rand() < 0.1) ? pick(rand, churn) : '';

    let email = '';
    const e = rand();
    if (e < 0.05) email = '';
    else if (e < 0.17) {
      const host = pick(rand, free);
      email = host === 'qq.com' ? `${intBetween(rand, 10000, 999999999)}@qq.com` : `${pick(rand, locals)}${intBetween(rand, 1, 99)}@${host}`;
    } else {
      email = pick(rand, atLocals) + company.domain;
      if (e > 0.8) email += `; ${pick(rand, ROLE_LOCALS)}@${company.domain}`;
    }

    table[i + 1] = [
      `C${String(i + 1).padStart(idWidth, '0')}`,
      flat(company.name),
      flat(email),
      owners[i % owners.length],
      company.region,
      company.segment,
      revenue,
      previous,
      profit,
      costToServe,
      orders,
      date(tenure),
      date(lastAgo),
      wallet,
      previousShare,
      competitor,
      suppliers,
      switchingCost,
      potential,
      receivable,
      overdueAmount,
      overdueDays,
      creditLimit,
      level === 0 ? '' : satisfactionText[level - 1],
      complaints,
      open,
      date(contactAgo),
      reason,
    ];
  }
  return table;
}
