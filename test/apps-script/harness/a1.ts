/**
 * A1 notation as Google Sheets reads it: "B3", "A1:C10", "A:A" (whole column), "2:4" (whole rows),
 * "'My sheet'!A1:B2". Rows and columns are 1-based.
 */
export interface GridRef {
  sheet: string | null;
  row: number;
  col: number;
  /** Inclusive end; null for "to the last row/column of the sheet". */
  endRow: number | null;
  endCol: number | null;
}

/** 1 → "A", 27 → "AA". */
export function columnLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 1, "AA" → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]+)?\$?(\d+)?$/;

/** Parse A1 notation; throws on anything Sheets would reject. */
export function parseA1(a1: string): GridRef {
  let sheet: string | null = null;
  let rest = a1.trim();
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    sheet = rest.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    rest = rest.slice(bang + 1);
  }
  const [a, b] = rest.split(':');
  const m1 = CELL.exec(a ?? '');
  const m2 = b === undefined ? m1 : CELL.exec(b);
  if (!m1 || !m2 || (!m1[1] && !m1[2]) || (!m2[1] && !m2[2])) throw new Error(`Range not found`);
  const c1 = m1[1] ? columnNumber(m1[1]) : 1;
  const r1 = m1[2] ? Number(m1[2]) : 1;
  const c2 = m2[1] ? columnNumber(m2[1]) : null;
  const r2 = m2[2] ? Number(m2[2]) : null;
  if (r1 < 1 || (r2 !== null && r2 < 1)) throw new Error('Range not found');
  return {
    sheet,
    row: Math.min(r1, r2 ?? r1),
    col: Math.min(c1, c2 ?? c1),
    endRow: r2 === null ? null : Math.max(r1, r2),
    endCol: c2 === null ? null : Math.max(c1, c2),
  };
}

/** Format a block as A1 notation ("A1" for one cell, "A1:C3" otherwise). */
export function formatA1(row: number, col: number, numRows: number, numCols: number): string {
  const start = `${columnLetters(col)}${row}`;
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${columnLetters(col + numCols - 1)}${row + numRows - 1}`;
}
