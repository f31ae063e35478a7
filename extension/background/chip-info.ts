/**
 * What the tier chip says for a page context: the tier of the first person (senders first) who
 * matches a customer — exact address, then company domain — else of the record's company by its
 * domain, and how many people and companies matched. Never the customer's name (the chip is in the
 * page).
 */
import type { RapportDB } from '../db/database';
import { matchPerson } from '../db/match-person';
import type { ChipInfo } from '../messaging/messages';
import type { PageContext } from '../sites/page-context';
import type { Lang } from '../../shared/types';
import { matchCompany } from './match-company';

export async function chipInfo(db: RapportDB, context: PageContext, lang: Lang): Promise<ChipInfo> {
  let tier: ChipInfo['tier'] = null;
  let matched = 0;
  for (const person of context.people) {
    const m = await matchPerson(db, person.email);
    if (m.length === 0) continue;
    matched++;
    tier ??= m[0]!.customer.tier;
  }
  for (const company of context.companies ?? []) {
    const m = await matchCompany(db, company.domain);
    if (m.length === 0) continue;
    matched++;
    tier ??= m[0]!.tier;
  }
  return tier ? { status: 'known', tier, matched, lang } : { status: 'unknown', tier: null, matched: 0, lang };
}
