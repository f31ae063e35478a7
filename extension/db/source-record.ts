/**
 * The kept source table as stored in `meta`: its rows as one JSON text. IndexedDB copies one
 * string as it is, where a table of strings is copied cell by cell (100,000 rows of 28 cells took
 * Chrome ~0.7 s to write). A record written by version 3, or restored from a backup, has the rows
 * themselves (`table`); both read the same, and a backup always carries the rows.
 */
export interface ImportSource {
  table: string[][];
  name: string;
  importedAt: string;
}

interface StoredSource {
  name: string;
  importedAt: string;
  tableJson: string;
}

/** The `meta` value that keeps a source table. */
export function storedSource(s: ImportSource): StoredSource {
  return { name: s.name, importedAt: s.importedAt, tableJson: JSON.stringify(s.table) };
}

/** The source table of a stored `meta` value (either shape), or null when there is none. */
export function sourceOf(value: unknown): ImportSource | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<StoredSource & ImportSource>;
  if (typeof v.tableJson === 'string') {
    return { table: JSON.parse(v.tableJson) as string[][], name: String(v.name ?? ''), importedAt: String(v.importedAt ?? '') };
  }
  return value as ImportSource;
}
