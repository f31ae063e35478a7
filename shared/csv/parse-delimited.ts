/**
 * Reading CSV/TSV text into rows of strings (METHOD §1: pasted or dropped tables), with Papa
 * Parse doing the RFC 4180 work.
 */
/// <reference path="./papaparse.d.ts" />
import Papa from 'papaparse/papaparse.js';

/** Delimiters tried, in order of preference when the evidence ties. */
const CANDIDATES = ['\t', ';', ','] as const;

/** How much of the text the detection looks at. */
const SAMPLE_LINES = 20;
const SAMPLE_CHARS = 65536;

/**
 * Counts each candidate delimiter outside quotes on the first lines, and finds the first line
 * break outside quotes.
 */
function sample(text: string): { counts: number[][]; newline: string } {
  const counts: number[][] = [];
  let current = CANDIDATES.map(() => 0);
  let inQuotes = false;
  let newline = '';
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end && counts.length < SAMPLE_LINES; i++) {
    const ch = text[i];
    if (ch === '"') {
      inQuotes = !inQuotes;
    } else if (inQuotes) {
      continue;
    } else if (ch === '\n' || ch === '\r') {
      if (newline === '') newline = ch === '\r' && text[i + 1] === '\n' ? '\r\n' : ch;
      if (ch === '\r' && text[i + 1] === '\n') i++;
      counts.push(current);
      current = CANDIDATES.map(() => 0);
    } else {
      const k = CANDIDATES.indexOf(ch as (typeof CANDIDATES)[number]);
      if (k >= 0) current[k]!++;
    }
  }
  if (counts.length < SAMPLE_LINES && current.some((c) => c > 0)) counts.push(current);
  return { counts, newline };
}

/**
 * Chooses the delimiter: a candidate that appears the same non-zero number of times on every
 * sampled line wins (the most per line first; ties go tab, then ';', then ','), so commas inside
 * amounts of a TSV or decimal commas of a ';' file do not mislead. Without such a candidate, the
 * one seen most often; with none at all (a single column), ','.
 */
export function detectDelimiter(text: string): string {
  const { counts } = sample(text);
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
 * Parses delimited text (METHOD §1): detects tab, ';' or ',' from the first lines (Excel's
 * "Unicode text" is tab-separated), handles quoted fields with delimiters, doubled quotes and
 * line breaks, CRLF/LF/CR line ends and a leading BOM. Rows keep their position (a blank line is
 * a row with one empty field, so row numbers match the file); only the empty line after the final
 * line break is dropped. Papa Parse runs in its fast mode by itself when the text has no quotes.
 */
export function parseDelimited(text: string): { rows: string[][]; delimiter: string } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  if (body === '') return { rows: [], delimiter };
  const { newline } = sample(body);
  const result = Papa.parse(body, { delimiter, newline: newline || undefined, skipEmptyLines: false });
  const rows = result.data;
  const last = rows[rows.length - 1];
  if (last !== undefined && last.length === 1 && last[0] === '' && /[\r\n]$/.test(body)) rows.pop();
  return { rows, delimiter };
}
