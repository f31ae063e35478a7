/**
 * The data behind an in-memory spreadsheet: sheets of cells, formats, rules, charts, properties and
 * locks. Realm-free (no Date objects inside): an `Execution` (one script run in its own `vm`
 * context) reads and writes it through the service facades in `services.ts`, so two executions —
 * two editors clicking at once — share one workbook as in Google Sheets.
 */

/** A date cell: Sheets stores a serial; we keep the instant (ms since epoch) it stands for. */
export class DateCell {
  constructor(readonly ms: number) {}
}

/** What one cell holds; '' is empty. */
export type Cell = string | number | boolean | DateCell;

export interface Block {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface ValidationData extends Block {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface CfRuleData {
  ranges: (Block & { sheetId: number })[];
  criteria: string;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

export interface ChartData {
  id: string;
  type: string;
  ranges: (Block & { sheetId: number })[];
  options: Record<string, unknown>;
  position: { row: number; col: number; offsetX: number; offsetY: number };
}

/** Google Sheets' cap on cells in one spreadsheet. */
export const CELL_LIMIT = 10_000_000;

let nextSheetId = 1;

export class SheetData {
  readonly id: number;
  cells: Cell[][] = [];
  formulas = new Map<string, string>();
  backgrounds = new Map<string, string>();
  fontWeights = new Map<string, string>();
  fontColors = new Map<string, string>();
  numberFormats = new Map<string, string>();
  notes = new Map<string, string>();
  validations: ValidationData[] = [];
  cfRules: CfRuleData[] = [];
  charts: ChartData[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  columnWidths = new Map<number, number>();

  constructor(
    public name: string,
    public maxRows = 1000,
    public maxColumns = 26,
    id?: number,
  ) {
    this.id = id ?? nextSheetId++;
  }

  get(row: number, col: number): Cell {
    return this.cells[row - 1]?.[col - 1] ?? '';
  }

  set(row: number, col: number, v: Cell): void {
    let r = this.cells[row - 1];
    if (!r) {
      if (v === '') return;
      r = this.cells[row - 1] = [];
    }
    r[col - 1] = v;
  }

  /** Last row with any content (0 when empty), as Sheet.getLastRow(). */
  lastRow(): number {
    for (let i = this.cells.length - 1; i >= 0; i--) {
      const r = this.cells[i];
      if (r?.some((c) => c !== '' && c !== undefined)) return i + 1;
    }
    let max = 0;
    for (const k of this.formulas.keys()) max = Math.max(max, Number(k.split(',')[0]));
    return max;
  }

  /** Last column with any content (0 when empty), as Sheet.getLastColumn(). */
  lastColumn(): number {
    let max = 0;
    for (const r of this.cells) {
      if (!r) continue;
      for (let j = r.length - 1; j >= max; j--) {
        const c = r[j];
        if (c !== '' && c !== undefined) {
          max = j + 1;
          break;
        }
      }
    }
    for (const k of this.formulas.keys()) max = Math.max(max, Number(k.split(',')[1]));
    return max;
  }

  clone(): SheetData {
    const s = new SheetData(this.name, this.maxRows, this.maxColumns);
    s.cells = this.cells.map((r) => (r ? r.slice() : r));
    s.formulas = new Map(this.formulas);
    s.backgrounds = new Map(this.backgrounds);
    s.fontWeights = new Map(this.fontWeights);
    s.fontColors = new Map(this.fontColors);
    s.numberFormats = new Map(this.numberFormats);
    s.notes = new Map(this.notes);
    s.validations = this.validations.map((v) => ({ ...v, values: v.values.slice() }));
    s.frozenRows = this.frozenRows;
    s.frozenColumns = this.frozenColumns;
    s.hidden = this.hidden;
    s.tabColor = this.tabColor;
    return s;
  }
}

export type LockKind = 'document' | 'script' | 'user';

export class Workbook {
  sheets: SheetData[];
  activeSheetIndex = 0;
  readonly documentProperties = new Map<string, string>();
  readonly userProperties = new Map<string, Map<string, string>>();
  readonly toasts: { message: string; title: string; timeout: number }[] = [];
  /** Which execution holds each lock (document lock: one per spreadsheet). */
  readonly locks: Record<LockKind, string | null> = { document: null, script: null, user: null };

  constructor(
    public name = 'Untitled spreadsheet',
    public locale = 'en_US',
    public timeZone = 'America/New_York',
    readonly id = `ss-${Math.random().toString(36).slice(2, 10)}`,
  ) {
    this.sheets = [new SheetData(locale.startsWith('zh') ? '工作表1' : 'Sheet1')];
  }

  sheet(name: string): SheetData | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  totalCells(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  }

  /**
   * "File → Make a copy": sheets, values, formats, validation and document-bound data travel;
   * the copy is a new file with its own id. Conditional format rules and charts are re-pointed at
   * the copied sheets.
   */
  copy(name = `Copy of ${this.name}`): Workbook {
    const wb = new Workbook(name, this.locale, this.timeZone);
    const idMap = new Map<number, number>();
    wb.sheets = this.sheets.map((s) => {
      const c = s.clone();
      idMap.set(s.id, c.id);
      return c;
    });
    for (let i = 0; i < this.sheets.length; i++) {
      const src = this.sheets[i]!;
      const dst = wb.sheets[i]!;
      const remap = <T extends { sheetId: number }>(r: T): T => ({ ...r, sheetId: idMap.get(r.sheetId) ?? r.sheetId });
      dst.cfRules = src.cfRules.map((r) => ({ ...r, ranges: r.ranges.map(remap) }));
      dst.charts = src.charts.map((c) => ({ ...c, id: `${c.id}-copy`, ranges: c.ranges.map(remap), options: { ...c.options } }));
    }
    wb.activeSheetIndex = this.activeSheetIndex;
    return wb;
  }
}

/** Load plain rows into a sheet as typed cells (what a user typed or pasted). */
export function putRows(sheet: SheetData, rows: readonly (readonly unknown[])[], startRow = 1, startCol = 1): void {
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  if (startRow + rows.length - 1 > sheet.maxRows) sheet.maxRows = startRow + rows.length - 1;
  if (startCol + width - 1 > sheet.maxColumns) sheet.maxColumns = startCol + width - 1;
  rows.forEach((r, i) => {
    r.forEach((v, j) => {
      let c: Cell;
      if (v === null || v === undefined) c = '';
      else if (Object.prototype.toString.call(v) === '[object Date]') c = new DateCell((v as Date).getTime());
      else if (v instanceof DateCell) c = v;
      else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') c = v;
      else c = String(v);
      sheet.set(startRow + i, startCol + j, c);
    });
  });
}
