/**
 * Gmail. Gmail marks people with `span[email]`. Only the open conversation is read — the
 * `[role=main]` region holding the thread subject `h2.hP` — never the inbox list (`tr.zA` rows),
 * never a message body (`.a3s`), never the signed-in user: from the page title
 * "… - me@example.com - Gmail", the account button's aria-label, or — when both are missing — the
 * span Gmail names with the localised word for "me" (me, 我, tôi, …).
 * Expanded messages: sender `span.gD`, recipients `span.g2` (a "cc:" row in the details table
 * marks Cc). Collapsed messages show only their sender (`span.zF` / `span.yP`, or `span.gD`).
 * A thread is open when the hash ends in a conversation id, which may be followed by a query
 * (`#inbox/FMfcg…?compose=…` while replying, `?projector=1…` while previewing an attachment).
 */
import type { PageContext } from './page-context';
import type { SiteAdapter } from './site-adapter';
import { PeopleList } from './people-list';
import { findAddress } from './address-text';
import { logMiss } from './adapter-log';

const SITE = 'gmail';

export const SELECTORS = {
  main: '[role="main"]',
  subject: 'h2.hP',
  person: 'span[email]',
  sender: '.gD, .zF, .yP',
  recipient: '.g2',
  lastSender: 'span.gD[email]',
  excluded: '.a3s, .ii.gt, tr.zA',
  accountButton: 'a[aria-label*="@"][href*="accounts.google.com"]',
  selfMarked: 'span[email][name]',
} as const;

/** The words Gmail's UI puts in `name` on the signed-in user's own span, by language. */
export const SELF_NAMES = new Set(['me', '我', 'tôi', 'moi', 'ich', 'yo', 'eu', 'io', '自分', '나', 'я', 'ik', 'ja', 'saya', 'ฉัน']);

/** mail.google.com/mail/… */
export function matches(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'mail.google.com' && url.pathname.startsWith('/mail/');
}

/** A thread is open when the hash's path (before any `?…`) ends in a conversation id. */
export function isThreadHash(hash: string): boolean {
  const path = hash.replace(/^#/, '').split('?')[0]!;
  const parts = path.split('/').filter(Boolean);
  if (parts.length < 2) return false;
  return /^[A-Za-z0-9_-]{16,}$/.test(parts[parts.length - 1]!);
}

/** The signed-in user's own address(es): page title, account button, Gmail's "me" spans. */
export function signedInAddresses(doc: Document): Set<string> {
  const self = new Set<string>();
  const fromTitle = /\s-\s([^\s]+@[^\s]+)\s-\s/.exec(doc.title);
  const t = findAddress(fromTitle?.[1]);
  if (t) self.add(t);
  for (const a of Array.from(doc.querySelectorAll(`${SELECTORS.accountButton}, [data-rapport-self]`))) {
    const e = findAddress(a.getAttribute('aria-label') ?? a.getAttribute('data-rapport-self'));
    if (e) self.add(e);
  }
  for (const s of Array.from(doc.querySelectorAll(SELECTORS.selfMarked))) {
    if (!SELF_NAMES.has(s.getAttribute('name')!.trim().toLowerCase())) continue;
    const e = findAddress(s.getAttribute('email'));
    if (e) self.add(e);
  }
  return self;
}

function openThread(doc: Document): Element | null {
  return Array.from(doc.querySelectorAll(SELECTORS.main)).find((m) => m.querySelector(SELECTORS.subject)) ?? null;
}

/** Reads the open conversation's people and subject, or null (logging the failed step). */
export function read(doc: Document, url: URL): PageContext | null {
  try {
    if (!isThreadHash(url.hash)) return logMiss(SITE, 'no conversation id in the URL (inbox list)');
    const main = openThread(doc);
    if (!main) return logMiss(SITE, `no ${SELECTORS.main} with a subject ${SELECTORS.subject} (thread not rendered)`);
    const subject = main.querySelector(SELECTORS.subject)?.textContent?.trim() || undefined;
    const people = new PeopleList(signedInAddresses(doc));
    const spans = Array.from(main.querySelectorAll(SELECTORS.person));
    if (spans.length === 0) return logMiss(SITE, `no ${SELECTORS.person} in the open thread`);
    for (const span of spans) {
      if (span.closest(SELECTORS.excluded)) continue;
      const email = findAddress(span.getAttribute('email'));
      const name = span.getAttribute('name') ?? span.textContent;
      if (span.matches(SELECTORS.sender)) people.add(email, 'from', name);
      else if (span.matches(SELECTORS.recipient)) people.add(email, isCcRow(span) ? 'cc' : 'to', name);
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
  const main = openThread(doc);
  const senders = main ? Array.from(main.querySelectorAll(SELECTORS.lastSender)) : [];
  return senders[senders.length - 1] ?? null;
}

export const gmail: SiteAdapter = {
  id: 'gmail',
  label: 'Gmail',
  kind: 'mail',
  access: 'required',
  hostPatterns: ['https://mail.google.com/*'],
  localPrefix: 'gmail',
  localTarget: 'https://mail.google.com',
  selectors: SELECTORS,
  matches,
  read,
  chipAnchor,
};
