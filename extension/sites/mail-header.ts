/**
 * Reading the header of an open message in webmail whose markup labels each line: a label
 * ("发件人" / "From", "收件人" / "To", "抄送" / "Cc") followed by the people of that line. Shared by
 * the Chinese webmail adapters. Within a line an address is taken from, in order: an attribute the
 * site puts on the person (`e`, `email`, `data-email`, `addr`, `title`), a `mailto:` link, a
 * site-specific address element (e.g. NetEase's `.nui-addr-email` text), or "Name <address>" text.
 * Only what the page holds is read: a chip that shows a nickname and keeps its address in a
 * contact card not yet rendered gives nothing (the adapter never hovers or clicks).
 */
import type { Person } from './page-context';
import { findAddress, mailtoAddress, parseNameAddress } from './address-text';
import type { PeopleList } from './people-list';

const LABELS: [Person['role'], RegExp][] = [
  ['from', /^\s*(发件人|發件人|from|sender)\s*[:：]?\s*$/i],
  ['to', /^\s*(收件人|to)\s*[:：]?\s*$/i],
  ['cc', /^\s*(抄送|抄送人|cc)\s*[:：]?\s*$/i],
];

/** The role a header label names, or null. */
export function roleOfHeaderLabel(text: string | null | undefined): Person['role'] | null {
  if (!text) return null;
  for (const [role, re] of LABELS) if (re.test(text)) return role;
  return null;
}

const PERSON_ATTRS = ['e', 'email', 'data-email', 'addr', 'data-addr'];

/** Whether an element (or an ancestor below `root`) is hidden by the page. */
export function hiddenWithin(el: Element, root: Element): boolean {
  for (let n: Element | null = el; n && n !== root; n = n.parentElement) {
    if (n.hasAttribute('hidden') || n.getAttribute('aria-hidden') === 'true') return true;
    const style = n.getAttribute('style') ?? '';
    if (/display\s*:\s*none/i.test(style)) return true;
  }
  return false;
}

/** People in one header line (its label excluded). */
export function peopleInLine(line: Element, addressSelector: string | null): { email: string; name?: string }[] {
  const found: { email: string; name?: string }[] = [];
  const seen = new Set<string>();
  const push = (email: string | null, name?: string | null) => {
    if (!email || seen.has(email)) return;
    seen.add(email);
    const n = name?.trim();
    found.push(n && !n.includes('@') ? { email, name: n } : { email });
  };
  for (const el of [line, ...Array.from(line.querySelectorAll('*'))]) {
    for (const attr of PERSON_ATTRS) {
      const e = findAddress(el.getAttribute(attr));
      if (e) push(e, el.getAttribute('n') ?? el.getAttribute('data-name') ?? el.getAttribute('name') ?? el.textContent);
    }
    const t = parseNameAddress(el.getAttribute('title'));
    if (t) push(t.email, t.name ?? el.textContent);
    if (el.matches('a[href^="mailto:" i]')) push(mailtoAddress(el.getAttribute('href')), el.textContent);
  }
  if (addressSelector) {
    for (const el of [line, ...Array.from(line.querySelectorAll(addressSelector))].filter((x) => x.matches(addressSelector))) {
      const person = el.parentElement;
      const email = findAddress(el.textContent);
      const name = person ? (person.textContent ?? '').replace(el.textContent ?? '', '') : null;
      push(email, name);
    }
  }
  if (found.length === 0) {
    for (const part of (line.textContent ?? '').split(/[;；,，]/)) {
      const p = parseNameAddress(part.replace(/^\s*[^:：<@]*[:：]/, ''));
      if (p) push(p.email, p.name);
    }
  }
  return found;
}

/** The elements after a label up to the next label: its own siblings, else its parent's. */
function lineValues(label: Element, root: Element): Element[] {
  for (let at: Element | null = label; at && at !== root; at = at.parentElement) {
    const values: Element[] = [];
    for (let n = at.nextElementSibling; n; n = n.nextElementSibling) {
      const labelled = Array.from(n.querySelectorAll('*')).some((c) => c.children.length === 0 && roleOfHeaderLabel(c.textContent));
      if (roleOfHeaderLabel(n.textContent) || labelled) break;
      values.push(n);
    }
    if (values.length > 0) return values;
  }
  return [];
}

/**
 * Reads labelled header lines under `root` into `people`: every leaf element whose text is a
 * header label starts a line, which runs over the elements after it up to the next label.
 * Returns how many lines were found.
 */
export function readHeaderLines(root: Element, people: PeopleList, addressSelector: string | null, skip: string): number {
  let lines = 0;
  for (const label of Array.from(root.querySelectorAll('*'))) {
    if (label.children.length > 0) continue;
    const role = roleOfHeaderLabel(label.textContent);
    if (!role || label.closest(skip) || hiddenWithin(label, root)) continue;
    lines++;
    for (const value of lineValues(label, root)) {
      for (const p of peopleInLine(value, addressSelector)) people.add(p.email, role, p.name);
    }
  }
  return lines;
}

/** The selectors a labelled-header webmail adapter depends on. */
export type HeaderMailSelectors = {
  /** Candidate regions of the open message (the first visible one with a From line wins). */
  readRoot: string;
  subject: string;
  /** Message lists, bodies and other parts never read. */
  skip: string;
  /** Elements holding the signed-in user's own address. */
  self: string;
  /** A site-specific element whose text is one person's address (or null). */
  address: string | null;
};

/** The first visible read region holding a From line. */
export function openMessage(doc: Document, sel: HeaderMailSelectors): Element | null {
  const roots = [...Array.from(doc.querySelectorAll(sel.readRoot)), ...(doc.body ? [doc.body] : [])];
  for (const root of roots) {
    if (root.closest(sel.skip) || hiddenWithin(root, doc.documentElement)) continue;
    if (fromLabel(root, sel)) return root;
  }
  return null;
}

/** The first visible From label under `root`. */
export function fromLabel(root: Element, sel: HeaderMailSelectors): Element | null {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (el.children.length === 0 && roleOfHeaderLabel(el.textContent) === 'from' && !el.closest(sel.skip) && !hiddenWithin(el, root)) return el;
  }
  return null;
}

/** The signed-in user's own addresses. */
export function selfAddresses(doc: Document, sel: HeaderMailSelectors): Set<string> {
  const self = new Set<string>();
  for (const el of Array.from(doc.querySelectorAll(sel.self))) {
    const e = findAddress(el.textContent) ?? findAddress(el.getAttribute('title'));
    if (e) self.add(e);
  }
  return self;
}

/** The visible subject of the open message. */
export function subjectOf(root: Element, sel: HeaderMailSelectors): string | undefined {
  const el = Array.from(root.querySelectorAll(sel.subject)).find((s) => !s.closest(sel.skip) && !hiddenWithin(s, root));
  return el?.textContent?.trim() || undefined;
}

/** Where the chip goes: after the first person of the From line. */
export function fromAnchor(doc: Document, sel: HeaderMailSelectors): Element | null {
  const root = openMessage(doc, sel);
  const label = root ? fromLabel(root, sel) : null;
  return label ? (lineValues(label, root!)[0] ?? null) : null;
}
