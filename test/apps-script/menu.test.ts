/**
 * The "Rapport" menu end to end on the BUILT add-on: compute tiers (results beside the data, a
 * rerun rewrites only our columns, a user's columns untouched, tiers coloured, the summary sheet),
 * the lock, the survey sample, the settings sidebar's server side, and the number of Spreadsheet
 * calls not growing with rows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { builtHarness } from './built';
import { sheetValues, workbookWith, type AppsScriptHarness, type Workbook } from './harness/index';
import { generateCustomers } from '../../shared/sample/generate-customers';
import { generateTransactions } from '../../shared/sample/generate-transactions';
import { zonedMidnight } from './harness/index';
import { analyze } from '../../shared/analyze';
import { DEFAULT_SETTINGS } from '../../shared/settings';

let h: AppsScriptHarness;
beforeAll(() => {
  h = builtHarness();
});

const OWN = 'Rapport · ';

/** 40 generated customers, plus a row with a bad revenue (row 42) and a totals row (row 43). */
function sampleBook(lang: 'zh' | 'en' = 'en'): { wb: Workbook; rows: unknown[][] } {
  const rows = generateCustomers(40, { seed: 11, lang });
  const bad = [...(rows[1] as unknown[])];
  bad[0] = 'C999999';
  bad[1] = lang === 'zh' ? '坏数据有限公司' : 'Broken Data Ltd';
  bad[6] = '12o0';
  const totals: unknown[] = (rows[0] as unknown[]).map(() => '');
  totals[1] = lang === 'zh' ? '合计' : 'Total';
  totals[6] = 123456;
  rows.push(bad, totals);
  return { wb: workbookWith(rows, { locale: lang === 'zh' ? 'zh_CN' : 'en_US', timeZone: 'Asia/Shanghai', sheetName: 'Data' }), rows };
}

function compute(wb: Workbook, locale = 'en') {
  const ex = h.open(wb, { userLocale: locale });
  ex.call('rapportComputeTiers');
  return ex;
}

function column(values: unknown[][], header: string): unknown[] {
  const j = values[0]!.indexOf(header);
  if (j < 0) throw new Error(`no column ${header}`);
  return values.map((r) => r[j]);
}

describe('onOpen', () => {
  it('adds the menu in the user language, each item a top-level function of the built file', () => {
    for (const [locale, first] of [
      ['zh_CN', '计算本表分级'],
      ['en', 'Compute tiers on this sheet'],
    ] as const) {
      const ex = h.open(workbookWith([[]]), { userLocale: locale });
      ex.call('onOpen', { authMode: 'LIMITED' });
      const menu = ex.ui.menus[0]!;
      expect(menu.addon).toBe(true);
      const items = menu.items.filter((i) => i !== '-') as { caption: string; functionName: string }[];
      expect(items[0]!.caption).toBe(first);
      expect(items.map((i) => i.functionName)).toEqual(['rapportComputeTiers', 'rapportNewTemplate', 'rapportOpenSettings', 'rapportDrawSurveySample']);
      for (const i of items) expect(typeof ex.globalFunction(i.functionName)).toBe('function');
    }
  });

  it('onInstall adds the same menu right after installation', () => {
    const ex = h.open(workbookWith([[]]), { userLocale: 'en' });
    ex.call('onInstall', { authMode: 'FULL' });
    expect(ex.ui.menus).toHaveLength(1);
    expect((ex.ui.menus[0]!.items[0] as { functionName: string }).functionName).toBe('rapportComputeTiers');
  });

  it('in AuthMode.NONE builds a bilingual menu and touches nothing else', () => {
    const ex = h.open(workbookWith([[]]), { userLocale: 'zh_CN', mode: 'none' });
    ex.call('onOpen', { authMode: 'NONE' });
    expect((ex.ui.menus[0]!.items[0] as { caption: string }).caption).toBe('Compute tiers on this sheet · 计算本表分级');
  });
});

