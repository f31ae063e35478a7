/**
 * The encoding of a file too large to be decoded whole (cli/read-table-file.ts reads it as a
 * stream), decided as decodeBytes decides it for a file read whole, on all of its bytes before any
 * row is handed out: a byte-order mark (UTF-8, UTF-16), UTF-16 without one by its NUL bytes (in the
 * first 4 KB), else UTF-8 when every byte after the mark is well-formed UTF-8, else by the lines
 * that hold non-ASCII bytes, each voting well-formed UTF-8 or not. The file is UTF-8 when most of
 * them are, else GB18030 — under a UTF-8 mark too, which an editor may have written over GB18030
 * text. The lines in the other encoding are then read in theirs, as decodeBytes reads them: each
 * line of a GB18030 file that is UTF-8, and each line of a UTF-8 file that is not but is valid
 * GB18030 (found in a second pass over those lines' bytes); the stream decodes them by their byte
 * ranges (FallbackLines), and the notices list them as for a file read whole.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { decodeBytes, type TextEncodingName } from '../shared/csv/decode-bytes';
import { encodingNotice, fallbackLinesNotice } from '../shared/csv/read-delimited';
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
  /** The lines read in the other encoding (none: null). */
  fallback: FallbackLines | null;
}

/** Lines of a file read in another encoding than the file's, by their bytes' place in the file. */
export interface FallbackLines {
  encoding: TextEncodingName;
  /** Each line's first byte and the byte after its line feed (or the end), as offsets in the file, ascending. */
  starts: number[];
  ends: number[];
  /** Each line's number (1 = the file's first line), as decodeBytes counts them. */
  lines: number[];
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
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) encoding = { name: 'utf-8', skip: 3, confidence: 1, fallback: null };
  else if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) encoding = { name: 'utf-16le', skip: 2, confidence: 1, fallback: null };
  else if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) encoding = { name: 'utf-16be', skip: 2, confidence: 1, fallback: null };
  else {
    // decodeBytes looks only at the first 4 KB for UTF-16 without a byte-order mark.
    const sniffed = decodeBytes(head).encoding;
    encoding = { name: sniffed === 'utf-16le' || sniffed === 'utf-16be' ? sniffed : 'utf-8', skip: 0, confidence: 1, fallback: null };
  }
  const kind = binaryKind(head, encoding.name.startsWith('utf-16'));
  if (kind !== null) throw new UsageError(binaryMessage(kind, source.name, lang));
  return encoding;
}

/** The encoding of the whole source, from what sniffEncoding saw of its start (see the file's comment). */
export function decideEncoding(source: ByteSource, sniffed: StreamEncoding): StreamEncoding {
  if (sniffed.name !== 'utf-8' || isUtf8Source(source, sniffed.skip)) return sniffed;
  const { utf8, other } = voteByLines(source, sniffed.skip);
  const voting = utf8.lines.length + other.lines.length;
  const skip = sniffed.skip;
  if (utf8.lines.length > other.lines.length) {
    // A UTF-8 file's other lines are read in GB18030 where they are valid GB18030 (decodeBytes's rule).
    const gb = validGb18030(source, other);
    return { name: 'utf-8', skip, confidence: utf8.lines.length / voting, fallback: gb.lines.length ? { encoding: 'gb18030', ...gb } : null };
  }
  return { name: 'gb18030', skip, confidence: voting === 0 ? 1 : other.lines.length / voting, fallback: utf8.lines.length ? { encoding: 'utf-8', ...utf8 } : null };
}

/** The notices naming the encoding and the lines read in another, worded as for a file read whole. */
export function streamEncodingNotices(encoding: StreamEncoding, lang: Lang): Notice[] {
  const notices = [encodingNotice(encoding.name, encoding.skip > 0, encoding.confidence, lang)];
  const f = encoding.fallback;
  if (f) notices.push(fallbackLinesNotice(f.lines, f.encoding, lang));
  return notices;
}

type Lines = Omit<FallbackLines, 'encoding'>;

/** Those of the lines whose bytes are valid GB18030 (a second pass over the source, reading only those lines' bytes). */
function validGb18030(source: ByteSource, lines: Lines): Lines {
  const out: Lines = { starts: [], ends: [], lines: [] };
  const strict = new TextDecoder('gb18030', { fatal: true, ignoreBOM: true });
  let k = 0;
  let at = 0;
  let parts: Uint8Array[] = [];
  for (const chunk of source.chunks()) {
    const chunkEnd = at + chunk.length;
    while (k < lines.starts.length && lines.starts[k]! < chunkEnd) {
      const from = Math.max(lines.starts[k]!, at);
      const to = Math.min(lines.ends[k]!, chunkEnd);
      parts.push(chunk.subarray(from - at, to - at));
      if (lines.ends[k]! > chunkEnd) break; // the line goes on in the next chunk
      let ok = true;
      try {
        strict.decode(parts.length === 1 ? parts[0]! : Buffer.concat(parts));
      } catch {
        ok = false;
      }
      if (ok) {
        out.starts.push(lines.starts[k]!);
        out.ends.push(lines.ends[k]!);
        out.lines.push(lines.lines[k]!);
      }
      parts = [];
      k++;
    }
    at = chunkEnd;
  }
  return out;
}

/**
 * The lines after `skip` bytes (cut after each line feed, as decodeBytes cuts them) that hold
 * non-ASCII bytes, as those that are well-formed UTF-8 and those that are not: each line's place in
 * the file and its number. A line is checked piece by piece as its bytes come, so that no line is
 * ever held (a file with old-Mac line breaks is one line).
 */
function voteByLines(source: ByteSource, skip: number): { utf8: Lines; other: Lines } {
  const utf8: Lines = { starts: [], ends: [], lines: [] };
  const other: Lines = { starts: [], ends: [], lines: [] };
  let high = false;
  let check = new Utf8Check();
  let lineStart = skip;
  let lineNo = 1;
  const add = (piece: Uint8Array) => {
    if (piece.length === 0) return;
    if (!high && !isAscii(piece)) high = true;
    check.add(piece);
  };
  const endLine = (end: number) => {
    if (high) {
      const into = check.valid() ? utf8 : other;
      into.starts.push(lineStart);
      into.ends.push(end);
      into.lines.push(lineNo);
    }
    high = false;
    check = new Utf8Check();
    lineStart = end;
    lineNo++;
  };
  let at = 0;
  for (const chunk of source.chunks()) {
    const from = Math.max(0, Math.min(chunk.length, skip - at)); // the mark may be cut between chunks
    let start = from;
    for (let lf = chunk.indexOf(0x0a, from); lf >= 0; lf = chunk.indexOf(0x0a, start)) {
      add(chunk.subarray(start, lf + 1));
      endLine(at + lf + 1);
      start = lf + 1;
    }
    add(chunk.subarray(start));
    at += chunk.length;
  }
  if (lineStart < at) endLine(at);
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
