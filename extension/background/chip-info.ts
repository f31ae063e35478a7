/**
 * What the tier chip says for a page context: the first sender (then any person) who matches a
 * customer, and how many people matched (issue 4: exact address, then company domain).
 */
import type { RapportDB } from '../db/database';
import { matchPerson } from '../db/match-person';
import type { ChipInfo } from '../messaging/messages';
import type { PageContext } from '../sites/page-context';
import type { Lang } from '../../shared/types';

export async function chipInfo(db: RapportDB, context: PageContext, lang: Lang): Promise<ChipInfo> {
  let first: ChipInfo | null = null;
  let matched = 0;
  for (const person of context.people) {
    const m = await matchPerson(db, person.email);
    if (m.length === 0) continue;
    matched++;
    if (!first) first = { status: 'known', tier: m[0]!.customer.tier, name: m[0]!.customer.name, matched: 0, lang };
  }
  return first ? { ...first, matched } : { status: 'unknown', tier: null, name: null, matched: 0, lang };
}
