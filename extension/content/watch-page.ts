/**
 * What a content script does on a page (the entrypoints only wire it): follows navigation
 * in single-page mail apps and CRMs (`wxt:locationchange` and a debounced MutationObserver scoped to the
 * reading area, all through `ctx` so nothing outlives the script), sends the PageContext to the
 * background when it changed (and after every URL change), and keeps the tier chip beside the
 * sender or record title, in a closed shadow root. Never opens IndexedDB; answers nothing to the
 * page.
 */
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { pickAdapter } from '../sites/pick-adapter';
import type { SiteAdapter } from '../sites/site-adapter';
import { sameContext, type PageContext } from '../sites/page-context';
import { CHIP_CSS, renderChip } from './tier-chip';
import { chipWords } from './chip-words';
import { isEvent, type ChipInfo, type Reply, type Request } from '../messaging/messages';

/** Mail apps mutate the DOM in bursts; one read after a short quiet spell. */
const DEBOUNCE_MS = 50;

/** Where a content script reads: its adapters, the generic fallback (if any), local fixture pages. */
export interface WatchOptions {
  adapters: readonly SiteAdapter[];
  fallback?: SiteAdapter;
  /** Test and demo builds: the localhost fixture pages stand for the real sites. */
  local: boolean;
}

/** Watch the page: read it, tell the background, keep the chip. */
export function watchPage(ctx: ContentScriptContext, opts: WatchOptions): void {
  const pick = (url: URL) => pickAdapter(url, opts.adapters, opts.local, opts.fallback);

  let last: PageContext | null | undefined;
  let chip: ShadowRootContentScriptUi<HTMLButtonElement> | null = null;
  let chipState: ChipInfo | null = null;
  let timer: number | undefined;
  let observer: MutationObserver | null = null;

  const send = <K extends 'pageContext' | 'openPanel'>(msg: Request<K>): Promise<Reply<K>> => browser.runtime.sendMessage(msg);

  const removeChip = () => {
    chip?.remove();
    chip = null;
  };

  const placeChip = async (info: ChipInfo, url: URL) => {
    const picked = pick(url);
    const anchor = picked?.adapter.chipAnchor(document);
    if (!anchor) return removeChip();
    if (chip?.shadowHost.isConnected && chip.shadowHost.previousElementSibling === anchor && chip.mounted) {
      renderChip(chip.mounted, info, chipWords(info.lang));
      return;
    }
    removeChip();
    chip = await createShadowRootUi<HTMLButtonElement>(ctx, {
      name: 'rapport-chip',
      mode: 'closed',
      position: 'inline',
      anchor,
      append: 'after',
      css: CHIP_CSS,
      isolateEvents: true,
      onMount(container) {
        const b = document.createElement('button');
        b.type = 'button';
        b.addEventListener('click', (e) => {
          e.preventDefault();
          e.stopPropagation();
          void send({ type: 'openPanel' });
        });
        renderChip(b, info, chipWords(info.lang));
        container.append(b);
        return b;
      },
    });
    chip.mount();
  };

  let running = false;
  let forceNext = false;
  const check = async (force = false): Promise<void> => {
    timer = undefined;
    if (ctx.isInvalid) return;
    if (running) {
      // one look-up at a time; try again after this one
      forceNext ||= force;
      return schedule();
    }
    running = true;
    const f = force || forceNext;
    forceNext = false;
    try {
      await checkNow(f);
    } finally {
      running = false;
    }
  };

  const checkNow = async (force: boolean) => {
    const url = new URL(location.href);
    const picked = pick(url);
    const context = picked ? picked.adapter.read(document, picked.url) : null;
    if (!force && last !== undefined && sameContext(context, last)) {
      // Same thread, but the site may have re-rendered the header and dropped the chip.
      if (context && chipState && !chip?.shadowHost.isConnected) await placeChip(chipState, url);
      return;
    }
    last = context;
    const info = await send({ type: 'pageContext', context });
    chipState = info;
    if (ctx.isInvalid) return;
    if (info && context) await placeChip(info, url);
    else removeChip();
  };

  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(() => void check().catch((e: unknown) => console.debug('[rapport] check failed', e)), DEBOUNCE_MS);
  };

  /** Observe only the reading area: the parent of the main region (it swaps threads), else body. */
  const observe = () => {
    observer?.disconnect();
    const main = document.querySelector('[role="main"]');
    const area = main?.parentElement ?? document.body;
    observer = new MutationObserver((records) => {
      if (chip && records.every((r) => chip!.shadowHost.contains(r.target) || [...r.addedNodes].includes(chip!.shadowHost))) return;
      schedule();
    });
    observer.observe(area, { childList: true, subtree: true });
  };

  ctx.onInvalidated(() => observer?.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    observe();
    // a new URL: tell the background again even if the page reads the same (it forgets a tab's
    // context when the tab moves to another page)
    forceNext = true;
    schedule();
  });
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  function onMessage(m: unknown) {
    if (isEvent(m) && m.type === 'refreshChip') void check(true).catch(() => {});
  }

  observe();
  schedule();
}