describe('Compute tiers', () => {
  it('writes result columns right of the data, leaves the data as it was, and agrees with the core', () => {
    const { wb, rows } = sampleBook();
    const before = sheetValues(wb, 'Data');
    const ex = compute(wb);
    expect(ex.ui.alerts).toEqual([]);
    const after = sheetValues(wb, 'Data');
    const width = rows[0]!.length;
    expect(after.map((r) => r.slice(0, width))).toEqual(before);
    expect(after[0]!.slice(width).every((hd) => String(hd).startsWith(OWN))).toBe(true);
    // the same tiers as the core computes on the same table
    const expected = analyze(rows as unknown[][], { lang: 'en' });
    const tiers = column(after, `${OWN}Tier`);
    for (const c of expected.customers) for (const r of c.rows) expect(tiers[r - 1]).toBe(c.tier);
    // the bad row (42) and the totals row (43) are explained in the note column
    const note = column(after, `${OWN}Note`);
    expect(note[41]).toBe("row 42: Revenue '12o0' is not a number");
    expect(String(note[42])).toContain('row 43 is a totals row and was skipped');
    expect(tiers[41]).toBe('');
    expect(wb.toasts.at(-1)!.message).toContain('40 customers analysed (1 rows with errors');
  });

  it('colours the tier column with four conditional rules and keeps the user’s own rules', () => {
    const { wb } = sampleBook();
    const data = wb.sheet('Data')!;
    data.cfRules.push({
      ranges: [{ sheetId: data.id, row: 1, col: 1, numRows: 10, numCols: 1 }],
      criteria: 'TEXT_CONTAINS',
      values: ['VIP'],
      background: '#ff00ff',
      fontColor: null,
      bold: null,
    });
    compute(wb);
    compute(wb);
    const tierCol = sheetValues(wb, 'Data')[0]!.indexOf(`${OWN}Tier`) + 1;
    const ours = data.cfRules.filter((r) => r.criteria === 'TEXT_EQUAL_TO');
    expect(ours.map((r) => [r.values[0], r.background])).toEqual([
      ['A', '#b7e1cd'],
      ['B', '#fce8b2'],
      ['C', '#e8eaed'],
      ['D', '#f4c7c3'],
    ]);
    expect(ours.every((r) => r.ranges[0]!.col === tierCol && r.ranges[0]!.row === 2)).toBe(true);
    expect(data.cfRules.filter((r) => r.criteria === 'TEXT_CONTAINS')).toHaveLength(1);
  });

  it('writes the summary: tiers, 20/80/30, share of wallet, defection by core class, reasons, credit, Pareto chart, row errors', () => {
    const { wb, rows } = sampleBook();
    compute(wb);
    const s = sheetValues(wb, 'Rapport summary');
    const expected = analyze(rows as unknown[][], { lang: 'en' }).summary;
    const find = (label: string) => s.find((r) => r[0] === label);
    expect(s[0]![0]).toBe(`Rapport summary of "Data" — analysis date ${expected.asOf}`);
    expect(find('A')!.slice(0, 2)).toEqual(['A', expected.tiers.A.count]);
    expect(find('D')!.slice(0, 2)).toEqual(['D', expected.tiers.D.count]);
    expect(find('Share of profit from the top 20% of customers')![1]).toBe(Math.round(expected.pyramid.top20Share * 1000) / 1000);
    expect(find('Share fell')![1]).toBe(expected.shareOfWallet.fell);
    expect(find('best core')![1]).toBe(expected.defectionByCore.best_core.count);
    expect(s.some((r) => r[0] === 'Churn reasons (method §7)')).toBe(true);
    expect(find('most valuable')![1]).toBe(expected.valueClasses.MVC);
    expect(find('at risk')![1]).toBe(expected.lifecycle.at_risk);
    expect(find('High churn risk (score ≥ 50)')![1]).toBe(expected.churnRisk.high);
    expect(find('Visits overdue')![1]).toBe(expected.visitsOverdue);
    expect(s.some((r) => r[0] === 'Credit alerts (method §8)')).toBe(true);
    const errRow = s.findIndex((r) => r[0] === 'Rows with errors (1)');
    expect(s[errRow + 2]).toEqual([42, 'Revenue', '12o0', 'is not a number', '', '']);
    const chart = wb.sheet('Rapport summary')!.charts;
    expect(chart).toHaveLength(1);
    const range = chart[0]!.ranges[0]!;
    expect(s[range.row - 1]!.slice(0, 2)).toEqual(['Top share of customers', 'Cumulative share of profit']);
    expect(range.numRows).toBe(21);
    expect(s[range.row + 19]!.slice(0, 2)).toEqual([1, 1]);
    // shares are shown as percentages: the tier table's three share columns, the Pareto table
    const formats = wb.sheet('Rapport summary')!.numberFormats;
    const tierRow = s.findIndex((r) => r[0] === 'A') + 1;
    expect([3, 4, 5].map((c) => formats.get(`${tierRow},${c}`))).toEqual(['0.0%', '0.0%', '0.0%']);
    expect(formats.get(`${tierRow},2`)).toBeUndefined();
    expect(formats.get(`${range.row + 1},2`)).toBe('0.0%');
  });

  it('a rerun is idempotent: same cells, no new columns, one chart', () => {
    const { wb } = sampleBook();
    compute(wb);
    const first = sheetValues(wb, 'Data');
    const summary = sheetValues(wb, 'Rapport summary');
    compute(wb);
    expect(sheetValues(wb, 'Data')).toEqual(first);
    expect(sheetValues(wb, 'Rapport summary')).toEqual(summary);
    expect(wb.sheet('Rapport summary')!.charts).toHaveLength(1);
  });

  it('clears its results from rows the user emptied, so the sheet shrinks back to the data', () => {
    const { wb } = sampleBook();
    compute(wb);
    const data = wb.sheet('Data')!;
    const width = 28;
    const last = data.lastRow();
    for (let r = last - 2; r <= last; r++) for (let c = 1; c <= width; c++) data.set(r, c, '');
    compute(wb);
    expect(data.lastRow()).toBe(last - 3);
    compute(wb);
    expect(data.lastRow()).toBe(last - 3);
  });

  it('never overwrites a user’s column, even after the user moved ours', () => {
    const { wb } = sampleBook();
    compute(wb);
    const data = wb.sheet('Data')!;
    const v = sheetValues(wb, 'Data');
    const tierAt = v[0]!.indexOf(`${OWN}Tier`);
    // the user moves our tier column to the far right, puts their own "Tier" and notes columns in
    // its place, and scribbles over our column
    const width = v[0]!.length;
    for (let i = 0; i < v.length; i++) {
      const row = data.cells[i]!;
      row[width] = row[tierAt]!;
      row[tierAt] = i === 0 ? 'Tier' : `mine-${i}`;
      row[width + 1] = i === 0 ? 'My notes' : `note ${i}`;
      if (i > 0) row[width] = 'x';
    }
    data.maxColumns = Math.max(data.maxColumns, width + 2);
    compute(wb);
    const after = sheetValues(wb, 'Data');
    expect(after[0]!.length).toBe(width + 2);
    expect(column(after, 'Tier').slice(1)).toEqual(v.slice(1).map((_, i) => `mine-${i + 1}`));
    expect(column(after, 'My notes').slice(1)).toEqual(v.slice(1).map((_, i) => `note ${i + 1}`));
    expect(after.map((r) => r[width])).toEqual([`${OWN}Tier`, ...v.slice(1).map((r) => r[tierAt])]);
  });

  it('a rerun by a Chinese user finds the English columns and relabels them', () => {
    const { wb } = sampleBook();
    compute(wb, 'en');
    const width = sheetValues(wb, 'Data')[0]!.length;
    compute(wb, 'zh_CN');
    const after = sheetValues(wb, 'Data');
    expect(after[0]!.length).toBe(width);
    expect(after[0]).toContain(`${OWN}客户等级`);
    expect(after[0]).not.toContain(`${OWN}Tier`);
  });

  it('gives every row of a transaction log its customer’s results', () => {
    const rows = [
      ['Customer ID', 'Invoice date', 'Amount'],
      ['K1', '2025-01-05', 500],
      ['K2', '2025-02-01', 40],
      ['K1', '2025-03-09', 700],
      ['K3', '2025-03-10', 10],
      ['K1', '2025-06-01', 300],
    ];
    const wb = workbookWith(rows, { sheetName: 'Orders' });
    compute(wb);
    const tiers = column(sheetValues(wb, 'Orders'), `${OWN}Tier`);
    const expected = analyze(rows, { lang: 'en' });
    expect(expected.kind).toBe('transactions');
    const k1 = expected.customers.find((c) => c.key === 'K1')!;
    expect([tiers[1], tiers[3], tiers[5]]).toEqual([k1.tier, k1.tier, k1.tier]);
  });

  it('reads date cells as the dates the sheet shows (Asia/Shanghai), whatever the script zone', () => {
    const rows = generateCustomers(60, { seed: 8, lang: 'en' });
    const tz = 'Asia/Shanghai';
    const dateCols = [11, 12, 26]; // first order, last order, last contact
    const typed = rows.map((r, i) => (i === 0 ? r : r.map((v, j) => (dateCols.includes(j) && v !== '' ? new Date(zonedMidnight(String(v), tz)) : v))));
    const wb = workbookWith(typed, { timeZone: tz, sheetName: 'Data' });
    compute(wb);
    const next = column(sheetValues(wb, 'Data'), `${OWN}Next visit due`);
    const expected = analyze(rows, { lang: 'en' });
    for (const c of expected.customers) for (const r of c.rows) expect(next[r - 1]).toBe(c.nextVisitDue ?? '');
  });

  it('on an order log with date cells, writes the core’s model columns (P(alive)) on every order row', () => {
    const log = generateTransactions(3000, { seed: 4, lang: 'en' });
    const tz = 'Asia/Shanghai';
    // as Sheets holds them: the date column as date cells (midnight in the sheet's zone)
    const typed = log.map((r, i) => (i === 0 ? r : r.map((v, j) => (j === 1 ? new Date(zonedMidnight(String(v), tz)) : v))));
    const wb = workbookWith(typed, { timeZone: tz, sheetName: 'Orders' });
    compute(wb);
    const v = sheetValues(wb, 'Orders');
    const expected = analyze(log, { lang: 'en' });
    expect(expected.kind).toBe('transactions');
    const fitted = expected.customers.filter((c) => c.pAlive !== undefined);
    expect(fitted.length).toBeGreaterThan(0);
    const pAlive = column(v, `${OWN}P(alive)`);
    const tiers = column(v, `${OWN}Tier`);
    for (const c of expected.customers)
      for (const r of c.rows) {
        expect(tiers[r - 1]).toBe(c.tier);
        if (c.pAlive !== undefined) expect(pAlive[r - 1]).toBe(Math.round(c.pAlive * 1000) / 1000);
      }
  });

  it('waits for another editor: when the document lock is held nothing is written', () => {
    const { wb } = sampleBook();
    const before = sheetValues(wb, 'Data');
    wb.locks.document = 'another-editor';
    const ex = compute(wb, 'zh_CN');
    expect(ex.ui.alerts[0]!.message).toBe('此表格中有其他人正在计算, 请稍后再试 — 未做任何更改。');
    expect(sheetValues(wb, 'Data')).toEqual(before);
    expect(wb.sheet('Rapport summary')).toBeUndefined();
    wb.locks.document = null;
    compute(wb);
    expect(wb.locks.document).toBeNull();
    expect(wb.sheet('Rapport summary')).toBeDefined();
  });

  it('explains in words when the active sheet is Rapport’s own, empty, or has no key column', () => {
    const { wb } = sampleBook();
    compute(wb);
    wb.activeSheetIndex = wb.sheets.findIndex((s) => s.name === 'Rapport summary');
    expect(compute(wb).ui.alerts[0]!.message).toContain('Select the sheet with your customer data first');
    expect(compute(workbookWith([[]])).ui.alerts[0]!.message).toContain('This sheet is empty');
    expect(compute(workbookWith([['foo'], ['bar']])).ui.alerts[0]!.message).toContain('No customer id or customer name column was found');
  });

  it('makes the same small number of Spreadsheet calls for 200 and 2,000 rows', () => {
    const count = (n: number) => {
      const wb = workbookWith(generateCustomers(n, { seed: 5, lang: 'en' }), { sheetName: 'Data' });
      const first = compute(wb).spreadsheetCalls();
      const rerun = compute(wb).spreadsheetCalls();
      return [first, rerun];
    };
    const small = count(200);
    expect(count(2000)).toEqual(small);
    expect(small[0]).toBeLessThan(80);
  });
});

