/**
 * The result columns Compute tiers owns on a data sheet. Their headers carry a "Rapport · " prefix
 * so they can never be mistaken for a user's own column (a user's "Tier" column stays theirs) and
 * are found again on a rerun wherever the user moved them, in either language.
 */
import type { Customer, Lang } from '../shared/types';
import { RESULT_COLUMNS, resultColumnsFor, type ResultColumn } from '../shared/result-columns';

export const OWN_PREFIX = 'Rapport · ';

/** The note column: row errors and skipped-row notices, in words. */
export const NOTE_COLUMN: ResultColumn = { field: 'note', zh: '备注', en: 'Note', value: () => null };

/** Every column the add-on may own, in the order it appends them. */
export const OWN_COLUMNS: readonly ResultColumn[] = [...RESULT_COLUMNS, NOTE_COLUMN];

/** The header written for a column in a language. */
export function ownHeader(col: ResultColumn, lang: Lang): string {
  return OWN_PREFIX + col[lang];
}

const BY_HEADER = new Map<string, string>();
for (const c of OWN_COLUMNS) {
  BY_HEADER.set(ownHeader(c, 'zh'), c.field);
  BY_HEADER.set(ownHeader(c, 'en'), c.field);
}

/** The field of one of our headers (either language), or null for a user's column. */
export function ownFieldOfHeader(header: unknown): string | null {
  return typeof header === 'string' ? (BY_HEADER.get(header.trim()) ?? null) : null;
}

/** The columns a run writes: the core's result columns that apply, then the note column. */
export function columnsToWrite(customers: readonly Customer[]): ResultColumn[] {
  return [...resultColumnsFor(customers), NOTE_COLUMN];
}
