/**
 * The custom functions. Each takes whole ranges and returns a column or 2-D array that
 * spills, so one formula serves a whole table (a per-row formula costs a round-trip per row).
 * Sheets hands a 1×1 range over as a scalar and a larger one as a 2-D array; both work here.
 * A bad cell yields an error text in its own output cell, in the spreadsheet's language; only
 * hopeless input (no key column, mismatched ranges) throws, with a message saying what to do.
 * Custom functions may only read: they read the "Rapport settings" sheet and nothing is written.
 */
import type { Lang, RowError } from '../shared/types';
import { analyzeLazily } from '../shared/analyze';
import { findResultColumn, RESULT_COLUMNS, resultColumnsFor, resultTable } from '../shared/result-columns';
import { errorReason, fill, formatRowError } from '../shared/i18n/messages';
import { parseNumber } from '../shared/ingest/parse-number';
import { parseSatisfaction } from '../shared/ingest/parse-flags';
import { abcTiers, paretoShares } from '../shared/rules/abc-tiers';
import { documentLang } from './lang';
import { readSettings } from './settings-sheet';
import { isoDateIn, toCoreTable, zoneOffsetReader } from './sheet-table';

type Out = string | number | boolean;

const isDate = (v: unknown): v is Date => typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Date]';

/** A range argument as rows: a scalar (1×1 range) becomes [[value]]. */
export function asGrid(v: unknown): unknown[][] {
  if (Array.isArray(v)) return v.map((r) => (Array.isArray(r) ? r : [r]));
  return [[v === undefined || v === null ? '' : v]];
}

function context(): { ss: GoogleAppsScript.Spreadsheet.Spreadsheet; lang: Lang } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return { ss, lang: documentLang(ss) };
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return isDate(v) ? v.toISOString().slice(0, 10) : String(v).trim();
}

/** An error text for one cell: "row 12: revenue '12o0' is not a number". */
function cellError(lang: Lang, row: number, column: string | null, value: unknown, code: string): string {
  const e: RowError = { row, code, reason: errorReason(lang, code), fatal: false };
  if (column) e.column = column;
  const text = cellText(value);
  if (text) e.value = text;
  return formatRowError(lang, e);
}

const MSG = {
  fields: {
    zh: '不认识的结果列 "{field}"。可用: {list}',
    en: 'Unknown result field "{field}". Use one of: {list}',
  },
  oneColumn: {
    zh: '请传入一列 (或一行) 数值, 而不是 {rows} 行 × {cols} 列的区域',
    en: 'Pass one column (or one row) of values, not a {rows} × {cols} range',
  },
  sameSize: {
    zh: '各参数的区域大小必须相同 (或为单个单元格)',
    en: 'The ranges must have the same size (or be single cells)',
  },
  walletZero: { zh: '第 {row} 行: 客户采购总额必须大于 0', en: 'row {row}: wallet must be above 0' },
  paretoHeader: { zh: '累计占比', en: 'Cumulative share' },
  satisfactionHeader: { zh: '满意度 (1–5)', en: 'Satisfaction (1–5)' },
  shareHeader: { zh: '份额', en: 'Share of wallet' },
  asOf: { zh: '分析日期 "{value}" 不是日期', en: 'as_of "{value}" is not a date' },
};

function msg(lang: Lang, key: keyof typeof MSG, params: Record<string, unknown> = {}): string {
  return fill(MSG[key][lang], params);
}

/**
 * =RAPPORT_ANALYZE(range, [field], [as_of]): the table including its header row in; one result
 * column (header first, aligned with the input rows) or, without `field`, every result column.
 */
