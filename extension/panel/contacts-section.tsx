/** @jsxImportSource preact */
/**
 * People at the customer with their role (决策人 decision-maker, influencer, user) and the archive
 * fields of seed 001 (客户档案).
 */
import { useCallback, useState } from 'preact/hooks';
import { blankContact, contactsOf, saveContact } from '../db/contact-card';
import type { ContactPerson, ContactRole } from '../db/records';
import type { StringKey } from '../i18n/strings';
import { useEnv, useRun, useT } from './panel-env';
import { useLiveQuery } from './use-live-query';

const ROLES: ContactRole[] = ['decision_maker', 'influencer', 'user'];
const FIELDS: (keyof ContactPerson & ('name' | 'email' | 'title' | 'birthplace' | 'education' | 'family' | 'hobbies' | 'likes' | 'dislikes'))[] = [
  'name', 'email', 'title', 'birthplace', 'education', 'family', 'hobbies', 'likes', 'dislikes',
];

function ContactForm({ initial, onDone }: { initial: ContactPerson; onDone: () => void }) {
  const env = useEnv();
  const run = useRun();
  const t = useT();
  const [c, setC] = useState(initial);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await run(() => saveContact(env.db, { ...c, email: c.email.trim().toLowerCase() }))) onDone();
  };
  return (
    <form onSubmit={submit} class="grid-form">
      <label>{t('f_role')}
        <select value={c.role} onChange={(e) => setC({ ...c, role: e.currentTarget.value as ContactRole })}>
          {ROLES.map((r) => <option key={r} value={r}>{t(`role_${r}` as StringKey)}</option>)}
        </select>
      </label>
      {FIELDS.map((f) => (
        <label key={f}>{t(`f_${f}` as StringKey)}
          <input value={c[f]} onInput={(e) => setC({ ...c, [f]: e.currentTarget.value })} />
        </label>
      ))}
      <div class="row">
        <button type="submit">{t('save')}</button>
        <button type="button" class="secondary" onClick={onDone}>{t('cancel')}</button>
      </div>
    </form>
  );
}

export function ContactsSection({ customerKey }: { customerKey: string }) {
  const env = useEnv();
  const t = useT();
  const { data: people } = useLiveQuery(useCallback(() => contactsOf(env.db, customerKey), [env.db, customerKey]));
  const [editing, setEditing] = useState<ContactPerson | null>(null);
  return (
    <section aria-labelledby="ct-h">
      <details>
        <summary id="ct-h">{t('contacts')} ({people?.length ?? 0})</summary>
        <ul class="plain">
          {people?.map((p) => (
            <li key={p.id}>
              <strong>{p.name || p.email}</strong> · {t(`role_${p.role}` as StringKey)}
              {p.title ? ` · ${p.title}` : ''} {p.email && <span class="muted small">{p.email}</span>}{' '}
              <button type="button" class="link" onClick={() => setEditing(p)}>{t('edit')}</button>
            </li>
          ))}
        </ul>
        {editing ? (
          <ContactForm initial={editing} onDone={() => setEditing(null)} />
        ) : (
          <button type="button" class="secondary" onClick={() => setEditing(blankContact(customerKey, ''))}>{t('addContact')}</button>
        )}
      </details>
    </section>
  );
}
