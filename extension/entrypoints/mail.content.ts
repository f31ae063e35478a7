/**
 * Content script on the mail sites read out of the box (Gmail, Outlook) — wiring only: watches the
 * page for the open thread and keeps the tier chip (extension/content/watch-page.ts). Its matches
 * are the required mail hosts, derived from the adapters. Never opens IndexedDB.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { REQUIRED_MATCHES, REQUIRED_SITES } from '../sites/required-sites';
import { watchPage } from '../content/watch-page';

export default defineContentScript({
  matches: REQUIRED_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    watchPage(ctx, { adapters: REQUIRED_SITES, local: import.meta.env.MODE === 'e2e' });
  },
});
