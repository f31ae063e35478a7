/**
 * Reading CSV/TSV text into rows of strings (METHOD §1: pasted or dropped tables), RFC 4180.
 */

import Papa from 'papaparse';

/** Delimiters tried, in order of preference when the evidence ties. */
const CANDIDATES = ['\t', ';', ','] as const;

/** How much of the text the detection looks at. */
const SAMPLE_LINES = 20;
const SAMPLE_CHARS = 65536;

/**
 * Counts each candidate delimiter outside quotes on each of the first lines.
 */
function sample(text: string): number[][] {
  const counts: number[][] = [];
  let current = CANDIDATES.map(() => 0);
  let inQuotes = false;
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end && counts.length < SAMPLE_LINES; i++) {
    const ch = text[i];
    if (ch === '"') {
      inQuotes = !inQuotes;
    } else if (inQuotes) {
      continue;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      counts.push(current);
      current = CANDIDATES.map(() => 0);
    } else {
      const k = CANDIDATES.indexOf(ch as (typeof CANDIDATES)[number]);
      if (k >= 0) current[k]!++;
    }
  }
  if (counts.length < SAMPLE_LINES && current.some((c) => c > 0)) counts.push(current);
  return counts;
}

/**
 * Chooses the delimiter: a candidate that appears the same non-zero number of times on every
 * sampled line wins (the most per line first; ties go tab, then ';', then ','), so commas inside
 * amounts of a TSV or decimal commas of a ';' file do not mislead. Without such a candidate, the
 * one seen most often; with none at all (a single column), ','.
 */
export function detectDelimiter(text: string): string {
  const counts = sample(text);
  if (counts.length === 0) return ',';
  let best = -1;
  let bestPerLine = 0;
  CANDIDATES.forEach((_, k) => {
    const first = counts[0]![k]!;
    if (first > 0 && counts.every((line) => line[k] === first) && first > bestPerLine) {
      best = k;
      bestPerLine = first;
    }
  });
  if (best >= 0) return CANDIDATES[best]!;
  let bestTotal = 0;
  CANDIDATES.forEach((_, k) => {
    const total = counts.reduce((sum, line) => sum + line[k]!, 0);
    if (total > bestTotal) {
      best = k;
      bestTotal = total;
    }
  });
  return best >= 0 ? CANDIDATES[best]! : ',';
}

/**
 * Parses delimited text (METHOD §1) with Papa Parse: detects tab, ';' or ',' from the first lines
 * (Excel's "Unicode text" is tab-separated), handles quoted fields (RFC 4180) with delimiters,
 * doubled quotes and line breaks inside, CRLF, LF or CR line ends (one kind per file, detected
 * by Papa Parse from the first one) and a leading BOM. Rows keep their
 * position (a blank line is a row with one empty field, so row numbers match the file); only the
 * empty line after the final line break is dropped. Malformed quoting is read leniently, never
 * rejected: a quote inside an unquoted field is kept ('5" pipe'); text after a closing quote runs
 * the field on, as Papa Parse reads it.
 */
export function parseDelimited(text: string): { rows: string[][]; delimiter: string } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  const rows = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false }).data;
  const last = rows[rows.length - 1];
  if (last && last.length === 1 && last[0] === '' && /[\r\n]$/.test(body)) rows.pop();
  if (rows.length === 1 && rows[0]!.length === 1 && rows[0]![0] === '' && body === '') rows.pop();
  return { rows, delimiter };
}
