/**
 * Splitting an email cell into addresses (method §1 `email`: "several per cell, split on , ; 、 and
 * spaces").
 */
import { foldWidth, isBlankCell } from './normalize-text';

/**
 * Each 'Display Name <addr>' and '"Smith, John" <addr>' of `text` replaced by ' ,addr, ': the
 * display name is dropped, the address kept. This is text.replace(/(?:"[^"]*"|[^,;、，；\n\r<>"]*)
 * \s*<([^<>]*)>/g, ' ,$1, ') read in one pass: that regular expression tries every start in a long
 * run of name characters again, seconds on one cell of tens of thousands of characters. At a start
 * s, a quoted name runs to the next quote; any other start runs to the first list separator, line
 * break, '<', '>' or quote; then blanks (line breaks too), then must come '<'. From that '<', the
 * next '<' or '>' must be the '>'. The leftmost start that matches wins; the next search starts
 * after its '>'.
 */
export function withoutDisplayNames(text: string): string {
  const n = text.length;
  let out = '';
  let copied = 0;
  let runEnd = -1; // the first name end at or after the current start, once found
  let bracketAt = -1; // the '<' whose closing was last looked for, and that '>' (or −1)
  let closeAt = -1;
  let blanksFrom = -1; // the last run of blanks skipped: from any position in it, the skip ends at blanksEnd
  let blanksEnd = -1;
  const afterBlanks = (k: number): number => {
    if (k >= blanksFrom && k <= blanksEnd) return blanksEnd;
    blanksFrom = k;
    while (k < n && isSpace(text.charCodeAt(k))) k++;
    blanksEnd = k;
    return k;
  };
  for (let s = 0; s < n; s++) {
    let open = -1;
    if (text.charCodeAt(s) === QUOTE) {
      const e = text.indexOf('"', s + 1);
      if (e >= 0) {
        const k = afterBlanks(e + 1);
        if (k < n && text.charCodeAt(k) === LT) open = k;
      }
    } else {
      if (runEnd < s) {
        runEnd = s;
        while (runEnd < n && !endsName(text.charCodeAt(runEnd))) runEnd++;
      }
      const k = afterBlanks(runEnd); // blanks may follow, line breaks among them
      if (k < n && text.charCodeAt(k) === LT) open = k;
    }
    if (open < 0) continue;
    if (bracketAt !== open) {
      bracketAt = open;
      let q = open + 1;
      while (q < n && text.charCodeAt(q) !== LT && text.charCodeAt(q) !== GT) q++;
      closeAt = q < n && text.charCodeAt(q) === GT ? q : -1;
    }
    if (closeAt < 0) continue;
    out += `${text.slice(copied, s)} ,${text.slice(open + 1, closeAt)}, `;
    copied = closeAt + 1;
    s = closeAt; // the loop's s++ starts the next search after the '>'
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const QUOTE = 0x22;
const LT = 0x3c;
const GT = 0x3e;

/** A character that ends an unquoted display name: , ; 、 ， ； line breaks, < > and the quote. */
function endsName(c: number): boolean {
  return c === 0x2c || c === 0x3b || c === 0x3001 || c === 0xff0c || c === 0xff1b || c === 0x0a || c === 0x0d || c === LT || c === GT || c === QUOTE;
}

/** The characters \s matches in a JavaScript regular expression. */
function isSpace(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

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

/**
 * The addresses of a cell that lists plain lower-case ASCII addresses (each as plainEmail takes
 * one) separated by , ; 、 ， ； or blanks: what splitEmails gives for it (duplicates dropped, none
 * invalid), cut in one pass rather than by splitEmails's regular expressions; null for any other
 * cell. A large table's lists of addresses are mostly this.
 */
export function plainEmailList(cell: string): string[] | null {
  const n = cell.length;
  let list: string[] | null = null;
  for (let i = 0; i < n; ) {
    if (isListSeparator(cell.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && !isListSeparator(cell.charCodeAt(j))) j++;
    const one = cell.slice(i, j);
    if (!PLAIN.test(one)) return null;
    if (list === null) list = [one];
    else if (!list.includes(one)) list.push(one);
    i = j;
  }
  return list;
}

/** A character of splitEmails's separators [,;、，；\s]. */
function isListSeparator(c: number): boolean {
  return c === 0x2c || c === 0x3b || c === 0x3001 || c === 0xff0c || c === 0xff1b || isSpace(c);
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
  const text = withoutDisplayNames(foldWidth(cell).replace(/＠/g, '@'));
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
