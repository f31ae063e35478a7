/**
 * Tiers coloured by conditional formatting on the tier column (A green, B yellow, C grey, D red):
 * four rules whatever the number of rows, and they follow the cells when the user sorts. A rerun
 * replaces our four rules (recognised by text A–D with our colours) and keeps the user's own rules.
 */
import type { Tier } from '../shared/types';

export const TIER_COLOURS: Record<Tier, string> = { A: '#b7e1cd', B: '#fce8b2', C: '#e8eaed', D: '#f4c7c3' };

const OURS = new Set(Object.values(TIER_COLOURS));

/** Colour the tier column (0-based `col`) from row 2 to the bottom of the sheet. */
export function colourTiers(sheet: GoogleAppsScript.Spreadsheet.Sheet, col: number): void {
  const keep = sheet.getConditionalFormatRules().filter((rule) => {
    const cond = rule.getBooleanCondition();
    if (!cond) return true;
    const vals = cond.getCriteriaValues();
    const bg = cond.getBackground();
    return !(String(cond.getCriteriaType()) === 'TEXT_EQUAL_TO' && vals.length === 1 && String(vals[0]) in TIER_COLOURS && bg !== null && OURS.has(String(bg).toLowerCase()));
  });
  const rows = Math.max(1, sheet.getMaxRows() - 1);
  const range = sheet.getRange(2, col + 1, rows, 1);
  const ours = (Object.keys(TIER_COLOURS) as Tier[]).map((tier) =>
    SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo(tier).setBackground(TIER_COLOURS[tier]).setRanges([range]).build(),
  );
  sheet.setConditionalFormatRules([...keep, ...ours]);
}