export function RAPPORT_ANALYZE(range: unknown, field?: unknown, asOf?: unknown): Out[][] {
  const { ss, lang } = context();
  const tz = ss.getSpreadsheetTimeZone();
  const table = toCoreTable(asGrid(range), tz);
  let column = undefined as ReturnType<typeof findResultColumn>;
  if (field !== undefined && field !== null && field !== '') {
    column = findResultColumn(String(field));
    if (!column) throw new Error(msg(lang, 'fields', { field: String(field), list: RESULT_COLUMNS.map((c) => c.field).join(', ') }));
  }
  let asOfIso: string | undefined;
  if (asOf !== undefined && asOf !== null && asOf !== '') {
    if (isDate(asOf)) asOfIso = isoDateIn(asOf, zoneOffsetReader(tz));
    else if (typeof asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(asOf.trim())) asOfIso = asOf.trim();
    else throw new Error(msg(lang, 'asOf', { value: String(asOf) }));
  }
  const { settings } = readSettings(ss);
  let analysis: ReturnType<typeof analyzeLazily>;
  try {
    // Customers built one at a time as their cells are written, never all held at once. One column
    // that does not depend on the purchase model (tier, score, credit…) is computed without fitting it.
    analysis = analyzeLazily(table, { settings, lang, asOf: asOfIso, ...(column && !column.model ? { model: false } : {}) });
  } catch (e) {
    throw new Error((e as Error).message); // AnalyzeError: already in the user's words
  }
  const columns = column ? [column] : resultColumnsFor(analysis.customers);
  return resultTable(table.length, analysis, lang, columns).map((r) => r.map((v) => (v === null || v === undefined ? '' : v)));
}

/** One column or one row of cells, with a function to put results back in the same shape. */
function line(values: unknown, lang: Lang): { cells: unknown[]; shape: (out: Out[]) => Out[][] } {
  const g = asGrid(values);
  const rows = g.length;
  const cols = g[0]?.length ?? 0;
  if (rows > 1 && cols > 1) throw new Error(msg(lang, 'oneColumn', { rows, cols }));
  if (rows === 1) return { cells: g[0]!, shape: (out) => [out] };
  return { cells: g.map((r) => r[0]), shape: (out) => out.map((v) => [v]) };
}

/** The first cell is a header when it is text that is not a number and more cells follow. */
function headerOf(cells: readonly unknown[]): string | null {
  const first = cells[0];
  if (cells.length < 2 || typeof first !== 'string' || first.trim() === '') return null;
  const p = parseNumber(first);
  return p && !p.ok ? first.trim() : null;
}

/** Numbers of a column: values, blanks, and error texts for cells that are not numbers. */
function numbersOf(cells: readonly unknown[], header: string | null, lang: Lang) {
  const start = header === null ? 0 : 1;
  const idx: number[] = [];
  const vals: number[] = [];
  const out: Out[] = new Array(cells.length).fill('');
  for (let i = start; i < cells.length; i++) {
    const p = parseNumber(cells[i]);
    if (p === null) continue;
    if (!p.ok) out[i] = cellError(lang, i + 1, header, cells[i], 'not_a_number');
    else {
      idx.push(i);
      vals.push(p.value);
    }
  }
  return { idx, vals, out };
}

const TIER_HEADER = RESULT_COLUMNS.find((c) => c.field === 'tier')!;

/**
 * =RAPPORT_TIER(values): ABC(D) tier of each value of one numeric column (method §3): A while the
 * share of the larger values before it is below 80%, B below 95%, else C; D = the lowest 5% of C
 * and every negative value (a loss-maker). Limits come from the settings sheet.
 */
export function RAPPORT_TIER(values: unknown): Out[][] | Out {
  const { ss, lang } = context();
  const { cells, shape } = line(values, lang);
  const header = headerOf(cells);
  const { idx, vals, out } = numbersOf(cells, header, lang);
  if (header !== null) out[0] = TIER_HEADER[lang];
  if (idx.length) {
    const metric = Float64Array.from(vals);
    const keys = idx.map((i) => String(i).padStart(10, '0'));
    const { tiers } = abcTiers(metric, keys, readSettings(ss).settings.tiers, (k) => metric[k]! < 0);
    for (const [k, i] of idx.entries()) out[i] = tiers[k]!;
  }
  return cells.length === 1 ? out[0]! : shape(out);
}

/**
 * =RAPPORT_PARETO(values): for each value, the share of the column's positive total held by it and
 * every larger value (the Pareto curve, 0–1; format the cells as %).
 */
