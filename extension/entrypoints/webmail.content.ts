/**
 * Content script for the Chinese webmail a user switches on (QQ Mail / Exmail, NetEase, Alibaba
 * Mail) — wiring only. Not in the manifest: the background registers it with
 * `scripting.registerContentScripts` for exactly the granted sites. Never opens IndexedDB.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { WEBMAIL_SITES } from '../sites/webmail-sites';
import { watchPage } from '../content/watch-page';

export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    watchPage(ctx, { adapters: WEBMAIL_SITES, local: import.meta.env.MODE === 'e2e' });
  },
});
