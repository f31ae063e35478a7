/**
 * What a site adapter reads from a page: the site, the people of the open conversation or record,
 * the subject (mail) and, on a CRM record page, the record's company domains and name. Plain data,
 * so it crosses the content-script → background message unchanged.
 */
export type SiteId =
  | 'gmail'
  | 'outlook'
  | 'qq-mail'
  | 'netease-mail'
  | 'aliyun-mail'
  | 'salesforce'
  | 'hubspot'
  | 'pipedrive'
  | 'zoho-crm'
  | 'generic';
/** In a conversation: from, to, cc; on a CRM record page: 'record' (a person the record names). */
export type PersonRole = 'from' | 'to' | 'cc' | 'record';

export interface Person {
  email: string;
  name?: string;
  role: PersonRole;
}

/** A company a record page names: its registrable domain (from its website link) and its name. */
export interface Company {
  domain: string;
  name?: string;
}

export interface PageContext {
  site: SiteId;
  people: Person[];
  subject?: string;
  /** Record pages: the record's company domains (a company page with no e-mail still matches). */
  companies?: Company[];
}

/** Two contexts are the same when site, subject, the ordered people and companies are the same. */
export function sameContext(a: PageContext | null, b: PageContext | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  if (a.site !== b.site || (a.subject ?? '') !== (b.subject ?? '') || a.people.length !== b.people.length) return false;
  const ca = a.companies ?? [];
  const cb = b.companies ?? [];
  if (ca.length !== cb.length || ca.some((c, i) => c.domain !== cb[i]!.domain || (c.name ?? '') !== (cb[i]!.name ?? ''))) return false;
  return a.people.every((p, i) => {
    const q = b.people[i]!;
    return p.email === q.email && p.role === q.role && (p.name ?? '') === (q.name ?? '');
  });
}
