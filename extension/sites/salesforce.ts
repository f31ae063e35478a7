/**
 * Salesforce Lightning record pages: `https://<org>.lightning.force.com/lightning/r/<Object>/<Id>/view`
 * for Account, Contact, Lead and Opportunity. Lightning's documented base components carry the
 * data: e-mail fields render as `lightning-formatted-email` (a `mailto:` link), websites as
 * `lightning-formatted-url` (a link), and each field of the record layout sits in
 * `records-record-layout-item[field-label="…"]`; the record's name is the highlights panel's
 * `[slot="primaryField"]`. Only the active workspace tab (`.oneContent.active`) is read, and only
 * the record layout and highlights panel — never related lists or the activity timeline.
 */
import type { PageContext } from './page-context';
import type { SiteAdapter } from './site-adapter';
import { RecordReader } from './record-page';
import { mailtoAddress } from './address-text';
import { deepQueryAll } from './deep-query';
import { logMiss } from './adapter-log';

const SITE = 'salesforce';
const OBJECTS = new Set(['Account', 'Contact', 'Lead', 'Opportunity']);

export const SELECTORS = {
  activeTab: '.oneContent.active',
  title: 'records-highlights2 [slot="primaryField"], [slot="primaryField"]',
  field: 'records-record-layout-item[field-label]',
  email: 'lightning-formatted-email a[href^="mailto:" i]',
  url: 'lightning-formatted-url a[href]',
} as const;

/** Field labels whose value names the record's company (Account Name on a Contact, Company on a Lead). */
const COMPANY_FIELDS = new Set(['Account Name', 'Company', '客户名', '客户名称', '公司']);

/** `/lightning/r/<Object>/<Id>/view` on a `*.lightning.force.com` host. */
export function matches(url: URL): boolean {
  if (url.protocol !== 'https:' || !url.hostname.endsWith('.lightning.force.com')) return false;
  const m = /^\/lightning\/r\/([A-Za-z]+)\/([A-Za-z0-9]{15,18})\/view\/?$/.exec(url.pathname);
  return !!m && OBJECTS.has(m[1]!);
}

/** The record object named in the URL ('Account', 'Contact', …), or null. */
export function recordObject(url: URL): string | null {
  return /^\/lightning\/r\/([A-Za-z]+)\//.exec(url.pathname)?.[1] ?? null;
}

export function read(doc: Document, url: URL): PageContext | null {
  try {
    const object = recordObject(url);
    if (!object || !OBJECTS.has(object)) return logMiss(SITE, 'not an Account, Contact, Lead or Opportunity record URL');
    const root: ParentNode = doc.querySelector(SELECTORS.activeTab) ?? doc;
    const fields = deepQueryAll(root, SELECTORS.field);
    if (fields.length === 0) return logMiss(SITE, `no ${SELECTORS.field} (record layout not rendered)`);
    const title = deepQueryAll(root, SELECTORS.title)[0]?.textContent?.trim() || undefined;
    const reader = new RecordReader(url.hostname);
    let companyName = object === 'Account' ? title : undefined;
    for (const field of fields) {
      const personName = object === 'Contact' || object === 'Lead' ? title : null;
      for (const a of deepQueryAll(field, SELECTORS.email)) reader.addPerson(mailtoAddress(a.getAttribute('href')), personName);
      for (const a of deepQueryAll(field, SELECTORS.url)) reader.website(a, field);
      const label = field.getAttribute('field-label')!.trim();
      if (!companyName && COMPANY_FIELDS.has(label)) companyName = field.textContent?.replace(label, '').trim() || undefined;
    }
    const ctx = reader.result('salesforce', title, companyName);
    return ctx ?? logMiss(SITE, `no ${SELECTORS.email} or ${SELECTORS.url} in the record layout`);
  } catch (e) {
    return logMiss(SITE, `read failed: ${String(e)}`);
  }
}

export function chipAnchor(doc: Document): Element | null {
  const root: ParentNode = doc.querySelector(SELECTORS.activeTab) ?? doc;
  return deepQueryAll(root, SELECTORS.title)[0] ?? null;
}

export const salesforce: SiteAdapter = {
  id: 'salesforce',
  label: 'Salesforce (Lightning)',
  kind: 'crm',
  access: 'optional',
  hostPatterns: ['https://*.lightning.force.com/*'],
  localPrefix: 'salesforce',
  localTarget: 'https://acme.lightning.force.com',
  selectors: SELECTORS,
  matches,
  read,
  chipAnchor,
};
