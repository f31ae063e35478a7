/**
 * Turning the bytes of a pasted or dropped file into text (METHOD §1: Chinese Excel saves CSV as
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

/**
 * Decodes file bytes, detecting the encoding in this order: a byte-order mark (UTF-8 EF BB BF,
 * UTF-16LE FF FE, UTF-16BE FE FF); UTF-16 without BOM by its NUL-byte pattern; strict UTF-8;
 * failing that GB18030 (a superset of GBK and GB2312, what Chinese Excel writes as "CSV"). The
 * BOM is not part of the returned text. GB18030 decodes any byte sequence, so a file in another
 * legacy encoding (Windows-1252, Big5, Shift-JIS) comes out garbled rather than as an error.
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decoder('utf-8', false).decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decoder('utf-16le', false).decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decoder('utf-16be', false).decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16 !== null) return { text: decoder(utf16, false).decode(bytes), encoding: utf16 };
  try {
    return { text: decoder('utf-8', true).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decoder('gb18030', false).decode(bytes), encoding: 'gb18030' };
  }
}
