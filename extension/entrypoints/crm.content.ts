/**
 * Content script for the web CRMs a user switches on (Salesforce, HubSpot, Pipedrive, Zoho CRM) and
 * the origins a user adds (generic adapter) — wiring only. Not in the manifest: the background
 * registers it with `scripting.registerContentScripts` for exactly the granted sites. Never opens
 * IndexedDB.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CRM_SITES } from '../sites/crm-sites';
import { generic } from '../sites/generic';
import { watchPage } from '../content/watch-page';

export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    watchPage(ctx, { adapters: CRM_SITES, fallback: generic, local: import.meta.env.MODE === 'e2e' });
  },
});
