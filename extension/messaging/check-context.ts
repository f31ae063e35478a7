/**
 * Checks a page context arriving in a message: a known site, at most MAX_PEOPLE people with an
 * address each, names and subject of bounded length, at most MAX_COMPANIES companies. Anything
 * else is rejected (null), never repaired.
 */
import type { Company, PageContext, Person, SiteId } from '../sites/page-context';

const SITES: ReadonlySet<string> = new Set<SiteId>([
  'gmail',
  'outlook',
  'qq-mail',
  'netease-mail',
  'aliyun-mail',
  'salesforce',
  'hubspot',
  'pipedrive',
  'zoho-crm',
  'generic',
]);
const ROLES: ReadonlySet<string> = new Set(['from', 'to', 'cc', 'record']);
const ADDRESS = /^[a-z0-9._%+'-]+@[a-z0-9.-]+\.[a-z]{2,}$/;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const MAX_PEOPLE = 200;
const MAX_COMPANIES = 10;
const MAX_TEXT = 2000;

const text = (x: unknown): x is string => typeof x === 'string' && x.length <= MAX_TEXT;

export function checkContext(raw: unknown): PageContext | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const c = raw as Record<string, unknown>;
  if (typeof c.site !== 'string' || !SITES.has(c.site) || !Array.isArray(c.people) || c.people.length > MAX_PEOPLE) return null;
  const people: Person[] = [];
  for (const p of c.people as unknown[]) {
    if (typeof p !== 'object' || p === null) return null;
    const { email, name, role } = p as Record<string, unknown>;
    if (typeof email !== 'string' || !ADDRESS.test(email) || typeof role !== 'string' || !ROLES.has(role)) return null;
    if (name !== undefined && !text(name)) return null;
    people.push(name === undefined ? { email, role: role as Person['role'] } : { email, name, role: role as Person['role'] });
  }
  const out: PageContext = { site: c.site as SiteId, people };
  if (c.subject !== undefined) {
    if (!text(c.subject)) return null;
    out.subject = c.subject;
  }
  if (c.companies !== undefined) {
    if (!Array.isArray(c.companies) || c.companies.length > MAX_COMPANIES) return null;
    const companies: Company[] = [];
    for (const x of c.companies as unknown[]) {
      if (typeof x !== 'object' || x === null) return null;
      const { domain, name } = x as Record<string, unknown>;
      if (typeof domain !== 'string' || !DOMAIN.test(domain) || (name !== undefined && !text(name))) return null;
      companies.push(name === undefined ? { domain } : { domain, name });
    }
    out.companies = companies;
  }
  return out;
}
