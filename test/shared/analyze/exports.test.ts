/**
 * Real CRM and ERP exports, read as a user would paste or open them: each fixture under
 * test/fixtures/exports/ uses its vendor's header set (see the README there), goes through the
 * same decode and parse path as the CLI (decodeBytes → parseDelimited → analyze), and is checked
 * for which field each header maps to, the table kind, and values worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes } from '../../../shared/csv/decode-bytes';
import { parseDelimited } from '../../../shared/csv/parse-delimited';
import { analyze } from '../../../shared/analyze';
import type { Analysis, Lang } from '../../../shared/types';
import { byKey, noticeCodes } from './helpers';

const DIR = join(__dirname, '../../fixtures/exports');

function open(file: string): { rows: string[][]; encoding: string } {
  const decoded = decodeBytes(readFileSync(join(DIR, file)));
  return { rows: parseDelimited(decoded.text).rows, encoding: decoded.encoding };
}

function load(file: string, lang: Lang = 'en'): Analysis {
  return analyze(open(file).rows, { lang });
}

const mapping = (a: Analysis) => Object.fromEntries(a.columns.map((c) => [c.header, c.field]));

function countsAddUp(a: Analysis): void {
  const r = a.summary.rows;
  expect(r.read).toBe(r.accepted + r.rejected + r.skipped);
  const rejectedRows = new Set(a.errors.filter((e) => e.fatal).map((e) => e.row));
  expect(rejectedRows.size).toBe(r.rejected);
  for (const e of a.errors) {
    expect(e.row).toBeGreaterThan(a.headerRow);
    expect(e.column).toBeTruthy();
    expect(e.reason).toBeTruthy();
  }
}

describe('HubSpot company export', () => {
  const a = load('hubspot-companies.csv');

  it('maps key, owner, last activity and sales columns; leaves firmographics out', () => {
    expect(a.kind).toBe('customers');
    expect(mapping(a)).toEqual({
      'Record ID': 'id',
      'Company name': 'name',
      'Company Domain Name': 'domain',
      'Company owner': 'owner',
      'Last Activity Date': 'last_contact',
      City: 'region',
      Industry: 'segment',
      'Total Revenue': 'revenue',
      'Recent Deal Close Date': 'last_purchase',
    });
    // The company's own annual revenue is not what it buys from us.
    expect(a.unknownHeaders).toEqual(['Create Date', 'Phone Number', 'Lifecycle Stage', 'Annual Revenue', 'Number of Associated Deals']);
    countsAddUp(a);
  });

  it('reads the values: dates with a time, revenue, domain, owner', () => {
    const n = byKey(a, '9001');
    expect([n.name, n.owner, n.revenue, n.lastContact, n.lastPurchase, n.domains]).toEqual(['Northwind Traders', 'Ana Lopez', 182000, '2024-11-20', '2024-10-03', ['northwind.example']]);
    // 284,000 in all: 182,000 and 64,000 start below 80% (A); 23,500 and 9,800 below 95% (B);
    // 4,700 and 0 are C, and the lowest 5% of C (rounded up: one) is D.
    expect(a.customers.map((c) => [c.key, c.tier])).toEqual([
      ['9001', 'A'],
      ['9002', 'A'],
      ['9003', 'B'],
      ['9004', 'B'],
      ['9005', 'D'],
      ['9006', 'C'],
    ]);
  });
});

describe('HubSpot contact export', () => {
  const a = load('hubspot-contacts.csv');

  it('reads Contact owner and Associated Company; no revenue, so no tiers', () => {
    expect(a.kind).toBe('customers');
    expect(mapping(a)).toEqual({ 'Record ID': 'id', Email: 'email', 'Contact owner': 'owner', 'Associated Company': 'name', 'Last Activity Date': 'last_contact' });
    expect(byKey(a, '502').name).toBe('Contoso Ltd');
    expect(byKey(a, '502').owner).toBe('Ben Okafor');
    // A contact without a company keeps its record id as its name.
    expect(byKey(a, '504').name).toBe('504');
    expect(a.customers.every((c) => c.tier === null)).toBe(true);
    expect(noticeCodes(a)).toContain('no_tiers');
    countsAddUp(a);
  });
});

describe('Salesforce account report (Details Only CSV)', () => {
  const a = load('salesforce-accounts-report.csv');

  it('maps Account Name, Account Owner, Last Activity and the billing address', () => {
    expect(a.kind).toBe('customers');
    expect(mapping(a)).toEqual({
      'Account Owner': 'owner',
      'Account Name': 'name',
      Type: 'segment',
      Rating: 'crm_grade',
      'Last Activity': 'last_contact',
      'Billing City': 'region',
      Website: 'domain',
    });
    const dup = a.notices.filter((n) => n.code === 'duplicate_column').map((n) => n.message);
    expect(dup).toEqual([
      'column "Billing State/Province" is also region; the earlier column is used',
      'column "Billing Country" is also region; the earlier column is used',
      'column "Industry" is also segment; the earlier column is used',
    ]);
  });

  it('reads US dates month first and keeps Rating as the CRM’s grade, not a tier', () => {
    const f = byKey(a, 'Fabrikam Inc');
    expect([f.owner, f.lastContact, f.region, f.domains]).toEqual(['Ana Lopez', '2024-12-02', 'Berlin', ['fabrikam.example']]);
    expect(noticeCodes(a)).toContain('day_order');
    expect(a.customers.map((c) => c.tier)).toEqual([null, null, null, null, null]);
    expect(noticeCodes(a)).toContain('no_tiers');
  });

  it('accounts for the report footer: every row read is accepted, rejected with a reason or skipped', () => {
    expect(a.summary.rows.accepted).toBe(5);
    expect(a.summary.rows.read).toBe(10);
    countsAddUp(a);
  });
});

describe('Zoho CRM accounts export', () => {
  const a = load('zoho-accounts.csv');

  it('maps Record Id, Account Owner, Last Activity Time and Billing …', () => {
    expect(a.kind).toBe('customers');
    expect(mapping(a)).toEqual({
      'Record Id': 'id',
      'Account Owner': 'owner',
      'Account Name': 'name',
      Website: 'domain',
      'Account Type': 'segment',
      Rating: 'crm_grade',
      'Billing City': 'region',
      'Last Activity Time': 'last_contact',
    });
    const c = byKey(a, 'zcrm_4876876000000401003');
    expect([c.name, c.owner, c.lastContact, c.region, c.tier]).toEqual(['Adventure Works', 'Chen Wei', '2023-12-20', 'Toronto', null]);
    countsAddUp(a);
  });
});

describe('Pipedrive organization export', () => {
  const a = load('pipedrive-organizations.csv');

  it('drops the "Organization - " prefix; Won deals are orders, Last activity date a contact', () => {
    expect(a.kind).toBe('customers');
    expect(mapping(a)).toEqual({
      'Organization - ID': 'id',
      'Organization - Name': 'name',
      'Organization - Owner': 'owner',
      'Organization - Won deals': 'orders',
      'Organization - Last activity date': 'last_contact',
    });
    const n = byKey(a, '11');
    expect([n.name, n.owner, n.orders, n.lastContact, n.lastPurchase]).toEqual(['Northwind Traders', 'Ana Lopez', 7, '2024-11-20', null]);
  });

  it('has no money column, so it says there are no tiers instead of calling everyone C', () => {
    expect(a.customers.every((c) => c.tier === null)).toBe(true);
    expect(a.summary.tiers.C.count).toBe(0);
    expect(a.notices.find((n) => n.code === 'no_tiers')!.message).toContain('Add a revenue column');
    countsAddUp(a);
  });
});

describe('纷享销客 customer list saved by Excel as GB18030', () => {
  const file = open('fxiaoke-customers-gb18030.csv');
  const a = analyze(file.rows, { lang: 'zh' });

  it('is decoded as GB18030 by the CLI’s decode path', () => {
    expect(file.encoding).toBe('gb18030');
    expect(file.rows[0]![11]).toBe('是否购买竞品');
  });

  it('maps 负责人, 最后跟进时间, 最后成交时间, 总成交金额, 客户级别 and 是否购买竞品', () => {
    expect(a.kind).toBe('customers');
    expect(mapping(a)).toEqual({
      客户编号: 'id',
      客户名称: 'name',
      负责人: 'owner',
      客户级别: 'crm_grade',
      所属行业: 'segment',
      地区名称: 'region',
      最后跟进时间: 'last_contact',
      最后成交时间: 'last_purchase',
      总成交金额: 'revenue',
      是否购买竞品: 'competitor',
    });
    expect(a.unknownHeaders).toEqual(['负责人所在部门', '成交状态', '创建时间']);
  });

  it('reads the yes/no column 是否购买竞品, with a competitor named in brackets', () => {
    expect(['KH0001', 'KH0002', 'KH0003', 'KH0004'].map((k) => [byKey(a, k).competitor, byKey(a, k).competitorName])).toEqual([
      [false, null],
      [true, null],
      [null, null],
      [true, '顺丰'],
    ]);
  });

  it('tiers by 总成交金额, whatever the CRM’s own 客户级别 says', () => {
    // 2,194,500 in all: 1,280,000 / 420,000 / 350,000 start below 80% (A); 96,500 below 95% (B);
    // 48,000 and 0 are C, the lowest of them D. KH0003 is "C类客户" in the CRM and B here.
    expect(a.customers.map((c) => [c.key, c.tier])).toEqual([
      ['KH0001', 'A'],
      ['KH0002', 'A'],
      ['KH0003', 'B'],
      ['KH0004', 'A'],
      ['KH0005', 'D'],
      ['KH0006', 'C'],
    ]);
    const c = byKey(a, 'KH0001');
    expect([c.owner, c.revenue, c.lastContact, c.lastPurchase, c.region]).toEqual(['张伟', 1280000, '2024-11-28', '2024-10-15', '浙江省杭州市']);
    countsAddUp(a);
  });
});

describe('销售易 account export', () => {
  const a = load('xiaoshouyi-accounts.csv', 'zh');

  it('maps 客户所有人, 最新跟进时间, 总成交金额; 省份 before 城市', () => {
    expect(a.kind).toBe('customers');
    expect(mapping(a)).toEqual({
      客户名称: 'name',
      客户所有人: 'owner',
      客户级别: 'crm_grade',
      行业: 'segment',
      省份: 'region',
      最新跟进时间: 'last_contact',
      最后成交时间: 'last_purchase',
      总成交金额: 'revenue',
    });
    const c = byKey(a, '大连北港机械有限公司');
    expect([c.owner, c.revenue, c.lastContact, c.lastPurchase, c.region, c.tier]).toEqual(['孙浩', 330000, '2024-04-10', '2023-12-20', '辽宁省', 'A']);
    expect(a.notices.map((n) => n.message)).toContain('列 "城市" 与前面的列同为 region, 使用前一列');
    countsAddUp(a);
  });
});

describe('悟空CRM customer export', () => {
  const a = load('wukong-customers.csv', 'zh');

  it('maps 负责人名字, 省市区, 客户行业, 网址 and 最后跟进时间; no money column, no tiers', () => {
    expect(a.kind).toBe('customers');
    expect(mapping(a)).toEqual({
      客户名称: 'name',
      客户级别: 'crm_grade',
      客户行业: 'segment',
      网址: 'domain',
      省市区: 'region',
      负责人名字: 'owner',
      最后跟进时间: 'last_contact',
    });
    const c = byKey(a, '长沙湘江电子有限公司');
    expect([c.owner, c.region, c.segment, c.lastContact, c.domains, c.tier]).toEqual(['吴倩', '湖南省长沙市岳麓区', '电子电器', '2024-09-18', ['xjdz-electronics.example'], null]);
    expect(a.notices.find((n) => n.code === 'no_tiers')!.message).toContain('请加一列销售额');
    countsAddUp(a);
  });
});

describe('钉钉 CRM customer export', () => {
  const a = load('dingtalk-customers.csv', 'zh');

  it('maps 客户等级 as the CRM’s grade, 成交次数 as orders, 地区 as region', () => {
    expect(a.kind).toBe('customers');
    expect(mapping(a)).toEqual({
      客户名称: 'name',
      负责人: 'owner',
      客户等级: 'crm_grade',
      所属行业: 'segment',
      地区: 'region',
      最新跟进时间: 'last_contact',
      最后成交时间: 'last_purchase',
      成交次数: 'orders',
      总成交金额: 'revenue',
      是否购买竞品: 'competitor',
    });
    // 775,000 in all: 520,000 and 180,000 start below 80% (A), 75,000 below 95% (B).
    expect(a.customers.map((c) => [c.key, c.tier, c.orders, c.competitor])).toEqual([
      ['厦门鹭岛贸易有限公司', 'A', 12, false],
      ['泉州刺桐鞋业有限公司', 'B', 6, false],
      ['福州闽江制药有限公司', 'A', 4, true],
    ]);
    countsAddUp(a);
  });
});

describe('用友 U8 销售明细表', () => {
  const a = load('yonyou-u8-sales-detail.csv', 'zh');

  it('is a transaction log below its report title; 价税合计 is the revenue and the choice is shown', () => {
    expect(a.kind).toBe('transactions');
    expect(a.headerRow).toBe(4);
    expect(mapping(a)).toEqual({
      单据日期: 'date',
      单据编号: 'order_id',
      客户编码: 'id',
      客户名称: 'name',
      业务员: 'owner',
      数量: 'quantity',
      含税单价: 'unit_price',
      价税合计: 'revenue',
    });
    expect(a.notices.filter((n) => n.code === 'preferred_column').map((n) => n.message)).toEqual([
      '单价取自 "含税单价", 未使用 "无税单价" (优先取含税合计, 其次销售金额/销售单价)',
      '销售额取自 "价税合计", 未使用 "无税金额" (优先取含税合计, 其次销售金额/销售单价)',
    ]);
  });

  it('sums tax-inclusive totals per customer; a bad amount is a row error; the totals row is skipped', () => {
    expect(a.customers.map((c) => [c.key, c.name, c.owner, c.revenue, c.orders, c.lastPurchase, c.tier])).toEqual([
      ['K001', '华东机电有限公司', '王强', 9040 + 18080, 2, '2024-05-20', 'A'],
      ['K002', '北方重工集团', '李娜', 11300 + 6780, 2, '2024-09-30', 'A'],
      ['K003', '南方包装厂', '王强', 1695 + 3390, 2, '2024-12-05', 'B'],
    ]);
    expect(a.errors).toEqual([{ row: 10, column: '价税合计', value: '12o8.00', code: 'not_a_number', reason: '不是数字', fatal: true }]);
    expect(a.summary.rows).toEqual({ read: 8, accepted: 6, rejected: 1, skipped: 1 });
    expect(noticeCodes(a)).toContain('skipped_totals');
    countsAddUp(a);
  });
});

describe('金蝶 K/3 销售出库单序时簿', () => {
  const a = load('kingdee-k3-sales-out.csv', 'zh');

  it('is a transaction log keyed by 购货单位; 价税合计 over 销售金额, 销售单价 over the cost 单价', () => {
    expect(a.kind).toBe('transactions');
    expect(mapping(a)).toEqual({
      日期: 'date',
      单据编号: 'order_id',
      购货单位: 'name',
      实发数量: 'quantity',
      销售单价: 'unit_price',
      价税合计: 'revenue',
      业务员: 'owner',
    });
    expect(a.notices.filter((n) => n.code === 'preferred_column').map((n) => n.message)).toEqual([
      '单价取自 "销售单价", 未使用 "单价" (优先取含税合计, 其次销售金额/销售单价)',
      '销售额取自 "价税合计", 未使用 "销售金额" (优先取含税合计, 其次销售金额/销售单价)',
    ]);
  });

  it('nets the red (negative) slip against the customer’s revenue', () => {
    expect(a.customers.map((c) => [c.key, c.revenue, c.orders, c.tier])).toEqual([
      ['上海华联超市', 4520 + 9040 - 904, 2, 'A'],
      ['杭州联华超市', 2260 + 3616, 2, 'A'],
      ['苏州好又多', 1356, 1, 'B'],
    ]);
    expect(noticeCodes(a)).toContain('cancellations');
    countsAddUp(a);
  });
});

describe('property: vendor-shaped tables with bad cells account for every row', () => {
  const money = fc.oneof(fc.integer({ min: -1000, max: 2_000_000 }).map(String), fc.constantFrom('', '1,280,000.00', '12o0', '¥3万', 'n/a'));
  const date = fc.constantFrom('2024-11-28 16:05', '2024/3/5', '', 'yesterday', '2024-02-30');
  const key = fc.constantFrom('KH0001', 'KH0002', 'K003', '', '合计');

  it('a Chinese CRM customer list (纷享销客 header set)', () => {
    const header = open('fxiaoke-customers-gb18030.csv').rows[0]!;
    const row = fc.tuple(key, fc.constantFrom('甲公司', '乙公司', ''), date, date, money, fc.constantFrom('是', '否', '', '是（华为）', 'maybe'));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 15 }), (rows) => {
        const table = [header, ...rows.map(([k, n, lc, lp, rev, comp]) => [k, n, '张伟', '华东', 'A类客户', '已成交', '制造业', '浙江省', lc, lp, rev, comp, '2021-03-02'])];
        countsAddUp(analyze(table, { lang: 'zh', asOf: '2024-12-31' }));
      }),
    );
  });

  it('an ERP sales detail (用友 U8 header set) read as a transaction log', () => {
    const header = open('yonyou-u8-sales-detail.csv').rows[3]!;
    const row = fc.tuple(date, fc.constantFrom('0000000101', '0000000102'), key, money, money);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 15 }), (rows) => {
        const table = [header, ...rows.map(([d, no, k, net, gross]) => [d, no, k, '客户', '一部', '王强', 'C-1', '电机', 'Y2', '1', '', '', net, '', gross])];
        const a = analyze(table, { lang: 'zh', asOf: '2024-12-31' });
        expect(a.kind).toBe('transactions');
        countsAddUp(a);
      }),
    );
  });
});
