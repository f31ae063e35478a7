/**
 * Any other record page a user adds (an in-house CRM, 纷享销客, 销售易, …). Registered only for the
 * exact origins the user adds on the options page (or read once when the user clicks the toolbar
 * icon on a page). The rule, in order:
 * 1. The record is the page's main region (`main` / `[role=main]`), else the body.
 * 2. People: `mailto:` links, then addresses written in the record's text, in document order — never
 *    in navigation, headers, footers, side bars, timelines / feeds / comments (other people's
 *    messages), scripts, styles, inputs or editable text; at most MAX_PEOPLE.
 * 3. Company: the link (or domain text) after a "Website" / "网站" / "官网" label, or a link marked
 *    `itemprop="url"` / `rel="…website…"`; never the site's own domain, free mail or social sites;
 *    at most MAX_COMPANIES.
 * 4. The record's title is the region's first `h1` (the chip goes after it).
 */
import type { PageContext } from './page-context';
import type { SiteAdapter } from './site-adapter';
import { RecordReader, WEBSITE_LABEL, labelledValues } from './record-page';
import { logMiss } from './adapter-log';

const SITE = 'generic';

export const SELECTORS = {
  record: 'main, [role="main"]',
  title: 'h1',
  websiteLink: 'a[itemprop="url"], a[rel~="website"]',
} as const;

/** Any http(s) page: the generic adapter runs only where the user put it. */
export function matches(url: URL): boolean {
  return url.protocol === 'https:' || url.protocol === 'http:';
}

function recordRoot(doc: Document): Element | null {
  return doc.querySelector(SELECTORS.record) ?? doc.body;
}

export function read(doc: Document, url: URL): PageContext | null {
  try {
    const root = recordRoot(doc);
    if (!root) return logMiss(SITE, 'no body');
    const title = root.querySelector(SELECTORS.title)?.textContent?.trim() || undefined;
    const reader = new RecordReader(url.hostname);
    reader.mailtoLinks(root);
    reader.textAddresses(root);
    for (const el of labelledValues(root, WEBSITE_LABEL)) reader.website(el, root);
    for (const el of Array.from(root.querySelectorAll(SELECTORS.websiteLink))) reader.website(el, root);
    return reader.result('generic', title) ?? logMiss(SITE, 'no e-mail address or website in the main content');
  } catch (e) {
    return logMiss(SITE, `read failed: ${String(e)}`);
  }
}

export function chipAnchor(doc: Document): Element | null {
  return recordRoot(doc)?.querySelector(SELECTORS.title) ?? null;
}

export const generic: SiteAdapter = {
  id: 'generic',
  label: 'Other site',
  kind: 'crm',
  access: 'user',
  /** What a user may add: any https or http origin (asked for one origin at a time). */
  hostPatterns: ['https://*/*', 'http://*/*'],
  localPrefix: 'crm',
  localTarget: '',
  selectors: SELECTORS,
  matches,
  read,
  chipAnchor,
};