export function RAPPORT_PARETO(values: unknown): Out[][] | Out {
  const { lang } = context();
  const { cells, shape } = line(values, lang);
  const header = headerOf(cells);
  const { idx, vals, out } = numbersOf(cells, header, lang);
  if (header !== null) out[0] = msg(lang, 'paretoHeader');
  if (idx.length) {
    const shares = paretoShares(Float64Array.from(vals));
    for (const [k, i] of idx.entries()) out[i] = shares[k]!;
  }
  return cells.length === 1 ? out[0]! : shape(out);
}

/**
 * =RAPPORT_SATISFACTION(values): five-level satisfaction text to 1–5 (method §8): 高度满意 /
 * very satisfied 5 … 极不满意 / very dissatisfied 1; numbers 1–5 pass; any shape of range.
 */
export function RAPPORT_SATISFACTION(values: unknown): Out[][] | Out {
  const { lang } = context();
  const g = asGrid(values);
  const single = !Array.isArray(values);
  const header = g.length > 1 && typeof g[0]![0] === 'string' && parseSatisfaction(g[0]![0]) === 'invalid' ? String(g[0]![0]).trim() : null;
  const out = g.map((row, i) =>
    row.map((cell): Out => {
      if (i === 0 && header !== null) return msg(lang, 'satisfactionHeader');
      const v = parseSatisfaction(cell);
      if (v === null) return '';
      if (v === 'invalid') return cellError(lang, i + 1, header, cell, 'not_a_level');
      return v;
    }),
  );
  return single ? out[0]![0]! : out;
}

/** Cells of two ranges paired: same shape, or one of them a single cell. */
function pair(a: unknown, b: unknown, lang: Lang): { ga: unknown[][]; gb: unknown[][]; rows: number; cols: number } {
  const ga = asGrid(a);
  const gb = asGrid(b);
  const rows = Math.max(ga.length, gb.length);
  const cols = Math.max(ga[0]?.length ?? 0, gb[0]?.length ?? 0);
  const fits = (g: unknown[][]) => (g.length === rows && g[0]!.length === cols) || (g.length === 1 && g[0]!.length === 1);
  if (!fits(ga) || !fits(gb)) throw new Error(msg(lang, 'sameSize'));
  return { ga, gb, rows, cols };
}

function at(g: unknown[][], i: number, j: number): unknown {
  return g.length === 1 && g[0]!.length === 1 ? g[0]![0] : g[i]![j];
}

/**
 * =RAPPORT_SHARE(ours, wallet): share of wallet (消费份额, method §6) = our revenue / the customer's
 * total category spend, 0–1, cell by cell (a single cell pairs with every cell of the other range).
 */
export function RAPPORT_SHARE(ours: unknown, wallet: unknown): Out[][] | Out {
  const { lang } = context();
  const { ga, gb, rows, cols } = pair(ours, wallet, lang);
  const headerRow =
    rows > 1 &&
    typeof at(ga, 0, 0) === 'string' &&
    parseNumber(at(ga, 0, 0))?.ok === false &&
    typeof at(gb, 0, 0) === 'string' &&
    parseNumber(at(gb, 0, 0))?.ok === false;
  const out: Out[][] = [];
  for (let i = 0; i < rows; i++) {
    const r: Out[] = [];
    for (let j = 0; j < cols; j++) {
      if (i === 0 && headerRow) {
        r.push(msg(lang, 'shareHeader'));
        continue;
      }
      const a = parseNumber(at(ga, i, j));
      const b = parseNumber(at(gb, i, j));
      if (a === null || b === null) r.push('');
      else if (!a.ok) r.push(cellError(lang, i + 1, headerRow ? String(at(ga, 0, j)) : null, at(ga, i, j), 'not_a_number'));
      else if (!b.ok) r.push(cellError(lang, i + 1, headerRow ? String(at(gb, 0, j)) : null, at(gb, i, j), 'not_a_number'));
      else if (!(b.value > 0)) r.push(msg(lang, 'walletZero', { row: i + 1 }));
      else r.push(a.value / b.value);
    }
    out.push(r);
  }
  return !Array.isArray(ours) && !Array.isArray(wallet) ? out[0]![0]! : out;
}
