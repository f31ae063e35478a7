// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { CHIP_CSS, renderChip } from '../../extension/content/tier-chip';
import { chipWords } from '../../extension/content/chip-words';
import { chipInfo } from '../../extension/background/chip-info';
import { describeError } from '../../extension/panel/describe-error';
import { RapportDB } from '../../extension/db/database';
import { makeCustomer } from './make-customer';
import type { PageContext } from '../../extension/sites/page-context';

const dbs: RapportDB[] = [];
afterEach(async () => {
  for (const d of dbs.splice(0)) {
    d.close();
    await Dexie.delete(d.name);
  }
});

describe('tier chip', () => {
  it('shows the tier (and how many matched) with a tooltip in the UI language — never a customer name', () => {
    const b = document.createElement('button');
    renderChip(b, { status: 'known', tier: 'A', matched: 2, lang: 'en' }, chipWords('en'));
    expect(b.textContent).toBe('A · 2');
    expect(b.dataset.tier).toBe('A');
    expect(b.title).toBe('Rapport: tier A (2 matches) — click to open the side panel');
    renderChip(b, { status: 'unknown', tier: null, matched: 0, lang: 'zh' }, chipWords('zh'));
    expect(b.textContent).toBe('+');
    expect(b.getAttribute('aria-label')).toBe('Rapport: 不是已知客户 — 点击添加');
  });

  it('has a host of fixed size: its layout does not depend on what it shows', () => {
    expect(CHIP_CSS).toMatch(/:host\{[^}]*width:46px!important;height:18px!important;overflow:hidden!important/);
  });
});

describe('chip look-up in the background', () => {
  it('takes the first person who matches, and counts the matches', async () => {
    const db = new RapportDB(`rapport-chip-${Date.now()}`);
    dbs.push(db);
    await db.customers.bulkPut([
      makeCustomer('C1', ['li@huaxin.com.cn'], ['huaxin.com.cn'], { name: 'Huaxin', tier: 'A' }),
      makeCustomer('C2', ['sam@northwind.com'], ['northwind.com'], { name: 'Northwind', tier: 'B' }),
    ]);
    const people = [
      { email: 'stranger@gmail.com', role: 'from' as const },
      { email: 'new@northwind.com', role: 'to' as const },
      { email: 'li@huaxin.com.cn', role: 'cc' as const },
    ];
    expect(await chipInfo(db, { site: 'gmail', people }, 'en')).toEqual({ status: 'known', tier: 'B', matched: 2, lang: 'en' });
    expect(await chipInfo(db, { site: 'gmail', people: [people[0]!] }, 'zh')).toEqual({ status: 'unknown', tier: null, matched: 0, lang: 'zh' });
  });

  it('finds a record page’s customer by its company domain when the page shows no e-mail', async () => {
    const db = new RapportDB(`rapport-chip-co-${Date.now()}`);
    dbs.push(db);
    await db.customers.bulkPut([makeCustomer('C1', ['li@huaxin.com.cn'], ['huaxin.com.cn'], { name: 'Huaxin', tier: 'A' })]);
    const record: PageContext = { site: 'salesforce', people: [], companies: [{ domain: 'huaxin.com.cn', name: 'Huaxin' }] };
    expect(await chipInfo(db, record, 'en')).toEqual({ status: 'known', tier: 'A', matched: 1, lang: 'en' });
    // a free-mail domain is never a company
    expect(await chipInfo(db, { site: 'generic', people: [], companies: [{ domain: 'qq.com' }] }, 'en')).toEqual({
      status: 'unknown',
      tier: null,
      matched: 0,
      lang: 'en',
    });
  });
});

describe('errors in words', () => {
  it('gives storage advice for database errors and names other errors', () => {
    expect(describeError('en', Object.assign(new Error('x'), { name: 'OpenFailedError' }))).toBe(
      'The extension could not open its storage. Close other Rapport windows and try again.',
    );
    expect(describeError('zh', new Error('disk full'))).toBe('出错了: disk full。数据没有改动。');
  });
});
