/**
 * Outlook on the web adapter (issue 4). Outlook's class names are obfuscated and change, so this
 * reads only roles, aria-labels (localised: "From:"/"发件人:", "To:"/"收件人:", "Cc:"/"抄送:"),
 * `mailto:` links, `title` attributes and "Name <address>" text. Only the reading pane is read:
 * a `[role=main]` region (or `[aria-label]` "Reading Pane"/"阅读窗格") with a From line; never the
 * message list (`[role=listbox]`, `[role=option]`), never a message body (aria-label "Message body"
 * / "邮件正文"), never the signed-in user (account manager `#mectrl_currentAccount_secondary`).
 */
import type { PageContext, Person, SiteAdapter } from './page-context';
import { PeopleList } from './people-list';
import { findAddress, mailtoAddress, parseNameAddress } from './address-text';
import { logMiss } from './adapter-log';

const SITE = 'outlook';
const HOSTS = new Set(['outlook.live.com', 'outlook.office.com', 'outlook.office365.com']);

/** outlook.live.com, outlook.office.com, outlook.office365.com — the /mail/ app (or legacy /owa/). */
export function matches(url: URL): boolean {
  return url.protocol === 'https:' && HOSTS.has(url.hostname) && /^\/(mail|owa)(\/|$)/.test(url.pathname);
}

const LABELS: Record<Person['role'], string[]> = {
  from: ['from', '发件人'],
  to: ['to', '收件人'],
  cc: ['cc', '抄送'],
};

/** "From: Li Wei" → 'from'; "收件人: …" → 'to'; otherwise null. */
export function roleOfLabel(label: string | null): Person['role'] | null {
  if (!label) return null;
  const head = label.trim().toLowerCase().split(/[:：]/)[0]!.trim();
  for (const role of ['from', 'to', 'cc'] as const) if (LABELS[role].includes(head)) return role;
  return null;
}

const BODY_LABELS = ['message body', '邮件正文', '消息正文'];
const PANE_LABELS = ['reading pane', '阅读窗格'];

function isExcluded(el: Element): boolean {
  if (el.closest('[role="listbox"], [role="option"], [role="navigation"]')) return true;
  for (let n: Element | null = el; n; n = n.parentElement) {
    const l = n.getAttribute('aria-label')?.trim().toLowerCase();
    if (l && BODY_LABELS.includes(l)) return true;
  }
  return false;
}

/** The signed-in user's own address(es). */
export function signedInAddresses(doc: Document): Set<string> {
  const self = new Set<string>();
  for (const el of Array.from(doc.querySelectorAll('#mectrl_currentAccount_secondary, [data-rapport-self]'))) {
    const e = findAddress(el.textContent) ?? findAddress(el.getAttribute('data-rapport-self'));
    if (e) self.add(e);
  }
  return self;
}

/** The reading pane: a main region or a labelled pane that holds a From line. */
function readingPane(doc: Document): Element | null {
  const candidates = [
    ...Array.from(doc.querySelectorAll('[aria-label]')).filter((e) =>
      PANE_LABELS.includes(e.getAttribute('aria-label')!.trim().toLowerCase()),
    ),
    ...Array.from(doc.querySelectorAll('[role="main"]')),
  ];
  return candidates.find((c) => fromBlocks(c).length > 0) ?? null;
}

function labelled(root: Element): Element[] {
  return Array.from(root.querySelectorAll('[aria-label]')).filter((e) => !isExcluded(e) && roleOfLabel(e.getAttribute('aria-label')));
}

function fromBlocks(root: Element): Element[] {
  return labelled(root).filter((e) => roleOfLabel(e.getAttribute('aria-label')) === 'from');
}

/** People inside one labelled block: mailto links, title/aria-label addresses, "Name <address>" text. */
function peopleIn(block: Element): { email: string; name?: string }[] {
  const found: { email: string; name?: string }[] = [];
  for (const a of Array.from(block.querySelectorAll('a[href^="mailto:" i]'))) {
    const email = mailtoAddress(a.getAttribute('href'));
    if (email) found.push({ email, name: a.textContent?.trim() || undefined });
  }
  for (const el of Array.from(block.querySelectorAll('[title]'))) {
    const p = parseNameAddress(el.getAttribute('title'));
    if (p) found.push(p.name ? p : { email: p.email, name: el.textContent?.trim() || undefined });
  }
  if (found.length === 0) {
    const own = parseNameAddress(block.getAttribute('aria-label')?.replace(/^[^:：]*[:：]/, ''));
    if (own) found.push(own);
    for (const part of (block.textContent ?? '').split(/[;；]/)) {
      const p = parseNameAddress(part.replace(/^\s*[^:：<@]*[:：]/, ''));
      if (p) found.push(p);
    }
  }
  return found;
}

/** Reads the reading pane's From/To/Cc and subject, or null (logging the failed step). */
export function read(doc: Document, _url: URL): PageContext | null {
  try {
    const pane = readingPane(doc);
    if (!pane) return logMiss(SITE, 'no reading pane with a From line (reading pane off or list only)');
    const people = new PeopleList(signedInAddresses(doc));
    for (const block of labelled(pane)) {
      const role = roleOfLabel(block.getAttribute('aria-label'))!;
      if (block.parentElement?.closest('[aria-label]') && roleOfLabel(block.parentElement.closest('[aria-label]')!.getAttribute('aria-label'))) continue;
      for (const p of peopleIn(block)) people.add(p.email, role, p.name);
    }
    const list = people.toArray();
    if (list.length === 0) return logMiss(SITE, 'From/To lines hold no address other than the signed-in user');
    const subject = pane.querySelector('[role="heading"]')?.textContent?.trim() || undefined;
    return subject ? { site: 'outlook', people: list, subject } : { site: 'outlook', people: list };
  } catch (e) {
    return logMiss(SITE, `read failed: ${String(e)}`);
  }
}

/** Where the tier chip goes: after the (last) From line of the reading pane. */
export function chipAnchor(doc: Document): Element | null {
  const pane = readingPane(doc);
  const froms = pane ? fromBlocks(pane) : [];
  return froms[froms.length - 1] ?? null;
}

export const outlook: SiteAdapter & { chipAnchor: typeof chipAnchor } = { site: 'outlook', matches, read, chipAnchor };