describe('Draw survey sample', () => {
  it('draws N tier-A customers reproducibly from a seed into a new sheet', () => {
    const { wb, rows } = sampleBook();
    const tierA = new Set(analyze(rows as unknown[][], { lang: 'en' }).customers.filter((c) => c.tier === 'A').map((c) => c.key));
    const draw = (text: string) => {
      const ex = h.open(wb, { userLocale: 'en' });
      ex.responses.push({ button: 'OK', text });
      wb.activeSheetIndex = 0;
      ex.call('rapportDrawSurveySample');
      return ex;
    };
    const first = draw('3 7');
    expect(first.ui.alerts[0]!.message).toMatch(/^3 key accounts drawn with seed 7 into "Rapport survey \d{4}-\d\d-\d\d seed 7"\.$/);
    const sheets = wb.sheets.filter((s) => s.name.startsWith('Rapport survey'));
    const keys = (name: string) => sheetValues(wb, name).slice(1).map((r) => r[0]);
    const a = keys(sheets[0]!.name);
    expect(a).toHaveLength(3);
    for (const k of a) expect(tierA.has(String(k))).toBe(true);
    draw('3 7');
    const again = wb.sheets.filter((s) => s.name.startsWith('Rapport survey'));
    expect(again).toHaveLength(2);
    expect(keys(again[1]!.name)).toEqual(a);
    draw('3 8');
    expect(sheetValues(wb, wb.sheets.at(-1)!.name)[0]).toEqual(['Customer ID', 'Customer', 'Owner', 'Email', 'Tier', 'Value score', 'Satisfaction (last)']);
  });

  it('asks again in words for a bad count and does nothing on Cancel', () => {
    const { wb } = sampleBook();
    const ex = h.open(wb, { userLocale: 'en' });
    ex.responses.push({ button: 'OK', text: 'twenty' });
    ex.call('rapportDrawSurveySample');
    expect(ex.ui.alerts[0]!.message).toContain('"twenty" is not a number of accounts');
    const n = wb.sheets.length;
    const ex2 = h.open(wb, { userLocale: 'en' });
    ex2.responses.push({ button: 'CANCEL' });
    ex2.call('rapportDrawSurveySample');
    expect(wb.sheets.length).toBe(n);
    expect(ex2.ui.alerts).toEqual([]);
  });
});

