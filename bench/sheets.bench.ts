/**
 * Sheets add-on benchmark, on the BUILT Code.js inside the in-memory Apps Script:
 * - =RAPPORT_ANALYZE over 100,000 generated customers (goal ≤ 2 s; Sheets' limit for a custom
 *   function is 30 s);
 * - the Spreadsheet service calls "Compute tiers" makes for 1,000 and 100,000 rows (goal: the same
 *   small number), and its wall time for 100,000 rows against Apps Script's 6-minute limit.
 * Times here are Node's; Apps Script's V8 is slower (budget a factor of a few), so the margin to
 * each limit is printed too.
 */
import type { BenchContext } from './baseline';
import { builtHarness } from '../test/apps-script/built';
import { workbookWith } from '../test/apps-script/harness/index';
import { generateCustomers } from '../shared/sample/generate-customers';
import { analyzeLazily } from '../shared/analyze';

const CUSTOM_LIMIT_MS = 30_000;
const EXECUTION_LIMIT_MS = 6 * 60_000;

export async function run(ctx: BenchContext): Promise<void> {
  const h = builtHarness();
  const big = generateCustomers(100_000, { seed: 1, lang: 'zh' });

  {
    const t0 = performance.now();
    analyzeLazily(big, { lang: 'zh' });
    ctx.report('core analysis alone on the same 100,000 rows (for the split)', performance.now() - t0);
  }
  {
    const ex = h.open(workbookWith([[]], { locale: 'zh_CN' }));
    const t0 = performance.now();
    const out = ex.customFunction('RAPPORT_ANALYZE', big, 'tier') as unknown[][];
    const ms = performance.now() - t0;
    ctx.report('RAPPORT_ANALYZE(100,000 rows, "tier")', ms, `${out.length} rows out; ${(CUSTOM_LIMIT_MS / ms).toFixed(1)}× under the 30 s limit; goal ≤ 2,000 ms — ${ms <= 2000 ? 'met' : 'NOT met'}`);
  }
  {
    const ex = h.open(workbookWith([[]], { locale: 'zh_CN' }));
    const t0 = performance.now();
    const out = ex.customFunction('RAPPORT_ANALYZE', big) as unknown[][];
    const ms = performance.now() - t0;
    ctx.report('RAPPORT_ANALYZE(100,000 rows), all columns', ms, `${out.length} × ${out[0]!.length} cells out`);
  }

  const computeCalls = (rows: unknown[][]) => {
    const wb = workbookWith(rows, { locale: 'zh_CN', timeZone: 'Asia/Shanghai', sheetName: 'Data' });
    const first = h.open(wb, { userLocale: 'zh_CN' });
    const t0 = performance.now();
    first.call('rapportComputeTiers');
    const ms = performance.now() - t0;
    if (first.ui.alerts.length) throw new Error(`compute failed: ${first.ui.alerts[0]!.message}`);
    const rerun = h.open(wb, { userLocale: 'zh_CN' });
    rerun.call('rapportComputeTiers');
    return { ms, first: first.spreadsheetCalls(), rerun: rerun.spreadsheetCalls(), getValues: first.calls.get('Range.getValues'), setValues: first.calls.get('Range.setValues') };
  };
  const small = computeCalls(generateCustomers(1_000, { seed: 1, lang: 'zh' }));
  const large = computeCalls(big);
  ctx.line(`Compute tiers, Spreadsheet service calls:   1,000 rows → ${small.first} (rerun ${small.rerun});  100,000 rows → ${large.first} (rerun ${large.rerun});  getValues ${large.getValues}, setValues ${large.setValues}`);
  ctx.report('Compute tiers on 100,000 rows (menu, whole run)', large.ms, `${(EXECUTION_LIMIT_MS / large.ms).toFixed(1)}× under the 6-minute limit`);
}
