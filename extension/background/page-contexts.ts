/**
 * The page context of each tab, kept by the background so the side panel can follow the active tab
 * of its window. Kept in `storage.session` (one WXT storage item, cached in memory): Chrome stops
 * idle service workers, and a restarted worker reads the same contexts back.
 *
 * One context per tab: the latest non-empty one any frame of the tab read (QQ Mail shows the open
 * message in a frame); an empty read clears the tab only when it comes from the frame that set it.
 * A tab that navigates to another page (origin or path) forgets its context.
 */
import { storage } from 'wxt/utils/storage';
import type { PageContext } from '../sites/page-context';

export interface TabEntry {
  context: PageContext | null;
  frameId: number;
  windowId: number | null;
  /** The tab's URL when the context was read. */
  url: string;
}

type Entries = Record<string, TabEntry>;

export const contextsItem = storage.defineItem<Entries>('session:pageContexts', { fallback: {} });

let cache: Promise<Entries> | null = null;
let writes: Promise<void> = Promise.resolve();

function load(): Promise<Entries> {
  cache ??= contextsItem.getValue().then((v) => ({ ...v }));
  return cache;
}

async function update(change: (all: Entries) => boolean): Promise<void> {
  const all = await load();
  if (!change(all)) return;
  const snapshot = { ...all };
  writes = writes.then(() => contextsItem.setValue(snapshot)).catch((e: unknown) => console.warn('[rapport] session storage', e));
  await writes;
}

/** Forgets the in-memory copy (what a service-worker restart does); the next read loads storage. */
export function dropCache(): void {
  cache = null;
}

/** Records what a frame of a tab read; returns whether the tab's context changed. */
export async function setContext(tabId: number, frameId: number, windowId: number | null, url: string, context: PageContext | null): Promise<boolean> {
  let changed = false;
  await update((all) => {
    const had = all[tabId];
    if (!context && had && had.frameId !== frameId && had.context) return false;
    all[tabId] = { context, frameId, windowId, url };
    changed = JSON.stringify(had?.context ?? null) !== JSON.stringify(context);
    return true;
  });
  return changed;
}

/** Same page (origin and path; the hash and query may change inside a single-page app). */
function samePage(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.origin === y.origin && x.pathname === y.pathname;
  } catch {
    return false;
  }
}

/** A tab navigated: forget its context unless it is still the same page. Returns whether it forgot. */
export async function tabNavigated(tabId: number, url: string): Promise<boolean> {
  let forgot = false;
  await update((all) => {
    const had = all[tabId];
    if (!had || samePage(had.url, url)) return false;
    delete all[tabId];
    forgot = true;
    return true;
  });
  return forgot;
}

export async function forgetTab(tabId: number): Promise<void> {
  await update((all) => {
    if (!(tabId in all)) return false;
    delete all[tabId];
    return true;
  });
}

export async function getContext(tabId: number): Promise<PageContext | null> {
  return (await load())[tabId]?.context ?? null;
}

/** Tabs with a content script that has reported (to refresh their chips after data changes). */
export async function knownTabs(): Promise<number[]> {
  return Object.keys(await load()).map(Number);
}
