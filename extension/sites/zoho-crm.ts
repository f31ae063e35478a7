/**
 * Zoho CRM record pages in every data centre: `https://crm.zoho.<dc>/crm/[<org>/]tab/<Module>/<id>`
 * for Accounts, Contacts and Leads (dc: com, eu, in, com.au, com.cn, jp, ca, sa, uk). The detail
 * view marks each field's value with an id after its API name (`value_Email`, `subvalue_Website`,
 * …); where those are missing the record is read by meaning (labels, `mailto:` links). Related
 * lists, notes, the timeline and navigation are never read.
 */
import type { PageContext } from './page-context';
import type { SiteAdapter } from './site-adapter';
import { EMAIL_LABEL, RecordReader, WEBSITE_LABEL, labelledValues } from './record-page';
import { findAddress } from './address-text';
import { logMiss } from './adapter-log';

const SITE = 'zoho-crm';
export const DATA_CENTRES = ['com', 'eu', 'in', 'com.au', 'com.cn', 'jp', 'ca', 'sa', 'uk'] as const;
const MODULES = new Set(['Accounts', 'Contacts', 'Leads']);

export const SELECTORS = {
  record: '#detailView, [data-zcqa="detailView"], [role="main"], main',
  title: '#subvalue_Account_Name, #subvalue_Full_Name, #subvalue_Last_Name, h1',
  emailValue: '[id^="value_Email"], [id^="subvalue_Email"], [id^="value_Secondary_Email"], [id^="subvalue_Secondary_Email"]',
  websiteValue: '[id^="value_Website"], [id^="subvalue_Website"]',
  companyValue: '#subvalue_Company, #value_Company, #subvalue_Account_Name, #value_Account_Name',
} as const;

/** crm.zoho.<dc>/crm/…/tab/Accounts|Contacts|Leads/<id> */
export function matches(url: URL): boolean {
  if (url.protocol !== 'https:' || !DATA_CENTRES.some((dc) => url.hostname === `crm.zoho.${dc}`)) return false;
  const m = /^\/crm\/(?:[^/]+\/)?tab\/([A-Za-z]+)\/\d+\/?$/.exec(url.pathname);
  return !!m && MODULES.has(m[1]!);
}

export function read(doc: Document, url: URL): PageContext | null {
  try {
    const module = /\/tab\/([A-Za-z]+)\//.exec(url.pathname)?.[1];
    const record = doc.querySelector(SELECTORS.record);
    if (!record) return logMiss(SITE, `no ${SELECTORS.record}`);
    const title = record.querySelector(SELECTORS.title)?.textContent?.trim() || undefined;
    const reader = new RecordReader(url.hostname);
    const personName = module === 'Accounts' ? null : title;
    for (const el of Array.from(record.querySelectorAll(SELECTORS.emailValue))) reader.addPerson(findAddress(el.textContent), personName);
    for (const el of labelledValues(record, EMAIL_LABEL)) reader.addPerson(findAddress(el.textContent), personName);
    reader.mailtoLinks(record);
    for (const el of Array.from(record.querySelectorAll(SELECTORS.websiteValue))) reader.website(el, record);
    for (const el of labelledValues(record, WEBSITE_LABEL)) reader.website(el, record);
    const company = module === 'Accounts' ? title : record.querySelector(SELECTORS.companyValue)?.textContent?.trim() || undefined;
    const ctx = reader.result('zoho-crm', title, company);
    return ctx ?? logMiss(SITE, 'no e-mail or website field in the detail view');
  } catch (e) {
    return logMiss(SITE, `read failed: ${String(e)}`);
  }
}

export function chipAnchor(doc: Document): Element | null {
  return doc.querySelector(SELECTORS.record)?.querySelector(SELECTORS.title) ?? null;
}

export const zohoCrm: SiteAdapter = {
  id: 'zoho-crm',
  label: 'Zoho CRM',
  kind: 'crm',
  access: 'optional',
  hostPatterns: DATA_CENTRES.map((dc) => `https://crm.zoho.${dc}/*`),
  localPrefix: 'zoho',
  localTarget: 'https://crm.zoho.com',
  selectors: SELECTORS,
  matches,
  read,
  chipAnchor,
};
