/**
 * Notes on a customer: add, edit, delete with undo (a soft delete: `deleted` is set, the row stays
 * until the next undo window closes), tags, and search across all notes (issue 4).
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

/** Soft delete: the note disappears from lists and search; `undoDeleteNote` brings it back. */
export async function deleteNote(db: RapportDB, id: string, now = new Date()): Promise<void> {
  await db.notes.update(id, { deleted: now.toISOString() });
}

export async function undoDeleteNote(db: RapportDB, id: string): Promise<void> {
  await db.notes.update(id, { deleted: null });
}

/** A customer's live notes, newest first. */
export async function notesOf(db: RapportDB, customerKey: string): Promise<Note[]> {
  const notes = await db.notes.where('customerKey').equals(customerKey).toArray();
  return notes.filter((n) => n.deleted === null).sort((a, b) => b.created.localeCompare(a.created));
}

/**
 * Search over notes already in memory: every word of the query (case-insensitive) must appear in
 * the body or as a tag; `#tag` words must be tags. Deleted notes never match. Newest first.
 */
export function searchNotes(notes: readonly Note[], query: string): Note[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hits: Note[] = [];
  for (const n of notes) {
    if (n.deleted !== null) continue;
    const body = n.body.toLowerCase();
    let ok = true;
    for (const w of words) {
      if (w.startsWith('#')) {
        if (!n.tags.includes(w.slice(1))) { ok = false; break; }
      } else if (!body.includes(w) && !n.tags.some((t) => t.includes(w))) { ok = false; break; }
    }
    if (ok) hits.push(n);
  }
  return hits.sort((a, b) => b.created.localeCompare(a.created));
}

/** Notes past their undo window are purged for good. */
export async function purgeDeletedNotes(db: RapportDB, olderThan: Date): Promise<number> {
  const cutoff = olderThan.toISOString();
  return db.notes.filter((n) => n.deleted !== null && n.deleted < cutoff).delete();
}
