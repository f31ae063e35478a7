/**
 * A deterministic transaction log (customer key, date, amount) for demos, tests and benchmarks:
 * the method §1 "transaction log" shape, drawn from the BG/NBD and Gamma–Gamma processes the
 * probabilistic model assumes (method §9; Fader, Hardie & Lee 2005; Fader, Hardie & Lee 2005b).
 */
import { dayToIso, isoToDay } from '../ingest/parse-date';
import type { Lang } from '../types';
import { mulberry32 } from '../prng';
import { beta, cents, exponential, gamma, type Uniform } from './distributions';

export const TRANSACTION_HEADERS_ZH: readonly string[] = ['客户编号', '日期', '金额'];
export const TRANSACTION_HEADERS_EN: readonly string[] = ['Customer ID', 'Date', 'Amount'];
const TRANSACTION_HEADERS: Record<Lang, readonly string[]> = { zh: TRANSACTION_HEADERS_ZH, en: TRANSACTION_HEADERS_EN };

export interface GenerateTransactionsOptions {
  /** Seed of the random stream; the same seed gives the same log. Default 1. */
  seed?: number;
  /** Roughly how many distinct customers the log should hold. Default rows / 4. */
  customers?: number;
  /** The last day of the log, ISO date. Default '2026-11-28'. */
  asOf?: string;
  /** Language of the header row. Default 'zh'. */
  lang?: 'zh' | 'en';
}

/** Customers are acquired uniformly over this many days before asOf. */
const ACQUISITION_DAYS = 3 * 365;

/** BG/NBD heterogeneity (per day), close to the CDNOW estimates of Fader, Hardie & Lee (2005). */
const R = 0.25;
const ALPHA = 30;
const A = 0.8;
const B = 2.4;
/** No customer buys more than every third day on average: keeps one whale from filling a small log. */
const MAX_RATE = 1 / 3;

/** Gamma–Gamma spend: amount ~ Gamma(P, ν), ν ~ Gamma(Q, rate G); mean spend P·G/(Q−1) = 600. */
const P = 6;
const Q = 4;
const G = 300;

interface Customer {
  birth: number;
  lambda: number;
  drop: number;
  nu: number;
}

function drawCustomer(rand: Uniform, asOf: number, rateScale: number): Customer {
  return {
    birth: asOf - Math.floor(rand() * ACQUISITION_DAYS),
    lambda: Math.min(MAX_RATE, (gamma(rand, R, 1) / ALPHA) * rateScale),
    drop: beta(rand, A, B),
    nu: gamma(rand, Q, 1 / G),
  };
}

/**
 * Purchase days of one customer: the first at birth, then repeat purchases at exponential gaps
 * with rate λ; after each repeat purchase the customer drops out with probability p (BG/NBD).
 * Calls `emit(day)` for each, stops early when emit returns false.
 */
function purchases(rand: Uniform, c: Customer, asOf: number, emit: (day: number) => boolean): void {
  if (!emit(c.birth)) return;
  let t = c.birth;
  for (;;) {
    t += exponential(rand, c.lambda);
    if (!(t <= asOf + 0.999)) return;
    if (!emit(Math.floor(t))) return;
    if (rand() < c.drop) return;
  }
}

/**
 * Finds a multiplier of the purchase rates that makes the mean number of purchases per customer
 * close to `target`, by bisection on a pilot sample with its own fixed random stream.
 */
function calibrateRate(target: number, asOf: number): number {
  if (target <= 1) return 1e-9;
  const meanCount = (scale: number): number => {
    const rand = mulberry32(0x5eed);
    let total = 0;
    const pilot = 3000;
    for (let i = 0; i < pilot; i++) {
      let k = 0;
      purchases(rand, drawCustomer(rand, asOf, scale), asOf, () => ++k < 1e5);
      total += k;
    }
    return total / pilot;
  };
  let lo = Math.log(1e-3);
  let hi = Math.log(1e4);
  for (let it = 0; it < 24; it++) {
    const mid = (lo + hi) / 2;
    if (meanCount(Math.exp(mid)) < target) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

/**
 * Generates a transaction log of exactly `rows` rows plus a header, deterministically from `seed`.
 * Customers are acquired uniformly over the three years before `asOf`, buy at Poisson rates that
 * vary between customers as Gamma(0.25, 30 days) and drop out after each repeat purchase with a
 * Beta(0.8, 2.4) probability (BG/NBD); amounts follow the Gamma–Gamma spend model (mean about 600,
 * cents). Rates are scaled so that about `customers` customers fill `rows` rows; the last
 * customer's history may be cut short. Rows are sorted by date (ties in generation order); dates
 * are ISO strings; keys are 'C000001'-style ids.
 */
export function generateTransactions(rows: number, options: GenerateTransactionsOptions = {}): unknown[][] {
  const rand = mulberry32(options.seed ?? 1);
  const asOf = isoToDay(options.asOf ?? '2026-11-28');
  if (asOf === null) throw new Error(`asOf is not an ISO date: ${options.asOf}`);
  const n = Math.max(0, Math.floor(rows));
  const target = Math.max(1, Math.min(n, Math.round(options.customers ?? n / 4)));
  const scale = calibrateRate(n / target, asOf);

  const customerOf = new Int32Array(n);
  const dayOf = new Int32Array(n);
  const amountOf = new Float64Array(n);
  let filled = 0;
  let customer = 0;
  let current: Customer;
  const emit = (day: number): boolean => {
    customerOf[filled] = customer;
    dayOf[filled] = day;
    amountOf[filled] = Math.max(0.01, cents(gamma(rand, P, 1 / current.nu)));
    filled++;
    return filled < n;
  };
  while (filled < n) {
    current = drawCustomer(rand, asOf, scale);
    purchases(rand, current, asOf, emit);
    customer++;
  }

  // Sort by date, keeping generation order within a day: key = day offset · 2^k + row.
  const minDay = asOf - ACQUISITION_DAYS;
  const shift = 2 ** Math.ceil(Math.log2(n + 1));
  const keys = new Float64Array(n);
  for (let k = 0; k < n; k++) keys[k] = (dayOf[k]! - minDay) * shift + k;
  keys.sort();

  const width = Math.max(6, String(customer).length);
  const ids: string[] = new Array<string>(customer);
  for (let c = 0; c < customer; c++) ids[c] = `C${String(c + 1).padStart(width, '0')}`;
  const iso: string[] = new Array<string>(ACQUISITION_DAYS + 1);
  for (let d = 0; d <= ACQUISITION_DAYS; d++) iso[d] = dayToIso(minDay + d);

  const table: unknown[][] = new Array<unknown[]>(n + 1);
  table[0] = [...TRANSACTION_HEADERS[options.lang ?? 'zh']];
  for (let k = 0; k < n; k++) {
    const row = keys[k]! % shift;
    table[k + 1] = [ids[customerOf[row]!], iso[dayOf[row]! - minDay], amountOf[row]];
  }
  return table;
}
