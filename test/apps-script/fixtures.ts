/** Small builders shared by the add-on tests. */
import { DEFAULT_SETTINGS, resolveSettings, rowsToSettings, settingsToRows } from '../../shared/settings';

/** Rows of a "Rapport settings" sheet: the defaults with `changes` (dotted keys) applied. */
export function settingsSheetRowsFor(changes: Record<string, number | string | null>): unknown[][] {
  const rows = settingsToRows(DEFAULT_SETTINGS).map(([k, v]) => [k, k in changes ? changes[k] : v]);
  const check = resolveSettings(rowsToSettings(rows));
  if (check.problems.length) throw new Error(`fixture settings invalid: ${JSON.stringify(check.problems)}`);
  return [['key', 'value', 'meaning'], ...rows.map(([k, v]) => [k, v === null ? '' : v, ''])];
}
