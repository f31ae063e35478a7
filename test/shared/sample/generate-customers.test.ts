import { describe, expect, it } from 'vitest';
import {
  CUSTOMER_HEADERS_EN,
  CUSTOMER_HEADERS_ZH,
  generateCustomers,
} from '../../../shared/sample/generate-customers';
import { mulberry32 } from '../../../shared/prng';
import { parseNumber } from '../../../shared/ingest/parse-number';
import { isoToDay, parseDate } from '../../../shared/ingest/parse-date';
import { parseCompetitor, parseSatisfaction, parseSwitchingCost } from '../../../shared/ingest/parse-flags';
import { splitEmails } from '../../../shared/ingest/emails';
import { isFreeMail, registrableDomain } from '../../../shared/ingest/registrable-domain';

const col = (name: string): number => CUSTOMER_HEADERS_ZH.indexOf(name);
const N = 5000;
const table = generateCustomers(N, { seed: 42 });
const rows = table.slice(1);
const num = (r: unknown[], name: string): number => r[col(name)] as number;

describe('mulberry32', () => {
  it('is deterministic and in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(8)()).not.toBe(mulberry32(7)());
  });

  it('first value for seed 1 matches the reference algorithm', () => {
    // Reference: mulberry32 by Tommy Ettinger, computed by hand-running the same integer steps.
    let a = 1 >>> 0;
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    expect(mulberry32(1)()).toBe(((t ^ (t >>> 14)) >>> 0) / 4294967296);
  });

  it('is roughly uniform', () => {
    const r = mulberry32(123);
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 100000; i++) buckets[Math.floor(r() * 10)]++;
    for (const b of buckets) expect(Math.abs(b - 10000)).toBeLessThan(500);
  });
});

