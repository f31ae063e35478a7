/**
 * Text normalisation shared by the cell parsers (method §1: "full-width digits" and punctuation
 * typed with a Chinese input method must read like their ASCII twins).
 */

/**
 * Folds full-width ASCII (U+FF01–U+FF5E) to ASCII, the ideographic space (U+3000) to a space and
 * the full-width yen sign (U+FFE5) to '¥'. Everything else is left as it is.
 */
export function foldWidth(text: string): string {
  let out: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let r = -1;
    if (c >= 0xff01 && c <= 0xff5e) r = c - 0xfee0;
    else if (c === 0x3000) r = 0x20;
    else if (c === 0xffe5) r = 0xa5;
    if (r >= 0) {
      if (out === null) out = text.slice(0, i);
      out += String.fromCharCode(r);
    } else if (out !== null) {
      out += text[i];
    }
  }
  return out ?? text;
}

/** Placeholders people type for "no value" (method §1: blank cells are not errors). */
const BLANK_TOKENS: ReadonlySet<string> = new Set([
  '',
  '-',
  '--',
  '—',
  '——',
  '–',
  'n/a',
  'na',
  '#n/a',
  '无',
  'null',
]);

/** True when a cell is empty or holds a "no value" placeholder ('-', '—', 'N/A', '无'). */
export function isBlankCell(cell: unknown): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  if (cannotBeBlank(cell)) return false;
  if (cell.length > 6) {
    // The placeholders are short: a long cell is blank only if it is white space around one.
    const t = cell.trim();
    if (t.length > 6) return false;
    return BLANK_TOKENS.has(foldWidth(t).trim().toLowerCase());
  }
  return BLANK_TOKENS.has(foldWidth(cell).trim().toLowerCase());
}

/**
 * Cheap exact pre-check for isBlankCell: a cell whose first character is an ASCII digit, an ASCII
 * letter other than n/N, or a CJK ideograph other than 无 can start no placeholder (trimming,
 * width folding and lower-casing leave such a first character unchanged but for its case).
 */
function cannotBeBlank(cell: string): boolean {
  const c = cell.charCodeAt(0);
  if (c >= 48 && c <= 57) return true;
  const l = c | 0x20;
  if (l >= 97 && l <= 122) return l !== 110;
  return c >= 0x4e00 && c <= 0x9fff && c !== 0x65e0;
}

/** How much of a bad cell an error repeats. */
const SHOWN_CHARS = 60;

/** Text cut to its first 60 characters and '…', so a 10 MB cell is not echoed whole into an error. */
export function shortText(text: string): string {
  if (text.length <= SHOWN_CHARS) return text;
  // never cut a surrogate pair in two
  const end = /[\ud800-\udbff]/.test(text[SHOWN_CHARS - 1]!) ? SHOWN_CHARS - 1 : SHOWN_CHARS;
  return `${text.slice(0, end)}…`;
}
