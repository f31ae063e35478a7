/**
 * The encoding of a file too large to be decoded whole (cli/read-table-file.ts reads it as a
 * stream), decided as decodeBytes decides it for a file read whole, on all of its bytes before any
 * row is handed out: a byte-order mark (UTF-8, UTF-16), UTF-16 without one by its NUL bytes (in the
 * first 4 KB), else UTF-8 when every byte after the mark is well-formed UTF-8, else by the lines
 * that hold non-ASCII bytes, each voting well-formed UTF-8 or not. The file is UTF-8 when most of
 * them are, else GB18030 — under a UTF-8 mark too, which an editor may have written over GB18030
 * text. The lines in the other encoding are then read in theirs, as decodeBytes reads them: each
 * line of a GB18030 file that is UTF-8, and each line of a UTF-8 file that is not but is valid
 * GB18030. The vote counts, and records those lines (the fewer kind) by their byte ranges as it
 * goes, up to a bound, past which a pass of their own records them (FallbackLines); the stream
 * decodes them in their own encoding, and the notices list them as for a file read whole.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { decodeBytes, isGb18030, type TextEncodingName } from '../shared/csv/decode-bytes';
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
  starts: Float64Array;
  ends: Float64Array;
  /** Each line's number (1 = the file's first line), as decodeBytes counts them. */
  lines: Float64Array;
}

/**
 * The encoding the start of the source shows (a mark, UTF-16's NUL bytes; otherwise UTF-8 until
 * decideEncoding has looked at all of it); null for an empty source. A workbook, a picture or other
 * binary file is named as such (UsageError).
 */
