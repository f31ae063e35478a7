/**
 * Gmail adapter (issue 4). Gmail marks people with `span[email]`. Only the open conversation is
 * read — the `[role=main]` region holding the thread subject `h2.hP` — never the inbox list
 * (`tr.zA` rows), never a message body (`.a3s`), never the signed-in user (from the page title
 * "… - me@example.com - Gmail" or the account button's aria-label).
 * Expanded messages: sender `span.gD`, recipients `span.g2` (a "cc:" row in the details table
 * marks Cc). Collapsed messages show only their sender (`span.zF` / `span.yP`, or `span.gD`).
 */
import type { PageContext, SiteAdapter } from './page-context';
import { PeopleList } from './people-list';
import { findAddress } from './address-text';
import { logMiss } from './adapter-log';

const SITE = 'gmail';

/** mail.google.com/mail/… */
export function matches(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'mail.google.com' && url.pathname.startsWith('/mail/');
}

/** A thread is open when the hash ends in a conversation id (`#inbox/FMfcg…`, `#label/x/…`). */
export function isThreadHash(hash: string): boolean {
  const parts = hash.replace(/^#/, '').split('/').filter(Boolean);
  if (parts.length < 2) return false;
  const last = parts[parts.length - 1]!;
  return /^[A-Za-z0-9_-]{16,}$/.test(last);
}

/** The signed-in user's own address(es). */
export function signedInAddresses(doc: Document): Set<string> {
  const self = new Set<string>();
  const fromTitle = /\s-\s([^\s]+@[^\s]+)\s-\s/.exec(doc.title);
  const t = findAddress(fromTitle?.[1]);
  if (t) self.add(t);
  for (const a of Array.from(doc.querySelectorAll('a[aria-label*="@"][href*="accounts.google.com"], [data-rapport-self]'))) {
    const e = findAddress(a.getAttribute('aria-label') ?? a.getAttribute('data-rapport-self'));
    if (e) self.add(e);
  }
  return self;
}

const EXCLUDED = '.a3s, .ii.gt, tr.zA, [role="listitem"] .a3s';

/** Reads the open conversation's people and subject, or null (logging the failed step). */
export function read(doc: Document, url: URL): PageContext | null {
  try {
    if (!isThreadHash(url.hash)) return logMiss(SITE, 'no conversation id in the URL (inbox list)');
    const mains = Array.from(doc.querySelectorAll('[role="main"]'));
    const main = mains.find((m) => m.querySelector('h2.hP'));
    if (!main) return logMiss(SITE, 'no [role=main] with a subject h2.hP (thread not rendered)');
    const subject = main.querySelector('h2.hP')?.textContent?.trim() || undefined;
    const people = new PeopleList(signedInAddresses(doc));
    const spans = Array.from(main.querySelectorAll('span[email]'));
    if (spans.length === 0) return logMiss(SITE, 'no span[email] in the open thread');
    for (const span of spans) {
      if (span.closest(EXCLUDED)) continue;
      const email = findAddress(span.getAttribute('email'));
      const name = span.getAttribute('name') ?? span.textContent;
      if (span.matches('.gD, .zF, .yP')) people.add(email, 'from', name);
      else if (span.matches('.g2')) people.add(email, isCcRow(span) ? 'cc' : 'to', name);
    }
    const list = people.toArray();
    if (list.length === 0) return logMiss(SITE, 'thread has no people other than the signed-in user');
    return subject ? { site: 'gmail', people: list, subject } : { site: 'gmail', people: list };
  } catch (e) {
    return logMiss(SITE, `read failed: ${String(e)}`);
  }
}

/** In the expanded details table each row starts with a label cell: "cc:" / "抄送:". */
function isCcRow(span: Element): boolean {
  const row = span.closest('tr');
  const label = row?.querySelector('td')?.textContent?.trim().toLowerCase() ?? '';
  return label.startsWith('cc') || label.startsWith('抄送');
}

/** Where the tier chip goes: after the sender's name in the last expanded message. */
export function chipAnchor(doc: Document): Element | null {
  const main = Array.from(doc.querySelectorAll('[role="main"]')).find((m) => m.querySelector('h2.hP'));
  const senders = main ? Array.from(main.querySelectorAll('span.gD[email]')) : [];
  return senders[senders.length - 1] ?? null;
}

export const gmail: SiteAdapter & { chipAnchor: typeof chipAnchor } = { site: 'gmail', matches, read, chipAnchor };
