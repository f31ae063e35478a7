/**
 * Every threshold and weight of the method (docs/method.md), with its default, as one JSON-serialisable object.
 * A sheet template carries it (sheet "Rapport settings"), the CLI reads it with --settings,
 * the extension keeps it in its options.
 */
import type { Tier } from './tier';

export interface Settings {
  /** method §2: weights of the value score's parts (renormalised over the parts present). */
  weights: {
    value: number;
    growth: number;
    share: number;
    payment: number;
    satisfaction: number;
    tenure: number;
  };
  /** method §3: cumulative-share limits for A and B, and the share of C released as D. */
  tiers: { a: number; b: number; d: number };
  /** method §3: days between visits per tier (null: no scheduled visits). */
  visitDays: Record<Tier, number | null>;
  /** method §4: the top share of customers by headroom that counts as MGC. */
  mgcTop: number;
  /** method §4: pyramid cut-offs as cumulative shares of customers. */
  pyramid: { platinum: number; gold: number; iron: number };
  /** method §5. */
  lifecycle: {
    churnHorizonDays: number;
    newCustomerDays: number;
    minOrders: number;
    terminatingDrop: number;
    atRiskDrop: number;
    growthRise: number;
    terminatingIntervals: number;
    atRiskIntervals: number;
    pAliveAtRisk: number;
    pAliveTerminating: number;
  };
  /** Length of one period (current vs previous) when a transaction log is summarised, in days. */
  periodDays: number;
  /** method §6: share-of-wallet drop (fraction, 0.05 = 5 points) that makes a partial defector. */
  partialShareDrop: number;
  /** method §6: best core customers pay within this many days overdue, and have this tenure. */
  bestCore: { maxOverdueDays: number; minTenureDays: number };
  /** method §6 (seed 003): partner relationship. */
  partner: { minShare: number; minTenureDays: number; maxSuppliers: number };
  /**
   * method §7: each warning sign's weight in percent — at full strength it takes that share of the
   * chance of buying that is left (so it adds at most that many points); `horizonDays` is H of the
   * churn probability "no purchase in the next H days" (method §9).
   */
  churn: {
    horizonDays: number;
    recency: number;
    revenueTrend: number;
    shareTrend: number;
    satisfaction: number;
    complaints: number;
    overdue: number;
    noContact: number;
    competitor: number;
    silent: number;
    /** No longer used: the purchase model's no-purchase probability is the score's starting point. */
    pAlive: number;
    /** Score at or above which a customer counts as high risk in the summary. */
    high: number;
  };
  /** method §8: credit grades' lower bounds and alert thresholds. */
  credit: {
    excellent: number;
    good: number;
    fair: number;
    poor: number;
    utilisationAlert: number;
    overdueDaysAlert: number;
    overdueRatioAlert: number;
  };
  /** method §9: probabilistic model defaults. */
  model: { unit: 'days' | 'weeks'; horizonDays: number; annualDiscountRate: number };
}

/** The defaults of method §2–§10. */
export const DEFAULT_SETTINGS: Settings = {
  weights: { value: 0.4, growth: 0.15, share: 0.15, payment: 0.15, satisfaction: 0.1, tenure: 0.05 },
  tiers: { a: 0.8, b: 0.95, d: 0.05 },
  visitDays: { A: 30, B: 90, C: 180, D: null },
  mgcTop: 0.2,
  pyramid: { platinum: 0.05, gold: 0.2, iron: 0.7 },
  lifecycle: {
    churnHorizonDays: 365,
    newCustomerDays: 90,
    minOrders: 3,
    terminatingDrop: 0.5,
    atRiskDrop: 0.1,
    growthRise: 0.1,
    terminatingIntervals: 3,
    atRiskIntervals: 1.5,
    pAliveAtRisk: 0.5,
    pAliveTerminating: 0.2,
  },
  periodDays: 365,
  partialShareDrop: 0.05,
  bestCore: { maxOverdueDays: 30, minTenureDays: 365 },
  partner: { minShare: 0.5, minTenureDays: 365, maxSuppliers: 2 },
  churn: {
    horizonDays: 90,
    recency: 30,
    revenueTrend: 20,
    shareTrend: 15,
    satisfaction: 15,
    complaints: 10,
    overdue: 10,
    noContact: 10,
    competitor: 10,
    silent: 5,
    pAlive: 30,
    high: 50,
  },
  credit: {
    excellent: 85,
    good: 70,
    fair: 55,
    poor: 40,
    utilisationAlert: 0.9,
    overdueDaysAlert: 60,
    overdueRatioAlert: 0.3,
  },
  model: { unit: 'weeks', horizonDays: 90, annualDiscountRate: 0 },
};

