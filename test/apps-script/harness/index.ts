/**
 * Entry to the in-memory Apps Script: load the BUILT add-on (dist/apps-script, what clasp pushes)
 * and open executions of it against in-memory workbooks.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import { Execution, type ExecutionOptions } from './services';
import { Workbook, putRows, DateCell } from './workbook';
import { zonedMidnight } from './time-zone';

export { Execution, Workbook, putRows, DateCell, zonedMidnight };

export const BUILD_DIR = resolve(import.meta.dirname, '../../../dist/apps-script');

export class AppsScriptHarness {
  readonly files: Record<string, string> = {};
  readonly script: vm.Script;
  readonly code: string;
  /** Script properties are per script project, shared by every spreadsheet using the add-on. */
  readonly scriptProperties = new Map<string, string>();

  constructor(dir = BUILD_DIR) {
    if (!existsSync(join(dir, 'Code.js'))) throw new Error(`${dir}/Code.js is missing: run \`npm run build:sheets\` first`);
    for (const f of readdirSync(dir)) if (!f.startsWith('.')) this.files[f] = readFileSync(join(dir, f), 'utf8');
    this.code = this.files['Code.js']!;
    this.script = new vm.Script(this.code, { filename: 'Code.js' });
  }

  /** A new execution of the script (a menu click, a recalculation, a google.script.run call). */
  open(wb: Workbook, opts: ExecutionOptions = {}): Execution {
    return new Execution(wb, { files: this.files, scriptProperties: this.scriptProperties, ...opts }).load(this.script);
  }
}

/** A workbook whose first sheet holds `rows` (typed as a user would have them). */
export function workbookWith(rows: readonly (readonly unknown[])[], opts: { locale?: string; timeZone?: string; sheetName?: string } = {}): Workbook {
  const wb = new Workbook('Customers', opts.locale ?? 'en_US', opts.timeZone ?? 'America/New_York');
  const s = wb.sheets[0]!;
  if (opts.sheetName) s.name = opts.sheetName;
  putRows(s, rows);
  return wb;
}

/** Plain values of a sheet (dates as YYYY-MM-DD in the workbook's zone), for assertions. */
export function sheetValues(wb: Workbook, name: string): unknown[][] {
  const s = wb.sheet(name);
  if (!s) throw new Error(`no sheet ${name}`);
  const out: unknown[][] = [];
  const lr = s.lastRow();
  const lc = s.lastColumn();
  for (let r = 1; r <= lr; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= lc; c++) {
      const v = s.get(r, c);
      row.push(v instanceof DateCell ? new Intl.DateTimeFormat('en-CA', { timeZone: wb.timeZone }).format(new Date(v.ms)) : v);
    }
    out.push(row);
  }
  return out;
}
