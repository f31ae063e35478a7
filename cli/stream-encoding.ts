/**
 * The encoding of a file too large to be decoded whole (cli/read-table-file.ts reads it as a
 * stream), decided as decodeBytes decides it for a file read whole, on all of its bytes before any
 * row is handed out: a byte-order mark (UTF-8, UTF-16), UTF-16 without one by its NUL bytes (in the
 * first 4 KB), else UTF-8 when every byte after the mark is well-formed UTF-8, else by the lines
 * that hold non-ASCII bytes, each voting well-formed UTF-8 or not. The file is UTF-8 when most of
 * them are, else GB18030 — under a UTF-8 mark too, which an editor may have written over GB18030
 * text. The notice gives the share of lines that agree, as decodeBytes's does. One difference: a
 * stream is decoded in one encoding throughout, so the few lines in the other one are read in the
 * file's — with replacement characters in a UTF-8 file, as other characters in a GB18030 file —
 * where decodeBytes reads each line in its own, and the notice does not list those lines.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { decodeBytes, type TextEncodingName } from '../shared/csv/decode-bytes';
import { encodingNotice } from '../shared/csv/read-delimited';
import type { Lang, Notice } from '../shared/types';
import type { ByteSource } from './byte-source';
import { binaryKind, binaryMessage } from './file-kind';
import { UsageError } from './usage-error';

export interface StreamEncoding {
  name: TextEncodingName;
  /** Bytes of byte-order mark to skip. */
  skip: number;
  /** Share (0–1) of the lines holding non-ASCII bytes that are valid in this encoding (1: all of them, or none voted). */
  confidence: number;
}

/**
 * The encoding the start of the source shows (a mark, UTF-16's NUL bytes; otherwise UTF-8 until
 * decideEncoding has looked at all of it); null for an empty source. A workbook, a picture or other
 * binary file is named as such (UsageError).
 */
export function sniffEncoding(source: ByteSource, lang: Lang): StreamEncoding | null {
  let head: Uint8Array | undefined;
  for (const chunk of source.chunks()) {
    if (chunk.length === 0) continue;
    head = chunk.subarray(0, 4096);
    break;
  }
  if (head === undefined) return null;
  let encoding: StreamEncoding;
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) encoding = { name: 'utf-8', skip: 3, confidence: 1 };
  else if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) encoding = { name: 'utf-16le', skip: 2, confidence: 1 };
  else if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) encoding = { name: 'utf-16be', skip: 2, confidence: 1 };
  else {
    // decodeBytes looks only at the first 4 KB for UTF-16 without a byte-order mark.
    const sniffed = decodeBytes(head).encoding;
    encoding = { name: sniffed === 'utf-16le' || sniffed === 'utf-16be' ? sniffed : 'utf-8', skip: 0, confidence: 1 };
  }
  const kind = binaryKind(head, encoding.name.startsWith('utf-16'));
  if (kind !== null) throw new UsageError(binaryMessage(kind, source.name, lang));
  return encoding;
}

/** The encoding of the whole source, from what sniffEncoding saw of its start (see the file's comment). */
export function decideEncoding(source: ByteSource, sniffed: StreamEncoding): StreamEncoding {
  if (sniffed.name !== 'utf-8' || isUtf8Source(source, sniffed.skip)) return sniffed;
  const { utf8, other } = voteByLines(source, sniffed.skip);
  const voting = utf8 + other;
  if (utf8 > other) return { name: 'utf-8', skip: sniffed.skip, confidence: utf8 / voting };
  return { name: 'gb18030', skip: sniffed.skip, confidence: voting === 0 ? 1 : other / voting };
}

/** The notice naming the encoding, worded as for a file read whole (encodingNotice). */
export function streamEncodingNotice(encoding: StreamEncoding, lang: Lang): Notice {
  return encodingNotice(encoding.name, encoding.skip > 0, encoding.confidence, lang);
}

/**
 * The lines after `skip` bytes (cut after each line feed, as decodeBytes cuts them) that hold
 * non-ASCII bytes: how many are well-formed UTF-8 and how many are not. A line is checked piece by
 * piece as its bytes come, so that no line is ever held (a file with old-Mac line breaks is one line).
 */
function voteByLines(source: ByteSource, skip: number): { utf8: number; other: number } {
  let utf8 = 0;
  let other = 0;
  let high = false;
  let check = new Utf8Check();
  const add = (piece: Uint8Array) => {
    if (piece.length === 0) return;
    if (!high && !isAscii(piece)) high = true;
    check.add(piece);
  };
  const endLine = () => {
    if (high) {
      if (check.valid()) utf8++;
      else other++;
    }
    high = false;
    check = new Utf8Check();
  };
  let first = true;
  for (const chunk of source.chunks()) {
    const part = first ? chunk.subarray(skip) : chunk;
    first = false;
    let start = 0;
    for (let lf = part.indexOf(0x0a); lf >= 0; lf = part.indexOf(0x0a, start)) {
      add(part.subarray(start, lf + 1));
      endLine();
      start = lf + 1;
    }
    add(part.subarray(start));
  }
  endLine();
  return { utf8, other };
}

/** True when the source's bytes (after `skip` bytes of byte-order mark) are all valid UTF-8, checked chunk by chunk. */
function isUtf8Source(source: ByteSource, skip: number): boolean {
  const check = new Utf8Check();
  let first = true;
  for (const chunk of source.chunks()) {
    check.add(first ? chunk.subarray(skip) : chunk);
    first = false;
    if (check.failed) return false;
  }
  return check.valid();
}

/**
 * Whether bytes given piece by piece are well-formed UTF-8, each piece checked with Node's isUtf8
 * without copying it; a character cut between two pieces is checked whole.
 */
class Utf8Check {
  failed = false;
  /** The bytes of a character the last piece began but did not finish. */
  private carry: Uint8Array = new Uint8Array(0);

  add(piece: Uint8Array): void {
    if (this.failed || piece.length === 0) return;
    let part = piece;
    if (this.carry.length > 0) {
      // The character cut between the pieces: the carried bytes and this piece's continuation bytes.
      let k = 0;
      while (k < part.length && k < 3 && (part[k]! & 0xc0) === 0x80) k++;
      const joined = new Uint8Array(this.carry.length + k);
      joined.set(this.carry);
      joined.set(part.subarray(0, k), this.carry.length);
      part = part.subarray(k);
      if (part.length === 0 && completeUtf8Length(joined) < joined.length) {
        this.carry = joined; // a piece shorter than the character: still cut
        return;
      }
      if (!isUtf8(joined)) {
        this.failed = true;
        return;
      }
    }
    const cut = completeUtf8Length(part);
    if (!isUtf8(part.subarray(0, cut))) this.failed = true;
    else this.carry = part.slice(cut);
  }

  /** Every byte so far is well-formed UTF-8, and no character is left unfinished. */
  valid(): boolean {
    return !this.failed && this.carry.length === 0;
  }
}

/** The length of `bytes` without a multi-byte UTF-8 character that its last bytes begin but do not finish. */
function completeUtf8Length(bytes: Uint8Array): number {
  let k = bytes.length - 1;
  let continuation = 0;
  while (k >= 0 && continuation < 3 && (bytes[k]! & 0xc0) === 0x80) {
    k--;
    continuation++;
  }
  if (k < 0 || bytes[k]! < 0xc0) return bytes.length;
  const need = bytes[k]! >= 0xf0 ? 4 : bytes[k]! >= 0xe0 ? 3 : 2;
  return bytes.length - k < need ? k : bytes.length;
}
