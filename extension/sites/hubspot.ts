/**
 * HubSpot record pages: `https://app.hubspot.com/contacts/<portal>/record/<type>/<id>` (and the
 * regional hosts `app-eu1`, `app-na2`, …) for contacts (0-1), companies (0-2) and deals (0-3).
 * Class names are generated; the stable hooks are `data-test-id` and `data-selenium-test`. The
 * record's name is `[data-selenium-test="highlightTitle"]`; its properties — e-mail, company domain
 * name, website — are plain text in the left sidebar (`[data-test-id="left-sidebar"]`). Only the
 * left sidebar is read: never the activity timeline in the middle, never the associations on the
 * right (other people's records).
 */
import type { PageContext } from './page-context';
import type { SiteAdapter } from './site-adapter';
import { RecordReader, WEBSITE_LABEL, labelledValues } from './record-page';
import { logMiss } from './adapter-log';

const SITE = 'hubspot';
const TYPES: Record<string, 'contact' | 'company' | 'deal'> = { '0-1': 'contact', '0-2': 'company', '0-3': 'deal' };

export const SELECTORS = {
  sidebar: '[data-test-id="left-sidebar"]',
  title: '[data-selenium-test="highlightTitle"]',
  domainProperty: '[data-selenium-test="property-input-domain"], [data-selenium-test="property-input-website"]',
} as const;

/** app[-<region>].hubspot.com/contacts/<portal>/record/0-1|0-2|0-3/<id> */
export function matches(url: URL): boolean {
  if (url.protocol !== 'https:' || !/^app(-[a-z0-9]+)?\.hubspot\.com$/.test(url.hostname)) return false;
  const m = /^\/contacts\/\d+\/record\/(0-[123])\/\d+\/?/.exec(url.pathname);
  return !!m;
}

export function read(doc: Document, url: URL): PageContext | null {
  try {
    const type = TYPES[/\/record\/(0-\d+)\//.exec(url.pathname)?.[1] ?? ''];
    if (!type) return logMiss(SITE, 'not a contact, company or deal record URL');
    const sidebar = doc.querySelector(SELECTORS.sidebar);
    if (!sidebar) return logMiss(SITE, `no ${SELECTORS.sidebar}`);
    const title = sidebar.querySelector(SELECTORS.title)?.textContent?.trim() || doc.querySelector(SELECTORS.title)?.textContent?.trim() || undefined;
    const reader = new RecordReader(url.hostname);
    reader.mailtoLinks(sidebar);
    reader.textAddresses(sidebar);
    if (type === 'contact' && title) {
      // the contact's own name goes with its (first) address
      const first = reader.people.toArray()[0];
      if (first && !first.name) first.name = title;
    }
    for (const el of Array.from(sidebar.querySelectorAll(SELECTORS.domainProperty))) reader.website(el, sidebar);
    for (const el of labelledValues(sidebar, WEBSITE_LABEL)) reader.website(el, sidebar);
    const ctx = reader.result('hubspot', title, type === 'company' ? title : undefined);
    return ctx ?? logMiss(SITE, 'no e-mail address or company domain in the left sidebar');
  } catch (e) {
    return logMiss(SITE, `read failed: ${String(e)}`);
  }
}

export function chipAnchor(doc: Document): Element | null {
  return doc.querySelector(SELECTORS.title);
}

export const hubspot: SiteAdapter = {
  id: 'hubspot',
  label: 'HubSpot',
  kind: 'crm',
  access: 'optional',
  hostPatterns: ['https://*.hubspot.com/*'],
  localPrefix: 'hubspot',
  localTarget: 'https://app.hubspot.com',
  selectors: SELECTORS,
  matches,
  read,
  chipAnchor,
};
