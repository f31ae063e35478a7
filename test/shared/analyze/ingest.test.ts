/**
 * method §1 (inputs) through analyze(): header recognition, table kind, rows that are not data,
 * row errors, duplicate keys, transaction logs, unusable tables. Expected values are worked out
 * by hand from method §1 in the comments.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../shared/analyze';
import { AnalyzeError } from '../../../shared/analyze-error';
import { fieldOfHeader } from '../../../shared/ingest/headers';
import { byKey, keys, noticeCodes } from './helpers';

const AS_OF = '2024-12-31';

describe('§1 header recognition', () => {
  it.each([
    ['客户编号', 'id'],
    ['客户ID', 'id'],
    ['Customer ID', 'id'],
    ['customer id', 'id'],
    ['CUSTOMER  ID', 'id'],
    ['Account ID', 'id'],
    ['客户名称', 'name'],
    ['公司', 'name'],
    ['Company', 'name'],
    ['邮箱', 'email'],
    ['E-mail', 'email'],
    ['负责人', 'owner'],
    ['Account manager', 'owner'],
    ['销售额', 'revenue'],
    ['销售额(元)', 'revenue'],
    ['销售额（元）', 'revenue'],
    ['Revenue (USD)', 'revenue'],
    ['ＲＥＶＥＮＵＥ', 'revenue'],
    ['  Sales  ', 'revenue'],
    ['本期销售额', 'revenue'],
    ['上期销售额', 'revenue_prev'],
    ['Previous revenue', 'revenue_prev'],
    ['Last year', 'revenue_prev'],
    ['毛利', 'profit'],
    ['Contribution', 'profit'],
    ['服务成本', 'cost_to_serve'],
    ['Cost to serve', 'cost_to_serve'],
    ['购买次数', 'orders'],
    ['Frequency', 'orders'],
    ['首次购买', 'first_purchase'],
    ['Last order', 'last_purchase'],
    ['品类总需求', 'wallet'],
    ['Share of wallet', 'share'],
    ['上期份额', 'share_prev'],
    ['购买竞品', 'competitor'],
    ['供应商数量', 'suppliers'],
    ['转换成本', 'switching_cost'],
    ['增长潜力', 'potential'],
    ['应收账款', 'receivable'],
    ['逾期金额', 'overdue_amount'],
    ['逾期天数', 'overdue_days'],
    ['信用额度', 'credit_limit'],
    ['满意度', 'satisfaction'],
    ['投诉次数', 'complaints'],
    ['未解决投诉', 'complaints_open'],
    ['最近拜访', 'last_contact'],
    ['跳槽原因', 'churn_reason'],
    ['行业', 'segment'],
    ['客户', 'name'],
    ['名称', 'name'],
    ['Customer', 'name'],
    ['Account', 'name'],
    ['电子邮件', 'email'],
    ['Email', 'email'],
    ['域名', 'domain'],
    ['网站', 'domain'],
    ['Website', 'domain'],
    ['业务员', 'owner'],
    ['销售', 'owner'],
    ['Rep', 'owner'],
    ['收入', 'revenue'],
    ['营收', 'revenue'],
    ['Amount', 'revenue'],
    ['去年销售额', 'revenue_prev'],
    ['贡献利润', 'profit'],
    ['Margin', 'profit'],
    ['维护成本', 'cost_to_serve'],
    ['订单数', 'orders'],
    ['交易次数', 'orders'],
    ['最近购买', 'last_purchase'],
    ['First order', 'first_purchase'],
    ['客户采购总额', 'wallet'],
    ['Wallet', 'wallet'],
    ['Category spend', 'wallet'],
    ['份额', 'share'],
    ['竞品', 'competitor'],
    ['Buys from competitor', 'competitor'],
    ['Suppliers', 'suppliers'],
    ['Switching cost', 'switching_cost'],
    ['潜在价值', 'potential'],
    ['Potential', 'potential'],
    ['Satisfaction', 'satisfaction'],
    ['最近联系', 'last_contact'],
    ['Last contact', 'last_contact'],
    ['流失原因', 'churn_reason'],
    ['Churn reason', 'churn_reason'],
    ['分类', 'segment'],
    ['Segment', 'segment'],
    ['区域', 'region'],
    ['ｃｕｓｔｏｍｅｒ　ＩＤ', 'id'],
    ['Customer_ID', 'id'],
    ['利润【万元】', 'profit'],
    ['Region', 'region'],
  ])('%j → %s', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it('an unrelated header matches nothing', () => {
    expect(fieldOfHeader('备注')).toBeNull();
    expect(fieldOfHeader('Notes')).toBeNull();
  });

  it('analyze reports the user header on each column and lists unknown headers', () => {
    const a = analyze(
      [
        ['客户名称', '销售额(元)', '备注'],
        ['甲公司', '100', 'x'],
      ],
      { asOf: AS_OF },
    );
    expect(a.columns.map((c) => [c.field, c.header])).toEqual([
      ['name', '客户名称'],
      ['revenue', '销售额(元)'],
    ]);
    expect(a.unknownHeaders).toEqual(['备注']);
    expect(a.customers[0]!.revenue).toBe(100);
  });
});

describe('§1 table kind', () => {
  it('one row per customer → customer table', () => {
    const a = analyze(
      [
        ['Customer ID', 'Revenue', 'Previous revenue'],
        ['C1', '100', '90'],
        ['C2', '50', '60'],
      ],
      { asOf: AS_OF },
    );
    expect(a.kind).toBe('customers');
    expect(a.customers).toHaveLength(2);
  });

  it('key + amount + a date column but every key once → customer table (a log is one whose keys repeat)', () => {
    // method §1: "Transaction log: one row per order (customer key + date + amount, customer keys repeat)".
    // Read as a log, 甲's 100,000 dated 2022 would fall outside the current period and 甲 would be D.
    const a = analyze(
      [
        ['客户名称', '销售额', '日期'],
        ['甲', '100000', '2022-05-01'],
        ['乙', '500', '2024-12-01'],
        ['丙', '300', '2024-06-01'],
      ],
      { asOf: AS_OF, model: false },
    );
    expect(a.kind).toBe('customers');
    expect(byKey(a, '甲').revenue).toBe(100000);
    expect(byKey(a, '甲').tier).toBe('A');
  });

  it('key + date + amount with keys repeating → transaction log', () => {
    const a = analyze(
      [
        ['客户编号', '日期', '金额'],
        ['1', '2024-01-05', '10'],
        ['1', '2024-02-05', '20'],
        ['2', '2024-03-05', '30'],
      ],
      { asOf: AS_OF, model: false },
    );
    expect(a.kind).toBe('transactions');
    expect(keys(a)).toEqual(['1', '2']);
  });
});

describe('§1 rows that are not data', () => {
  // Rows (header = row 1): 2 A, 3 blank, 4 repeated header, 5 B, 6 合计 (no key), 7 Total in the key column.
  const table = [
    ['客户编号', '客户名称', '销售额'],
    ['A1', '甲', '700'],
    ['', '', ''],
    ['客户编号', '客户名称', '销售额'],
    ['B2', '乙', '300'],
    ['', '合计', '1000'],
    ['Grand total', '', '1000'],
  ];
  const a = analyze(table, { asOf: AS_OF, lang: 'zh' });

  it('skips blank, repeated-header and totals rows, each with a notice naming its row', () => {
    expect(keys(a)).toEqual(['A1', 'B2']);
    const skipped = a.notices.filter((n) => n.code.startsWith('skipped_')).map((n) => [n.row, n.code]);
    expect(skipped).toEqual([
      [3, 'skipped_blank'],
      [4, 'skipped_header'],
      [6, 'skipped_totals'],
      [7, 'skipped_totals'],
    ]);
  });

  it('accepted + rejected + skipped = read (6 data rows: 2 accepted, 4 skipped)', () => {
    expect(a.summary.rows).toEqual({ read: 6, accepted: 2, rejected: 0, skipped: 4 });
  });

  it('a totals row never becomes the biggest A customer: shares are of 700 + 300', () => {
    // 700 / 1000 = 70% → A1 holds 70%; B2's cumulative share before it is 0.7 < 0.8 → A.
    expect(byKey(a, 'A1').tier).toBe('A');
    expect(byKey(a, 'B2').cumulativeShare).toBeCloseTo(0.7, 9);
    expect(a.summary.totals.revenue).toBe(1000);
  });

  it.each(['合计', '总计', '小计', 'Total', 'Subtotal', 'Grand total', 'TOTAL'])('%j in the name column with an empty key is a totals row', (word) => {
    const r = analyze(
      [
        ['Customer ID', 'Customer', 'Sales'],
        ['X', 'x', '5'],
        ['', word, '5'],
      ],
      { asOf: AS_OF },
    );
    expect(r.summary.rows).toEqual({ read: 2, accepted: 1, rejected: 0, skipped: 1 });
    expect(noticeCodes(r)).toContain('skipped_totals');
  });

  it('a 合计 row with no key is skipped whichever column carries the word (here the region column)', () => {
    // method §1: totals rows (合计 …, with no key of their own) are skipped with a notice.
    // Row 4 has no customer id and 合计 under 区域, the cell left of the amount.
    const r = analyze(
      [
        ['客户编号', '区域', '销售额'],
        ['1', '华东', '600'],
        ['2', '华北', '400'],
        ['', '合计', '1000'],
      ],
      { asOf: AS_OF },
    );
    expect(r.summary.rows).toEqual({ read: 3, accepted: 2, rejected: 0, skipped: 1 });
    expect(r.notices.find((n) => n.code === 'skipped_totals')?.row).toBe(4);
  });

  it('a totals row in a transaction log (合计 under the date column) is skipped, not rejected', () => {
    const r = analyze(
      [
        ['客户编号', '日期', '金额'],
        ['1', '2024-03-01', '5'],
        ['1', '2024-04-01', '5'],
        ['', '合计', '10'],
      ],
      { asOf: AS_OF, model: false },
    );
    expect(r.summary.rows).toEqual({ read: 3, accepted: 2, rejected: 0, skipped: 1 });
  });

  it('a repeated header row in a transaction log is skipped', () => {
    const r = analyze(
      [
        ['Customer ID', 'Date', 'Amount'],
        ['1', '2024-03-01', '5'],
        ['Customer ID', 'Date', 'Amount'],
        ['1', '2024-04-01', '5'],
      ],
      { asOf: AS_OF, model: false },
    );
    expect(r.summary.rows).toEqual({ read: 3, accepted: 2, rejected: 0, skipped: 1 });
    expect(r.customers[0]!.revenue).toBe(10);
  });

  it('a second header row in the other language (bilingual export) is a repeated header, skipped', () => {
    // 客户编号/销售额 then Customer ID/Revenue: both rows name the same fields.
    const r = analyze(
      [
        ['客户编号', '销售额'],
        ['Customer ID', 'Revenue'],
        ['1', '5'],
      ],
      { asOf: AS_OF },
    );
    expect(r.summary.rows).toEqual({ read: 2, accepted: 1, rejected: 0, skipped: 1 });
  });

  it('when the name is the key, a 合计 row is still skipped (no key of its own)', () => {
    const r = analyze(
      [
        ['客户', '销售额'],
        ['甲', '5'],
        ['合计', '5'],
      ],
      { asOf: AS_OF },
    );
    expect(keys(r)).toEqual(['甲']);
    expect(r.summary.rows.skipped).toBe(1);
  });
});

describe('§1 dates: day/month order decided once per column', () => {
  it('13/2/2024 in the column makes 3/1/2024 the 3rd of January', () => {
    const a = analyze(
      [
        ['Customer', 'Revenue', 'Last order'],
        ['a', '1', '13/2/2024'],
        ['b', '1', '3/1/2024'],
      ],
      { asOf: AS_OF },
    );
    expect(byKey(a, 'a').lastPurchase).toBe('2024-02-13');
    expect(byKey(a, 'b').lastPurchase).toBe('2024-01-03');
  });
  it('2/13/2024 in the column makes 3/1/2024 the 1st of March', () => {
    const a = analyze(
      [
        ['Customer', 'Revenue', 'Last order'],
        ['a', '1', '2/13/2024'],
        ['b', '1', '3/1/2024'],
      ],
      { asOf: AS_OF },
    );
    expect(byKey(a, 'b').lastPurchase).toBe('2024-03-01');
  });
});

describe('§1 row errors', () => {
  it('a bad number in revenue rejects the row with row (header = 1), the user header, the value and a reason', () => {
    const a = analyze(
      [
        ['客户名称', '销售额(元)'],
        ['甲', '100'],
        ['乙', 'abc'],
        ['丙', '50'],
      ],
      { asOf: AS_OF, lang: 'zh' },
    );
    expect(keys(a)).toEqual(['丙', '甲']);
    const fatal = a.errors.filter((e) => e.fatal);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toMatchObject({ row: 3, column: '销售额(元)', value: 'abc' });
    expect(fatal[0]!.reason.length).toBeGreaterThan(0);
    expect(a.summary.rows).toEqual({ read: 3, accepted: 2, rejected: 1, skipped: 0 });
  });

  it('a row with no key is rejected with its row number, not dropped', () => {
    const a = analyze(
      [
        ['Customer ID', 'Revenue'],
        ['C1', '10'],
        ['', '20'],
      ],
      { asOf: AS_OF },
    );
    expect(a.errors.some((e) => e.row === 3 && e.fatal)).toBe(true);
    expect(a.summary.rows).toEqual({ read: 2, accepted: 1, rejected: 1, skipped: 0 });
  });

  it('reads ¥1,234.50 and 1.2万 as amounts', () => {
    const a = analyze(
      [
        ['客户编号', '销售额'],
        ['a', '¥1,234.50'],
        ['b', '1.2万'],
      ],
      { asOf: AS_OF },
    );
    expect(byKey(a, 'a').revenue).toBeCloseTo(1234.5, 9);
    expect(byKey(a, 'b').revenue).toBeCloseTo(12000, 9);
  });
});

describe('§1 duplicate keys', () => {
  it('are merged into one customer with a warning naming the key', () => {
    const a = analyze(
      [
        ['客户编号', '客户名称', '销售额'],
        ['K1', '甲', '100'],
        ['K2', '乙', '40'],
        ['K1', '甲', '60'],
      ],
      { asOf: AS_OF },
    );
    expect(keys(a)).toEqual(['K1', 'K2']);
    expect(byKey(a, 'K1').rows).toEqual([2, 4]);
    const dup = a.notices.filter((n) => n.code === 'duplicate_key');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.message).toContain('K1');
    // every row read is accounted for: 3 read, 3 accepted (two of them make one customer)
    expect(a.summary.rows).toEqual({ read: 3, accepted: 3, rejected: 0, skipped: 0 });
  });
});

describe('§1 duplicate keys and row order', () => {
  it('merging a duplicate key gives the same customer whichever row comes first', () => {
    // method §1: "row order changes no result". K1 appears twice with different owner and
    // satisfaction; swapping the two rows must not change K1.
    const h = ['客户编号', '销售额', '负责人', '满意度'];
    const r1 = ['K1', '100', '张三', '5'];
    const r2 = ['K1', '50', '李四', '1'];
    const a = analyze([h, r1, r2], { asOf: AS_OF });
    const b = analyze([h, r2, r1], { asOf: AS_OF });
    const strip = (x: typeof a) => x.customers.map(({ rows: _r, ...c }) => c);
    expect(a.customers[0]!.revenue).toBe(150);
    expect(strip(b)).toEqual(strip(a));
  });
});

describe('§1 transaction logs', () => {
  // asOf 2024-12-31, period 365 days → current period (2024-01-01 … 2024-12-31], previous the year before.
  it('sums per customer, counts same-day purchases once, subtracts cancellations, "12348.0" = "12348"', () => {
    const a = analyze(
      [
        ['Customer ID', 'InvoiceNo', 'InvoiceDate', 'Quantity', 'UnitPrice'],
        ['12348', '500001', '2024-03-01', '2', '10'], // 20
        ['12348.0', '500002', '2024-03-01', '1', '5'], // 5, same day → one purchase day
        ['12348', '500003', '2024-06-01', '3', '10'], // 30
        ['12348', 'C500004', '2024-06-02', '-1', '10'], // cancellation −10
        ['12348', '500000', '2023-06-01', '4', '10'], // 40, previous period
        ['99', '500005', '2024-05-01', '1', '7'], // 7
        ['77', '499999', '2022-12-20', '1', '3'], // the log reaches back before the previous period
      ],
      { asOf: AS_OF, model: false },
    );
    expect(a.kind).toBe('transactions');
    expect(keys(a)).toEqual(['12348', '77', '99']);
    const c = byKey(a, '12348');
    // current: 20 + 5 + 30 − 10 = 45; previous: 40
    expect(c.revenue).toBe(45);
    expect(c.revenuePrev).toBe(40);
    // purchase days: 2023-06-01, 2024-03-01, 2024-06-01 → 3 orders (the cancellation is not a purchase)
    expect(c.orders).toBe(3);
    expect(c.firstPurchase).toBe('2023-06-01');
    expect(c.lastPurchase).toBe('2024-06-01');
    expect(byKey(a, '99').revenue).toBe(7);
    expect(a.summary.rows).toEqual({ read: 7, accepted: 7, rejected: 0, skipped: 0 });
  });

  it('a previous period the log does not reach back to is unknown, not zero: no "growth" from nothing', () => {
    const rows = [
      ['Customer ID', 'InvoiceDate', 'Quantity', 'UnitPrice'],
      ['1', '2024-03-01', '1', '10'],
      ['1', '2024-09-01', '1', '10'],
      ['2', '2023-06-01', '1', '10'],
      ['2', '2024-06-01', '1', '50'],
    ];
    // The log begins 2023-06-01, after the previous period's first day (2023-01-02: the 365 days before 2024-01-02).
    const a = analyze(rows, { asOf: AS_OF, model: false });
    expect(byKey(a, '1').revenuePrev).toBeNull();
    expect(byKey(a, '2').revenuePrev).toBeNull();
    expect(byKey(a, '1').lifecycle).not.toBe('growth');
    expect(a.notices.map((n) => n.code)).toContain('previous_period_unknown');
    // One more row reaching back to it makes it known: customer 1 had nothing then, a real 0.
    const b = analyze([...rows, ['3', '2023-01-01', '1', '1']], { asOf: AS_OF, model: false });
    expect(byKey(b, '1').revenuePrev).toBe(0);
    expect(byKey(b, '2').revenuePrev).toBe(10);
    expect(b.notices.map((n) => n.code)).not.toContain('previous_period_unknown');
  });

  it('uses the amount column when there is one (Chinese headers)', () => {
    const a = analyze(
      [
        ['客户编号', '订单日期', '金额'],
        ['c1', '2024年3月1日', '¥100'],
        ['c1', '2024/4/1', '50'],
        ['c2', '20240501', '30'],
        ['c2', '2024-05-01', '30'],
      ],
      { asOf: AS_OF, model: false },
    );
    expect(byKey(a, 'c1').revenue).toBe(150);
    expect(byKey(a, 'c1').orders).toBe(2);
    // c2: two lines on one day → 60 revenue, one purchase
    expect(byKey(a, 'c2').revenue).toBe(60);
    expect(byKey(a, 'c2').orders).toBe(1);
  });

  it('a log row with a bad amount is rejected with its row and column', () => {
    const a = analyze(
      [
        ['Customer ID', 'Date', 'Amount'],
        ['1', '2024-01-01', '10'],
        ['1', '2024-01-02', 'ten'],
        ['2', '2024-01-03', '5'],
      ],
      { asOf: AS_OF, model: false },
    );
    expect(a.errors.filter((e) => e.fatal)).toEqual([expect.objectContaining({ row: 3, column: 'Amount', value: 'ten' })]);
    expect(a.summary.rows).toEqual({ read: 3, accepted: 2, rejected: 1, skipped: 0 });
  });
});

describe('§1 unusable tables', () => {
  it('no key column → AnalyzeError listing the headers it understands (zh and en)', () => {
    const t = [
      ['备注', '金额'],
      ['x', '1'],
    ];
    expect(() => analyze(t, { lang: 'zh' })).toThrow(AnalyzeError);
    try {
      analyze(t, { lang: 'zh' });
    } catch (e) {
      expect((e as AnalyzeError).code).toBe('no_key');
      expect((e as Error).message).toContain('客户编号');
    }
    try {
      analyze(t, { lang: 'en' });
    } catch (e) {
      expect((e as Error).message).toContain('customer id');
    }
  });

  it('an empty table throws AnalyzeError', () => {
    expect(() => analyze([])).toThrow(AnalyzeError);
  });
});
