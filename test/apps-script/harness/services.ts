/**
 * In-memory Apps Script services for one execution of the built add-on, in its own `vm` context:
 * SpreadsheetApp (Spreadsheet, Sheet, Range with A1 notation, conditional formatting, data
 * validation, embedded charts), Ui menus/alerts/prompts/sidebars, PropertiesService, LockService,
 * HtmlService, Utilities, Session, Charts, ScriptApp, Logger.
 *
 * Faithful to the documented behaviour where the add-on depends on it:
 * - `Range.getValues()` gives Date objects (of the script's own realm) for date cells and '' for blanks;
 * - `Range.setValues()` throws when the data's size does not match the range, and converts text the
 *   way Sheets does (numbers, ISO dates, TRUE/FALSE, "=formula"; a leading apostrophe keeps text);
 * - `getRange` outside the sheet's grid throws; new sheets are 1000 × 26; 10 million cells at most;
 * - custom functions may only read (set*, insert*, getUi… throw), `AuthMode.NONE` may only build menus;
 * - a lock held by another execution is not granted (`tryLock` → false, `waitLock` throws).
 * Every service method call is counted by `Class.method` (see `Execution.calls`).
 */
import vm from 'node:vm';
import { formatA1, parseA1 } from './a1';
import { zonedMidnight, formatInZone } from './time-zone';
import { CELL_LIMIT, DateCell, SheetData, type Block, type Cell, type CfRuleData, type ChartData, type LockKind, type Workbook } from './workbook';

export type Mode = 'normal' | 'custom' | 'none';

/** Classes whose calls count as Spreadsheet service calls. */
export const SPREADSHEET_CLASSES = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'ConditionalFormatRuleBuilder',
  'ConditionalFormatRule',
  'BooleanCondition',
  'DataValidationBuilder',
  'DataValidation',
  'EmbeddedChartBuilder',
  'EmbeddedChart',
]);

const WRITE_METHOD = /^(set|insert|delete|clear|remove|update|append|activate|hide|show|copy|sort|merge|autoResize|toast)/;
const NONE_ALLOWED = new Set(['SpreadsheetApp.getUi', 'ScriptApp.getAuthorizationInfo']);
const NONE_ALLOWED_CLASSES = new Set(['Ui', 'Menu', 'ScriptApp']);

export interface UiLog {
  menus: { caption: string; addon: boolean; items: ({ caption: string; functionName: string } | '-')[] }[];
  alerts: { title: string | null; message: string }[];
  prompts: { title: string | null; message: string }[];
  sidebars: HtmlOutputData[];
  dialogs: { output: HtmlOutputData; title: string }[];
}

export interface HtmlOutputData {
  content: string;
  title: string;
  width: number | null;
  height: number | null;
}

export interface ScriptedResponse {
  button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
  text?: string;
}

interface RealmHelpers {
  arr: (n: number) => unknown[];
  date: (ms: number) => Date;
  err: (m: string) => Error;
  obj: () => Record<string, unknown>;
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const key = (r: number, c: number) => `${r},${c}`;

export interface ExecutionOptions {
  /** Session.getActiveUserLocale(): "en", "zh_CN", … */
  userLocale?: string;
  user?: string;
  mode?: Mode;
  /** Built files by name ("Sidebar.html"). */
  files?: Record<string, string>;
  /** Shared script properties (one per script project). */
  scriptProperties?: Map<string, string>;
  id?: string;
}

let execCounter = 0;

/** One run of the script against a workbook, in its own realm. */
export class Execution {
  readonly context: vm.Context;
  readonly calls = new Map<string, number>();
  readonly ui: UiLog = { menus: [], alerts: [], prompts: [], sidebars: [], dialogs: [] };
  readonly responses: ScriptedResponse[] = [];
  readonly logs: string[] = [];
  readonly id: string;
  mode: Mode;
  userLocale: string;
  user: string;
  /** Cell the custom function is evaluated in (SpreadsheetApp.getActiveRange in a custom function). */
  activeCell: { sheet: string; row: number; col: number } | null = null;
  private readonly h: RealmHelpers;
  private readonly files: Record<string, string>;
  private readonly scriptProperties: Map<string, string>;

  constructor(
    readonly wb: Workbook,
    opts: ExecutionOptions = {},
  ) {
    this.id = opts.id ?? `exec-${++execCounter}`;
    this.mode = opts.mode ?? 'normal';
    this.userLocale = opts.userLocale ?? 'en';
    this.user = opts.user ?? 'owner@example.com';
    this.files = opts.files ?? {};
    this.scriptProperties = opts.scriptProperties ?? new Map();
    this.context = vm.createContext({});
    this.h = vm.runInContext(
      `({ arr: (n) => new Array(n), date: (ms) => new Date(ms), obj: () => ({}),
          err: (m) => { const e = new Error(m); e.name = 'Exception'; return e; } })`,
      this.context,
    ) as RealmHelpers;
    this.install();
  }

  // ---- bookkeeping ---------------------------------------------------------------------------

  count(cls: string, method: string): void {
    const k = `${cls}.${method}`;
    this.calls.set(k, (this.calls.get(k) ?? 0) + 1);
  }