describe('Settings (server side of the sidebar)', () => {
  it('opens the sidebar page with its script, titled in the user language', () => {
    const ex = h.open(workbookWith([[]]), { userLocale: 'zh_CN' });
    ex.call('rapportOpenSettings');
    expect(ex.ui.sidebars[0]!.title).toBe('Rapport 设置');
    expect(ex.ui.sidebars[0]!.content).toContain('rapportSaveSettings');
  });

  it('hands the page the settings, refuses invalid ones, saves valid ones to the settings sheet used by Compute', () => {
    const { wb } = sampleBook();
    const ex = h.open(wb, { userLocale: 'en' });
    const state = ex.call('rapportSidebarState') as { lang: string; settings: typeof DEFAULT_SETTINGS; fromSheet: boolean };
    expect(state).toMatchObject({ lang: 'en', settings: DEFAULT_SETTINGS, fromSheet: false });
    expect(() => h.open(wb, { userLocale: 'zh_CN' }).call('rapportSaveSettings', { tiers: { a: 2 } })).toThrow('设置无效: tiers.a: 应在 0 到 1 之间');
    expect(wb.sheet('Rapport settings')).toBeUndefined();
    const saved = h.open(wb, { userLocale: 'en' }).call('rapportSaveSettings', { ...DEFAULT_SETTINGS, tiers: { a: 0.5, b: 0.9, d: 0.1 } });
    expect(saved).toMatchObject({ saved: true, sheet: 'Rapport settings' });
    const sheet = sheetValues(wb, 'Rapport settings');
    expect(sheet.find((r) => r[0] === 'tiers.a')!.slice(0, 2)).toEqual(['tiers.a', 0.5]);
    expect(sheet.find((r) => r[0] === 'visitDays.D')!.slice(0, 2)).toEqual(['visitDays.D', '']);
    expect((h.open(wb).call('rapportSidebarState') as { settings: typeof DEFAULT_SETTINGS }).settings.tiers).toEqual({ a: 0.5, b: 0.9, d: 0.1 });
  });
});
