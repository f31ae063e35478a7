/**
 * Content script on Gmail and Outlook — wiring only: watches the page for the open thread and
 * keeps the tier chip (extension/content/watch-mail-page.ts). Never opens IndexedDB.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { MAIL_MATCHES } from '../sites/mail-hosts';
import { watchMailPage } from '../content/watch-mail-page';

export default defineContentScript({
  matches: MAIL_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    watchMailPage(ctx, import.meta.env.MODE === 'e2e');
  },
});
