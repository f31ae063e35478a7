/**
 * A CustomerColumns table in a form that crosses from one thread to another cheaply: the number
 * columns and the names and e-mail addresses as typed arrays (moved, not copied), every other text
 * column as one string with the end of each value, and the columns whose values repeat (owners, regions, switching costs…) as codes into a
 * list of their distinct values. Copying a million short strings one by one between threads costs
 * more than reading them did; one long string per column costs a memory copy.
 */
import type { SwitchingCost } from '../types';
import { type CustomerColumns, NUMBER_FIELDS, TEXT_FIELDS, type NumberField, type TextField } from './customer-columns';
import type { PackedTextColumn } from './text-column';

/** Texts (or nulls) as one string and where each ends; a null is a value of length 0 marked in `nulls`. */
export interface PackedTexts {
  text: string;
  ends: Uint32Array;
  nulls: Uint8Array;
}

/** Lists of none, one or several values per slot: every value in order, and how many each slot has. */
export interface PackedLists<T> {
  values: T;
  counts: Uint32Array;
}

/** Values that repeat, as a code per slot (−1: null) into their distinct values. */
export interface PackedCodes {
  values: PackedTexts;
  codes: Int32Array;
}

export interface PackedColumns {
  count: number;
  key: PackedTexts;
  name: PackedTextColumn;
  rows: PackedLists<Float64Array>;
  emails: PackedTextColumn;
  domains: PackedLists<PackedTexts>;
  competitor: Int8Array;
  switchingCost: PackedCodes;
  text: Record<TextField, PackedCodes>;
  num: Record<NumberField, Float64Array>;
}

/** Texts as one string and their ends (see PackedTexts). */
export function packTexts(values: readonly (string | null)[], n = values.length): PackedTexts {
  const ends = new Uint32Array(n);
  const nulls = new Uint8Array(n);
  const parts: string[] = new Array(n);
  let end = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] ?? null;
    if (v === null) {
      nulls[i] = 1;
      parts[i] = '';
    } else {
      parts[i] = v;
      end += v.length;
    }
    ends[i] = end;
  }
  return { text: parts.join(''), ends, nulls };
}

/** The texts packTexts packed, written into `into` from `at` on. */
export function unpackTexts(p: PackedTexts, into: (string | null)[], at: number): void {
  let start = 0;
  for (let i = 0; i < p.ends.length; i++) {
    const end = p.ends[i]!;
    into[at + i] = p.nulls[i] ? null : p.text.slice(start, end);
    start = end;
  }
}

type Few<T> = T | T[] | null;

function packLists<T>(lists: readonly Few<T>[], n: number): { values: T[]; counts: Uint32Array } {
  const values: T[] = [];
  const counts = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const v = lists[i] ?? null;
    if (v === null) continue;
    if (Array.isArray(v)) {
      for (const x of v) values.push(x);
      counts[i] = v.length;
    } else {
      values.push(v);
      counts[i] = 1;
    }
  }
  return { values, counts };
}

/** Lists back from their values and counts (none: null, one: the value, several: an array), from `at` on. */
function unpackLists<T>(values: ArrayLike<T>, counts: Uint32Array, into: Few<T>[], at: number): void {
  let k = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    if (c === 0) into[at + i] = null;
    else if (c === 1) into[at + i] = values[k]!;
    else into[at + i] = Array.from({ length: c }, (_, m) => values[k + m]!);
    k += c;
  }
}

function packCodes(values: readonly (string | null)[], n: number): PackedCodes {
  const codeOf = new Map<string, number>();
  const distinct: string[] = [];
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i] ?? null;
    if (v === null) {
      codes[i] = -1;
      continue;
    }
    let c = codeOf.get(v);
    if (c === undefined) {
      c = distinct.length;
      codeOf.set(v, c);
      distinct.push(v);
    }
    codes[i] = c;
  }
  return { values: packTexts(distinct), codes };
}

/** Codes back into values, each distinct value passed through `keep` once (the reader's dictionary). */
function unpackCodes<T extends string>(p: PackedCodes, into: (T | null)[], at: number, keep: (v: string) => string): void {
  const distinct: (string | null)[] = new Array(p.values.ends.length);
  unpackTexts(p.values, distinct, 0);
  const kept = distinct.map((v) => keep(v!) as T);
  for (let i = 0; i < p.codes.length; i++) {
    const c = p.codes[i]!;
    into[at + i] = c < 0 ? null : kept[c]!;
  }
}

/**
 * The first `store.count` slots of `store`, packed. The number columns are views of the store's
 * arrays: moving them to another thread (packedBuffers) takes them from the store.
 */
export function packColumns(store: CustomerColumns): PackedColumns {
  const n = store.count;
  const rows = packLists(store.rows, n);
  const domains = packLists(store.domains, n);
  return {
    count: n,
    key: packTexts(store.key, n),
    name: store.name.pack(n),
    rows: { values: Float64Array.from(rows.values), counts: rows.counts },
    emails: store.emails.pack(n),
    domains: { values: packTexts(domains.values), counts: domains.counts },
    // Views of the reader's own arrays, not copies: moved to the other thread with their buffers.
    competitor: store.competitor.subarray(0, n),
    switchingCost: packCodes(store.switchingCost, n),
    text: Object.fromEntries(TEXT_FIELDS.map((f) => [f, packCodes(store.text[f], n)])) as Record<TextField, PackedCodes>,
    num: Object.fromEntries(NUMBER_FIELDS.map((f) => [f, store.num[f].subarray(0, n)])) as Record<NumberField, Float64Array>,
  };
}

/** The typed arrays of a packed table, to move (transfer) rather than copy to another thread. */
export function packedBuffers(p: PackedColumns): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [p.key.ends, p.key.nulls, p.name.chars, p.name.lengths, p.rows.values, p.rows.counts, p.emails.chars, p.emails.lengths, p.domains.counts, p.domains.values.ends, p.domains.values.nulls, p.competitor, p.switchingCost.codes];
  for (const f of TEXT_FIELDS) arrays.push(p.text[f].codes);
  for (const f of NUMBER_FIELDS) arrays.push(p.num[f]);
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/**
 * Append the packed slots after `store`'s, in their order, their row numbers moved up by
 * `rowsBefore`; `keep` gives the one kept copy of a repeating text (the reader's dictionary for that
 * column).
 */
export function appendPacked(store: CustomerColumns, p: PackedColumns, rowsBefore: number, keep: (field: TextField, value: string) => string): void {
  const at = store.count;
  store.reserve(at + p.count);
  unpackTexts(p.key, store.key, at);
  store.name.unpack(p.name, at);
  unpackLists(p.rows.values.map((row) => row + rowsBefore), p.rows.counts, store.rows, at);
  store.emails.unpack(p.emails, at);
  const domains: (string | null)[] = new Array(p.domains.values.ends.length);
  unpackTexts(p.domains.values, domains, 0);
  unpackLists(domains as string[], p.domains.counts, store.domains, at);
  store.competitor.set(p.competitor, at);
  unpackCodes<SwitchingCost>(p.switchingCost, store.switchingCost, at, (v) => v);
  for (const f of TEXT_FIELDS) unpackCodes(p.text[f], store.text[f], at, (v) => keep(f, v));
  for (const f of NUMBER_FIELDS) store.num[f].set(p.num[f], at);
  store.count = at + p.count;
}