describe('generateCustomers', () => {
  it('has the header row and n rows of 28 cells', () => {
    expect(table).toHaveLength(N + 1);
    expect(table[0]).toEqual([...CUSTOMER_HEADERS_ZH]);
    expect(CUSTOMER_HEADERS_ZH).toHaveLength(28);
    expect(CUSTOMER_HEADERS_EN).toHaveLength(28);
    for (const r of rows) expect(r).toHaveLength(28);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateCustomers(200, { seed: 42 })).toEqual(table.slice(0, 201));
    expect(generateCustomers(50, { seed: 43 })).not.toEqual(generateCustomers(50, { seed: 42 }));
    expect(generateCustomers(0)).toEqual([[...CUSTOMER_HEADERS_ZH]]);
  });

  it('English headers and values with lang en', () => {
    const en = generateCustomers(300, { seed: 1, lang: 'en' });
    expect(en[0]).toEqual([...CUSTOMER_HEADERS_EN]);
    expect(en[1]![1]).toMatch(/^[A-Z][A-Za-z ]+ (Ltd|Inc\.|LLC|Co\.|GmbH|Pty Ltd|plc|Pte Ltd)$/);
    const competitor = new Set(en.slice(1).map((r) => r[15]));
    expect(competitor.has('yes')).toBe(true);
    expect(competitor.has('no')).toBe(true);
    expect(new Set(en.slice(1).map((r) => r[17]))).toEqual(new Set(['high', 'medium', 'low']));
    for (const r of en.slice(1)) {
      expect(/[\u4e00-\u9fff]/.test(String(r[1]))).toBe(false);
      if (r[23] !== '') expect(typeof parseSatisfaction(r[23])).toBe('number');
    }
  });

  it('ids are unique, names Chinese company names, mostly unique', () => {
    const ids = new Set(rows.map((r) => r[0]));
    expect(ids.size).toBe(N);
    expect(rows[0]![0]).toBe('C000001');
    const names = rows.map((r) => String(r[1]));
    for (const name of names) expect(name).toMatch(/^[\u4e00-\u9fff]+公司$/);
    expect(new Set(names).size).toBe(N);
  });

  it('names stay distinct far beyond the first block (1/10 sample of 200,000)', () => {
    const big = generateCustomers(200_000, { seed: 1 });
    const names = new Set<unknown>();
    const domains = new Set<string>();
    for (let i = 1; i < big.length; i += 10) {
      names.add(big[i]![1]);
      const email = splitEmails(big[i]![2]).emails[0];
      if (email && !isFreeMail(email)) domains.add(registrableDomain(email)!);
    }
    expect(names.size).toBe(20_000);
    expect(domains.size).toBeGreaterThan(15_000);
  });

  it('revenue follows the 80/20 rule: top 20% of customers hold 60–90%', () => {
    const revenue = rows.map((r) => num(r, '本期销售额')).sort((a, b) => b - a);
    const total = revenue.reduce((a, b) => a + b, 0);
    const top = revenue.slice(0, N / 5).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThan(0.6);
    expect(top / total).toBeLessThan(0.9);
  });

  it('every amount parses, and the relationships hold', () => {
    for (const r of rows) {
      for (const name of ['本期销售额', '上期销售额', '利润', '服务成本', '订单数', '客户采购总额', '潜在价值', '应收账款', '逾期金额', '逾期天数', '信用额度', '投诉次数', '未解决投诉', '供应商数量']) {
        expect(parseNumber(r[col(name)])).toMatchObject({ ok: true });
      }
      expect(num(r, '客户采购总额')).toBeGreaterThanOrEqual(num(r, '本期销售额'));
      expect(num(r, '上期份额')).toBeGreaterThanOrEqual(0);
      expect(num(r, '上期份额')).toBeLessThanOrEqual(1);
      expect(num(r, '未解决投诉')).toBeLessThanOrEqual(num(r, '投诉次数'));
      expect(num(r, '逾期金额')).toBeLessThanOrEqual(num(r, '应收账款'));
      expect(num(r, '逾期天数') > 0).toBe(num(r, '逾期金额') > 0);
      // Orders count the whole relationship, so stopped customers have some too.
      expect(num(r, '订单数')).toBeGreaterThanOrEqual(1);
    }
  });

  it('dates are ISO, on or before asOf, first ≤ last purchase', () => {
    const asOf = isoToDay('2026-11-28')!;
    for (const r of rows) {
      const first = isoToDay(String(r[col('首次购买')]));
      const last = isoToDay(String(r[col('最近购买')]));
      const contact = isoToDay(String(r[col('最近联系')]));
      expect(first).not.toBeNull();
      expect(last).not.toBeNull();
      expect(contact).not.toBeNull();
      expect(first!).toBeLessThanOrEqual(last!);
      expect(last!).toBeLessThanOrEqual(asOf);
      expect(contact!).toBeLessThanOrEqual(asOf);
    }
  });

  it('asOf moves every date', () => {
    const t = generateCustomers(100, { seed: 3, asOf: '2020-06-30' });
    const limit = isoToDay('2020-06-30')!;
    for (const r of t.slice(1)) expect(parseDate(r[12], 'mdy') as number).toBeLessThanOrEqual(limit);
    expect(() => generateCustomers(1, { asOf: '2020-02-30' })).toThrow();
  });

  it('has the situations the rules must see', () => {
    const share = (pred: (r: unknown[]) => boolean): number => rows.filter(pred).length / N;
    const stopped = share((r) => num(r, '本期销售额') === 0 && num(r, '上期销售额') > 0);
    const fresh = share((r) => num(r, '上期销售额') === 0 && num(r, '本期销售额') > 0);
    const fallingHard = share((r) => num(r, '本期销售额') > 0 && num(r, '本期销售额') < 0.6 * num(r, '上期销售额'));
    const growing = share((r) => num(r, '本期销售额') > 1.1 * num(r, '上期销售额') && num(r, '上期销售额') > 0);
    const negativeProfit = share((r) => num(r, '利润') < 0);
    const competitor = share((r) => parseCompetitor(r[col('购买竞品')])?.buys === true);
    const named = share((r) => parseCompetitor(r[col('购买竞品')])?.name != null);
    const overdue = share((r) => num(r, '逾期金额') > 0);
    const overLimit = share((r) => num(r, '应收账款') > 0.9 * num(r, '信用额度'));
    const blankSatisfaction = share((r) => r[col('满意度')] === '');
    const unhappy = share((r) => {
      const s = parseSatisfaction(r[col('满意度')]);
      return typeof s === 'number' && s <= 2;
    });
    const reasons = share((r) => r[col('流失原因')] !== '');
    expect(stopped).toBeGreaterThan(0.05);
    expect(stopped).toBeLessThan(0.12);
    expect(fresh).toBeGreaterThan(0.03);
    expect(fallingHard).toBeGreaterThan(0.08);
    expect(growing).toBeGreaterThan(0.15);
    expect(negativeProfit).toBeGreaterThan(0.03);
    expect(negativeProfit).toBeLessThan(0.12);
    expect(competitor).toBeGreaterThan(0.2);
    expect(named).toBeGreaterThan(0.05);
    expect(overdue).toBeGreaterThan(0.08);
    expect(overLimit).toBeGreaterThan(0.02);
    expect(blankSatisfaction).toBeGreaterThan(0.04);
    expect(unhappy).toBeGreaterThan(0.05);
    expect(reasons).toBeGreaterThan(0.03);
    // Churn reasons sit on customers who stopped or fell.
    for (const r of rows) {
      if (r[col('流失原因')] !== '') expect(num(r, '本期销售额')).toBeLessThan(num(r, '上期销售额'));
    }
  });

  it('categorical cells read with the ingest parsers', () => {
    for (const r of rows) {
      expect(parseCompetitor(r[col('购买竞品')])).not.toBeNull();
      expect(['high', 'medium', 'low']).toContain(parseSwitchingCost(r[col('转换成本')]));
      const s = parseSatisfaction(r[col('满意度')]);
      expect(s === null || typeof s === 'number').toBe(true);
    }
    const levels = new Set(rows.map((r) => r[col('满意度')]));
    expect(levels).toEqual(new Set(['高度满意', '一般满意', '无意见', '有些不满意', '极不满意', '']));
  });

  it('emails: company domains, some free mail, some blank, some with two addresses', () => {
    let company = 0;
    let free = 0;
    let blank = 0;
    let two = 0;
    for (const r of rows) {
      const cell = r[col('邮箱')];
      const { emails, invalid } = splitEmails(cell);
      expect(invalid).toEqual([]);
      if (emails.length === 0) {
        blank++;
        continue;
      }
      if (emails.length === 2) two++;
      const domain = registrableDomain(emails[0]!);
      expect(domain).not.toBeNull();
      if (isFreeMail(domain!)) free++;
      else {
        company++;
        expect(domain).toMatch(/\.(com\.cn|com|cn|net\.cn)$/);
        expect(new Set(emails.map((e) => registrableDomain(e))).size).toBe(1);
      }
    }
    expect(company / N).toBeGreaterThan(0.7);
    expect(free / N).toBeGreaterThan(0.06);
    expect(blank / N).toBeGreaterThan(0.02);
    expect(two / N).toBeGreaterThan(0.1);
  });

  it('owners, regions and segments come from small lists', () => {
    expect(new Set(rows.map((r) => r[col('负责人')])).size).toBeLessThanOrEqual(10);
    expect(new Set(rows.map((r) => r[col('区域')])).size).toBeLessThanOrEqual(8);
    expect(new Set(rows.map((r) => r[col('行业')])).size).toBeLessThanOrEqual(12);
  });
});
