/** @jsxImportSource preact */
/** Search across every note (words must all appear; #tag matches tags). */
import { useCallback, useState } from 'preact/hooks';
import { indexNotes, searchNotes } from '../db/notes';
import { useEnv, useImporter, useT } from './panel-env';
import { useQuery } from './use-query';
import { day } from './format';

export function NotesSearch() {
  const env = useEnv();
  const importer = useImporter();
  const t = useT();
  const read = useCallback(
    async (wanted: () => boolean) => {
      const [notes, customers] = await Promise.all([env.db.notes.toArray(), importer.listRows(wanted)]);
      return { index: indexNotes(notes), names: new Map(customers.map((c) => [c.key, c.name])) };
    },
    [env.db, importer],
  );
  const { data } = useQuery(read);
  const [q, setQ] = useState('');
  const hits = data ? searchNotes(data.index, q, 200) : [];
  return (
    <div>
      <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} placeholder={t('searchNotes')} aria-label={t('searchNotes')} />
      {data && hits.length === 0 && <p class="muted">{data.index.notes.length === 0 ? t('noNotes') : t('noNoteHits')}</p>}
      <ul class="timeline">
        {hits.map((n) => (
          <li key={n.id} class="note">
            <div class="note-meta muted small">
              <strong>{data?.names.get(n.customerKey) ?? n.customerKey}</strong> · {day(env.lang, n.created)}
              {n.tags.map((tag) => <span key={tag} class="tag">#{tag}</span>)}
            </div>
            <p class="note-body">{n.body}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
