/**
 * Every threshold and weight of METHOD, with its default, as one JSON-serialisable object.
 * A sheet template carries it (sheet "Rapport settings"), the CLI reads it with --settings,
 * the extension keeps it in its options.
 */
import type { Tier } from './types';

export interface Settings {
  /** METHOD §2: weights of the value score's parts (renormalised over the parts present). */
  weights: {
    value: number;
    growth: number;
    share: number;
    payment: number;
    satisfaction: number;
    tenure: number;
  };
  /** METHOD §3: cumulative-share limits for A and B, and the share of C released as D. */
  tiers: { a: number; b: number; d: number };
  /** METHOD §3: days between visits per tier (null: no scheduled visits). */
  visitDays: Record<Tier, number | null>;
  /** METHOD §4: the top share of customers by headroom that counts as MGC. */
  mgcTop: number;
  /** METHOD §4: pyramid cut-offs as cumulative shares of customers. */
  pyramid: { platinum: number; gold: number; iron: number };
  /** METHOD §5. */
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
  /** METHOD §6: share-of-wallet drop (fraction, 0.05 = 5 points) that makes a partial defector. */
  partialShareDrop: number;
  /** METHOD §6: best core customers pay within this many days overdue, and have this tenure. */
  bestCore: { maxOverdueDays: number; minTenureDays: number };
  /** METHOD §6 (seed 003): partner relationship. */
  partner: { minShare: number; minTenureDays: number; maxSuppliers: number };
  /**
   * METHOD §7: each warning sign's weight in percent — at full strength it takes that share of the
   * chance of buying that is left (so it adds at most that many points); `horizonDays` is H of the
   * churn probability "no purchase in the next H days" (METHOD §9).
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
  /** METHOD §8: credit grades' lower bounds and alert thresholds. */
  credit: {
    excellent: number;
    good: number;
    fair: number;
    poor: number;
    utilisationAlert: number;
    overdueDaysAlert: number;
    overdueRatioAlert: number;
  };
  /** METHOD §9: probabilistic model defaults. */
  model: { unit: 'days' | 'weeks'; horizonDays: number; annualDiscountRate: number };
}

/** The defaults of METHOD §2–§10. */
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

/** A problem found in a settings object: its dotted path and what is wrong. */
export interface SettingsProblem {
  path: string;
  message: string;
}

type Plain = { [k: string]: unknown };

function isPlain(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Merge a partial settings object (from JSON, a sheet or the options page) over the defaults.
 * Unknown keys and values of the wrong type are reported, never silently taken; the default
 * stays in their place. Returns the merged settings and the problems found.
 */
export function resolveSettings(partial: unknown): { settings: Settings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const merged = structuredCloneSettings(DEFAULT_SETTINGS);
  if (partial === undefined || partial === null) return { settings: merged, problems };
  if (!isPlain(partial)) {
    problems.push({ path: '', message: 'settings must be an object' });
    return { settings: merged, problems };
  }
  mergeInto(merged as unknown as Plain, DEFAULT_SETTINGS as unknown as Plain, partial, '', problems);
  checkRanges(merged, problems);
  return { settings: merged, problems };
}

function structuredCloneSettings(s: Settings): Settings {
  return JSON.parse(JSON.stringify(s)) as Settings;
}

function mergeInto(target: Plain, defaults: Plain, source: Plain, prefix: string, problems: SettingsProblem[]): void {
  for (const [k, v] of Object.entries(source)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (!(k in defaults)) {
      problems.push({ path, message: 'unknown setting' });
      continue;
    }
    const d = defaults[k];
    if (isPlain(d)) {
      if (!isPlain(v)) problems.push({ path, message: 'must be an object' });
      else mergeInto(target[k] as Plain, d, v, path, problems);
    } else if (typeof d === 'number' || d === null) {
      if (v === null && (d === null || path.startsWith('visitDays.'))) target[k] = null;
      else if (typeof v === 'number' && Number.isFinite(v)) target[k] = v;
      else problems.push({ path, message: 'must be a number' });
    } else if (typeof d === 'string') {
      if (path === 'model.unit' && (v === 'days' || v === 'weeks')) target[k] = v;
      else problems.push({ path, message: path === 'model.unit' ? "must be 'days' or 'weeks'" : 'must be text' });
    }
  }
}

function checkRanges(s: Settings, problems: SettingsProblem[]): void {
  const frac = (path: string, v: number) => {
    if (!(v >= 0 && v <= 1)) problems.push({ path, message: 'must be between 0 and 1' });
  };
  for (const [k, v] of Object.entries(s.weights)) if (v < 0) problems.push({ path: `weights.${k}`, message: 'must not be negative' });
  if (Object.values(s.weights).every((w) => w === 0)) problems.push({ path: 'weights', message: 'at least one weight must be above 0' });
  frac('tiers.a', s.tiers.a);
  frac('tiers.b', s.tiers.b);
  frac('tiers.d', s.tiers.d);
  if (s.tiers.a > s.tiers.b) problems.push({ path: 'tiers.a', message: 'must not exceed tiers.b' });
  frac('mgcTop', s.mgcTop);
  frac('partialShareDrop', s.partialShareDrop);
  const p = s.pyramid;
  if (!(p.platinum <= p.gold && p.gold <= p.iron && p.iron <= 1 && p.platinum >= 0))
    problems.push({ path: 'pyramid', message: 'must rise: platinum ≤ gold ≤ iron ≤ 1' });
  const c = s.credit;
  if (!(c.excellent >= c.good && c.good >= c.fair && c.fair >= c.poor))
    problems.push({ path: 'credit', message: 'grades must fall: excellent ≥ good ≥ fair ≥ poor' });
  for (const [k, v] of Object.entries(s.visitDays))
    if (v !== null && !(v > 0)) problems.push({ path: `visitDays.${k}`, message: 'must be a number of days above 0, or empty' });
  if (!(s.periodDays > 0)) problems.push({ path: 'periodDays', message: 'must be above 0' });
  if (!(s.churn.horizonDays > 0)) problems.push({ path: 'churn.horizonDays', message: 'must be above 0' });
  if (!(s.lifecycle.churnHorizonDays > 0)) problems.push({ path: 'lifecycle.churnHorizonDays', message: 'must be above 0' });
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

/** Rebuild a partial settings object from dotted key/value rows; blank values mean null. */
export function rowsToSettings(rows: readonly (readonly unknown[])[]): Plain {
  const out: Plain = {};
  for (const row of rows) {
    const key = String(row[0] ?? '').trim();
    if (!key) continue;
    const raw = row[1];
    const value = raw === '' || raw === null || raw === undefined ? null : typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
    const parts = key.split('.');
    let o = out;
    for (const p of parts.slice(0, -1)) {
      if (!isPlain(o[p])) o[p] = {};
      o = o[p] as Plain;
    }
    o[parts[parts.length - 1]!] = value;
  }
  return out;
}