  /** Calls to the Spreadsheet service (SpreadsheetApp, Spreadsheet, Sheet, Range, builders…). */
  spreadsheetCalls(): number {
    let n = 0;
    for (const [k, v] of this.calls) if (SPREADSHEET_CLASSES.has(k.split('.')[0]!)) n += v;
    return n;
  }

  resetCalls(): void {
    this.calls.clear();
  }

  fail(message: string): never {
    throw this.h.err(message);
  }

  private guard(cls: string, method: string): void {
    const full = `${cls}.${method}`;
    if (this.mode === 'none' && !NONE_ALLOWED.has(full) && !NONE_ALLOWED_CLASSES.has(cls) && cls !== 'Logger')
      this.fail(`Authorization is required to perform that action. (${full})`);
    if (this.mode === 'custom') {
      if (full === 'SpreadsheetApp.getUi') this.fail('Cannot call SpreadsheetApp.getUi() from this context.');
      if (SPREADSHEET_CLASSES.has(cls) && !cls.endsWith('Builder') && WRITE_METHOD.test(method))
        this.fail(`You do not have permission to call ${method}`);
      if (cls === 'Properties' && /^(set|delete)/.test(method)) this.fail(`You do not have permission to call ${method}`);
      if (cls === 'Ui' || cls === 'HtmlService') this.fail(`You do not have permission to call ${full}`);
    }
  }

  /** Wrap a facade so that every method call is counted and checked. */
  track<T extends object>(obj: T, cls: string): T {
    return new Proxy(obj, {
      get: (t, p) => {
        const v = Reflect.get(t, p, t) as unknown;
        if (typeof v === 'function' && typeof p === 'string' && !p.startsWith('_') && p !== 'constructor') {
          return (...args: unknown[]) => {
            this.count(cls, p);
            this.guard(cls, p);
            return (v as (...a: unknown[]) => unknown).apply(t, args);
          };
        }
        return v;
      },
    });
  }

  // ---- realm conversion ----------------------------------------------------------------------

  /** A cell as getValues gives it in the script's realm. */
  cellOut(c: Cell | undefined): unknown {
    if (c === undefined) return '';
    if (c instanceof DateCell) return this.h.date(c.ms);
    return c;
  }

  /** Deep copy of outer values into the script's realm (arrays and Dates). */
  toRealm(v: unknown): unknown {
    if (Array.isArray(v)) {
      const a = this.h.arr(v.length);
      for (let i = 0; i < v.length; i++) a[i] = this.toRealm(v[i]);
      return a;
    }
    if (isDate(v)) return this.h.date(v.getTime());
    if (v instanceof DateCell) return this.h.date(v.ms);
    if (v && typeof v === 'object') {
      const o = this.h.obj();
      for (const [k, x] of Object.entries(v)) o[k] = this.toRealm(x);
      return o;
    }
    return v;
  }