/** What is wrong with one setting, as a code the surfaces translate (settingsProblemText, shared/i18n/messages.ts). */
export type SettingsProblemCode =
  | 'not_object'
  | 'unknown'
  | 'not_group'
  | 'not_number'
  | 'not_unit'
  | 'negative'
  | 'no_weight'
  | 'not_fraction'
  | 'above'
  | 'pyramid_order'
  | 'credit_order'
  | 'not_days'
  | 'not_positive';

/** A problem found in a settings object: its dotted path ('' for the whole object), a code and the code's parameters. */
export interface SettingsProblem {
  path: string;
  code: SettingsProblemCode;
  params?: Record<string, string | number>;
}

type Plain = { [k: string]: unknown };

function isPlain(v: unknown): v is Plain {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

// biome-ignore lint/suspicious/noPrototypeBuiltins: the Sheets add-on's runtime (ES2019) has no Object.hasOwn
const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** What a leaf setting holds: a number, a number or empty (no visits), or one of some words. */
type LeafKind = { type: 'number'; nullable: boolean } | { type: 'word'; words: readonly string[] };

/** Words a text setting accepts, by path. */
const WORDS: Readonly<Record<string, readonly string[]>> = { 'model.unit': ['days', 'weeks'] };

/**
 * The allow-list: every dotted path of DEFAULT_SETTINGS with the kind of value it takes. Built
 * from the defaults themselves, so a key added there is accepted everywhere at once. Null
 * defaults and the visit intervals may be empty.
 */
const ALLOWED: ReadonlyMap<string, LeafKind> = (() => {
  const out = new Map<string, LeafKind>();
  const walk = (o: Plain, prefix: string) => {
    for (const k of Object.keys(o)) {
      const path = prefix ? `${prefix}.${k}` : k;
      const v = o[k];
      if (isPlain(v)) walk(v, path);
      else if (typeof v === 'string') out.set(path, { type: 'word', words: WORDS[path] ?? [v] });
      else out.set(path, { type: 'number', nullable: v === null || path.startsWith('visitDays.') });
    }
  };
  walk(DEFAULT_SETTINGS as unknown as Plain, '');
  return out;
})();

/** Dotted paths that are groups (tiers, weights …). */
const GROUPS: ReadonlySet<string> = new Set([...ALLOWED.keys()].flatMap((p) => p.split('.').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('.'))));

/**
 * Merge a partial settings object (from JSON, a sheet or the options page) over the defaults.
 * Only the paths of DEFAULT_SETTINGS are read, each from the object's own properties: '__proto__',
 * 'constructor', 'toString' and every other key are reported as unknown, never followed, so a
 * shared template cannot reach Object.prototype. Values of the wrong type are reported and the
 * default stays in their place. Returns fresh settings and the problems found.
 */
export function resolveSettings(partial: unknown): { settings: Settings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const merged = cloneDefaults();
  if (partial === undefined || partial === null) return { settings: merged, problems };
  if (!isPlain(partial)) {
    problems.push({ path: '', code: 'not_object' });
    return { settings: merged, problems };
  }
  mergeInto(merged as unknown as Plain, partial, '', problems);
  const before = problems.length;
  checkRanges(merged, problems);
  restoreDefaults(merged, problems.slice(before));
  return { settings: merged, problems };
}

/**
 * A value out of its range is reported and replaced by its default, like an unknown key or a
 * wrong type: no threshold the method cannot mean (a top share of 2·10²⁵, a negative interval)
 * reaches the rules. A problem about an order between keys (tiers.a above tiers.b, the pyramid,
 * the credit grades, every weight 0) restores the whole group.
 */
function restoreDefaults(s: Settings, rangeProblems: readonly SettingsProblem[]): void {
  if (rangeProblems.length === 0) return;
  const defaults = cloneDefaults() as unknown as Record<string, unknown>;
  for (const p of rangeProblems) {
    const parts = p.code === 'above' ? p.path.split('.').slice(0, -1) : p.path.split('.');
    if (parts.length === 0) continue;
    let target = s as unknown as Record<string, unknown>;
    let source = defaults;
    for (const part of parts.slice(0, -1)) {
      target = target[part] as Record<string, unknown>;
      source = source[part] as Record<string, unknown>;
    }
    const last = parts[parts.length - 1]!;
    target[last] = source[last];
  }
}

function cloneDefaults(): Settings {
  return JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as Settings;
}

