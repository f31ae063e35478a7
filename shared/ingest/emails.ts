/**
 * Splitting an email cell into addresses (method §1 `email`: "several per cell, split on , ; 、 and
 * spaces").
 */
import { foldWidth, isBlankCell } from './normalize-text';

/** 'Display Name <addr>' and '"Smith, John" <addr>': the display name is dropped, the address kept. */
const NAMED = /(?:"[^"]*"|[^,;、，；\n\r<>"]*)\s*<([^<>]*)>/g;

const SEPARATORS = /[,;、，；\s]+/;

/** One plain ASCII address and nothing else. */
const SIMPLE = /^\s*[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}\s*$/;

/** One plain ASCII address already as splitEmails gives it: lower case, nothing around it. */
const PLAIN = /^[a-z0-9._%+-]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;

/**
 * The cell itself when it is one plain lower-case ASCII address with nothing around it, which is
 * what splitEmails gives for it (its only address, none invalid); null otherwise. Lets a reader of
 * a large table keep the address without building splitEmails's two lists.
 */
export function plainEmail(cell: unknown): string | null {
  return typeof cell === 'string' && PLAIN.test(cell) ? cell : null;
}

/** A pragmatic address check: local@domain.tld, letters (any script), digits and the usual marks. */
const EMAIL = /^[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}]{2,}$/u;

/** Quotes, brackets and trailing punctuation people leave around an address. */
const WRAPPING = /^["'“”‘’([{<]+|["'“”‘’)\]}>.:]+$/g;

/**
 * Splits a cell into email addresses (method §1). Separators: , ; 、 ， ； whitespace and line
 * breaks. 'Name <a@b.com>' yields a@b.com; 'mailto:' is stripped; addresses are lower-cased and
 * de-duplicated in order of first appearance. Pieces containing '@' that are not valid addresses go
 * to `invalid` as written. Words without '@' are display-name words and ignored when the same
 * piece of the cell also holds an address ('John Smith john@acme.com'); a piece with no '@' at all
 * is invalid as a whole. Blank cells and non-strings give two empty lists.
 */
export function splitEmails(cell: unknown): { emails: string[]; invalid: string[] } {
  const emails: string[] = [];
  const invalid: string[] = [];
  if (typeof cell !== 'string' || isBlankCell(cell)) return { emails, invalid };
  // Fast path: one plain ASCII address, the common case in a large table.
  if (SIMPLE.test(cell)) return { emails: [cell.trim().toLowerCase()], invalid };
  if (!cell.includes('<') && !cell.includes('"')) {
    const parts = cell.split(/[,;、，；\s]+/).filter((p) => p !== '');
    if (parts.length > 0 && parts.every((p) => SIMPLE.test(p))) {
      for (const p of parts) {
        const lower = p.toLowerCase();
        if (!emails.includes(lower)) emails.push(lower);
      }
      return { emails, invalid };
    }
  }
  const text = foldWidth(cell).replace(/＠/g, '@').replace(NAMED, ' ,$1, ');
  const seen = new Set<string>();
  const seenInvalid = new Set<string>();
  const addInvalid = (t: string): void => {
    if (!seenInvalid.has(t)) {
      seenInvalid.add(t);
      invalid.push(t);
    }
  };
  // Segments split on the list separators; words inside a segment split on whitespace.
  for (const segment of text.split(/[,;、，；\n\r]+/)) {
    const words = segment.split(SEPARATORS).filter((w) => w !== '');
    if (words.length === 0) continue;
    if (!words.some((w) => w.includes('@'))) {
      addInvalid(segment.trim());
      continue;
    }
    for (const word of words) {
      let w = word.replace(WRAPPING, '');
      w = w.replace(/^mailto:/i, '');
      if (w === '') continue;
      if (!w.includes('@')) continue;
      const lower = w.toLowerCase();
      if (EMAIL.test(lower)) {
        if (!seen.has(lower)) {
          seen.add(lower);
          emails.push(lower);
        }
      } else {
        addInvalid(word);
      }
    }
  }
  return { emails, invalid };
}