  /** Deep copy of script-realm values back to this realm (for assertions). */
  fromRealm(v: unknown): unknown {
    if (Array.isArray(v)) return v.map((x) => this.fromRealm(x));
    if (isDate(v)) return new Date(v.getTime());
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) o[k] = this.fromRealm(x);
      return o;
    }
    return v;
  }

  /** Convert a value the script wrote into a cell, the way Sheets parses typed input. */
  cellIn(v: unknown, sheet: SheetData, row: number, col: number): Cell {
    sheet.formulas.delete(key(row, col));
    if (v === null || v === undefined) return '';
    if (isDate(v)) return Number.isNaN(v.getTime()) ? this.fail('Invalid date') : new DateCell(v.getTime());
    if (typeof v === 'number') return Number.isFinite(v) ? v : '#NUM!';
    if (typeof v === 'boolean') return v;
    const s = String(v);
    if (s.startsWith("'")) return s.slice(1);
    if (s.startsWith('=') && s.length > 1) {
      sheet.formulas.set(key(row, col), s);
      return '';
    }
    if (/^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(s.trim())) return Number(s.trim().replace(/,/g, ''));
    if (/^\d{4}-\d{2}-\d{2}$/.test(s.trim())) return new DateCell(zonedMidnight(s.trim(), this.wb.timeZone));
    if (/^(true|false)$/i.test(s.trim())) return s.trim().toLowerCase() === 'true';
    return s;
  }

  // ---- script loading and calling ------------------------------------------------------------

  /** Run the built script in this execution's realm (what Apps Script does on every execution). */
  load(script: vm.Script): this {
    script.runInContext(this.context);
    return this;
  }

  globalFunction(name: string): ((...a: unknown[]) => unknown) | undefined {
    const f = (this.context as Record<string, unknown>)[name];
    return typeof f === 'function' ? (f as (...a: unknown[]) => unknown) : undefined;
  }

  /** Call a top-level function (a menu item, google.script.run, a trigger); locks end with the run. */
  call(name: string, ...args: unknown[]): unknown {
    const f = this.globalFunction(name);
    if (!f) throw new Error(`Script function not found: ${name}`);
    try {
      return this.fromRealm(f(...args.map((a) => this.toRealm(a))));
    } finally {
      this.releaseLocks();
    }
  }

  /**
   * Evaluate a custom function as Sheets does: arguments are values (a 1×1 range arrives as a
   * scalar, a larger one as a 2-D array), only reading services are allowed, and the result must be
   * a value or a rectangular 2-D array.
   */
  customFunction(name: string, ...args: unknown[]): unknown {
    const f = this.globalFunction(name);
    if (!f) throw new Error(`Unknown function: ${name}`);
    const prev = this.mode;
    this.mode = 'custom';
    try {
      const out = this.fromRealm(f(...args.map((a) => this.toRealm(a))));
      if (out === undefined) throw new Error('custom function returned undefined');
      if (Array.isArray(out)) {
        if (out.length === 0) throw new Error('custom function returned an empty array');
        if (!out.every((r) => Array.isArray(r))) throw new Error('custom function returned a 1-D array; Sheets expects rows');
        const w = (out[0] as unknown[]).length;
        if (!(out as unknown[][]).every((r) => r.length === w)) throw new Error('custom function returned ragged rows');
        for (const r of out as unknown[][])
          for (const c of r)
            if (c !== null && c !== '' && !['string', 'number', 'boolean'].includes(typeof c) && !isDate(c))
              throw new Error(`custom function returned a cell Sheets cannot show: ${String(c)}`);
      }
      return out;
    } finally {
      this.mode = prev;
      this.releaseLocks();
    }
  }

  /** The argument Sheets passes for a range reference: scalar for one cell, 2-D array otherwise. */
  rangeArg(a1: string): unknown {
    const ref = parseA1(a1);
    const sheet = ref.sheet ? this.wb.sheet(ref.sheet) : this.wb.sheets[this.wb.activeSheetIndex];
    if (!sheet) throw new Error(`no sheet ${ref.sheet}`);
    const endRow = ref.endRow ?? sheet.maxRows;
    const endCol = ref.endCol ?? sheet.maxColumns;
    const rows: unknown[][] = [];
    for (let r = ref.row; r <= endRow; r++) {
      const row: unknown[] = [];
      for (let c = ref.col; c <= endCol; c++) {
        const v = sheet.get(r, c);
        row.push(v instanceof DateCell ? new Date(v.ms) : v);
      }
      rows.push(row);
    }
    return rows.length === 1 && rows[0]!.length === 1 ? rows[0]![0] : rows;
  }

  releaseLocks(): void {
    for (const k of Object.keys(this.wb.locks) as LockKind[]) if (this.wb.locks[k] === this.id) this.wb.locks[k] = null;
  }

  nextResponse(kind: string): ScriptedResponse {
    const r = this.responses.shift();
    if (!r) throw new Error(`harness: no scripted response for ${kind}`);
    return r;
  }

  // ---- globals ---------------------------------------------------------------------------------

  private install(): void {
    const g = this.context as Record<string, unknown>;
    const enumOf = (names: string[]) => Object.freeze(Object.fromEntries(names.map((n) => [n, n])));

    g.SpreadsheetApp = this.track(
      {
        getActiveSpreadsheet: () => this.spreadsheet(),
        getActive: () => this.spreadsheet(),
        getActiveSheet: () => this.sheetFacade(this.wb.sheets[this.wb.activeSheetIndex]!),
        getActiveRange: () => {
          const a = this.activeCell;
          if (!a) return null;
          return this.rangeFacade(this.wb.sheet(a.sheet)!, a.row, a.col, 1, 1);
        },
        getUi: () => this.uiFacade(),
        flush: () => undefined,
        newConditionalFormatRule: () => this.cfBuilder(),
        newDataValidation: () => this.dvBuilder(),
        BooleanCriteria: enumOf(['TEXT_EQUAL_TO', 'TEXT_CONTAINS', 'NUMBER_GREATER_THAN', 'NUMBER_LESS_THAN', 'CELL_EMPTY', 'CUSTOM_FORMULA']),
        DataValidationCriteria: enumOf(['VALUE_IN_LIST', 'DATE_IS_VALID_DATE', 'NUMBER_BETWEEN', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'CHECKBOX']),
        WrapStrategy: enumOf(['WRAP', 'OVERFLOW', 'CLIP']),
      },
      'SpreadsheetApp',
    );
    g.ScriptApp = this.track({ AuthMode: enumOf(['NONE', 'LIMITED', 'FULL', 'CUSTOM_FUNCTION']) }, 'ScriptApp');
    g.Charts = this.track({ ChartType: enumOf(['AREA', 'BAR', 'COLUMN', 'COMBO', 'LINE', 'PIE', 'SCATTER', 'TABLE']) }, 'Charts');
    const props = (store: Map<string, string>) =>
      this.track(
        {
          getProperty: (k: string) => (store.has(k) ? store.get(k)! : null),
          getProperties: () => this.toRealm(Object.fromEntries(store)),
          getKeys: () => this.toRealm([...store.keys()]),
          setProperty: (k: string, v: unknown) => {
            const s = String(v);
            if (s.length > 9 * 1024) this.fail('Argument too large: value');
            store.set(String(k), s);
          },
          setProperties: (o: Record<string, unknown>, deleteAllOthers?: boolean) => {
            if (deleteAllOthers) store.clear();
            for (const [k, v] of Object.entries(o)) store.set(k, String(v));
          },
          deleteProperty: (k: string) => void store.delete(k),
          deleteAllProperties: () => store.clear(),
        },
        'Properties',
      );
    g.PropertiesService = this.track(
      {
        getDocumentProperties: () => props(this.wb.documentProperties),
        getScriptProperties: () => props(this.scriptProperties),
        getUserProperties: () => {
          let m = this.wb.userProperties.get(this.user);
          if (!m) {
            m = new Map();
            this.wb.userProperties.set(this.user, m);
          }
          return props(m);
        },
      },
      'PropertiesService',
    );
    const lock = (kind: LockKind) => {
      let mine = false;
      const free = () => this.wb.locks[kind] === null || this.wb.locks[kind] === this.id;
      return this.track(
        {
          tryLock: (_ms: number) => {
            if (!free()) return false;
            this.wb.locks[kind] = this.id;
            mine = true;
            return true;
          },
          waitLock: (_ms: number) => {
            if (!free()) this.fail('Lock timeout: another process was holding the lock for too long.');
            this.wb.locks[kind] = this.id;
            mine = true;
          },
          hasLock: () => mine && this.wb.locks[kind] === this.id,
          releaseLock: () => {
            if (mine && this.wb.locks[kind] === this.id) this.wb.locks[kind] = null;
            mine = false;
          },
        },
        'Lock',
      );
    };
    g.LockService = this.track(
      { getDocumentLock: () => lock('document'), getScriptLock: () => lock('script'), getUserLock: () => lock('user') },
      'LockService',
    );
    g.HtmlService = this.track(
      {
        createHtmlOutputFromFile: (name: string) => {
          const file = this.files[name] ?? this.files[`${name}.html`];
          if (file === undefined) this.fail(`No HTML file named ${name} was found.`);
          return this.htmlOutput(file);
        },
        createHtmlOutput: (html?: string) => this.htmlOutput(html ?? ''),
        SandboxMode: enumOf(['IFRAME', 'NATIVE', 'EMULATED']),
        XFrameOptionsMode: enumOf(['ALLOWALL', 'DEFAULT']),
      },
      'HtmlService',
    );
    g.Utilities = this.track(
      {
        formatDate: (d: Date, tz: string, pattern: string) => {
          if (!isDate(d)) this.fail('Invalid argument: date');
          return formatInZone(d.getTime(), tz, pattern);
        },
        getUuid: () => crypto.randomUUID(),
        sleep: (_ms: number) => undefined,
      },
      'Utilities',
    );
    g.Session = this.track(
      {
        getActiveUserLocale: () => this.userLocale,
        getScriptTimeZone: () => 'America/New_York',
        getActiveUser: () => ({ getEmail: () => '' }),
        getTemporaryActiveUserKey: () => `key-${this.user}`,
      },
      'Session',
    );
    g.Logger = this.track({ log: (...a: unknown[]) => void this.logs.push(a.map(String).join(' ')) }, 'Logger');
    g.console = { log: (...a: unknown[]) => void this.logs.push(a.map(String).join(' ')), warn: () => undefined, error: (...a: unknown[]) => void this.logs.push(a.map(String).join(' ')), info: () => undefined };
  }

  // ---- Spreadsheet ---------------------------------------------------------------------------

  spreadsheet(): object {
    const wb = this.wb;
    return this.track(
      {
        getId: () => wb.id,
        getName: () => wb.name,
        getSpreadsheetLocale: () => wb.locale,
        getSpreadsheetTimeZone: () => wb.timeZone,
        getSheets: () => this.toRealmList(wb.sheets.map((s) => this.sheetFacade(s))),
        getNumSheets: () => wb.sheets.length,
        getSheetByName: (name: string) => {
          const s = wb.sheet(name);
          return s ? this.sheetFacade(s) : null;
        },
        getActiveSheet: () => this.sheetFacade(wb.sheets[wb.activeSheetIndex]!),
        setActiveSheet: (sheet: { getName(): string }) => {
          wb.activeSheetIndex = wb.sheets.findIndex((s) => s.name === sheet.getName());
          return sheet;
        },
        insertSheet: (name?: string, index?: number) => {
          const n = name ?? `Sheet${wb.sheets.length + 1}`;
          if (wb.sheet(n)) this.fail(`A sheet with the name "${n}" already exists. Please enter another name.`);
          if (wb.totalCells() + 1000 * 26 > CELL_LIMIT) this.fail('This action would increase the number of cells in the workbook above the limit of 10000000 cells.');
          const s = new SheetData(n);
          const at = index === undefined ? wb.sheets.length : Math.max(0, Math.min(index, wb.sheets.length));
          wb.sheets.splice(at, 0, s);
          wb.activeSheetIndex = at;
          return this.sheetFacade(s);
        },
        deleteSheet: (sheet: { getName(): string }) => {
          if (wb.sheets.length === 1) this.fail("You can't remove all the sheets in a document.");
          wb.sheets = wb.sheets.filter((s) => s.name !== sheet.getName());
          wb.activeSheetIndex = Math.min(wb.activeSheetIndex, wb.sheets.length - 1);
        },
        getRange: (a1: string) => {
          const ref = parseA1(a1);
          const s = ref.sheet ? wb.sheet(ref.sheet) : wb.sheets[wb.activeSheetIndex];
          if (!s) this.fail('Range not found');
          return this.rangeFromRef(s, ref);
        },
        toast: (message: string, title?: string, timeout?: number) => {
          wb.toasts.push({ message: String(message), title: title ?? '', timeout: timeout ?? 5 });
        },
        getUrl: () => `https://docs.google.com/spreadsheets/d/${wb.id}/edit`,
      },
      'Spreadsheet',
    );
  }

  private toRealmList<T>(items: T[]): T[] {
    const a = this.h.arr(items.length) as T[];
    items.forEach((x, i) => {
      a[i] = x;
    });
    return a;
  }

  sheetFacade(s: SheetData): object {
    const wb = this.wb;
    const live = () => {
      if (!wb.sheets.includes(s)) this.fail('The sheet has been deleted.');
      return s;
    };
    return this.track(
      {
        getName: () => s.name,
        setName: (n: string) => {
          if (wb.sheets.some((o) => o !== s && o.name === n)) this.fail(`A sheet with the name "${n}" already exists. Please enter another name.`);
          s.name = n;
        },
        getSheetId: () => s.id,
        getIndex: () => wb.sheets.indexOf(s) + 1,
        getParent: () => this.spreadsheet(),
        getRange: (a: number | string, b?: number, c?: number, d?: number) => {
          live();
          if (typeof a === 'string') {
            const ref = parseA1(a);
            return this.rangeFromRef(s, ref);
          }
          return this.checkedRange(s, a, b!, c ?? 1, d ?? 1);
        },
        getDataRange: () => {
          live();
          return this.rangeFacade(s, 1, 1, Math.max(1, s.lastRow()), Math.max(1, s.lastColumn()));
        },
        getLastRow: () => s.lastRow(),
        getLastColumn: () => s.lastColumn(),
        getMaxRows: () => s.maxRows,
        getMaxColumns: () => s.maxColumns,
        insertRowsAfter: (after: number, n: number) => {
          if (wb.totalCells() + n * s.maxColumns > CELL_LIMIT) this.fail('This action would increase the number of cells in the workbook above the limit of 10000000 cells.');
          s.cells.splice(after, 0, ...Array.from({ length: n }, () => [] as Cell[]));
          s.maxRows += n;
        },
        insertColumnsAfter: (after: number, n: number) => {
          if (wb.totalCells() + n * s.maxRows > CELL_LIMIT) this.fail('This action would increase the number of cells in the workbook above the limit of 10000000 cells.');
          for (const r of s.cells) if (r && r.length > after) r.splice(after, 0, ...Array.from({ length: n }, () => '' as Cell));
          s.maxColumns += n;
        },
        setFrozenRows: (n: number) => {
          s.frozenRows = n;
        },
        getFrozenRows: () => s.frozenRows,
        setFrozenColumns: (n: number) => {
          s.frozenColumns = n;
        },
        getFrozenColumns: () => s.frozenColumns,
        clear: () => {
          s.cells = [];
          s.formulas.clear();
          s.backgrounds.clear();
          s.fontWeights.clear();
          s.fontColors.clear();
          s.numberFormats.clear();
          s.notes.clear();
        },
        clearContents: () => {
          s.cells = [];
          s.formulas.clear();
        },
        clearFormats: () => {
          s.backgrounds.clear();
          s.fontWeights.clear();
          s.fontColors.clear();
          s.numberFormats.clear();
        },
        clearConditionalFormatRules: () => {
          s.cfRules = [];
        },
        getConditionalFormatRules: () => this.toRealmList(s.cfRules.map((r) => this.cfRule(r))),
        setConditionalFormatRules: (rules: { _data: CfRuleData }[]) => {
          s.cfRules = Array.from(rules, (r) => {
            if (!r?._data) this.fail('Invalid argument: rules');
            return r._data;
          });
        },
        newChart: () => this.chartBuilder(s, null),
        insertChart: (chart: { _data: ChartData }) => void s.charts.push(chart._data),
        getCharts: () => this.toRealmList(s.charts.map((c) => this.chartFacade(s, c))),
        removeChart: (chart: { _data: ChartData }) => {
          s.charts = s.charts.filter((c) => c.id !== chart._data.id);
        },
        updateChart: (chart: { _data: ChartData }) => {
          const i = s.charts.findIndex((c) => c.id === chart._data.id);
          if (i < 0) this.fail('Chart not found');
          s.charts[i] = chart._data;
        },
        setColumnWidth: (col: number, w: number) => void s.columnWidths.set(col, w),
        setColumnWidths: (col: number, n: number, w: number) => {
          for (let i = 0; i < n; i++) s.columnWidths.set(col + i, w);
        },
        autoResizeColumns: (_col: number, _n: number) => undefined,
        activate: () => {
          wb.activeSheetIndex = wb.sheets.indexOf(s);
        },
        setTabColor: (c: string | null) => {
          s.tabColor = c;
        },
        hideSheet: () => {
          s.hidden = true;
        },
        showSheet: () => {
          s.hidden = false;
        },
        isSheetHidden: () => s.hidden,
      },
      'Sheet',
    );
  }

  rangeFromRef(s: SheetData, ref: ReturnType<typeof parseA1>): object {
    const endRow = ref.endRow ?? s.maxRows;
    const endCol = ref.endCol ?? s.maxColumns;
    return this.checkedRange(s, ref.row, ref.col, endRow - ref.row + 1, endCol - ref.col + 1);
  }

  checkedRange(s: SheetData, row: number, col: number, numRows: number, numCols: number): object {
    for (const [v, what] of [
      [row, 'row'],
      [col, 'column'],
    ] as const)
      if (!Number.isInteger(v) || v < 1) this.fail(`The starting ${what} of the range is too small.`);
    if (!Number.isInteger(numRows) || numRows < 1) this.fail('The number of rows in the range must be at least 1.');
    if (!Number.isInteger(numCols) || numCols < 1) this.fail('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > s.maxRows || col + numCols - 1 > s.maxColumns)
      this.fail('The coordinates of the range are outside the dimensions of the sheet.');
    return this.rangeFacade(s, row, col, numRows, numCols);
  }

  rangeFacade(s: SheetData, row: number, col: number, numRows: number, numCols: number): object {
    const block: Block = { row, col, numRows, numCols };
    const each = (f: (r: number, c: number) => void) => {
      for (let r = row; r < row + numRows; r++) for (let c = col; c < col + numCols; c++) f(r, c);
    };
    const grid = <T>(f: (r: number, c: number) => T): T[][] => {
      const out = this.h.arr(numRows) as T[][];
      for (let i = 0; i < numRows; i++) {
        const line = this.h.arr(numCols) as T[];
        for (let j = 0; j < numCols; j++) line[j] = f(row + i, col + j);
        out[i] = line;
      }
      return out;
    };
    const checkSize = (data: unknown) => {
      if (!Array.isArray(data)) this.fail('The parameters (String) don\'t match the method signature for SpreadsheetApp.Range.setValues.');
      if (data.length !== numRows)
        this.fail(`The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${numRows}.`);
      for (const line of data) {
        if (!Array.isArray(line)) this.fail("The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.");
        if (line.length !== numCols)
          this.fail(`The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${numCols}.`);
      }
    };
    const setGrid = (map: Map<string, string>, data: unknown) => {
      checkSize(data);
      (data as unknown[][]).forEach((line, i) => {
        line.forEach((v, j) => {
          const k = key(row + i, col + j);
          if (v === null || v === '' || v === undefined) map.delete(k);
          else map.set(k, String(v));
        });
      });
    };
    const setAll = (map: Map<string, string>, v: string | null) =>
      each((r, c) => {
        if (v === null) map.delete(key(r, c));
        else map.set(key(r, c), v);
      });
    const facade = {
      _sheet: s,
      _block: block,
      getSheet: () => this.sheetFacade(s),
      getRow: () => row,
      getColumn: () => col,
      getLastRow: () => row + numRows - 1,
      getLastColumn: () => col + numCols - 1,
      getNumRows: () => numRows,
      getNumColumns: () => numCols,
      getA1Notation: () => formatA1(row, col, numRows, numCols),
      getValues: () => grid((r, c) => this.cellOut(s.get(r, c))),
      getValue: () => this.cellOut(s.get(row, col)),
      getDisplayValues: () =>
        grid((r, c) => {
          const v = s.get(r, c);
          if (v instanceof DateCell) return formatInZone(v.ms, this.wb.timeZone, 'M/d/yyyy');
          if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
          return String(v);
        }),
      getFormulas: () => grid((r, c) => s.formulas.get(key(r, c)) ?? ''),
      setValues: (data: unknown[][]) => {
        checkSize(data);
        for (let i = 0; i < numRows; i++) {
          const line = data[i]!;
          for (let j = 0; j < numCols; j++) s.set(row + i, col + j, this.cellIn(line[j], s, row + i, col + j));
        }
        return this.rangeFacade(s, row, col, numRows, numCols);
      },
      setValue: (v: unknown) => {
        each((r, c) => s.set(r, c, this.cellIn(v, s, r, c)));
        return this.rangeFacade(s, row, col, numRows, numCols);
      },
      clearContent: () => {
        each((r, c) => {
          s.set(r, c, '');
          s.formulas.delete(key(r, c));
        });
      },
      clear: () => {
        each((r, c) => {
          s.set(r, c, '');
          for (const m of [s.formulas, s.backgrounds, s.fontWeights, s.fontColors, s.numberFormats, s.notes]) m.delete(key(r, c));
        });
      },
      getBackgrounds: () => grid((r, c) => s.backgrounds.get(key(r, c)) ?? '#ffffff'),
      getBackground: () => s.backgrounds.get(key(row, col)) ?? '#ffffff',
      setBackground: (v: string | null) => setAll(s.backgrounds, v),
      setBackgrounds: (data: string[][]) => setGrid(s.backgrounds, data),
      getFontWeights: () => grid((r, c) => s.fontWeights.get(key(r, c)) ?? 'normal'),
      setFontWeight: (v: string | null) => setAll(s.fontWeights, v),
      setFontColor: (v: string | null) => setAll(s.fontColors, v),
      getNumberFormats: () => grid((r, c) => s.numberFormats.get(key(r, c)) ?? ''),
      setNumberFormat: (v: string) => setAll(s.numberFormats, v),
      setNumberFormats: (data: string[][]) => setGrid(s.numberFormats, data),
      setNote: (v: string | null) => setAll(s.notes, v || null),
      getNote: () => s.notes.get(key(row, col)) ?? '',
      setWrap: () => undefined,
      setWrapStrategy: () => undefined,
      setHorizontalAlignment: () => undefined,
      setVerticalAlignment: () => undefined,
      setFontSize: () => undefined,
      setBorder: () => undefined,
      setDataValidation: (rule: { _data: { criteria: string; values: unknown[]; allowInvalid: boolean; helpText: string | null } } | null) => {
        s.validations = s.validations.filter(
          (v) => v.row + v.numRows <= row || v.row >= row + numRows || v.col + v.numCols <= col || v.col >= col + numCols,
        );
        if (rule) s.validations.push({ ...block, ...rule._data });
      },
      clearDataValidations: () => {
        s.validations = s.validations.filter(
          (v) => v.row + v.numRows <= row || v.row >= row + numRows || v.col + v.numCols <= col || v.col >= col + numCols,
        );
      },
      offset: (dr: number, dc: number, nr?: number, nc?: number) => this.checkedRange(s, row + dr, col + dc, nr ?? numRows, nc ?? numCols),
      activate: () => {
        this.wb.activeSheetIndex = this.wb.sheets.indexOf(s);
      },
    };
    return this.track(facade, 'Range');
  }

  // ---- builders --------------------------------------------------------------------------------

  cfRule(d: CfRuleData): object {
    return this.track(
      {
        _data: d,
        getRanges: () => this.toRealmList(d.ranges.map((r) => this.rangeFacade(this.wb.sheets.find((s) => s.id === r.sheetId)!, r.row, r.col, r.numRows, r.numCols))),
        getBooleanCondition: () =>
          this.track(
            {
              getCriteriaType: () => d.criteria,
              getCriteriaValues: () => this.toRealm(d.values),
              getBackground: () => d.background,
              getFontColor: () => d.fontColor,
            },
            'BooleanCondition',
          ),
        copy: () => this.cfBuilder({ ...d, ranges: d.ranges.slice(), values: d.values.slice() }),
      },
      'ConditionalFormatRule',
    );
  }

  cfBuilder(init?: CfRuleData): object {
    const d: CfRuleData = init ?? { ranges: [], criteria: '', values: [], background: null, fontColor: null, bold: null };
    const set = (patch: Partial<CfRuleData>) => {
      Object.assign(d, patch);
      return proxy;
    };
    const b: Record<string, unknown> = {
      whenTextEqualTo: (t: string) => set({ criteria: 'TEXT_EQUAL_TO', values: [t] }),
      whenTextContains: (t: string) => set({ criteria: 'TEXT_CONTAINS', values: [t] }),
      whenNumberGreaterThan: (n: number) => set({ criteria: 'NUMBER_GREATER_THAN', values: [n] }),
      whenFormulaSatisfied: (f: string) => set({ criteria: 'CUSTOM_FORMULA', values: [f] }),
      setBackground: (c: string | null) => set({ background: c }),
      setFontColor: (c: string | null) => set({ fontColor: c }),
      setBold: (v: boolean | null) => set({ bold: v }),
      setRanges: (ranges: { _sheet: SheetData; _block: Block }[]) => set({ ranges: Array.from(ranges, (r) => ({ ...r._block, sheetId: r._sheet.id })) }),
      build: () => {
        if (!d.criteria) this.fail('Conditional format rule must have a condition.');
        if (d.ranges.length === 0) this.fail('Conditional format rule must have at least one range.');
        return this.cfRule({ ...d, ranges: d.ranges.slice(), values: d.values.slice() });
      },
    };
    const proxy = this.track(b, 'ConditionalFormatRuleBuilder');
    return proxy;
  }

  dvBuilder(): object {
    const d = { criteria: '', values: [] as unknown[], allowInvalid: true, helpText: null as string | null };
    const set = (patch: Partial<typeof d>) => {
      Object.assign(d, patch);
      return proxy;
    };
    const b: Record<string, unknown> = {
      requireValueInList: (values: unknown[], showDropdown?: boolean) => set({ criteria: 'VALUE_IN_LIST', values: [Array.from(values), showDropdown ?? true] }),
      requireDate: () => set({ criteria: 'DATE_IS_VALID_DATE', values: [] }),
      requireNumberGreaterThanOrEqualTo: (n: number) => set({ criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', values: [n] }),
      requireNumberBetween: (a: number, z: number) => set({ criteria: 'NUMBER_BETWEEN', values: [a, z] }),
      requireCheckbox: () => set({ criteria: 'CHECKBOX', values: [] }),
      setAllowInvalid: (v: boolean) => set({ allowInvalid: v }),
      setHelpText: (t: string) => set({ helpText: t }),
      build: () => {
        if (!d.criteria) this.fail('Data validation rule must have a criteria.');
        return this.track({ _data: { ...d, values: d.values.slice() }, getCriteriaType: () => d.criteria }, 'DataValidation');
      },
    };
    const proxy = this.track(b, 'DataValidationBuilder');
    return proxy;
  }

  chartBuilder(s: SheetData, existing: ChartData | null): object {
    const d: ChartData = existing
      ? { ...existing, ranges: existing.ranges.slice(), options: { ...existing.options } }
      : { id: `chart-${Math.random().toString(36).slice(2, 9)}`, type: 'LINE', ranges: [], options: {}, position: { row: 1, col: 1, offsetX: 0, offsetY: 0 } };
    const set = (patch: Partial<ChartData>) => {
      Object.assign(d, patch);
      return proxy;
    };
    const b: Record<string, unknown> = {
      setChartType: (t: string) => set({ type: t }),
      addRange: (r: { _sheet: SheetData; _block: Block }) => set({ ranges: [...d.ranges, { ...r._block, sheetId: r._sheet.id }] }),
      clearRanges: () => set({ ranges: [] }),
      setPosition: (row: number, col: number, offsetX: number, offsetY: number) => set({ position: { row, col, offsetX, offsetY } }),
      setOption: (k: string, v: unknown) => set({ options: { ...d.options, [k]: this.fromRealm(v) } }),
      build: () => {
        if (d.ranges.length === 0) this.fail('The chart has no data.');
        return this.chartFacade(s, d);
      },
    };
    const proxy = this.track(b, 'EmbeddedChartBuilder');
    return proxy;
  }

  chartFacade(s: SheetData, d: ChartData): object {
    return this.track(
      {
        _data: d,
        getChartId: () => d.id,
        getOptions: () => ({ get: (k: string) => this.toRealm(d.options[k] ?? null) }),
        getRanges: () => this.toRealmList(d.ranges.map((r) => this.rangeFacade(this.wb.sheets.find((x) => x.id === r.sheetId)!, r.row, r.col, r.numRows, r.numCols))),
        modify: () => this.chartBuilder(s, d),
      },
      'EmbeddedChart',
    );
  }

  // ---- Ui and HtmlService ------------------------------------------------------------------------

  uiFacade(): object {
    const menu = (caption: string, addon: boolean) => {
      const m = { caption, addon, items: [] as ({ caption: string; functionName: string } | '-')[] };
      const api: Record<string, unknown> = {
        addItem: (c: string, fn: string) => {
          if (typeof fn !== 'string' || !fn) this.fail('Invalid argument: functionName');
          m.items.push({ caption: String(c), functionName: fn });
          return proxy;
        },
        addSeparator: () => {
          m.items.push('-');
          return proxy;
        },
        addToUi: () => void this.ui.menus.push(m),
      };
      const proxy = this.track(api, 'Menu');
      return proxy;
    };
    const buttonOf = (r: ScriptedResponse) => r.button;
    return this.track(
      {
        createAddonMenu: () => menu('Rapport', true),
        createMenu: (caption: string) => menu(caption, false),
        alert: (a: string, b?: unknown, c?: unknown) => {
          const hasTitle = typeof b === 'string';
          this.ui.alerts.push({ title: hasTitle ? a : null, message: hasTitle ? (b as string) : a });
          const buttons = hasTitle ? c : b;
          if (buttons === undefined || buttons === 'OK') return 'OK';
          return buttonOf(this.nextResponse('alert'));
        },
        prompt: (a: string, b?: unknown, _c?: unknown) => {
          const hasTitle = typeof b === 'string';
          this.ui.prompts.push({ title: hasTitle ? a : null, message: hasTitle ? (b as string) : a });
          const r = this.nextResponse('prompt');
          return this.track({ getResponseText: () => r.text ?? '', getSelectedButton: () => r.button }, 'PromptResponse');
        },
        showSidebar: (out: { _data: HtmlOutputData }) => void this.ui.sidebars.push(out._data),
        showModalDialog: (out: { _data: HtmlOutputData }, title: string) => void this.ui.dialogs.push({ output: out._data, title }),
        ButtonSet: Object.freeze({ OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' }),
        Button: Object.freeze({ OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' }),
      },
      'Ui',
    );
  }

  htmlOutput(content: string): object {
    const d: HtmlOutputData = { content, title: '', width: null, height: null };
    const set = (patch: Partial<HtmlOutputData>) => {
      Object.assign(d, patch);
      return proxy;
    };
    const api: Record<string, unknown> = {
      _data: d,
      getContent: () => d.content,
      append: (s: string) => set({ content: d.content + s }),
      setTitle: (t: string) => set({ title: t }),
      getTitle: () => d.title,
      setWidth: (w: number) => set({ width: w }),
      setHeight: (h: number) => set({ height: h }),
      setSandboxMode: () => proxy,
      setXFrameOptionsMode: () => proxy,
      addMetaTag: () => proxy,
    };
    const proxy = this.track(api, 'HtmlOutput');
    return proxy;
  }
}
