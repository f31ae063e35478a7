/**
 * How one stored customer is written as text in its block (customer-store.ts). As a JSON object
 * every customer repeats every field's name, and Chrome copies every byte of it on its way into
 * IndexedDB: the bench's 100,000 customers took 239 MB so, and take 144 MB as written here
 * (`npm run bench -- extension`, "stored customers"). So a customer is written as a JSON array
 * instead: a format number, a mask of the fields it has, then their values in the order of
 * STORED_FIELDS; the value score's parts the same way (packScore). A field the list does not name
 * (a customer of a later version, say) is kept in an object after the values, so nothing a
 * customer holds is lost. Values are JSON as before: a number that is not
 * finite reads back as null, an undefined field as absent.
 *
 * Items written by earlier versions (JSON objects) still read as they are.
 */
import type { ScorePart } from '../../shared/types';
import type { StoredCustomer } from './records';

/**
 * Every field of a stored customer, in the order its values are written. Stored items depend on
 * this order: a new field goes at the end; removing or reordering fields needs a new FORMAT (and
 * a decoder for the old one).
 */
const STORED_FIELDS = [
  'key', 'rows', 'name', 'emails', 'domains', 'owner', 'segment', 'region',
  'revenue', 'revenuePrev', 'profit', 'costToServe', 'orders', 'firstPurchase', 'lastPurchase',
  'wallet', 'share', 'sharePrev', 'competitor', 'competitorName', 'suppliers', 'switchingCost',
  'potential', 'receivable', 'overdueAmount', 'overdueDays', 'creditLimit', 'satisfaction',
  'complaints', 'complaintsOpen', 'lastContact', 'churnReason', 'churnReasonText',
  'metric', 'cumulativeShare', 'tier', 'valueScore', 'valueClass', 'pyramid', 'lifecycle',
  'lifecycleWhy', 'defection', 'relationship', 'churnRisk', 'credit', 'coreClass', 'nextVisitDue',
  'visitOverdue', 'kaHealth', 'pAlive', 'expectedPurchases', 'expectedSpend', 'clv', 'model',
  'source', 'updatedAt', 'tableLastContact', 'tableComplaintsOpen',
] as const satisfies readonly (keyof StoredCustomer)[];

// Adding a field to the stored customer without naming it above fails to compile (it would still
// be kept, in the trailing object, but at the cost of its name in every customer).
type Unlisted = Exclude<keyof StoredCustomer, (typeof STORED_FIELDS)[number]>;
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFieldListed;

/** A value-score part's fields, in the order they are written. */
const PART_FIELDS = ['part', 'rank', 'weight', 'points', 'neutral'] as const satisfies readonly (keyof ScorePart)[];

/** The format number an item starts with. */
const FORMAT = 1;

/** Fields a mask number holds (bits that stay exact in a JavaScript number's integer bitwise operations); two numbers hold them all. */
const MASK_BITS = 30;
if (STORED_FIELDS.length > 2 * MASK_BITS) throw new Error('a stored customer has more fields than its two mask numbers hold');

const known = new Set<string>(STORED_FIELDS);

/**
 * The value score as written: ['p', the score without its parts, each part as an array of
 * PART_FIELDS' values] when every part is exactly a ScorePart's fields, else ['v', the score as it is].
 */
function packScore(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return ['v', v];
  const parts = (v as { parts?: unknown }).parts;
  if (!Array.isArray(parts)) return ['v', v];
  const packed: unknown[][] = new Array(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as Record<string, unknown>;
    if (!plainPart(p)) return ['v', v];
    packed[i] = [p.part, p.rank, p.weight, p.points, p.neutral];
  }
  const rest: Record<string, unknown> = {};
  for (const k of Object.keys(v)) if (k !== 'parts') rest[k] = (v as Record<string, unknown>)[k];
  return ['p', rest, packed];
}

/** A part with exactly a ScorePart's fields, each defined: written as an array, it reads back the same. */
function plainPart(p: unknown): boolean {
  if (p === null || typeof p !== 'object' || Array.isArray(p)) return false;
  const q = p as Record<string, unknown>;
  return Object.keys(q).length === PART_FIELDS.length && PART_FIELDS.every((f) => q[f] !== undefined);
}

function unpackScore(v: unknown): unknown {
  if (!Array.isArray(v)) throw new Error('a stored customer in an unknown format');
  if (v[0] === 'v') return v[1];
  const packed = v[2] as unknown[][];
  const parts = new Array<ScorePart>(packed.length);
  for (let i = 0; i < packed.length; i++) {
    const p = packed[i]!;
    parts[i] = { part: p[0], rank: p[1], weight: p[2], points: p[3], neutral: p[4] } as ScorePart;
  }
  return { ...(v[1] as object), parts };
}

/** The customer as its item's text. */
export function encodeCustomer(c: StoredCustomer): string {
  const row = c as unknown as Record<string, unknown>;
  const out: unknown[] = [FORMAT, ''];
  let low = 0;
  let high = 0;
  for (let i = 0; i < STORED_FIELDS.length; i++) {
    const f = STORED_FIELDS[i]!;
    const v = row[f];
    if (v === undefined) continue;
    if (i < MASK_BITS) low |= 1 << i;
    else high |= 1 << (i - MASK_BITS);
    out.push(f === 'valueScore' ? packScore(v) : v);
  }
  out[1] = `${low.toString(36)}.${high.toString(36)}`;
  // Fields the list does not name: only looked for when the customer has more fields than it wrote.
  const keys = Object.keys(row);
  if (keys.length > out.length - 2) {
    let rest: Record<string, unknown> | null = null;
    for (const k of keys) {
      if (known.has(k) || row[k] === undefined) continue;
      rest ??= {};
      rest[k] = row[k];
    }
    if (rest) out.push(rest);
  }
  return JSON.stringify(out);
}

/**
 * The customer an item holds: written by encodeCustomer, or a JSON object (earlier versions). The
 * fields come in STORED_FIELDS order, then any other the item kept.
 */
export function decodeCustomer(item: string): StoredCustomer {
  const parsed: unknown = JSON.parse(item);
  if (!Array.isArray(parsed)) return parsed as StoredCustomer;
  if (parsed[0] !== FORMAT || typeof parsed[1] !== 'string') throw new Error('a stored customer in an unknown format');
  const dot = parsed[1].indexOf('.');
  const low = Number.parseInt(parsed[1].slice(0, dot), 36);
  const high = Number.parseInt(parsed[1].slice(dot + 1), 36);
  const out: Record<string, unknown> = {};
  let at = 2;
  for (let i = 0; i < STORED_FIELDS.length; i++) {
    if ((i < MASK_BITS ? low & (1 << i) : high & (1 << (i - MASK_BITS))) === 0) continue;
    const f = STORED_FIELDS[i]!;
    out[f] = f === 'valueScore' ? unpackScore(parsed[at]) : parsed[at];
    at++;
  }
  const rest = parsed[at];
  if (rest !== null && typeof rest === 'object' && !Array.isArray(rest)) {
    // A field a later list names may sit here in an item written before it was named: only the fields read above are passed over.
    for (const [k, v] of Object.entries(rest)) if (!Object.hasOwn(out, k) && k !== '__proto__') out[k] = v;
  }
  return out as unknown as StoredCustomer;
}
