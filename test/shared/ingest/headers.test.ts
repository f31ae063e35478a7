/**
 * Header recognition for the vendors' export headers: each header named in docs/exports.md maps to
 * the field the table there gives; `是否` + a yes/no field; Pipedrive's object prefix; the
 * tax-inclusive amount preferred wherever it stands; headers that must stay unrecognised.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HEADER_SYNONYMS, fieldOfHeader, matchHeaders, describeHeaders, fieldWord, PREFERRED_HEADERS } from '../../../shared/ingest/headers';
import { headerNotices } from '../../../shared/ingest/header-notices';
import type { Field } from '../../../shared/types';

describe('vendor export headers', () => {
  it.each<[string, Field]>([
    // HubSpot
    ['Record ID', 'id'],
    ['Company name', 'name'],
    ['Company Domain Name', 'domain'],
    ['Company owner', 'owner'],
    ['Contact owner', 'owner'],
    ['Last Activity Date', 'last_contact'],
    ['Last Contacted', 'last_contact'],
    ['Total Revenue', 'revenue'],
    ['Associated Company', 'name'],
    ['Recent Deal Close Date', 'last_purchase'],
    ['Became a Customer Date', 'first_purchase'],
    ['Country/Region', 'region'],
    // Salesforce reports
    ['Account Name', 'name'],
    ['Account Owner', 'owner'],
    ['Last Activity', 'last_contact'],
    ['Billing City', 'region'],
    ['Billing State/Province', 'region'],
    ['Billing Country', 'region'],
    ['Rating', 'crm_grade'],
    // Zoho CRM
    ['Record Id', 'id'],
    ['Last Activity Time', 'last_contact'],
    ['Billing State', 'region'],
    ['Account Type', 'segment'],
    // Pipedrive
    ['Organization - Name', 'name'],
    ['Organization - Owner', 'owner'],
    ['Organization - Last activity date', 'last_contact'],
    ['Organization - Won deals', 'orders'],
    ['Organization - ID', 'id'],
    ['Person - Name', 'name'],
    ['Person - Owner', 'owner'],
    ['Person - Email - Work', 'email'],
    ['Person - Organization', 'name'],
    // Chinese CRMs
    ['客户所有人', 'owner'],
    ['负责人名字', 'owner'],
    ['最后跟进时间', 'last_contact'],
    ['最新跟进时间', 'last_contact'],
    ['最后成交时间', 'last_purchase'],
    ['总成交金额', 'revenue'],
    ['客户级别', 'crm_grade'],
    ['客户等级', 'crm_grade'],
    ['所属行业', 'segment'],
    ['地区名称', 'region'],
    ['省市区', 'region'],
    ['是否购买竞品', 'competitor'],
    ['是否 购买竞品?', 'competitor'],
    ['成交次数', 'orders'],
    // 用友 U8 销售明细
    ['单据日期', 'date'],
    ['单据编号', 'order_id'],
    ['客户编码', 'id'],
    ['客户简称', 'name'],
    ['数量', 'quantity'],
    ['无税单价', 'unit_price'],
    ['含税单价', 'unit_price'],
    ['无税金额', 'revenue'],
    ['价税合计', 'revenue'],
    // 金蝶 K/3 销售出库
    ['日期', 'date'],
    ['购货单位', 'name'],
    ['实发数量', 'quantity'],
    ['单价', 'unit_price'],
    ['销售金额', 'revenue'],
    ['销售单价', 'unit_price'],
  ])('%j → %s', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it.each([
    // A company's own size is not its purchases from us; open/lost deals are not orders.
    'Annual Revenue',
    'Number of Associated Deals',
    'Organization - Open deals',
    'Organization - Next activity date',
    'Organization - Address',
    'Create Date',
    '下次联系时间',
    '成交状态',
    '税额',
    // 金蝶's 单位 is the unit of measure, not the customer.
    '单位',
    // 是否 + a field that is not a yes/no question stays unknown rather than read as a count.
    '是否投诉',
    '是否',
    'Deal - Value',
  ])('%j is not recognised', (header) => {
    expect(fieldOfHeader(header)).toBeNull();
  });
});

describe('matchHeaders: the preferred column wins wherever it stands', () => {
  it('价税合计 over 无税金额, in either order, and the notice says so', () => {
    for (const row of [
      ['客户编码', '无税金额', '价税合计'],
      ['客户编码', '价税合计', '无税金额'],
    ]) {
      const m = matchHeaders(row);
      expect(m.columns.find((c) => c.field === 'revenue')!.header).toBe('价税合计');
      expect(m.duplicates).toEqual([{ header: '无税金额', field: 'revenue', index: row.indexOf('无税金额'), kept: '价税合计', preferred: true }]);
      expect(headerNotices(m, 'en')).toEqual([
        { code: 'preferred_column', message: 'revenue is read from "价税合计", not "无税金额" (a tax-included total comes first, then the sales amount or price)' },
      ]);
    }
  });

  it('without a preferred column the first one wins, as before', () => {
    const m = matchHeaders(['Customer', 'Revenue', 'Amount']);
    expect(m.columns.find((c) => c.field === 'revenue')!.index).toBe(1);
    expect(m.duplicates).toEqual([{ header: 'Amount', field: 'revenue', index: 2, kept: 'Revenue', preferred: false }]);
    expect(headerNotices(m, 'zh')[0]!.code).toBe('duplicate_column');
  });

  it('partitions every non-blank header: one column per field, the rest unknown or not used', () => {
    const pool = [...new Set(Object.values(HEADER_SYNONYMS).flat())];
    const header = fc.oneof(fc.constantFrom(...pool), fc.constantFrom(...Object.values(PREFERRED_HEADERS).flat()), fc.string({ maxLength: 6 }), fc.constant(''));
    fc.assert(
      fc.property(fc.array(header, { maxLength: 14 }), (row) => {
        const m = matchHeaders(row);
        const nonBlank = row.filter((h) => h.trim() !== '').length;
        expect(m.columns.length + m.unknown.length + m.duplicates.length).toBe(nonBlank);
        const fields = m.columns.map((c) => c.field);
        expect(new Set(fields).size).toBe(fields.length);
        for (const d of m.duplicates) {
          const kept = m.columns.find((c) => c.field === d.field)!;
          expect(kept.header).toBe(d.kept);
          // Kept because it came first, unless a preferred header beat it.
          if (!d.preferred) expect(kept.index).toBeLessThan(d.index);
        }
        for (const c of m.columns) expect(row[c.index]!.trim()).toBe(c.header);
      }),
    );
  });
});

describe('describeHeaders and fieldWord (for the no-header message)', () => {
  it('lists what a row was understood as, in the user’s language', () => {
    expect(describeHeaders(['客户所有人', '最后跟进时间', '备注'], 'zh')).toEqual({ understood: '客户所有人 → 负责人、最后跟进时间 → 最近联系', unknown: '备注' });
    expect(describeHeaders(['foo'], 'en')).toEqual({ understood: 'none', unknown: 'foo' });
    expect(fieldWord('crm_grade', 'en')).toBe('crm grade');
  });
});
