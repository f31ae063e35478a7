/**
 * Outlook on the web (outlook.cloud.microsoft, outlook.office.com, outlook.office365.com,
 * outlook.live.com). Class names are build hashes, so this reads only ids, roles, aria-labels
 * (localised: "From:"/"发件人:", "To:"/"收件人:", "Cc:"/"抄送:"),
 * `mailto:` links, `title` attributes and "Name <address>" text. Only the reading pane is read:
 * a `[role=main]` region (or `[aria-label]` "Reading Pane"/"阅读窗格") with a From line; never the
 * message list (`[role=listbox]`, `[role=option]`), never a message body (aria-label "Message body"
 * / "邮件正文"), never the signed-in user (account manager `#mectrl_currentAccount_secondary`).
 * The current reading pane marks each message's metadata with level-3 `role="heading"` elements
 * whose ids are `MSG_<id>_FROM`, `MSG_<id>_TO`, `MSG_<id>_CC`, `MSG_<id>_SUBJECT`: when present they
 * give the people and the subject; otherwise the older labelled From/To/Cc lines do.
 */
import type { PageContext, Person } from './page-context';
import type { SiteAdapter } from './site-adapter';
import { PeopleList } from './people-list';
import { findAddress, mailtoAddress, parseNameAddress } from './address-text';
import { logMiss } from './adapter-log';

const SITE = 'outlook';
const HOSTS = new Set(['outlook.cloud.microsoft', 'outlook.live.com', 'outlook.office.com', 'outlook.office365.com']);

export const SELECTORS = {
  pane: '[role="main"]',
  labelled: '[aria-label]',
  heading: '[role="heading"]',
  metaHeading: '[role="heading"][id^="MSG_"]',
  excluded: '[role="listbox"], [role="option"], [role="navigation"]',
  mailto: 'a[href^="mailto:" i]',
  titled: '[title]',
  self: '#mectrl_currentAccount_secondary',
} as const;

/** The Outlook hosts — the /mail/ app (or legacy /owa/). */
export function matches(url: URL): boolean {
  return url.protocol === 'https:' && HOSTS.has(url.hostname) && /^\/(mail|owa)(\/|$)/.test(url.pathname);
}

const LABELS: Record<'from' | 'to' | 'cc', string[]> = {
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
  if (el.closest(SELECTORS.excluded)) return true;
  for (let n: Element | null = el; n; n = n.parentElement) {
    const l = n.getAttribute('aria-label')?.trim().toLowerCase();
    if (l && BODY_LABELS.includes(l)) return true;
  }
  return false;
}

/** The signed-in user's own address(es). */
export function signedInAddresses(doc: Document): Set<string> {
  const self = new Set<string>();
  for (const el of Array.from(doc.querySelectorAll(`${SELECTORS.self}, [data-rapport-self]`))) {
    const e = findAddress(el.textContent) ?? findAddress(el.getAttribute('data-rapport-self'));
    if (e) self.add(e);
  }
  return self;
}

/** The reading pane: a main region or a labelled pane that holds a From line or From heading. */
function readingPane(doc: Document): Element | null {
  const candidates = [
    ...Array.from(doc.querySelectorAll(SELECTORS.labelled)).filter((e) =>
      PANE_LABELS.includes(e.getAttribute('aria-label')!.trim().toLowerCase()),
    ),
    ...Array.from(doc.querySelectorAll(SELECTORS.pane)),
  ];
  return candidates.find((c) => metaHeadings(c).some((h) => h.field === 'FROM') || fromBlocks(c).length > 0) ?? null;
}

/** `MSG_<id>_<FIELD>` metadata headings of the current reading pane, in document order. */
function metaHeadings(root: Element): { el: Element; field: string }[] {
  const out: { el: Element; field: string }[] = [];
  for (const el of Array.from(root.querySelectorAll(SELECTORS.metaHeading))) {
    const m = /^MSG_.+_([A-Z]+)$/.exec(el.id);
    if (m && !isExcluded(el)) out.push({ el, field: m[1]! });
  }
  return out;
}

const FIELD_ROLE: Record<string, Person['role']> = { FROM: 'from', TO: 'to', CC: 'cc' };

function labelled(root: Element): Element[] {
  return Array.from(root.querySelectorAll(SELECTORS.labelled)).filter((e) => !isExcluded(e) && roleOfLabel(e.getAttribute('aria-label')));
}

function fromBlocks(root: Element): Element[] {
  return labelled(root).filter((e) => roleOfLabel(e.getAttribute('aria-label')) === 'from');
}

/** People inside one labelled block: mailto links, title/aria-label addresses, "Name <address>" text. */
function peopleIn(block: Element): { email: string; name?: string }[] {
  const found: { email: string; name?: string }[] = [];
  for (const a of Array.from(block.querySelectorAll(SELECTORS.mailto))) {
    const email = mailtoAddress(a.getAttribute('href'));
    if (email) found.push({ email, name: a.textContent?.trim() || undefined });
  }
  for (const el of Array.from(block.querySelectorAll(SELECTORS.titled))) {
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
    const meta = metaHeadings(pane);
    if (meta.some((h) => h.field === 'FROM')) {
      for (const { el, field } of meta) {
        const role = FIELD_ROLE[field];
        if (role) for (const p of peopleIn(el)) people.add(p.email, role, p.name);
      }
      const list = people.toArray();
      if (list.length === 0) return logMiss(SITE, 'MSG_…_FROM/TO headings hold no address other than the signed-in user');
      const subject = meta.find((h) => h.field === 'SUBJECT')?.el.textContent?.trim() || undefined;
      return subject ? { site: 'outlook', people: list, subject } : { site: 'outlook', people: list };
    }
    for (const block of labelled(pane)) {
      const role = roleOfLabel(block.getAttribute('aria-label'))!;
      if (block.parentElement?.closest('[aria-label]') && roleOfLabel(block.parentElement.closest('[aria-label]')!.getAttribute('aria-label'))) continue;
      for (const p of peopleIn(block)) people.add(p.email, role, p.name);
    }
    const list = people.toArray();
    if (list.length === 0) return logMiss(SITE, 'From/To lines hold no address other than the signed-in user');
    const subject = pane.querySelector(SELECTORS.heading)?.textContent?.trim() || undefined;
    return subject ? { site: 'outlook', people: list, subject } : { site: 'outlook', people: list };
  } catch (e) {
    return logMiss(SITE, `read failed: ${String(e)}`);
  }
}

/** Where the tier chip goes: after the (last) From heading or From line of the reading pane. */
export function chipAnchor(doc: Document): Element | null {
  const pane = readingPane(doc);
  if (!pane) return null;
  const heads = metaHeadings(pane).filter((h) => h.field === 'FROM').map((h) => h.el);
  const froms = heads.length > 0 ? heads : fromBlocks(pane);
  return froms[froms.length - 1] ?? null;
}

export const outlook: SiteAdapter = {
  id: 'outlook',
  label: 'Outlook',
  kind: 'mail',
  access: 'required',
  hostPatterns: [...HOSTS].map((h) => `https://${h}/*`),
  localPrefix: 'outlook',
  localTarget: 'https://outlook.office.com',
  selectors: SELECTORS,
  matches,
  read,
  chipAnchor,
};
