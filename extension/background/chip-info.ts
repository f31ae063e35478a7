/**
 * What the tier chip says for a page context: the tier of the first person (senders first) who
 * matches a customer — exact address, then company domain — else of the record's company by its
 * domain (unless a person on the page already stands for that domain), and how many matched.
 * Never the customer's name (the chip is in the page).
 */
import type { RapportDB } from '../db/database';
import { matchPerson } from '../db/match-person';
import type { ChipInfo } from '../messaging/messages';
import type { PageContext } from '../sites/page-context';
import type { Lang } from '../../shared/types';
import { matchCompany } from './match-company';
import { registrableDomain } from '../../shared/ingest/registrable-domain';

export async function chipInfo(db: RapportDB, context: PageContext, lang: Lang): Promise<ChipInfo> {
  // The first match's tier; null when its table has no tiers (no revenue or profit column).
  let tier: ChipInfo['tier'] | undefined;
  let matched = 0;
  for (const person of context.people) {
    const m = await matchPerson(db, person.email);
    if (m.length === 0) continue;
    matched++;
    if (tier === undefined) tier = m[0]!.customer.tier;
  }
  // a company counts on its own only when no person on the page already stands for its domain
  const covered = new Set(context.people.map((p) => registrableDomain(p.email)));
  for (const company of context.companies ?? []) {
    if (covered.has(company.domain)) continue;
    const m = await matchCompany(db, company.domain);
    if (m.length === 0) continue;
    matched++;
    if (tier === undefined) tier = m[0]!.tier;
  }
  return tier !== undefined ? { status: 'known', tier, matched, lang } : { status: 'unknown', tier: null, matched: 0, lang };
}
