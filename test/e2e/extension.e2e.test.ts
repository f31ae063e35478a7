/**
 * End to end in Debian's Chromium with the test build of the extension loaded: the service worker
 * runs; an import with bad rows shows them before writing; a fixture Gmail thread served on
 * 127.0.0.1 (only the test build matches it) gets its tier chip; the panel page shows the right
 * customer; a note survives a reload; the page's own scripts learn nothing from the chip; the panel
 * follows only the active tab of its window; a user-added CRM site is switched on (its content
 * script registered), read, and switched off (the script gone); the toolbar icon reads a page once;
 * a stopped service worker comes back knowing each tab's page.
 *
 * The chip's shadow root is closed, so tests read it through the DevTools protocol (`chipState`),
 * and a panel page opened as a tab is pinned to the mail tab it shows (`?tab=`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { chipState, clickToolbarIcon, launchWithExtension, tabIdOf, type ExtensionBrowser } from '../../scripts/extension-browser';
import { startFixtureServer, type FixtureServer } from '../../scripts/mail-fixture-server';
import { ensureE2eBuild, ROOT } from '../../scripts/ensure-e2e-build';
import { demoPageHtml, DEMO_USER, type DemoThread } from '../../scripts/demo-mail-page';

const THREAD = readFileSync(join(ROOT, 'test/extension/fixtures/gmail-thread.html'), 'utf8');
const THREAD_PATH = '/gmail/mail/u/0/#inbox/FMfcgzQXJWjbKnBPfzDLxHkxsDDXVmsq';
const OUTLOOK = readFileSync(join(ROOT, 'test/extension/fixtures/outlook-pane-on.html'), 'utf8');
const OUTLOOK_PATH = '/outlook/mail/inbox/id/AAQkAGI2TG93AAA%3D';
const CRM_RECORD = readFileSync(join(ROOT, 'test/extension/fixtures/generic-record.html'), 'utf8');
/** A company record with no e-mail at all: only its website. */
const CRM_COMPANY =
  '<!doctype html><html><body><main><h1>Huaxin Machinery</h1><dl><dt>Website</dt>' +
  '<dd><a href="https://www.huaxin-machinery.com.cn">www.huaxin-machinery.com.cn</a></dd></dl></main></body></html>';

const CSV = [
  'Customer ID,Customer,Email,Revenue,Profit,Last contact',
  'C001,Huaxin Machinery,li.na@huaxin-machinery.com.cn,1200000,300000,2026-10-01',
  'C002,Northwind Traders,sam.carter@northwind-traders.com,150000,30000,2026-09-01',
  'C003,Small Shop,owner@smallshop.cn,20000,2000,2026-05-01',
  'C004,Bad Number Co,bad@bad-number.com,abc,100,2026-01-01',
  ',,orphan@x-company.com,500,,',
  'Total,,,1370500,,',
].join('\n');

/** A single-page inbox (threads switch by URL hash, like Gmail) with two of the imported customers. */
const thread = (id: string, name: string, email: string): DemoThread => ({
  id,
  subject: `About ${name}`,
  shows: name,
  messages: [{ from: { name, email }, to: [DEMO_USER], cc: [], body: 'Hello', collapsed: false }],
});
const SPA = demoPageHtml(
  [
    thread('FMfcgzSpaThreadHuaxin000001', 'Li Na', 'li.na@huaxin-machinery.com.cn'),
    thread('FMfcgzSpaThreadNorthwind0001', 'Sam Carter', 'sam.carter@northwind-traders.com'),
  ],
  'en',
);

let browser: ExtensionBrowser;
let server: FixtureServer;
let userDataDir: string;

beforeAll(async () => {
  const dir = ensureE2eBuild();
  server = await startFixtureServer({
    gmail: (url) => (url.includes('spa=1') ? SPA : THREAD),
    outlook: () => OUTLOOK,
    crm: (url) => (url.includes('/company/') ? CRM_COMPANY : CRM_RECORD),
  });
  userDataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-'));
  browser = await launchWithExtension({ extensionDir: dir, userDataDir, headless: true, args: ['--enable-unsafe-extension-debugging'] });
  browser.context.setDefaultTimeout(15_000); // no Playwright wait outlives the test's own timeout
});

