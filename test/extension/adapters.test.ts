// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as gmail from '../../extension/sites/gmail';
import * as outlook from '../../extension/sites/outlook';
import { ADAPTERS } from '../../extension/sites/adapters';
import { localAlias, patternCovers, pickAdapter } from '../../extension/sites/pick-adapter';
import { generic } from '../../extension/sites/generic';
import { parseNameAddress, mailtoAddress } from '../../extension/sites/address-text';
import { sameContext } from '../../extension/sites/page-context';

function fixture(name: string): Document {
  const html = readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

const GMAIL_THREAD = new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWjbKnBPfzDLxHkxsDDXVmsq');

describe('URL tables: each URL matches its own adapter and no other', () => {
  const table: [string, string | null][] = [
    ['https://mail.google.com/mail/u/0/#inbox', 'gmail'],
    ['https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJWjbKnBPfzDLxHkxsDDXVmsq', 'gmail'],
    ['https://mail.google.com/mail/u/0/#label/Customers/FMfcgzQXJWjbKnBPfzDLxHkxsDDXVmsq', 'gmail'],
    ['https://outlook.live.com/mail/0/inbox/id/AQQkADAwATM0MDAAMS1hZjMwLWI1', 'outlook'],
    ['https://outlook.office.com/mail/inbox/id/AAQkAGI2TG93AAA%3D', 'outlook'],
    ['https://outlook.office365.com/mail/', 'outlook'],
    ['https://outlook.office365.com/owa/?path=/mail/inbox', 'outlook'],
    ['https://outlook.cloud.microsoft/mail/inbox/id/AAQkAGI2TG93AAA%3D', 'outlook'],
    ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWjbKnBPfzDLxHkxsDDXVmsq?compose=CllgCJTMXQXk', 'gmail'],
    ['https://mail.qq.com/cgi-bin/frame_html?sid=abc', 'qq-mail'],
    ['https://wx.mail.qq.com/home/index#/list/1/1', 'qq-mail'],
    ['https://exmail.qq.com/cgi-bin/frame_html?sid=x', 'qq-mail'],
    ['https://mail.163.com/js6/main.jsp?sid=x#module=read.ReadModule', 'netease-mail'],
    ['https://mail.126.com/js6/main.jsp', 'netease-mail'],
    ['https://mail.yeah.net/js6/main.jsp', 'netease-mail'],
    ['https://mailhz.qiye.163.com/js6/main.jsp', 'netease-mail'],
    ['https://qiye.aliyun.com/alimail/entries/v5.1/mail/inbox/all', 'aliyun-mail'],
    ['https://mail.aliyun.com/alimail/', 'aliyun-mail'],
    ['https://acme.lightning.force.com/lightning/r/Account/001xx000003DGb2AAG/view', 'salesforce'],
    ['https://acme.lightning.force.com/lightning/r/Contact/003xx000004TmiQAAS/view', 'salesforce'],
    ['https://acme.lightning.force.com/lightning/r/Lead/00Qxx0000012345/view', 'salesforce'],
    ['https://acme.lightning.force.com/lightning/r/Opportunity/006xx000001a2b3AAA/view', 'salesforce'],
    ['https://acme.lightning.force.com/lightning/o/Account/list', null],
    ['https://acme.lightning.force.com/lightning/r/Case/500xx000001a2b3AAA/view', null],
    ['https://app.hubspot.com/contacts/123456/record/0-1/51', 'hubspot'],
    ['https://app-eu1.hubspot.com/contacts/123456/record/0-2/9001', 'hubspot'],
    ['https://app-na2.hubspot.com/contacts/243381751/record/0-3/77', 'hubspot'],
    ['https://app.hubspot.com/contacts/123456/objects/0-1/views/all/list', null],
    ['https://www.hubspot.com/contacts/1/record/0-1/2', null],
    ['https://acme.pipedrive.com/person/42', 'pipedrive'],
    ['https://acme.pipedrive.com/organization/12', 'pipedrive'],
    ['https://acme.pipedrive.com/deal/3', null],
    ['https://crm.zoho.com/crm/org123456/tab/Accounts/4876876000000123', 'zoho-crm'],
    ['https://crm.zoho.eu/crm/tab/Contacts/4876876000000456', 'zoho-crm'],
    ['https://crm.zoho.com.cn/crm/org1/tab/Leads/99', 'zoho-crm'],
    ['https://crm.zoho.in/crm/org1/tab/Deals/99', null],
    ['https://crm.zoho.com.evil.example/crm/tab/Accounts/1', null],
    ['https://mail.qq.com.evil.example/', null],
    ['https://mail.google.com/chat/u/0/', null],
    ['https://calendar.google.com/calendar/u/0/r', null],
    ['https://outlook.office.com/calendar/view/week', null],
    ['http://mail.google.com/mail/u/0/', null],
    ['https://mail.google.com.evil.example/mail/u/0/', null],
    ['https://www.outlook.com/mail/', null],
    ['https://example.com/mail/', null],
    ['http://127.0.0.1:5173/gmail/mail/u/0/#inbox/FMfcgzQXJWjbKnBPfzDLxHkxsDDXVmsq', null],
  ];
  it.each(table)('%s → %s', (href, expected) => {
    const url = new URL(href);
    const hits = ADAPTERS.filter((a) => a !== generic && a.matches(url)).map((a) => a.id);
    expect(hits).toEqual(expected ? [expected] : []);
    expect(pickAdapter(url, ADAPTERS.filter((a) => a !== generic))?.adapter.id ?? null).toBe(expected);
    // the generic adapter is only ever the fallback, and never on a host a site adapter owns
    const owned = ADAPTERS.some((a) => a !== generic && a.hostPatterns.some((p) => patternCovers(p, url)));
    expect(pickAdapter(url, ADAPTERS.filter((a) => a !== generic), false, generic)?.adapter.id ?? null).toBe(expected ?? (owned ? null : 'generic'));
  });

  it('a list page on a site adapter’s host is not read by the generic adapter', () => {
    const specific = ADAPTERS.filter((a) => a !== generic);
    expect(pickAdapter(new URL('https://app.hubspot.com/contacts/123456/objects/0-1/views/all/list'), specific, false, generic)).toBeNull();
    expect(pickAdapter(new URL('https://mail.google.com/mail/u/0/#inbox'), specific, false, generic)?.adapter.id).toBe('gmail');
    expect(pickAdapter(new URL('https://crm.acme.cn/customer/7'), specific, false, generic)?.adapter.id).toBe('generic');
    expect(patternCovers('https://*.hubspot.com/*', new URL('https://hubspot.com/x'))).toBe(true);
    expect(patternCovers('https://*.hubspot.com/*', new URL('https://evilhubspot.com/x'))).toBe(false);
    expect(patternCovers('https://mail.qq.com/*', new URL('http://mail.qq.com/'))).toBe(false);
  });

  it('local fixture URLs map to their site only when local pages are allowed (test and demo builds)', () => {
    const local = new URL('http://127.0.0.1:5173/gmail/mail/u/0/#inbox/FMfcgzQXJWjbKnBPfzDLxHkxsDDXVmsq');
    const specific = ADAPTERS.filter((a) => a !== generic);
    expect(pickAdapter(local, specific, false)).toBeNull();
    const picked = pickAdapter(local, specific, true);
    expect(picked?.adapter.id).toBe('gmail');
    expect(picked?.url.href).toBe('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWjbKnBPfzDLxHkxsDDXVmsq');
    expect(localAlias(new URL('http://localhost:8080/outlook/mail/inbox/id/AAQk'), ADAPTERS).hostname).toBe('outlook.office.com');
    expect(localAlias(new URL('https://example.com/gmail/mail/'), ADAPTERS).hostname).toBe('example.com');
    // a local path with no adapter behind it stays local (the generic adapter reads it)
    expect(localAlias(new URL('http://localhost:8080/crm/record/7'), ADAPTERS).hostname).toBe('localhost');
  });
});

describe('Gmail adapter', () => {
  it('reads the open thread: senders first, collapsed message included, cc from the details table', () => {
    const ctx = gmail.read(fixture('gmail-thread.html'), GMAIL_THREAD);
    expect(ctx).toEqual({
      site: 'gmail',
      subject: 'Re: Q3 order for Shanghai plant',
      people: [
        { email: 'li.na@huaxin-machinery.com.cn', name: 'Li Na', role: 'from' },
        { email: 'wang.qiang@huaxin-machinery.com.cn', name: 'Wang Qiang', role: 'from' },
        { email: 'chen.jie@partner-logistics.com', name: 'Chen Jie', role: 'cc' },
      ],
    });
  });

  it('never returns the signed-in user, inbox-list people or addresses in a body', () => {
    const emails = gmail.read(fixture('gmail-thread.html'), GMAIL_THREAD)!.people.map((p) => p.email);
    const absent = [
      'rep.zhang@gmail.com',
      'list.person@hotmail.com',
      'other.list@bigcorp.com',
      'body.only@somewhere.com',
      'finance@huaxin-machinery.com.cn',
      'purchasing@huaxin-machinery.com.cn',
    ];
    for (const e of absent) {
      expect(emails).not.toContain(e);
    }
  });

  it('returns null on the inbox list and logs the step', () => {
    const spy = vi.spyOn(console, 'debug').mockImplementation(() => {});
    expect(gmail.read(fixture('gmail-inbox.html'), new URL('https://mail.google.com/mail/u/0/#inbox'))).toBeNull();
    expect(spy.mock.calls[0]?.[0]).toMatch(/gmail: no conversation id/);
    spy.mockClear();
    // A thread URL whose page has no thread markup (selectors stopped matching): null, logged, no throw.
    expect(gmail.read(fixture('gmail-inbox.html'), GMAIL_THREAD)).toBeNull();
    expect(spy.mock.calls[0]?.[0]).toMatch(/gmail: no \[role="main"\] with a subject/);
    spy.mockRestore();
  });

  it('finds the signed-in user from the title and the account button', () => {
    expect([...gmail.signedInAddresses(fixture('gmail-thread.html'))]).toEqual(['rep.zhang@gmail.com']);
  });

  it('anchors the chip at the last expanded sender', () => {
    expect(gmail.chipAnchor(fixture('gmail-thread.html'))?.getAttribute('email')).toBe('wang.qiang@huaxin-machinery.com.cn');
  });

  it('tells thread hashes from list hashes', () => {
    expect(gmail.isThreadHash('#inbox')).toBe(false);
    expect(gmail.isThreadHash('#search/invoice')).toBe(false);
    expect(gmail.isThreadHash('#inbox/FMfcgzQXJWjbKnBPfzDLxHkxsDDXVmsq')).toBe(true);
    expect(gmail.isThreadHash('#search/invoice/FMfcgzQXJWjbKnBPfzDLxHkxsDDXVmsq')).toBe(true);
    // a reply being written, an attachment preview: still the same open conversation
    expect(gmail.isThreadHash('#inbox/FMfcgzQXJWjbKnBPfzDLxHkxsDDXVmsq?compose=CllgCJTMXQXkrNzBVHhRpTfGs')).toBe(true);
    expect(gmail.isThreadHash('#inbox/FMfcgzQXJWjbKnBPfzDLxHkxsDDXVmsq?projector=1&messagePartId=0.1')).toBe(true);
    expect(gmail.isThreadHash('#inbox?compose=new')).toBe(false);
  });
});

describe('Outlook adapter', () => {
  const URL_PANE = new URL('https://outlook.office.com/mail/inbox/id/AAQkAGI2TG93AAA%3D');

  it('reads the Chinese reading pane by aria-label, title and mailto, skipping list, body and self', () => {
    expect(outlook.read(fixture('outlook-pane-on.html'), URL_PANE)).toEqual({
      site: 'outlook',
      subject: '回复: 三季度订单',
      people: [
        { email: 'li.na@huaxin-machinery.com.cn', name: 'Li Na', role: 'from' },
        { email: 'procurement@huaxin-machinery.com.cn', name: 'Procurement', role: 'to' },
        { email: 'chen.jie@partner-logistics.com', name: 'Chen Jie', role: 'cc' },
      ],
    });
  });

  it('reads the English pane and lower-cases addresses', () => {
    expect(outlook.read(fixture('outlook-pane-en.html'), URL_PANE)).toEqual({
      site: 'outlook',
      subject: 'Invoice 2024-118 overdue',
      people: [{ email: 'sam.carter@northwind-traders.com', name: 'Sam Carter', role: 'from' }],
    });
  });

  it('returns null with the reading pane off (list only) and logs the step', () => {
    const spy = vi.spyOn(console, 'debug').mockImplementation(() => {});
    expect(outlook.read(fixture('outlook-pane-off.html'), new URL('https://outlook.office.com/mail/inbox'))).toBeNull();
    expect(spy.mock.calls[0]?.[0]).toMatch(/outlook: no reading pane/);
    spy.mockRestore();
  });

  it('knows localised labels', () => {
    expect(outlook.roleOfLabel('From: Li Na')).toBe('from');
    expect(outlook.roleOfLabel('发件人：李娜')).toBe('from');
    expect(outlook.roleOfLabel('收件人: 张伟')).toBe('to');
    expect(outlook.roleOfLabel('抄送: x')).toBe('cc');
    expect(outlook.roleOfLabel('Message body')).toBeNull();
  });
});

describe('address text', () => {
  it('parses "Name <address>", bare addresses and mailto links', () => {
    expect(parseNameAddress('Li Na <Li.Na@Example.com>')).toEqual({ name: 'Li Na', email: 'li.na@example.com' });
    expect(parseNameAddress('"Carter, Sam" <sam@x.org>')).toEqual({ name: 'Carter, Sam', email: 'sam@x.org' });
    expect(parseNameAddress('sam@x.org')).toEqual({ email: 'sam@x.org' });
    expect(parseNameAddress('no address here')).toBeNull();
    expect(mailtoAddress('mailto:a%2Bb@x.org?subject=hi')).toBe('a+b@x.org');
    expect(mailtoAddress('https://x.org')).toBeNull();
  });

  it('compares contexts by value', () => {
    const a = { site: 'gmail' as const, people: [{ email: 'a@x.org', role: 'from' as const }] };
    expect(sameContext(a, structuredClone(a))).toBe(true);
    expect(sameContext(a, { ...a, subject: 's' })).toBe(false);
    expect(sameContext(a, null)).toBe(false);
  });
});

describe('people list invariants (fast-check)', () => {
  it('one entry per address, never the signed-in user, senders first, at most MAX_LISTED', async () => {
    const fc = await import('fast-check');
    const { PeopleList, MAX_LISTED } = await import('../../extension/sites/people-list');
    const address = fc.constantFrom('a@x.cn', 'B@x.cn', 'b@x.cn', 'me@self.cn', 'c@y.com', 'd@z.org');
    const role = fc.constantFrom('from' as const, 'to' as const, 'cc' as const, 'record' as const);
    fc.assert(
      fc.property(fc.array(fc.tuple(address, role, fc.option(fc.string(), { nil: undefined })), { maxLength: 40 }), (adds) => {
        const list = new PeopleList(new Set(['me@self.cn']));
        for (const [e, r, n] of adds) list.add(e, r, n);
        const out = list.toArray();
        const emails = out.map((p) => p.email);
        expect(new Set(emails).size).toBe(emails.length);
        expect(emails).not.toContain('me@self.cn');
        expect(out.length).toBeLessThanOrEqual(MAX_LISTED);
        const rank = { from: 0, to: 1, cc: 2, record: 3 };
        for (let i = 1; i < out.length; i++) expect(rank[out[i - 1]!.role]).toBeLessThanOrEqual(rank[out[i]!.role]);
        // each address keeps the strongest role it was seen with
        for (const p of out) {
          const seen = adds.filter(([e]) => e.toLowerCase() === p.email).map(([, r]) => rank[r]);
          expect(rank[p.role]).toBe(Math.min(...seen));
        }
      }),
    );
    const big = new PeopleList(new Set());
    for (let i = 0; i < MAX_LISTED + 5; i++) big.add(`p${i}@list.cn`, 'to');
    expect(big.toArray()).toHaveLength(MAX_LISTED);
    expect(big.toArray().at(-1)?.email).toBe(`p${MAX_LISTED - 1}@list.cn`);
  });
});
