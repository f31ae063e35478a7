/**
 * What the mail content script does on a page (the entrypoint only wires it): follows navigation
 * in the single-page mail apps (`wxt:locationchange` and a debounced MutationObserver scoped to the
 * reading area, all through `ctx` so nothing outlives the script), sends the PageContext to the
 * background only when it changed, and keeps the tier chip beside the sender. Never opens IndexedDB.
 */
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { pickAdapter } from '../sites/adapters';
import { sameContext, type PageContext } from '../sites/page-context';
import { CHIP_CSS, renderChip } from './tier-chip';
import { chipWords } from './chip-words';
import { isMessage, type ChipInfo, type ContentToBackground } from '../messaging/messages';

/** Mail apps mutate the DOM in bursts; one read after a short quiet spell. */
const DEBOUNCE_MS = 50;

/** Watch the mail page; `local` adds the test build's localhost fixture pages. */
export function watchMailPage(ctx: ContentScriptContext, local: boolean): void {

  let last: PageContext | null | undefined;
  let chip: ShadowRootContentScriptUi<HTMLButtonElement> | null = null;
  let chipState: ChipInfo | null = null;
  let timer: number | undefined;
  let observer: MutationObserver | null = null;

  const send = (msg: ContentToBackground) => browser.runtime.sendMessage(msg);

  const removeChip = () => {
    chip?.remove();
    chip = null;
  };

  const placeChip = async (info: ChipInfo, url: URL) => {
    const picked = pickAdapter(url, local);
    const anchor = picked?.adapter.chipAnchor(document);
    if (!anchor) return removeChip();
    if (chip && chip.shadowHost.isConnected && chip.shadowHost.previousElementSibling === anchor && chip.mounted) {
      renderChip(chip.mounted, info, chipWords(info.lang));
      return;
    }
    removeChip();
    chip = await createShadowRootUi<HTMLButtonElement>(ctx, {
      name: 'rapport-chip',
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
    chip.shadowHost.style.display = 'inline-block';
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
    const picked = pickAdapter(url, local);
    const context = picked ? picked.adapter.read(document, picked.url) : null;
    if (!force && last !== undefined && sameContext(context, last)) {
      // Same thread, but the site may have re-rendered the header and dropped the chip.
      if (context && chipState && !chip?.shadowHost.isConnected) await placeChip(chipState, url);
      return;
    }
    last = context;
    const info = (await send({ type: 'pageContext', context })) as ChipInfo | null;
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
    schedule();
  });
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  function onMessage(m: unknown) {
    if (isMessage(m) && m.type === 'refreshChip') void check(true).catch(() => {});
  }

  observe();
  schedule();
}