afterAll(async () => {
  await browser?.context.close();
  await server?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

/** The panel page, pinned to a tab (or following its own window's active tab). */
async function panel(tab?: Page): Promise<Page> {
  const page = await browser.context.newPage();
  const pin = tab ? `?tab=${await tabIdOf(browser.context, tab.url())}` : '';
  await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html${pin}`);
  return page;
}

const chipText = (page: Page) => chipState(page).then((c) => c?.text ?? null);
const worker = () => browser.context.serviceWorkers()[0]!;
const registeredScripts = () =>
  worker().evaluate(async () =>
    (
      await (
        globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> } } }
      ).chrome.scripting.getRegisteredContentScripts()
    ).map((s) => s.matches),
  );

describe('the built extension in Chromium', () => {
  it('loads its service worker (the extension id comes from it)', () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    expect(browser.context.serviceWorkers().some((w) => w.url().endsWith('/background.js'))).toBe(true);
  });

  it('an empty database shows what to do', async () => {
    const page = await panel();
    await expect.poll(() => page.getByTestId('empty-state').isVisible()).toBe(true);
    await page.close();
  });

  it('an import with bad rows shows them before anything is written, then imports the good rows', async () => {
    const page = await panel();
    await page.getByTestId('tab-import').click();
    await page.getByTestId('import-paste').fill(CSV);
    await page.getByTestId('import-preview').click();
    const errors = page.getByTestId('import-errors');
    await expect.poll(() => errors.textContent()).toContain("row 5: Revenue 'abc' is not a number");
    expect(await errors.textContent()).toContain('row 6');
    expect(await page.getByTestId('import-summary').textContent()).toBe('6 rows read: 3 customers, 2 rows rejected, 1 skipped.');
    // nothing written yet: the customer list is empty
    await page.getByTestId('tab-customers').click();
    await expect.poll(() => page.getByText('0 of 0 customers').isVisible()).toBe(true);
    await page.getByTestId('tab-import').click();
    await page.getByTestId('import-paste').fill(CSV);
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-commit').click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Imported: 3 new, 0 updated');
    await page.close();
  });

  it('a fixture Gmail thread gets its tier chip beside the sender', async () => {
    const mail = await browser.context.newPage();
    await mail.goto(server.origin + THREAD_PATH);
    await expect.poll(() => chipText(mail), { timeout: 15_000 }).toBe('A · 2');
    expect((await chipState(mail))?.title).toBe('Rapport: tier A (2 matches) — click to open the side panel');
    // beside the last expanded sender
    expect(await mail.locator('rapport-chip').evaluate((el) => el.previousElementSibling?.getAttribute('email'))).toBe('wang.qiang@huaxin-machinery.com.cn');
  });

  it('the panel page shows the thread’s customer; a note survives a reload', async () => {
    const page = await panel(browser.context.pages().find((p) => p.url().includes('/gmail/'))!);
    await expect.poll(() => page.getByTestId('customer-name').first().textContent(), { timeout: 15_000 }).toBe('Huaxin Machinery');
    expect(await page.getByTestId('match-how').textContent()).toContain('li.na@huaxin-machinery.com.cn · matched by address');
    expect(await page.getByTestId('tier-badge').first().textContent()).toBe('A');
    await page.getByTestId('note-input').fill('Promised the Q3 price list by Friday');
    await page.getByTestId('note-add').click();
    await expect.poll(() => page.getByTestId('note').first().textContent()).toContain('Promised the Q3 price list by Friday');
    await page.reload();
    await expect.poll(() => page.getByTestId('note').first().textContent(), { timeout: 15_000 }).toContain('Promised the Q3 price list by Friday');
    await page.close();
  });

  it('logging a visit in the panel moves the last contact', async () => {
    const page = await panel(browser.context.pages().find((p) => p.url().includes('/gmail/'))!);
    await expect.poll(() => page.getByTestId('customer-name').first().textContent(), { timeout: 15_000 }).toBe('Huaxin Machinery');
    expect(await page.getByTestId('last-contact').textContent()).toBe('1 Oct 2026');
    await page.locator('input[type="date"]').first().fill('2026-10-20');
    await page.getByTestId('log-visit').click();
    await expect.poll(() => page.getByTestId('last-contact').textContent()).toBe('20 Oct 2026');
    await page.close();
  });

  it('a thread URL with a query in the hash (a reply being written, an attachment preview) is still the conversation', async () => {
    for (const query of ['?compose=CllgCJTMXQXkrNzBVHhRpTfGs', '?projector=1&messagePartId=0.1']) {
      const mail = await browser.context.newPage();
      await mail.goto(server.origin + THREAD_PATH + query);
      await expect.poll(() => chipText(mail), { timeout: 15_000 }).toBe('A · 2');
      await mail.close();
    }
  });

  it('clicking the chip opens the real side panel (a user gesture reaches sidePanel.open)', async () => {
    for (const p of browser.context.pages()) if (p.url().includes('sidepanel.html')) await p.close();
    const cdp = await browser.context.browser()!.newBrowserCDPSession();
    const panels = async () =>
      ((await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] }).targetInfos.filter((t) =>
        t.url.endsWith('/sidepanel.html'),
      ).length;
    expect(await panels()).toBe(0);
    const mail = browser.context.pages().find((p) => p.url().includes('/gmail/'))!;
    await mail.bringToFront();
    await mail.locator('rapport-chip').click();
    await expect.poll(panels, { timeout: 10_000 }).toBe(1);
    await cdp.detach();
  });

  it('a follow-up that is due raises a notification', async () => {
    const page = await panel(browser.context.pages().find((p) => p.url().includes('/gmail/'))!);
    await expect.poll(() => page.getByTestId('customer-name').first().textContent(), { timeout: 15_000 }).toBe('Huaxin Machinery');
    await page.getByPlaceholder('What to do').fill('Send the Q3 price list');
    await page.getByLabel('Due').fill('2026-01-05T09:00');
    await page.getByRole('button', { name: 'Add follow-up' }).click();
    const notifications = () =>
      worker().evaluate(async () =>
        Object.keys(
          await (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } }).chrome.notifications.getAll(),
        ),
      );
    await expect.poll(notifications, { timeout: 20_000 }).toEqual([expect.stringMatching(/^followup:/)]);
    await page.close();
  });

  it('follows navigation inside the single-page app: a new thread by URL updates the chip and the panel', async () => {
    const mail = await browser.context.newPage();
    await mail.goto(`${server.origin}/gmail/mail/u/0/?spa=1#inbox/FMfcgzSpaThreadHuaxin000001`);
    await expect.poll(() => chipText(mail), { timeout: 15_000 }).toBe('A');
    const page = await panel(mail);
    const shown = () => page.getByTestId('customer-name').first().textContent({ timeout: 500 }).catch(() => null);
    await expect.poll(shown, { timeout: 15_000 }).toBe('Huaxin Machinery');
    await mail.evaluate(() => { location.hash = '#inbox/FMfcgzSpaThreadNorthwind0001'; });
    await expect.poll(() => chipText(mail), { timeout: 15_000 }).toBe('B');
    await expect.poll(shown, { timeout: 15_000 }).toBe('Northwind Traders');
    // back to the inbox list: no thread, no chip
    await mail.evaluate(() => { location.hash = '#inbox'; });
    await expect.poll(() => mail.locator('rapport-chip').count(), { timeout: 15_000 }).toBe(0);
    await mail.close();
    await page.close();
  });

  it('the page’s own scripts learn nothing from the chip, even by planting addresses', async () => {
    const mail = await browser.context.newPage();
    await mail.goto(`${server.origin}/gmail/mail/u/0/?spa=1#inbox/FMfcgzSpaThreadHuaxin000001`);
    await expect.poll(() => chipText(mail), { timeout: 15_000 }).toBe('A');
    // What a script of the mail page can see (page.evaluate runs in the page's own world).
    const look = () =>
      mail.evaluate(() => {
        const host = document.querySelector('rapport-chip')!;
        const r = host.getBoundingClientRect();
        return {
          shadowRoot: host.shadowRoot === null ? 'closed' : 'open',
          host: host.outerHTML,
          size: `${r.width}x${r.height}`,
          page: ['Huaxin Machinery', 'Northwind Traders', 'tier A', 'tier B'].some((w) => document.documentElement.outerHTML.includes(w)),
          title: document.title,
        };
      });
    const before = await look();
    expect(before.shadowRoot).toBe('closed');
    expect(before.page).toBe(false);
    expect(before.host).not.toMatch(/tier|Huaxin|A ·|data-tier/);
    // Plant another customer's address as the sender, and an unknown one: the chip changes inside
    // its closed root (the rep sees it), but nothing the page can read changes.
    for (const email of ['sam.carter@northwind-traders.com', 'nobody@unknown-firm.example']) {
      await mail.evaluate((e) => {
        const sender = document.querySelector('[role="main"] span.gD')!;
        const planted = document.createElement('span');
        planted.className = 'gD';
        planted.setAttribute('email', e);
        planted.setAttribute('name', 'Planted');
        planted.textContent = 'Planted';
        sender.replaceWith(planted);
      }, email);
      await expect.poll(() => chipText(mail), { timeout: 15_000 }).toBe(email.startsWith('sam') ? 'B' : '+');
      const after = await look();
      expect(after).toEqual({ ...before, host: after.host });
      expect(after.host.replace(/\s+/g, '')).toBe(before.host.replace(/\s+/g, ''));
    }
    await mail.close();
  });

  it('a DOM change in a background tab does not switch the panel: it follows its window’s active tab', async () => {
    const a = await browser.context.newPage();
    await a.goto(`${server.origin}/gmail/mail/u/0/?spa=1#inbox/FMfcgzSpaThreadHuaxin000001`);
    const b = await browser.context.newPage();
    await b.goto(`${server.origin}/gmail/mail/u/0/?spa=1#inbox/FMfcgzSpaThreadNorthwind0001`);
    await expect.poll(() => chipText(b), { timeout: 15_000 }).toBe('B');
    await expect.poll(() => chipText(a), { timeout: 15_000 }).toBe('A');
    // the panel page itself lives in the same window; it follows whichever tab is active there
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    const shown = () => page.getByTestId('customer-name').first().textContent({ timeout: 500 }).catch(() => null);
    await a.bringToFront();
    await expect.poll(shown, { timeout: 15_000 }).toBe('Huaxin Machinery');
    // b (in the background) moves to another thread: its chip follows, the panel does not
    await b.evaluate(() => { location.hash = '#inbox/FMfcgzSpaThreadHuaxin000001'; });
    await expect.poll(() => chipText(b), { timeout: 15_000 }).toBe('A');
    await b.evaluate(() => { location.hash = '#inbox/FMfcgzSpaThreadNorthwind0001'; });
    await expect.poll(() => chipText(b), { timeout: 15_000 }).toBe('B');
    await page.waitForTimeout(500);
    expect(await shown()).toBe('Huaxin Machinery');
    // switching to b does
    await b.bringToFront();
    await expect.poll(shown, { timeout: 15_000 }).toBe('Northwind Traders');
    await Promise.all([a.close(), b.close(), page.close()]);
  });

  it('a user-added CRM site: switched on, its record page shows the customer; switched off, the script is gone', async () => {
    const origin = server.localhostOrigin;
    expect(await registeredScripts()).toEqual([]);
    const before = await browser.context.newPage();
    await before.goto(`${origin}/crm/customer/7`);
    await before.waitForTimeout(500);
    expect(await before.locator('rapport-chip').count()).toBe(0);
    await before.close();

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('custom-input').fill(origin);
    await options.getByTestId('custom-add').click();
    await expect.poll(() => options.getByTestId('custom-sites').textContent()).toContain('http://localhost/*');
    await expect.poll(registeredScripts).toEqual([['http://localhost/*']]);

    const record = await browser.context.newPage();
    await record.goto(`${origin}/crm/customer/7`);
    // two people of the record (li.na@, purchasing@) match Huaxin; its website's domain is theirs
    await expect.poll(() => chipText(record), { timeout: 15_000 }).toBe('A · 2');
    const page = await panel(record);
    await expect
      .poll(() => page.getByTestId('customer-name').first().textContent({ timeout: 500 }).catch(() => null), { timeout: 15_000 })
      .toBe('Huaxin Machinery');
    expect(await page.getByTestId('match-how').textContent()).toContain('li.na@huaxin-machinery.com.cn · matched by address');
    await page.close();

    // a company page with no e-mail finds its customer by the website's domain
    const company = await browser.context.newPage();
    await company.goto(`${origin}/crm/company/3`);
    await expect.poll(() => chipText(company), { timeout: 15_000 }).toBe('A');
    const companyPanel = await panel(company);
    await expect
      .poll(() => companyPanel.getByTestId('customer-name').first().textContent({ timeout: 500 }).catch(() => null), { timeout: 15_000 })
      .toBe('Huaxin Machinery');
    await companyPanel.close();

    await options.getByTestId('custom-remove').click();
    await expect.poll(registeredScripts).toEqual([]);
    const after = await browser.context.newPage();
    await after.goto(`${origin}/crm/customer/7?after=1`);
    await after.waitForTimeout(1000);
    expect(await after.locator('rapport-chip').count()).toBe(0);
    const afterPanel = await panel(after);
    await expect.poll(() => afterPanel.getByTestId('no-email').isVisible()).toBe(true);
    await Promise.all([record.close(), company.close(), after.close(), afterPanel.close(), options.close()]);
  });

  it('the toolbar icon on a page no site covers reads it once (generic adapter) for the panel', async () => {
    for (const p of browser.context.pages()) if (p.url().includes('sidepanel.html')) await p.close();
    // 127.0.0.1 is a mail host of the test build, but /crm/… is no mail page: the mail script reads nothing
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/crm/customer/9`);
    const pinned = await panel(page);
    await expect.poll(() => pinned.getByTestId('no-email').isVisible(), { timeout: 15_000 }).toBe(true);
    await page.bringToFront(); // the icon is clicked on the active tab
    await clickToolbarIcon(browser, page);
    await expect
      .poll(() => pinned.getByTestId('customer-name').first().textContent({ timeout: 500 }).catch(() => null), { timeout: 15_000 })
      .toBe('Huaxin Machinery');
    // read once: no chip, no script left watching the page
    expect(await page.locator('rapport-chip').count()).toBe(0);
    await Promise.all([page.close(), pinned.close()]);
  });

  it('the service worker restarts and still knows each tab’s page (storage.session)', async () => {
    const mail = await browser.context.newPage();
    await mail.goto(`${server.origin}/gmail/mail/u/0/?spa=1#inbox/FMfcgzSpaThreadNorthwind0001`);
    await expect.poll(() => chipText(mail), { timeout: 15_000 }).toBe('B');
    const tabId = await tabIdOf(browser.context, mail.url());
    const swTargets = async () => {
      const b = await browser.context.browser()!.newBrowserCDPSession();
      const { targetInfos } = (await b.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
      await b.detach();
      return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`)).length;
    };
    expect(await swTargets()).toBe(1);
    // Stop the worker as Chrome does when it is idle (DevTools' ServiceWorker.stopWorker).
    const cdp = await browser.context.newCDPSession(mail);
    const versions: { versionId: string; scriptURL: string; runningStatus: string }[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated' as never, (e: { versions: typeof versions }) => versions.push(...e.versions));
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => versions.some((v) => v.scriptURL.includes(browser.extensionId))).toBe(true);
    const version = versions.find((v) => v.scriptURL.includes(browser.extensionId))!;
    await cdp.send('ServiceWorker.stopWorker', { versionId: version.versionId });
    await expect.poll(swTargets, { timeout: 10_000 }).toBe(0);
    await cdp.detach();
    // the panel wakes a new worker, which reads the contexts back from storage.session
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
    await expect
      .poll(() => page.getByTestId('customer-name').first().textContent({ timeout: 500 }).catch(() => null), { timeout: 15_000 })
      .toBe('Northwind Traders');
    expect(await swTargets()).toBe(1); // a new worker
    await Promise.all([mail.close(), page.close()]);
  });

  it('an Outlook reading pane (Chinese UI) gets its chip too', async () => {
    const mail = await browser.context.newPage();
    await mail.goto(server.origin + OUTLOOK_PATH);
    await expect.poll(() => chipText(mail), { timeout: 15_000 }).toBe('A · 2');
    await mail.close();
  });
});
