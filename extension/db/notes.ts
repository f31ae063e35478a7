/**
 * Notes on a customer: add, edit, delete with undo (a soft delete: `deleted` is set and the row
 * stays for the undo window, then is purged for good), tags, and search across all notes.
 */
import { newId, type RapportDB } from './database';
import type { Note } from './records';

/** Tags are lower-cased, trimmed, `#` dropped, unique, in the order given. */
export function normalizeTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const v = t.trim().replace(/^#+/, '').toLowerCase();
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}

export async function addNote(db: RapportDB, customerKey: string, body: string, tags: readonly string[] = [], now = new Date()): Promise<Note> {
  const at = now.toISOString();
  const note: Note = { id: newId(), customerKey, body: body.trim(), tags: normalizeTags(tags), created: at, updated: at, deleted: null };
  await db.notes.add(note);
  return note;
}

export async function editNote(db: RapportDB, id: string, body: string, tags: readonly string[], now = new Date()): Promise<void> {
  await db.notes.update(id, { body: body.trim(), tags: normalizeTags(tags), updated: now.toISOString() });
}

/** How long a deleted note can be brought back (the panel's undo offer stays this long). */
export const UNDO_WINDOW_MS = 10_000;

/**
 * Soft delete: the note disappears from lists, search and exports; `undoDeleteNote` brings it
 * back within the undo window. Notes deleted earlier whose window has closed are purged with it.
 */
export async function deleteNote(db: RapportDB, id: string, now = new Date()): Promise<void> {
  await db.transaction('rw', db.notes, async () => {
    await db.notes.update(id, { deleted: now.toISOString() });
    await purgeDeletedNotes(db, now);
  });
}

export async function undoDeleteNote(db: RapportDB, id: string): Promise<void> {
  await db.notes.update(id, { deleted: null });
}

/** A customer's live notes, newest first. */
export async function notesOf(db: RapportDB, customerKey: string): Promise<Note[]> {
  const notes = await db.notes.where('customerKey').equals(customerKey).toArray();
  return notes.filter((n) => n.deleted === null).sort((a, b) => b.created.localeCompare(a.created));
}

/** Live notes, newest first, ready for repeated searches, with each note's searchable text. */
export interface NoteIndex {
  notes: Note[];
  /** Lower-cased body and tags of notes[i], made once so that a search is plain substring tests. */
  texts: string[];
}

const newestFirst = (a: Note, b: Note) => (a.created < b.created ? 1 : a.created > b.created ? -1 : 0);

/**
 * Builds the search index: deleted notes dropped, newest first. Notes read from the database come in
 * id order, which is creation order (see `newId`), so the common case is a reverse, not a sort.
 */
export function indexNotes(notes: readonly Note[]): NoteIndex {
  const live = notes.filter((n) => n.deleted === null);
  let ascending = true;
  let descending = true;
  for (let i = 1; i < live.length && (ascending || descending); i++) {
    const a = live[i - 1]!.created;
    const b = live[i]!.created;
    if (a > b) ascending = false;
    if (a < b) descending = false;
  }
  if (ascending) live.reverse();
  else if (!descending) live.sort(newestFirst);
  const texts = live.map((n) => (n.tags.length ? `${n.body}\n${n.tags.join(' ')}` : n.body).toLowerCase());
  return { notes: live, texts };
}

/**
 * Search: every word of the query must appear, ignoring case, in the body or in a tag; `#tag`
 * words must be tags. Deleted notes never match. Newest first, at most `limit` notes (the panel
 * shows 200, so a search over an index stops at the 200th hit). The index lower-cases each note
 * once, so a search is substring tests (Chinese has no word breaks: substrings suit it).
 */
export function searchNotes(source: readonly Note[] | NoteIndex, query: string, limit = Infinity): Note[] {
  const { notes, texts } = Array.isArray(source) ? indexNotes(source as readonly Note[]) : (source as NoteIndex);
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const tagWords = words.filter((w) => w.startsWith('#')).map((w) => w.slice(1));
  const textWords = words.filter((w) => !w.startsWith('#'));
  const hits: Note[] = [];
  outer: for (let i = 0; i < notes.length && hits.length < limit; i++) {
    const text = texts[i]!;
    for (const w of textWords) if (!text.includes(w)) continue outer;
    const n = notes[i]!;
    for (const tag of tagWords) if (!n.tags.includes(tag)) continue outer;
    hits.push(n);
  }
  return hits;
}

/** Notes whose undo window had closed by `now` are deleted for good; returns how many. */
export async function purgeDeletedNotes(db: RapportDB, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - UNDO_WINDOW_MS).toISOString();
  return db.notes.filter((n) => n.deleted !== null && n.deleted < cutoff).delete();
}
