/**
 * Pipedrive person and organization pages: `https://<company>.pipedrive.com/person/<id>` and
 * `/organization/<id>`. Pipedrive's class names are generated, so the page is read by meaning: the
 * record's name is the main region's `h1`; people are `mailto:` links and addresses in the record's
 * fields; the company domain is the link (or domain text) after a "Website" / "网站" label. The
 * activity timeline (the "History" and "Focus" feeds), navigation and side bars are never read.
 */
import type { PageContext } from './page-context';
import type { SiteAdapter } from './site-adapter';
import { RecordReader, WEBSITE_LABEL, labelledValues } from './record-page';
import { logMiss } from './adapter-log';

const SITE = 'pipedrive';

export const SELECTORS = {
  record: '[role="main"], main',
  title: 'h1',
} as const;

/** <company>.pipedrive.com/person/<id> or /organization/<id> */
export function matches(url: URL): boolean {
  return (
    url.protocol === 'https:' &&
    /^[a-z0-9-]+\.pipedrive\.com$/.test(url.hostname) &&
    !url.hostname.startsWith('www.') &&
    /^\/(person|organization)\/\d+\/?$/.test(url.pathname)
  );
}

export function read(doc: Document, url: URL): PageContext | null {
  try {
    const kind = /^\/(person|organization)\//.exec(url.pathname)?.[1];
    const record = doc.querySelector(SELECTORS.record);
    if (!record) return logMiss(SITE, `no ${SELECTORS.record}`);
    const title = record.querySelector(SELECTORS.title)?.textContent?.trim() || undefined;
    const reader = new RecordReader(url.hostname);
    reader.mailtoLinks(record);
    reader.textAddresses(record);
    if (kind === 'person' && title) {
      const first = reader.people.toArray()[0];
      if (first && !first.name) first.name = title;
    }
    for (const el of labelledValues(record, WEBSITE_LABEL)) reader.website(el, record);
    const ctx = reader.result('pipedrive', title, kind === 'organization' ? title : undefined);
    return ctx ?? logMiss(SITE, 'no e-mail address or website in the record');
  } catch (e) {
    return logMiss(SITE, `read failed: ${String(e)}`);
  }
}

export function chipAnchor(doc: Document): Element | null {
  return doc.querySelector(SELECTORS.record)?.querySelector(SELECTORS.title) ?? null;
}

export const pipedrive: SiteAdapter = {
  id: 'pipedrive',
  label: 'Pipedrive',
  kind: 'crm',
  access: 'optional',
  hostPatterns: ['https://*.pipedrive.com/*'],
  localPrefix: 'pipedrive',
  localTarget: 'https://acme.pipedrive.com',
  selectors: SELECTORS,
  matches,
  read,
  chipAnchor,
};
