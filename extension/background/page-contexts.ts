/**
 * The page context of each mail tab, kept by the background so the side panel can follow the active
 * tab. Mirrored into `storage.session` because Chrome stops idle service workers.
 */
import { browser } from 'wxt/browser';
import type { PageContext } from '../sites/page-context';

const contexts = new Map<number, PageContext | null>();
let lastTabId: number | null = null;

const keyOf = (tabId: number) => `ctx:${tabId}`;

export async function setContext(tabId: number, context: PageContext | null): Promise<void> {
  contexts.set(tabId, context);
  if (context) lastTabId = tabId;
  await browser.storage.session.set({ [keyOf(tabId)]: context, lastTabId });
}

export async function forgetTab(tabId: number): Promise<void> {
  contexts.delete(tabId);
  if (lastTabId === tabId) lastTabId = null;
  await browser.storage.session.remove(keyOf(tabId));
}

export async function getContext(tabId: number): Promise<PageContext | null> {
  if (contexts.has(tabId)) return contexts.get(tabId) ?? null;
  const got = await browser.storage.session.get(keyOf(tabId));
  return (got[keyOf(tabId)] as PageContext | null | undefined) ?? null;
}

/**
 * The context the panel shows: the active tab's when it is a mail tab with a thread open, else the
 * tab that most recently sent one (the panel opened as its own tab, as in the end-to-end test).
 */
export async function activeContext(): Promise<{ tabId: number | null; context: PageContext | null }> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id !== undefined) {
    const c = await getContext(tab.id);
    if (c) return { tabId: tab.id, context: c };
  }
  if (lastTabId === null) {
    const got = await browser.storage.session.get('lastTabId');
    lastTabId = typeof got.lastTabId === 'number' ? got.lastTabId : null;
  }
  if (lastTabId !== null) return { tabId: lastTabId, context: await getContext(lastTabId) };
  return { tabId: null, context: null };
}

export function knownTabs(): number[] {
  return [...contexts.keys()];
}
