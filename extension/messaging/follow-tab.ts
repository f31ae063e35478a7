/**
 * Which tab's page the side panel shows: the active tab of the panel's own window — a page changing
 * in a background tab or another window never replaces what the rep is looking at. A panel page
 * opened as a tab with `?tab=<id>` (tests, the demo's screenshots) follows that tab instead.
 */
import { browser } from 'wxt/browser';
import type { PageContext } from '../sites/page-context';
import { isEvent, type ActiveContext, type Request } from './messages';

/** What the panel follows: a window's active tab, or one pinned tab. */
export interface Follow {
  windowId: number | null;
  tabId: number | null;
}

/** Whether a `contextChanged` event is for the tab this panel follows. */
export function concernsPanel(follow: Follow, event: { tabId: number; windowId: number | null; active: boolean }): boolean {
  if (follow.tabId !== null) return event.tabId === follow.tabId;
  return event.active && follow.windowId !== null && event.windowId === follow.windowId;
}

/** What this panel page follows: `?tab=` if given, else its window. */
export async function panelFollow(search: string): Promise<Follow> {
  const pinned = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(pinned) && pinned > 0) return { windowId: null, tabId: pinned };
  const win = await browser.windows.getCurrent().catch(() => null);
  return { windowId: win?.id ?? null, tabId: null };
}

/**
 * Calls `show` with the followed tab's context now and whenever it changes; returns the
 * unsubscribe function.
 */
export function followActiveTab(show: (context: PageContext | null) => void): () => void {
  let follow: Follow | null = null;
  const onMessage = (m: unknown) => {
    if (!follow || !isEvent(m) || m.type !== 'contextChanged') return;
    if (concernsPanel(follow, m)) show(m.context);
  };
  browser.runtime.onMessage.addListener(onMessage);
  void panelFollow(location.search).then(async (f) => {
    follow = f;
    const req: Request<'getActiveContext'> = { type: 'getActiveContext', windowId: f.windowId, tabId: f.tabId };
    const a = (await browser.runtime.sendMessage(req)) as ActiveContext | undefined;
    show(a?.context ?? null);
  }).catch(() => show(null));
  return () => browser.runtime.onMessage.removeListener(onMessage);
}
