/**
 * What a site adapter reads from an open email: the site, the people in the conversation and
 * the subject. Plain data, so it crosses the content-script → background message unchanged.
 */
export type Site = 'gmail' | 'outlook';
export type PersonRole = 'from' | 'to' | 'cc';

export interface Person {
  email: string;
  name?: string;
  role: PersonRole;
}

export interface PageContext {
  site: Site;
  people: Person[];
  subject?: string;
}

/** A site adapter: pure functions of a URL and a document (issue 4, "Site adapters"). */
export interface SiteAdapter {
  site: Site;
  matches(url: URL): boolean;
  read(doc: Document, url: URL): PageContext | null;
}

/** Two contexts are the same when site, subject and the ordered people are the same. */
export function sameContext(a: PageContext | null, b: PageContext | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  if (a.site !== b.site || (a.subject ?? '') !== (b.subject ?? '') || a.people.length !== b.people.length) return false;
  return a.people.every((p, i) => {
    const q = b.people[i]!;
    return p.email === q.email && p.role === q.role && (p.name ?? '') === (q.name ?? '');
  });
}
