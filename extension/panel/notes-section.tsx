/** @jsxImportSource preact */
/** A customer's notes timeline: add, edit, delete with undo, tags. */
import { useCallback, useState } from 'preact/hooks';
import { addNote, deleteNote, editNote, notesOf, undoDeleteNote } from '../db/notes';
import type { Note } from '../db/records';
import { useEnv, useRun, useT } from './panel-env';
import { useLiveQuery } from './use-live-query';
import { day } from './format';

const splitTags = (s: string) => s.split(/[\s,，]+/).filter(Boolean);

function NoteItem({ note }: { note: Note }) {
  const env = useEnv();
  const run = useRun();
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(note.body);
  const [tags, setTags] = useState(note.tags.join(' '));
  const save = async () => {
    if (await run(() => editNote(env.db, note.id, body, splitTags(tags)))) setEditing(false);
  };
  const remove = async () => {
    if (await run(() => deleteNote(env.db, note.id))) env.toast(t('noteDeleted'), () => void run(() => undoDeleteNote(env.db, note.id)));
  };
  if (editing) {
    return (
      <li class="note editing">
        <textarea value={body} onInput={(e) => setBody(e.currentTarget.value)} aria-label={t('edit')} rows={3} />
        <input value={tags} onInput={(e) => setTags(e.currentTarget.value)} placeholder={t('tagsPlaceholder')} aria-label={t('tagsPlaceholder')} />
        <div class="row">
          <button type="button" onClick={save}>{t('save')}</button>
          <button type="button" class="secondary" onClick={() => setEditing(false)}>{t('cancel')}</button>
        </div>
      </li>
    );
  }
  return (
    <li class="note" data-testid="note">
      <div class="note-meta muted small">
        {day(env.lang, note.created)}
        {note.tags.map((tag) => <span key={tag} class="tag">#{tag}</span>)}
      </div>
      <p class="note-body">{note.body}</p>
      <div class="row">
        <button type="button" class="link" onClick={() => setEditing(true)}>{t('edit')}</button>
        <button type="button" class="link" onClick={remove}>{t('delete')}</button>
      </div>
    </li>
  );
}

export function NotesSection({ customerKey }: { customerKey: string }) {
  const env = useEnv();
  const run = useRun();
  const t = useT();
  const { data: notes } = useLiveQuery(useCallback(() => notesOf(env.db, customerKey), [env.db, customerKey]));
  const [body, setBody] = useState('');
  const [tags, setTags] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!body.trim()) return;
    if (await run(() => addNote(env.db, customerKey, body, splitTags(tags)))) {
      setBody('');
      setTags('');
    }
  };
  return (
    <section aria-labelledby="notes-h">
      <h3 id="notes-h">{t('notes')}</h3>
      <form onSubmit={submit} class="stack">
        <textarea
          value={body}
          onInput={(e) => setBody(e.currentTarget.value)}
          placeholder={t('notePlaceholder')}
          aria-label={t('addNote')}
          rows={2}
          data-testid="note-input"
        />
        <div class="row">
          <input value={tags} onInput={(e) => setTags(e.currentTarget.value)} placeholder={t('tagsPlaceholder')} aria-label={t('tagsPlaceholder')} />
          <button type="submit" data-testid="note-add">{t('addNote')}</button>
        </div>
      </form>
      {notes && notes.length === 0 && <p class="muted">{t('noNotes')}</p>}
      <ul class="timeline">{notes?.map((n) => <NoteItem key={n.id} note={n} />)}</ul>
    </section>
  );
}
