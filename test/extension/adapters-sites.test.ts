// @vitest-environment happy-dom
/**
 * Every adapter on saved pages: the real Gmail captures (test/fixtures/data/real-dom, see its
 * SOURCES.md), Outlook's current reading pane, the web CRMs' record pages and the Chinese webmail
 * read views built to their documented structure (test/extension/fixtures). Expected values are
 * read off the fixture by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as gmail from '../../extension/sites/gmail';
import * as outlook from '../../extension/sites/outlook';
import * as salesforce from '../../extension/sites/salesforce';
import * as hubspot from '../../extension/sites/hubspot';
import * as pipedrive from '../../extension/sites/pipedrive';
import * as zoho from '../../extension/sites/zoho-crm';
import * as generic from '../../extension/sites/generic';
import * as netease from '../../extension/sites/netease-mail';
import * as qq from '../../extension/sites/qq-mail';
import * as aliyun from '../../extension/sites/aliyun-mail';
import { ADAPTERS } from '../../extension/sites/adapters';
import { MAX_PEOPLE } from '../../extension/sites/record-page';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const fixture = (name: string) => parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'));
const realDom = (name: string) => parse(readFileSync(join(import.meta.dirname, '../fixtures/data/real-dom', name), 'utf8'));

afterEach(() => vi.restoreAllMocks());

describe('Gmail on real captures', () => {
  const id = 'FMfcgzQXJWjbKnBPfzDLxHkxsDDXVmsq';
  const hashes = [`#inbox/${id}`, `#inbox/${id}?compose=CllgCJTMXQXkrNzBVHhRpTfGs`, `#inbox/${id}?projector=1&messagePartId=0.1`];
  it.each(hashes)('reads the 2025 message at %s', (hash) => {
    const ctx = gmail.read(realDom('gmail-message-2025.html'), new URL(`https://mail.google.com/mail/u/0/${hash}`));
    expect(ctx?.people).toEqual([
      { email: 'vinod.jptnp@gmail.com', name: 'Vinod Kumar', role: 'from' },
      { email: 'jiitengg2026@googlegroups.com', name: 'jiitengg2026', role: 'to' },
    ]);
    expect(ctx?.subject).toBeTruthy();
  });

  it('reads nothing from the 2014 inbox list, for the list URL and a thread URL alike', () => {
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    const doc = realDom('gmail-inbox-2014.html');
    expect(gmail.read(doc, new URL('https://mail.google.com/mail/u/0/#inbox'))).toBeNull();
    expect(gmail.read(doc, new URL(`https://mail.google.com/mail/u/0/#inbox/${id}`))).toBeNull();
  });

  it('recognises the signed-in user by the localised "me" name when title and account button are missing', () => {
    expect([...gmail.signedInAddresses(realDom('gmail-inbox-2014.html'))]).toEqual(['streak.web.test.1@gmail.com']);
    const doc = parse(`<div role="main"><h2 class="hP">Hi</h2><table><tr><td><span class="gD" email="li@huaxin.cn" name="Li">Li</span></td></tr>
      <tr><td>to:</td><td><span class="g2" email="Rep@Example.com" name="我">我</span></td></tr></table></div>`);
    expect(gmail.read(doc, new URL(`https://mail.google.com/mail/u/0/#inbox/${id}`))?.people).toEqual([{ email: 'li@huaxin.cn', name: 'Li', role: 'from' }]);
  });
});

describe('Outlook on outlook.cloud.microsoft', () => {
  it('reads people and subject from the MSG_<id>_… headings, not the first heading', () => {
    expect(outlook.read(fixture('outlook-cloud.html'), new URL('https://outlook.cloud.microsoft/mail/inbox/id/AAQk'))).toEqual({
      site: 'outlook',
      subject: 'Re: Q3 order for Shanghai plant',
      people: [
        { email: 'li.na@huaxin-machinery.com.cn', name: 'Li Na', role: 'from' },
        { email: 'wang.qiang@huaxin-machinery.com.cn', name: 'Wang Qiang', role: 'to' },
        { email: 'chen.jie@partner-logistics.com', name: 'Chen Jie', role: 'cc' },
      ],
    });
    expect(outlook.chipAnchor(fixture('outlook-cloud.html'))?.id).toBe('MSG_AAQkAD1_FROM');
  });
});

describe('web CRMs', () => {
  it('Salesforce Contact: the e-mail field of the active tab, the account name; not related lists or the timeline', () => {
    const url = new URL('https://acme.lightning.force.com/lightning/r/Contact/003xx000004TmiQAAS/view');
    expect(salesforce.read(fixture('salesforce-contact.html'), url)).toEqual({
      site: 'salesforce',
      subject: 'Li Na',
      people: [{ email: 'li.na@huaxin-machinery.com.cn', name: 'Li Na', role: 'record' }],
    });
    expect(salesforce.chipAnchor(fixture('salesforce-contact.html'))?.textContent).toBe('Li Na');
  });

  it('Salesforce Account with no e-mail: the company domain from the website field, and its name', () => {
    const url = new URL('https://acme.lightning.force.com/lightning/r/Account/001xx000003DGb2AAG/view');
    expect(salesforce.read(fixture('salesforce-account.html'), url)).toEqual({
      site: 'salesforce',
      subject: 'Huaxin Machinery',
      people: [],
      companies: [{ domain: 'huaxin-machinery.com.cn', name: 'Huaxin Machinery' }],
    });
  });

  it('HubSpot company: domain property in the left sidebar; never the timeline or associations', () => {
    const url = new URL('https://app-eu1.hubspot.com/contacts/123456/record/0-2/9001');
    expect(hubspot.read(fixture('hubspot-company.html'), url)).toEqual({
      site: 'hubspot',
      subject: 'Northwind Traders',
      people: [],
      companies: [{ domain: 'northwind-traders.com', name: 'Northwind Traders' }],
    });
  });

  it('HubSpot contact: plain-text e-mail named after the record, website domain; never an input', () => {
    const url = new URL('https://app.hubspot.com/contacts/123456/record/0-1/51');
    expect(hubspot.read(fixture('hubspot-contact.html'), url)).toEqual({
      site: 'hubspot',
      subject: 'Sam Carter',
      people: [{ email: 'sam.carter@northwind-traders.com', name: 'Sam Carter', role: 'record' }],
      companies: [{ domain: 'northwind-traders.com' }],
    });
  });

  it('a record region inside an aside is still read: exclusions apply only below the record’s root', () => {
    const html = readFileSync(join(import.meta.dirname, 'fixtures', 'hubspot-contact.html'), 'utf8')
      .replace('<div data-test-id="left-sidebar">', '<aside><div data-test-id="left-sidebar">')
      .replace('<div data-test-id="middle-pane">', '</aside><div data-test-id="middle-pane">');
    const read = hubspot.read(parse(html), new URL('https://app.hubspot.com/contacts/123456/record/0-1/51'));
    expect(read?.people.map((p) => p.email)).toEqual(['sam.carter@northwind-traders.com']);
  });

  it('Pipedrive person: mailto in the record, not header, side bar or history', () => {
    expect(pipedrive.read(fixture('pipedrive-person.html'), new URL('https://acme.pipedrive.com/person/42'))).toEqual({
      site: 'pipedrive',
      subject: 'Chen Jie',
      people: [{ email: 'chen.jie@partner-logistics.com', name: 'Chen Jie', role: 'record' }],
    });
  });

  it('Zoho CRM account: e-mail and website fields by id, account name; never notes', () => {
    expect(zoho.read(fixture('zoho-account.html'), new URL('https://crm.zoho.com/crm/org123456/tab/Accounts/4876876000000123'))).toEqual({
      site: 'zoho-crm',
      subject: 'Huaxin Machinery',
      people: [{ email: 'purchasing@huaxin-machinery.com.cn', role: 'record' }],
      companies: [{ domain: 'huaxin-machinery.com.cn', name: 'Huaxin Machinery' }],
    });
  });

  it('generic: main content only — mailto and text addresses, the 官网 link; not nav, header, footer, scripts, inputs, timelines, social links', () => {
    expect(generic.read(fixture('generic-record.html'), new URL('https://crm.acme.cn/customer/7'))).toEqual({
      site: 'generic',
      subject: '华信机械有限公司',
      people: [
        { email: 'li.na@huaxin-machinery.com.cn', role: 'record' },
        { email: 'purchasing@huaxin-machinery.com.cn', role: 'record' },
      ],
      companies: [{ domain: 'huaxin-machinery.com.cn' }],
    });
  });

  it('generic: capped at MAX_PEOPLE, in document order (deterministic)', () => {
    const many = Array.from({ length: 25 }, (_, i) => `<p>p${i}@firm${i}.com</p>`).join('');
    const ctx = generic.read(parse(`<main><h1>List</h1>${many}</main>`), new URL('https://crm.acme.cn/x'));
    expect(ctx?.people.map((p) => p.email)).toEqual(Array.from({ length: MAX_PEOPLE }, (_, i) => `p${i}@firm${i}.com`));
  });

  it('a record page whose selectors stopped matching: null, and the failed step logged', () => {
    const spy = vi.spyOn(console, 'debug').mockImplementation(() => {});
    expect(salesforce.read(parse('<div>redesigned</div>'), new URL('https://acme.lightning.force.com/lightning/r/Account/001xx000003DGb2AAG/view'))).toBeNull();
    expect(spy.mock.calls.at(-1)?.[0]).toMatch(/salesforce: no records-record-layout-item/);
    expect(hubspot.read(parse('<div>redesigned</div>'), new URL('https://app.hubspot.com/contacts/1/record/0-1/2'))).toBeNull();
    expect(spy.mock.calls.at(-1)?.[0]).toMatch(/hubspot: no \[data-test-id="left-sidebar"\]/);
  });
});

describe('Chinese webmail', () => {
  it('NetEase: .nui-addr-email text in the visible read tab; not the hidden tab, the list or the signed-in user', () => {
    expect(netease.read(fixture('netease-read.html'), new URL('https://mail.163.com/js6/main.jsp'))).toEqual({
      site: 'netease-mail',
      subject: '回复: 三季度订单',
      people: [
        { email: 'li.na@huaxin-machinery.com.cn', name: '李娜', role: 'from' },
        { email: 'wang.qiang@huaxin-machinery.com.cn', name: '王强', role: 'to' },
        { email: 'chen.jie@partner-logistics.com', name: '陈杰', role: 'cc' },
      ],
    });
  });

  it('QQ Mail classic: addresses on e="…" attributes; never the body or the signed-in user', () => {
    expect(qq.read(fixture('qqmail-classic.html'), new URL('https://mail.qq.com/cgi-bin/readmail?mailid=1'))).toEqual({
      site: 'qq-mail',
      subject: '关于样品报价',
      people: [
        { email: 'li.na@huaxin-machinery.com.cn', name: '李娜', role: 'from' },
        { email: 'chen.jie@partner-logistics.com', name: '陈杰', role: 'cc' },
      ],
    });
  });

  it('new QQ Mail: a chip with its address in title is read; nickname-only chips give nothing (no hovering)', () => {
    expect(qq.read(fixture('qqmail-new.html'), new URL('https://wx.mail.qq.com/home/index'))).toEqual({
      site: 'qq-mail',
      subject: '三季度订单确认',
      people: [{ email: 'wang.qiang@huaxin-machinery.com.cn', name: '王强', role: 'from' }],
    });
  });

  it('Alibaba Mail: Name <address> titles in the header lines; not the list, body or self', () => {
    expect(aliyun.read(fixture('aliyun-read.html'), new URL('https://qiye.aliyun.com/alimail/'))).toEqual({
      site: 'aliyun-mail',
      subject: '付款计划',
      people: [{ email: 'sun.li@ningbo-valves.cn', name: '孙丽', role: 'from' }],
    });
  });
});

describe('adapters describe themselves', () => {
  it('each has an id, host patterns, a local fixture prefix and non-empty selectors; ids and prefixes are unique', () => {
    const ids = ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const prefixes = ADAPTERS.map((a) => a.localPrefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const a of ADAPTERS) {
      expect(a.hostPatterns.length).toBeGreaterThan(0);
      for (const p of a.hostPatterns) expect(p).toMatch(/^https?:\/\/[^/]+\/\*$/);
      expect(Object.values(a.selectors).filter(Boolean).length).toBeGreaterThan(0);
    }
  });

  it('every host pattern of an adapter covers the URLs it matches (so its permission is enough)', () => {
    const covers = (pattern: string, url: URL) => {
      const m = /^(https?):\/\/([^/]+)\/\*$/.exec(pattern)!;
      if (`${m[1]}:` !== url.protocol) return false;
      const host = m[2]!;
      if (host === '*') return true;
      return host.startsWith('*.') ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1)) : url.hostname === host;
    };
    const urls = [
      'https://mail.google.com/mail/u/0/', 'https://outlook.cloud.microsoft/mail/', 'https://mail.qq.com/cgi-bin/x', 'https://wx.mail.qq.com/home',
      'https://mailhz.qiye.163.com/js6/main.jsp', 'https://mail.126.com/js6/main.jsp', 'https://qiye.aliyun.com/alimail/',
      'https://acme.lightning.force.com/lightning/r/Account/001xx000003DGb2AAG/view', 'https://app-eu1.hubspot.com/contacts/1/record/0-1/2',
      'https://acme.pipedrive.com/person/1', 'https://crm.zoho.com.au/crm/tab/Leads/1',
    ].map((u) => new URL(u));
    for (const url of urls) {
      const a = ADAPTERS.find((x) => x.id !== 'generic' && x.matches(url))!;
      expect(a, url.href).toBeTruthy();
      expect(a.hostPatterns.some((p) => covers(p, url)), url.href).toBe(true);
    }
  });
});

describe('selectors are data, checked against the saved pages', () => {
  // For each adapter: a saved page and the selector keys that must find something on it.
  const cases: [string, Record<string, string | null>, string, string[]][] = [
    ['gmail', gmail.SELECTORS, 'gmail-thread.html', ['main', 'subject', 'person', 'sender', 'recipient', 'lastSender', 'excluded', 'accountButton']],
    ['outlook', outlook.SELECTORS, 'outlook-cloud.html', ['pane', 'labelled', 'heading', 'metaHeading', 'excluded', 'titled', 'self']],
    ['salesforce', salesforce.SELECTORS, 'salesforce-contact.html', ['activeTab', 'title', 'field', 'email']],
    ['salesforce', salesforce.SELECTORS, 'salesforce-account.html', ['url']],
    ['hubspot', hubspot.SELECTORS, 'hubspot-company.html', ['sidebar', 'title', 'domainProperty']],
    ['pipedrive', pipedrive.SELECTORS, 'pipedrive-person.html', ['record', 'title']],
    ['zoho-crm', zoho.SELECTORS, 'zoho-account.html', ['record', 'title', 'emailValue', 'websiteValue']],
    ['generic', generic.SELECTORS, 'generic-record.html', ['record', 'title']],
    ['netease-mail', netease.SELECTORS, 'netease-read.html', ['readRoot', 'subject', 'skip', 'self', 'address']],
    ['qq-mail', qq.SELECTORS, 'qqmail-classic.html', ['readRoot', 'subject', 'skip', 'self']],
    ['aliyun-mail', aliyun.SELECTORS, 'aliyun-read.html', ['readRoot', 'subject', 'skip', 'self']],
  ];
  it.each(cases.map(([site, selectors, page, keys]) => [site, page, selectors, keys] as const))('%s on %s', (_site, page, selectors, keys) => {
    const doc = fixture(page);
    for (const key of keys) expect(doc.querySelector(selectors[key]!), `${key}: ${selectors[key]}`).not.toBeNull();
  });
});