export function sniffEncoding(source: ByteSource, lang: Lang): StreamEncoding | null {
  const head = headOf(source, HEAD_BYTES);
  if (head.length === 0) return null;
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

/** The bytes sniffEncoding looks at (those decodeBytes looks at for UTF-16 without a mark). */
const HEAD_BYTES = 4096;

/** The source's first `max` bytes (fewer when it is shorter), gathered over as many chunks as they come in. */
function headOf(source: ByteSource, max: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let have = 0;
  for (const chunk of source.chunks()) {
    const part = chunk.subarray(0, max - have);
    if (part.length === 0) continue;
    parts.push(part);
    have += part.length;
    if (have >= max) break; // no further chunk is read
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

/** Lines of each kind the vote records as it counts (a few GBK rows pasted into a UTF-8 export need no further pass). */
const RECORDED_IN_VOTE = 100_000;

/**
 * The encoding of the whole source, from what sniffEncoding saw of its start (see the file's
 * comment). The vote records the first `recorded` lines of each kind as it counts them (a UTF-8
 * file's other lines with whether they are valid GB18030); only when the fewer kind has more lines
 * than that are they recorded in a pass of their own.
 */
export function decideEncoding(source: ByteSource, sniffed: StreamEncoding, recorded = RECORDED_IN_VOTE): StreamEncoding {
  if (sniffed.name !== 'utf-8' || isUtf8Source(source, sniffed.skip)) return sniffed;
  const skip = sniffed.skip;
  /** A UTF-8 file's other lines are read in GB18030 where they are valid GB18030 (decodeBytes's rule). */
  const readInGb = (line: VotingLine) => line.bytes !== null && isGb18030(line.bytes, 0, line.bytes.length);
  let utf8 = 0;
  let other = 0;
  const utf8Lines = new LineList();
  const gbLines = new LineList();
  forEachVotingLine(source, skip, true, (line) => {
    if (line.utf8) {
      if (++utf8 <= recorded) utf8Lines.add(line);
    } else if (++other <= recorded && readInGb(line)) gbLines.add(line);
  });
  const voting = utf8 + other;
  if (utf8 > other) {
    let found = gbLines;
    if (other > recorded) {
      found = new LineList();
      forEachVotingLine(source, skip, true, (line) => {
        if (!line.utf8 && readInGb(line)) found.add(line);
      });
    }
    return { name: 'utf-8', skip, confidence: utf8 / voting, fallback: found.count > 0 ? { encoding: 'gb18030', ...found.lists() } : null };
  }
  let found = utf8Lines;
  if (utf8 > recorded) {
    found = new LineList();
    forEachVotingLine(source, skip, false, (line) => {
      if (line.utf8) found.add(line);
    });
  }
  return { name: 'gb18030', skip, confidence: voting === 0 ? 1 : other / voting, fallback: found.count > 0 ? { encoding: 'utf-8', ...found.lists() } : null };
}

/** The notices naming the encoding and the lines read in another, worded as for a file read whole. */
export function streamEncodingNotices(encoding: StreamEncoding, lang: Lang): Notice[] {
  const notices = [encodingNotice(encoding.name, encoding.skip > 0, encoding.confidence, lang)];
  const f = encoding.fallback;
  if (f) notices.push(fallbackLinesNotice(f.lines, f.encoding, lang));
  return notices;
}

/** A line that votes: its place in the file, its number, whether it is well-formed UTF-8, and its bytes when asked for. */
interface VotingLine {
  start: number;
  end: number;
  number: number;
  utf8: boolean;
  /** The line's bytes (`keep`), null for a line longer than MAX_KEPT. */
  bytes: Uint8Array | null;
}

/** The longest line whose bytes forEachVotingLine gives (a longer one is not read in another encoding). */
const MAX_KEPT = 4 << 20;

/**
 * Each line after `skip` bytes (cut after each line feed, as decodeBytes cuts them) that holds
 * non-ASCII bytes, in order. A line is checked piece by piece as its bytes come; its bytes are
 * gathered only when `keep` asks for them, one line at a time.
 */
function forEachVotingLine(source: ByteSource, skip: number, keep: boolean, visit: (line: VotingLine) => void): void {
  let high = false;
  const check = new Utf8Check();
  let pieces: Uint8Array[] = [];
  let kept = 0;
  let lineStart = skip;
  let lineNo = 1;
  const add = (piece: Uint8Array) => {
    if (piece.length === 0) return;
    if (!high && !isAscii(piece)) high = true;
    check.add(piece);
    if (keep && kept <= MAX_KEPT) {
      pieces.push(piece);
      kept += piece.length;
    }
  };
  const endLine = (end: number) => {
    if (high) {
      const bytes = !keep || kept > MAX_KEPT ? null : pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
      visit({ start: lineStart, end, number: lineNo, utf8: check.valid(), bytes });
    }
    high = false;
    check.reset();
    pieces = [];
    kept = 0;
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
}

/** Lines' places and numbers, gathered into typed arrays that grow (a file may have many millions of lines). */
class LineList {
  count = 0;
  private starts = new Float64Array(64);
  private ends = new Float64Array(64);
  private numbers = new Float64Array(64);

  add(line: VotingLine): void {
    if (this.count === this.starts.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.numbers = grow(this.numbers);
    }
    this.starts[this.count] = line.start;
    this.ends[this.count] = line.end;
    this.numbers[this.count] = line.number;
    this.count++;
  }

  lists(): Omit<FallbackLines, 'encoding'> {
    return { starts: this.starts.slice(0, this.count), ends: this.ends.slice(0, this.count), lines: this.numbers.slice(0, this.count) };
  }
}

/** True when the source's bytes (after `skip` bytes of byte-order mark) are all valid UTF-8, checked chunk by chunk. */
function isUtf8Source(source: ByteSource, skip: number): boolean {
  const check = new Utf8Check();
  let at = 0;
  for (const chunk of source.chunks(true)) {
    // The mark may be cut between chunks.
    check.add(at >= skip ? chunk : chunk.subarray(Math.min(chunk.length, skip - at)));
    at += chunk.length;
    if (check.failed) return false;
  }
  return check.valid();
}

const NOTHING = new Uint8Array(0);

/**
 * Whether bytes given piece by piece are well-formed UTF-8, each piece checked with Node's isUtf8
 * without copying it; a character cut between two pieces is checked whole.
 */
class Utf8Check {
  failed = false;
  /** The bytes of a character the last piece began but did not finish. */
  private carry: Uint8Array = NOTHING;

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

  /** Start again, as new (for the next line). */
  reset(): void {
    this.failed = false;
    this.carry = NOTHING;
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
