/**
 * Turning the bytes of a pasted or dropped file into text (method §1: Chinese Excel saves CSV as
 * GB18030/GBK; "Unicode text" is UTF-16LE; everything else is UTF-8, with or without BOM).
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * The part of the WHATWG TextDecoder the core uses. Declared here because the core is checked
 * against ES2022 only; every runtime Rapport ships to (browsers, Node with ICU, Apps Script V8)
 * provides the global.
 */
interface Decoder {
  decode(input: Uint8Array): string;
}
type DecoderConstructor = new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => Decoder;

function decoder(label: string, fatal: boolean): Decoder {
  const Ctor = (globalThis as unknown as { TextDecoder?: DecoderConstructor }).TextDecoder;
  if (Ctor === undefined) throw new Error('TextDecoder is not available in this runtime');
  return new Ctor(label, { fatal, ignoreBOM: true });
}

/**
 * UTF-16 without a BOM: in text that is mostly ASCII (as CSV is: digits, separators, line breaks)
 * every other byte is 0, while UTF-8 and GB18030 text has no NUL bytes at all. Looks at the first
 * 4 KB: 'LE' when NULs sit at odd offsets in at least 10% of the byte pairs and at even offsets
 * less than a tenth as often, 'BE' for the mirror image, otherwise null. (Chinese text is rich in
 * non-ASCII characters, hence the low threshold; the separators and digits still give NULs.)
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  const enough = Math.max(2, pairs * 0.1);
  if (oddNul >= enough && evenNul * 10 <= oddNul) return 'utf-16le';
  if (evenNul >= enough && oddNul * 10 <= evenNul) return 'utf-16be';
  return null;
}

/** What decodeBytes found: the text, the encoding used and how sure it is. */
export interface Decoded {
  text: string;
  encoding: TextEncodingName;
  /** The file began with a byte-order mark. */
  bom: boolean;
  /**
   * Share (0–1) of the lines holding non-ASCII bytes that are valid in `encoding`; 1 when every
   * such line is, or when the text is plain ASCII.
   */
  confidence: number;
  /** Lines (1 = the first line of the file) that were not valid in `encoding` and were read as `lineEncoding`. */
  fallbackLines: number[];
  /** The encoding the fallback lines were read in (null when there are none). */
  lineEncoding: TextEncodingName | null;
}

/**
 * True when bytes[from, to) is well-formed UTF-8 (RFC 3629: no overlongs, no surrogates, nothing
 * above U+10FFFF).
 */
export function isUtf8(bytes: Uint8Array, from = 0, to = bytes.length): boolean {
  let i = from;
  while (i < to) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min2 = 0x80;
    let max2 = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min2 = 0xa0;
      else if (b === 0xed) max2 = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min2 = 0x90;
      else if (b === 0xf4) max2 = 0x8f;
    } else return false;
    if (i + need >= to) return false;
    const c2 = bytes[i + 1]!;
    if (c2 < min2 || c2 > max2) return false;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return false;
    }
    i += need + 1;
  }
  return true;
}

/** True when the GB18030 decoder accepts bytes[from, to) without a replacement. */
export function isGb18030(bytes: Uint8Array, from: number, to: number): boolean {
  try {
    decoder('gb18030', true).decode(bytes.subarray(from, to));
    return true;
  } catch {
    return false;
  }
}

/** [start, end) of each line (split after LF; the LF stays with its line). */
function lines(bytes: Uint8Array, from: number): [number, number][] {
  const out: [number, number][] = [];
  let start = from;
  for (let i = from; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < bytes.length) out.push([start, bytes.length]);
  return out;
}

function hasHighByte(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

/**
 * Decodes file bytes, deciding the encoding once per file and, where one line does not fit,
 * per line:
 * 1. a UTF-16 byte-order mark (FF FE, FE FF), or UTF-16 without BOM by its NUL-byte pattern;
 * 2. UTF-8 when the whole text (after an optional EF BB BF mark) is well-formed UTF-8;
 * 3. otherwise each line holding non-ASCII bytes votes: well-formed UTF-8, or not. When most such
 *    lines are UTF-8 the file is UTF-8 and each line that is not is read as GB18030 (a GBK row
 *    pasted into a UTF-8 file) and listed in `fallbackLines`; otherwise the file is GB18030
 *    (what Chinese Excel writes as "CSV" — GB18030 is a superset of GBK and GB2312), even under a
 *    UTF-8 mark (a mark written over GB18030 text by an editor). `confidence` is the share of the
 *    voting lines that agree with the choice.
 * The BOM is not part of the returned text. GB18030 decodes nearly any byte sequence, so a file in
 * another legacy encoding (Windows-1252, Big5, Shift-JIS) comes out garbled rather than as an
 * error; a confidence below 1 is the sign to tell the user.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const plain = (text: string, encoding: TextEncodingName, bom: boolean): Decoded => ({ text, encoding, bom, confidence: 1, fallbackLines: [], lineEncoding: null });
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return plain(decoder('utf-16le', false).decode(bytes.subarray(2)), 'utf-16le', true);
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return plain(decoder('utf-16be', false).decode(bytes.subarray(2)), 'utf-16be', true);
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const from = bom ? 3 : 0;
  if (!bom) {
    const utf16 = sniffUtf16(bytes);
    if (utf16 !== null) return plain(decoder(utf16, false).decode(bytes), utf16, false);
  }
  try {
    return plain(decoder('utf-8', true).decode(bytes.subarray(from)), 'utf-8', bom);
  } catch {
    // not UTF-8 throughout: decide by lines below
  }

  const all = lines(bytes, from);
  const utf8Lines: number[] = [];
  const notUtf8: number[] = [];
  for (let k = 0; k < all.length; k++) {
    const [s, e] = all[k]!;
    if (!hasHighByte(bytes, s, e)) continue;
    if (isUtf8(bytes, s, e)) utf8Lines.push(k);
    else notUtf8.push(k);
  }
  const voting = utf8Lines.length + notUtf8.length;
  const fileIsUtf8 = utf8Lines.length > notUtf8.length;
  const encoding: TextEncodingName = fileIsUtf8 ? 'utf-8' : 'gb18030';
  const other: TextEncodingName = fileIsUtf8 ? 'gb18030' : 'utf-8';
  // The minority lines, each read in the other encoding when it fits them.
  const parts: string[] = [];
  const fileDecoder = decoder(encoding, false);
  const fallbackLines: number[] = [];
  let runStart = from;
  for (const k of fileIsUtf8 ? notUtf8 : utf8Lines) {
    const [s, e] = all[k]!;
    if (fileIsUtf8 && !isGb18030(bytes, s, e)) continue; // neither: UTF-8 with replacement characters
    parts.push(fileDecoder.decode(bytes.subarray(runStart, s)), decoder(other, false).decode(bytes.subarray(s, e)));
    runStart = e;
    fallbackLines.push(k + 1);
  }
  parts.push(fileDecoder.decode(bytes.subarray(runStart)));
  const agree = fileIsUtf8 ? utf8Lines.length : notUtf8.length;
  return {
    text: parts.join(''),
    encoding,
    bom,
    confidence: voting === 0 ? 1 : agree / voting,
    fallbackLines,
    lineEncoding: fallbackLines.length ? other : null,
  };
}
