/** @jsxImportSource preact */
/**
 * The open email: its people, each matched to a customer (exact address, then company domain).
 * Several people → a list to pick from; several customers on one domain → pick one; an unknown
 * sender → add as a new customer or attach to an existing one.
 */
import { useCallback, useState } from 'preact/hooks';
import type { PageContext, Person } from '../sites/page-context';
import { matchPerson, type PersonMatch } from '../db/match-person';
import { blankContact, saveContact } from '../db/contact-card';
import { registrableDomain } from '../../shared/ingest/registrable-domain';
import { matchCompany } from '../background/match-company';
import type { StringKey } from '../i18n/strings';
import { useEnv, useImporter, useRun, useT } from './panel-env';
import { useLiveQuery } from './use-live-query';
import { useQuery } from './use-query';
import { CustomerCard } from './customer-card';
import { TierBadge } from './tier-badge';
import type { CustomerRow } from '../db/customer-rows';

/** By name, then key (the order the name index gave). */
const byName = (a: CustomerRow, b: CustomerRow) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

interface PersonRow {
  person: Person;
  matches: PersonMatch[];
  /** A record page's company (person.email holds its domain): matched by domain, never added from here. */
  company?: boolean;
}

/** A record page's companies whose domain no person on the page already stands for. */
async function companyRows(db: Parameters<typeof matchCompany>[0], context: PageContext): Promise<PersonRow[]> {
  const covered = new Set(context.people.map((p) => registrableDomain(p.email)));
  const rows: PersonRow[] = [];
  for (const c of context.companies ?? []) {
    if (covered.has(c.domain)) continue;
    const customers = await matchCompany(db, c.domain);
    rows.push({
      person: { email: c.domain, name: c.name ?? c.domain, role: 'record' },
      matches: customers.map((customer) => ({ customer, by: 'domain' as const })),
      company: true,
    });
  }
  return rows;
}

function UnknownPerson({ person }: { person: Person }) {
  const env = useEnv();
  const importer = useImporter();
  const run = useRun();
  const t = useT();
  const [name, setName] = useState(person.name ?? '');
  const [target, setTarget] = useState('');
  // Key and name of every customer, read by the import worker (no customer decoded on this thread).
  const { data: all } = useQuery(useCallback(async (wanted: () => boolean) => (await importer.listRows(wanted)).sort(byName), [importer]));
  const add = async (e: Event) => {
    e.preventDefault();
    if (!name.trim()) return;
    await run(() => importer.addManual(name, person.email, env.analyzeContext, person.name ?? ''));
  };
  const attach = async (e: Event) => {
    e.preventDefault();
    if (!target) return;
    await run(() => saveContact(env.db, blankContact(target, person.email, person.name ?? '')));
  };
  return (
    <div class="card" data-testid="unknown-person">
      <p>{t('unknownTitle', { email: person.email })}</p>
      <form onSubmit={add} class="stack">
        <label>{t('customerName')} <input value={name} onInput={(e) => setName(e.currentTarget.value)} /></label>
        <button type="submit">{t('addAsNew')}</button>
      </form>
      {all && all.length > 0 && (
        <form onSubmit={attach} class="stack">
          <label>{t('attachTo')}
            <select value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
              <option value="">{t('pickCustomer')}</option>
              {all.map((c) => <option key={c.key} value={c.key}>{c.name}</option>)}
            </select>
          </label>
          <button type="submit" class="secondary">{t('attach')}</button>
        </form>
      )}
    </div>
  );
}

export function EmailView({ context }: { context: PageContext }) {
  const env = useEnv();
  const t = useT();
  const { data: rows, error } = useLiveQuery<PersonRow[]>(
    useCallback(
      async () => [
        ...(await Promise.all(context.people.map(async (person) => ({ person, matches: await matchPerson(env.db, person.email) })))),
        ...(await companyRows(env.db, context)),
      ],
      [env.db, context],
    ),
  );
  // The rep's pick of person and customer holds for the email it was made on. Until a pick, a new
  // email shows its first matched person (a sender first), else its first person.
  const [pick, setPick] = useState<{ context: PageContext; selected: number; customerKey: string | null } | null>(null);
  const firstMatched = Math.max(0, rows ? rows.findIndex((r) => r.matches.length > 0) : 0);
  const { selected, customerKey } = pick?.context === context ? pick : { selected: firstMatched, customerKey: null };
  const setSelected = (i: number) => setPick({ context, selected: i, customerKey: null });
  const setCustomerKey = (key: string | null) => setPick({ context, selected, customerKey: key });
  if (error) {
    env.fail(error);
    return null;
  }
  if (!rows) return <p class="muted">{t('loading')}</p>;
  const row = rows[selected] ?? rows[0];
  if (!row) return <p class="muted">{t('noEmail')}</p>;
  const chosen = row.matches.find((m) => m.customer.key === customerKey) ?? (row.matches.length === 1 ? row.matches[0] : undefined);
  return (
    <div>
      {context.subject && <p class="subject" title={context.subject}>{context.subject}</p>}
      {rows.length > 1 && (
        <nav aria-label={t('peopleInEmail')}>
          <h3>{t('peopleInEmail')}</h3>
          <ul class="people">
            {rows.map((r, i) => (
              <li key={r.person.email}>
                <button type="button" aria-pressed={i === selected} class={i === selected ? 'person selected' : 'person'} onClick={() => setSelected(i)}>
                  {r.matches[0] ? <TierBadge tier={r.matches[0].customer.tier} /> : <span class="tier tier-none">?</span>}
                  <span>{r.person.name ?? r.person.email}</span>
                  <span class="muted small">{t(`role${r.person.role[0]!.toUpperCase()}${r.person.role.slice(1)}` as StringKey)}</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <p class="muted small" data-testid="match-how">
        {row.person.email} ·{' '}
        {row.matches.length === 0
          ? t('unknownPerson')
          : row.matches[0]!.by === 'email'
            ? t('matchedByEmail')
            : t('matchedByDomain', { domain: registrableDomain(row.person.email) ?? '' })}
      </p>
      {row.matches.length === 0 && !row.company && <UnknownPerson person={row.person} />}
      {row.matches.length > 1 && !chosen && (
        <div class="card">
          <p>{t('severalCustomers')}</p>
          <ul class="plain">
            {row.matches.map((m) => (
              <li key={m.customer.key}>
                <button type="button" class="person" onClick={() => setCustomerKey(m.customer.key)}>
                  <TierBadge tier={m.customer.tier} /> {m.customer.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {chosen && <CustomerCard customer={chosen.customer} />}
    </div>
  );
}
