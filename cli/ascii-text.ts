/**
 * Bytes that are all ASCII turned into text at memory speed (Node's vectorised ASCII check and a
 * Latin-1 copy) rather than through a UTF-8 decoder: most exports are plain ASCII, and ASCII bytes
 * read the same in UTF-8, GB18030 and Latin-1, so the text is exactly what decodeBytes gives.
 */
import { Buffer, isAscii } from 'node:buffer';
import { decodeBytes, type Decoded } from '../shared/csv/decode-bytes';

/** The text of `bytes` when every byte is ASCII, else null. */
export function asciiText(bytes: Uint8Array): string | null {
  if (!isAscii(bytes)) return null;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/**
 * decodeBytes, with ASCII files read by asciiText. A NUL byte in the first 4 KB leaves the choice
 * to decodeBytes (that is how it recognises UTF-16 without a byte-order mark); ASCII has no
 * byte-order mark and is well-formed UTF-8, so decodeBytes would say UTF-8, sure, no other lines.
 */
export function decodeBytesFast(bytes: Uint8Array): Decoded {
  const text = bytes.subarray(0, 4096).includes(0) ? null : asciiText(bytes);
  return text === null ? decodeBytes(bytes) : { text, encoding: 'utf-8', bom: false, confidence: 1, fallbackLines: [], lineEncoding: null };
}