function mergeInto(target: Plain, source: Plain, prefix: string, problems: SettingsProblem[]): void {
  for (const k of Object.keys(source)) {
    const path = prefix ? `${prefix}.${k}` : k;
    const v = source[k];
    if (GROUPS.has(path) && own(target, k)) {
      if (!isPlain(v)) problems.push({ path, code: 'not_group' });
      else mergeInto(target[k] as Plain, v, path, problems);
      continue;
    }
    const kind = ALLOWED.get(path);
    if (kind === undefined || !own(target, k)) {
      reportUnknown(path, v, problems);
      continue;
    }
    if (kind.type === 'word') {
      if (typeof v === 'string' && kind.words.includes(v)) target[k] = v;
      else problems.push({ path, code: 'not_unit', params: { words: kind.words.join(', ') } });
    } else if (v === null && kind.nullable) target[k] = null;
    else if (typeof v === 'number' && Number.isFinite(v)) target[k] = v;
    else problems.push({ path, code: 'not_number' });
  }
}

/** An unknown key is reported at each of its leaves ('__proto__.asOf', not just '__proto__'). */
function reportUnknown(path: string, v: unknown, problems: SettingsProblem[]): void {
  if (isPlain(v) && Object.keys(v).length > 0) for (const k of Object.keys(v)) reportUnknown(`${path}.${k}`, v[k], problems);
  else problems.push({ path, code: 'unknown' });
}

function checkRanges(s: Settings, problems: SettingsProblem[]): void {
  const frac = (path: string, v: number) => {
    if (!(v >= 0 && v <= 1)) problems.push({ path, code: 'not_fraction' });
  };
  for (const [k, v] of Object.entries(s.weights)) if (v < 0) problems.push({ path: `weights.${k}`, code: 'negative' });
  if (Object.values(s.weights).every((w) => w === 0)) problems.push({ path: 'weights', code: 'no_weight' });
  frac('tiers.a', s.tiers.a);
  frac('tiers.b', s.tiers.b);
  frac('tiers.d', s.tiers.d);
  if (s.tiers.a > s.tiers.b) problems.push({ path: 'tiers.a', code: 'above', params: { other: 'tiers.b' } });
  frac('mgcTop', s.mgcTop);
  frac('partialShareDrop', s.partialShareDrop);
  const p = s.pyramid;
  if (!(p.platinum <= p.gold && p.gold <= p.iron && p.iron <= 1 && p.platinum >= 0)) problems.push({ path: 'pyramid', code: 'pyramid_order' });
  const c = s.credit;
  if (!(c.excellent >= c.good && c.good >= c.fair && c.fair >= c.poor)) problems.push({ path: 'credit', code: 'credit_order' });
  for (const [k, v] of Object.entries(s.visitDays)) if (v !== null && !(v > 0)) problems.push({ path: `visitDays.${k}`, code: 'not_days' });
  if (!(s.periodDays > 0)) problems.push({ path: 'periodDays', code: 'not_positive' });
  if (!(s.churn.horizonDays > 0)) problems.push({ path: 'churn.horizonDays', code: 'not_positive' });
  if (!(s.lifecycle.churnHorizonDays > 0)) problems.push({ path: 'lifecycle.churnHorizonDays', code: 'not_positive' });
}

/** Flatten settings to dotted key/value rows (the "Rapport settings" sheet's layout). */
export function settingsToRows(s: Settings): [string, number | string | null][] {
  const rows: [string, number | string | null][] = [];
  const walk = (o: Plain, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      const path = prefix ? `${prefix}.${k}` : k;
      if (isPlain(v)) walk(v, path);
      else rows.push([path, v as number | string | null]);
    }
  };
  walk(s as unknown as Plain, '');
  return rows;
}

/**
 * Rebuild a partial settings object from dotted key/value rows (the "Rapport settings" sheet);
 * blank values mean null. Built of null-prototype objects, so a key such as '__proto__.asOf' is an
 * ordinary own key that resolveSettings reports as unknown, and never reaches Object.prototype.
 */
export function rowsToSettings(rows: readonly (readonly unknown[])[]): Plain {
  const out: Plain = Object.create(null) as Plain;
  for (const row of rows) {
    const key = String(row[0] ?? '').trim();
    if (!key) continue;
    const raw = row[1];
    const value = raw === '' || raw === null || raw === undefined ? null : typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
    const parts = key.split('.');
    let o = out;
    for (const p of parts.slice(0, -1)) {
      const next = own(o, p) ? o[p] : undefined;
      if (typeof next !== 'object' || next === null || Object.getPrototypeOf(next) !== null) o[p] = Object.create(null) as Plain;
      o = o[p] as Plain;
    }
    o[parts[parts.length - 1]!] = value;
  }
  return out;
}
