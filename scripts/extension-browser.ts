/**
 * Launches Chromium (Debian's /usr/bin/chromium by default) with the built extension loaded, for the
 * end-to-end tests and `npm start`. Headless uses Chrome's new headless mode, which runs extension
 * service workers. Returns the context and the extension id (read from its service worker URL).
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';

/**
 * Chromium, not branded Google Chrome: Chrome 137+ ignores --load-extension. CHROMIUM_PATH wins;
 * otherwise the first that exists of Debian's, Ubuntu's, snap's and macOS's usual places.
 */
export const CHROMIUM =
  process.env.CHROMIUM_PATH ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/Applications/Chromium.app/Contents/MacOS/Chromium'].find((p) => existsSync(p)) ??
  '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
}

export async function launchWithExtension(opts: { extensionDir: string; userDataDir: string; headless: boolean; locale?: string; args?: string[] }): Promise<ExtensionBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  const args = [
    `--disable-extensions-except=${opts.extensionDir}`,
    `--load-extension=${opts.extensionDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // A side panel is visible beside its page; pages opened by tests and the demo may sit in
    // background tabs, where Chrome would otherwise throttle timers and animation frames.
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
    `--lang=${opts.locale ?? 'en-US'}`,
    ...(opts.args ?? []),
  ];
  if (opts.headless) args.push('--headless=new', '--no-sandbox', '--disable-gpu');
  else if (process.getuid?.() === 0) args.push('--no-sandbox');
  const context = await chromium.launchPersistentContext(opts.userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    args,
    locale: opts.locale ?? 'en-US',
    viewport: { width: 1280, height: 860 },
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId };
}

/** The Chrome tab id of a page (asked of the extension's service worker, matched by URL). */
export async function tabIdOf(context: BrowserContext, url: string): Promise<number> {
  const [worker] = context.serviceWorkers();
  if (!worker) throw new Error('the extension service worker is not running');
  const id = await worker.evaluate(async (u) => {
    const tabs = await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab at ${url}`);
  return id;
}

/**
 * What the tier chip on a page shows — its text and tooltip — read through the DevTools protocol,
 * which sees into the chip's closed shadow root (the page's own scripts cannot). Null: no chip.
 */
export async function chipState(page: Page): Promise<{ text: string; title: string } | null> {
  type Node = { localName?: string; nodeType: number; nodeValue?: string; attributes?: string[]; children?: Node[]; shadowRoots?: Node[] };
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const find = (n: Node, name: string): Node | null => {
      if (n.localName === name) return n;
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
        const hit = find(c, name);
        if (hit) return hit;
      }
      return null;
    };
    const host = find(root, 'rapport-chip');
    const button = host?.shadowRoots?.[0] ? find(host.shadowRoots[0], 'button') : null;
    if (!button) return null;
    const text = (n: Node): string => (n.nodeType === 3 ? (n.nodeValue ?? '') : (n.children ?? []).map(text).join(''));
    const attrs = button.attributes ?? [];
    const i = attrs.indexOf('title');
    return { text: text(button), title: i >= 0 ? attrs[i + 1]! : '' };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Clicks the extension's toolbar icon on a page, through the DevTools protocol's
 * `Extensions.triggerAction` (the browser needs `--enable-unsafe-extension-debugging`). Chrome
 * grants no `activeTab` this way, so it reads only pages the extension already has access to.
 */
export async function clickToolbarIcon(browser: ExtensionBrowser, page: Page): Promise<void> {
  const cdp = await browser.context.browser()!.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const tab = targetInfos.find((t) => t.type === 'tab' && t.url === page.url());
    if (!tab) throw new Error(`no tab target at ${page.url()}`);
    await cdp.send('Extensions.triggerAction' as never, { id: browser.extensionId, targetId: tab.targetId } as never);
  } finally {
    await cdp.detach().catch(() => {});
  }
}
