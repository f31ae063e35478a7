/**
 * Content script for the sites a user switches on (Chinese webmail, web CRMs, origins the user
 * adds) — wiring only. Not in the manifest: the background registers it with
 * `scripting.registerContentScripts` for exactly the granted sites. Never opens IndexedDB.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { OPTIONAL_SITES, generic } from '../sites/optional-sites';
import { watchPage } from '../content/watch-page';

export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    watchPage(ctx, { adapters: OPTIONAL_SITES, fallback: generic, local: import.meta.env.MODE === 'e2e' });
  },
});
