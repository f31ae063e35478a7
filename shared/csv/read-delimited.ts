/**
 * A pasted or dropped file, bytes or text, to rows of strings, with what the user should know
 * about how it was read: the encoding and how sure the choice is, lines read in another encoding,
 * quotes read as ordinary characters (method §1: pasted or dropped tables).
 */
import type { Lang, Notice } from '../types';
import { noticeText } from '../i18n/messages';
import { decodeBytes, type Decoded, type TextEncodingName } from './decode-bytes';
import { parseDelimited, type StrayQuote } from './parse-delimited';

export interface DelimitedFile {
  rows: string[][];
  delimiter: string;
  /** null when the input was already text. */
  encoding: TextEncodingName | null;
  notices: Notice[];
}

const ENCODING_NAME: Record<TextEncodingName, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', gb18030: 'GB18030' };

/** Up to `max` numbers as "3, 7, 12 …". */
function list(numbers: ArrayLike<number>, max = 10): string {
  return Array.from({ length: Math.min(max, numbers.length) }, (_, i) => numbers[i]).join(', ') + (numbers.length > max ? ' …' : '');
}

/**
 * Reads a delimited file (decodeBytes, then parseDelimited) and words what was decided: always the
 * encoding used (with its confidence when some lines disagreed), every line read in another
 * encoding, and every stray quote with its row and the rows a strict reading would have merged.
 * `decode` is decodeBytes or a faster equivalent of it (the CLI's, for ASCII files).
 */
export function readDelimited(input: Uint8Array | string, lang: Lang, decode: (bytes: Uint8Array) => Decoded = decodeBytes): DelimitedFile {
  const { text, encoding, notices } = decodedText(input, lang, decode);
  const parsed = parseDelimited(text);
  for (const q of parsed.strayQuotes) notices.push(strayQuoteNotice(q, lang));
  return { rows: parsed.rows, delimiter: parsed.delimiter, encoding, notices };
}

/** The text of a file's bytes (or the text given), the encoding used and the notices about it (readDelimited's first half). */
export function decodedText(input: Uint8Array | string, lang: Lang, decode: (bytes: Uint8Array) => Decoded = decodeBytes): { text: string; encoding: TextEncodingName | null; notices: Notice[] } {
  const notices: Notice[] = [];
  if (typeof input === 'string') return { text: input, encoding: null, notices };
  const d = decode(input);
  notices.push(encodingNotice(d.encoding, d.bom, d.confidence, lang));
  if (d.fallbackLines.length && d.lineEncoding) notices.push(fallbackLinesNotice(d.fallbackLines, d.lineEncoding, lang));
  return { text: d.text, encoding: d.encoding, notices };
}

/**
 * The notice naming the encoding a file was read in ("UTF-8", "GB18030 (with BOM)"), with the share
 * of its lines that agree when some did not (`confidence` below 1: decodeBytes's).
 */
export function encodingNotice(encoding: TextEncodingName, bom: boolean, confidence: number, lang: Lang): Notice {
  const name = ENCODING_NAME[encoding] + (bom ? (lang === 'zh' ? ' (带 BOM)' : ' (with BOM)') : '');
  // A share short of all is never rounded up to 100%.
  if (confidence < 1) return { code: 'encoding_mixed', message: noticeText(lang, 'encoding_mixed', { encoding: name, percent: Math.min(99, Math.round(confidence * 100)) }) };
  return { code: 'encoding', message: noticeText(lang, 'encoding', { encoding: name }) };
}

/** The notice listing the lines (1 = the first) read in another encoding than the file's. */
export function fallbackLinesNotice(lines: ArrayLike<number>, encoding: TextEncodingName, lang: Lang): Notice {
  return { code: 'encoding_lines', message: noticeText(lang, 'encoding_lines', { lines: list(lines), count: lines.length, encoding: ENCODING_NAME[encoding] }) };
}

/** The notice of a quote read as an ordinary character. */
export function strayQuoteNotice(q: StrayQuote, lang: Lang): Notice {
  return { row: q.row, code: 'stray_quote', message: noticeText(lang, 'stray_quote', { row: q.row, column: q.column, swallowed: q.swallowed }) };
}
