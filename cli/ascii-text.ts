/**
 * Bytes that are all ASCII turned into text at memory speed (Node's vectorised ASCII check and a
 * Latin-1 copy) rather than through a UTF-8 decoder: most rows of most exports are plain ASCII, and
 * ASCII bytes read the same in UTF-8, GB18030 and Latin-1.
 */
import { Buffer, isAscii } from 'node:buffer';
import { decodeBytes, type Decoded } from '../shared/csv/decode-bytes';

/** The text of `bytes` when every byte is ASCII, else null. */
export function asciiText(bytes: Uint8Array): string | null {
  if (!isAscii(bytes)) return null;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** Bytes decoded at a time by decodeBytesFast, cut after a line feed. */
const BLOCK = 1 << 20;

/**
 * decodeBytes, faster for UTF-8 files made mostly of ASCII (a Chinese header over ASCII rows is the
 * common case): the bytes are cut after line feeds into blocks of about 1 MB (a line feed byte is
 * never part of a multi-byte UTF-8 character), all-ASCII blocks are read by asciiText and the others
 * by a strict UTF-8 decoder. Whenever decodeBytes could decide otherwise it decides: a UTF-16 mark,
 * a NUL byte in the first 4 KB (UTF-16 without a mark), or any block that is not well-formed UTF-8.
 * Otherwise the result is decodeBytes's for UTF-8: the text without the mark, sure, no other lines.
 */
export function decodeBytesFast(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return decodeBytes(bytes);
  if (bytes.subarray(0, 4096).includes(0)) return decodeBytes(bytes);
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const parts: string[] = [];
  for (let at = 0; at < body.length; ) {
    const lf = body.indexOf(0x0a, Math.min(body.length, at + BLOCK) - 1);
    const end = lf < 0 ? body.length : lf + 1;
    const block = body.subarray(at, end);
    const ascii = asciiText(block);
    if (ascii !== null) parts.push(ascii);
    else {
      try {
        parts.push(strict.decode(block));
      } catch {
        return decodeBytes(bytes);
      }
    }
    at = end;
  }
  return { text: parts.join(''), encoding: 'utf-8', bom, confidence: 1, fallbackLines: [], lineEncoding: null };
}
