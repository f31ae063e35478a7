/**
 * One read of the current page, injected by the background through `activeTab` when the user
 * clicks the toolbar icon on a page no content script covers. Returns the page context (the value
 * `scripting.executeScript` hands back); watches nothing, leaves nothing behind.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { REQUIRED_SITES } from '../sites/required-sites';
import { OPTIONAL_SITES, generic } from '../sites/optional-sites';
import { pickAdapter } from '../sites/pick-adapter';
import type { PageContext } from '../sites/page-context';

export default defineContentScript({
  registration: 'runtime',
  main(): PageContext | null {
    const url = new URL(location.href);
    const picked = pickAdapter(url, [...REQUIRED_SITES, ...OPTIONAL_SITES], import.meta.env.MODE === 'e2e', generic);
    return picked ? picked.adapter.read(document, picked.url) : null;
  },
});
