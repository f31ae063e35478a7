/**
 * Reading a CRM record page: the people (addresses in `mailto:` links and in the text of the
 * record's own fields) and the company (the registrable domain of its website link, and its name
 * where shown). Shared by the CRM adapters and the generic adapter.
 *
 * Never read: navigation, headers, footers, side bars of the app, activity timelines and feeds
 * (other people's messages), comments, scripts, styles, templates, form inputs and editable text.
 * Capped: at most MAX_PEOPLE people and MAX_COMPANIES companies, in document order.
 */
import type { Company, PageContext, SiteId } from './page-context';
import { PeopleList } from './people-list';
import { findAddress, mailtoAddress } from './address-text';
import { registrableDomain, isFreeMail } from '../../shared/ingest/registrable-domain';

export const MAX_PEOPLE = 10;
export const MAX_COMPANIES = 3;

/** Regions that are never the record itself. */
export const NOT_RECORD =
  'nav, header, footer, aside, script, style, noscript, template, input, textarea, select, [contenteditable=""], [contenteditable="true"], ' +
  '[role="navigation"], [role="banner"], [role="contentinfo"], [role="search"], [role="feed"], [role="log"], [aria-hidden="true"], [hidden]';

/** Class or id words of activity timelines, feeds and comment threads. */
const TIMELINE = /(^|[\s_-])(timeline|activit(y|ies)|feed|comments?|history|chatter|emails?-thread)([\s_-]|$)/i;

/** Link hosts that are never a customer's own website. */
const NOT_COMPANY = new Set([
  'linkedin.com', 'facebook.com', 'twitter.com', 'x.com', 'instagram.com', 'youtube.com', 'weibo.com', 'weixin.qq.com',
  'qq.com', 'google.com', 'goo.gl', 'bit.ly', 'force.com', 'salesforce.com', 'hubspot.com', 'pipedrive.com', 'zoho.com',
  'zoho.eu', 'zoho.in', 'zoho.com.cn', 'zoho.jp', 'zoho.com.au', 'wikipedia.org', 'github.com',
]);

/**
 * Whether an element is inside a part of the page that is never the record — looking only at the
 * element and its ancestors below `root` (a CRM may put the whole record inside an `aside`).
 */
export function outsideRecord(el: Element, root: Element): boolean {
  for (let n: Element | null = el; n && n !== root; n = n.parentElement) {
    if (n.matches(NOT_RECORD)) return true;
    if (TIMELINE.test(`${n.getAttribute('class') ?? ''} ${n.id}`)) return true;
  }
  return false;
}

/** The registrable domain of a website link, unless it is the CRM's own, free mail or a social site. */
export function websiteDomain(href: string | null | undefined, pageHost: string): string | null {
  if (!href) return null;
  let host: string;
  try {
    const u = new URL(href.includes('://') ? href : `https://${href.trim()}`);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    host = u.hostname;
  } catch {
    return null;
  }
  const d = registrableDomain(host);
  if (!d || d === registrableDomain(pageHost) || isFreeMail(d) || NOT_COMPANY.has(d)) return null;
  return d;
}

/** A bare domain or URL typed as text ("huaxin.com.cn", "www.huaxin.com.cn/en"), or null. */
export function domainText(text: string | null | undefined, pageHost: string): string | null {
  const t = text?.trim();
  if (!t || /\s/.test(t) || t.includes('@')) return null;
  if (!/^(https?:\/\/)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(t)) return null;
  return websiteDomain(t, pageHost);
}

/** Collects a record's people and companies, capped, in document order, once per address/domain. */
export class RecordReader {
  readonly people = new PeopleList(new Set());
  private readonly companies: Company[] = [];
  private count = 0;

  constructor(private readonly pageHost: string) {}

  addPerson(email: string | null, name?: string | null): void {
    if (!email || this.count >= MAX_PEOPLE) return;
    const before = this.people.toArray().length;
    this.people.add(email, 'record', name && !findAddress(name) ? name : undefined);
    if (this.people.toArray().length > before) this.count++;
  }

  addDomain(domain: string | null, name?: string): void {
    if (!domain || this.companies.length >= MAX_COMPANIES || this.companies.some((c) => c.domain === domain)) return;
    this.companies.push(name ? { domain, name } : { domain });
  }

  /** `mailto:` links inside `root` (outside the parts that are never the record). */
  mailtoLinks(root: Element): void {
    for (const a of Array.from(root.querySelectorAll('a[href^="mailto:" i]'))) {
      if (outsideRecord(a, root)) continue;
      this.addPerson(mailtoAddress(a.getAttribute('href')), a.textContent);
    }
  }

  /** Addresses written as text inside `root` (outside the parts that are never the record). */
  textAddresses(root: Element): void {
    const doc = root.ownerDocument;
    const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (this.count >= MAX_PEOPLE) return;
      const text = n.nodeValue ?? '';
      if (!text.includes('@')) continue;
      const parent = n.parentElement;
      if (!parent || outsideRecord(parent, root)) continue;
      for (const m of text.matchAll(/[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g)) this.addPerson(m[0].toLowerCase());
    }
  }

  /** A website link (or a domain written as text) inside `el`, unless `el` is outside the record below `root`. */
  website(el: Element | null, root?: Element, name?: string): void {
    if (!el || outsideRecord(el, root ?? el.ownerDocument.documentElement)) return;
    const links = el.matches('a[href]') ? [el] : Array.from(el.querySelectorAll('a[href]'));
    for (const a of links) {
      const href = a.getAttribute('href');
      if (href?.toLowerCase().startsWith('mailto:')) continue;
      this.addDomain(websiteDomain(href, this.pageHost) ?? domainText(a.textContent, this.pageHost), name);
    }
    if (links.length === 0) this.addDomain(domainText(el.textContent, this.pageHost), name);
  }

  /** The page context, or null when the record shows no person and no company. */
  result(site: SiteId, title?: string, companyName?: string): PageContext | null {
    const people = this.people.toArray();
    const companies = companyName ? this.companies.map((c) => ({ ...c, name: c.name ?? companyName })) : this.companies;
    if (people.length === 0 && companies.length === 0) return null;
    const ctx: PageContext = { site, people };
    if (title) ctx.subject = title;
    if (companies.length > 0) ctx.companies = companies;
    return ctx;
  }
}

/** Field labels that name a company website. */
export const WEBSITE_LABEL =
  /^\s*(website|web site|web|site|url|domain|company domain( name)?|homepage|网站|官网|网址|公司网址|公司网站|主页|域名)\s*[:：]?\s*$/i;
/** Field labels that name an e-mail address. */
export const EMAIL_LABEL = /^\s*(e-?mail|email address|邮箱|电子邮件|电子邮箱|邮件地址)\s*[:：]?\s*$/i;

/**
 * Label → value pairs written as `<dt>/<dd>`, table rows or "label element followed by value
 * element": the values whose label matches.
 */
export function labelledValues(root: Element, label: RegExp): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(root.querySelectorAll('dt, th, label, span, div, td, strong, b'))) {
    if (el.children.length > 0 || !label.test(el.textContent ?? '')) continue;
    if (outsideRecord(el, root)) continue;
    let value: Element | null = el.nextElementSibling;
    if (!value && el.parentElement && el.parentElement !== root) value = el.parentElement.nextElementSibling;
    if (value) out.push(value);
  }
  return out;
}
