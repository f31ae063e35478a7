/**
 * The settings sidebar's page script (bundled into Sidebar.html). It renders every setting of
 * shared/settings.ts as a field, validates with the core's own resolveSettings as the user types,
 * saves through google.script.run.rapportSaveSettings, and exports/imports the same JSON the CLI's
 * --settings reads. Text is only ever set with textContent (no innerHTML).
 */
import type { Lang } from '../../shared/types';
import { DEFAULT_SETTINGS, resolveSettings, rowsToSettings, settingsToRows, type Settings, type SettingsProblem } from '../../shared/settings';
import { groupLabel, problemText, settingLabel } from '../i18n/setting-labels';
import { tx } from './texts';

interface Runner {
  withSuccessHandler(f: (v: unknown) => void): Runner;
  withFailureHandler(f: (e: { message?: string }) => void): Runner;
  [fn: string]: unknown;
}
declare const google: { script: { run: Runner } };

interface State {
  lang: Lang;
  settings: Settings;
  problems: SettingsProblem[];
  fromSheet: boolean;
}

const KEYS = settingsToRows(DEFAULT_SETTINGS).map(([k]) => k);
let lang: Lang = /^zh/i.test(navigator.language || '') ? 'zh' : 'en';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function run(): Runner {
  return google.script.run;
}

function setStatus(text: string, kind: '' | 'error' | 'ok' = ''): void {
  const s = $('status');
  s.textContent = text;
  s.className = kind;
}

function fieldId(key: string): string {
  return `f-${key.replace(/\./g, '-')}`;
}

/** Build the form's fields (once per language). */
function renderForm(): void {
  const form = $('form');
  form.replaceChildren();
  let fieldset: HTMLFieldSetElement | null = null;
  let group = '';
  for (const key of KEYS) {
    const g = key.split('.')[0]!;
    if (!fieldset || g !== group) {
      group = g;
      fieldset = document.createElement('fieldset');
      fieldset.dataset.group = g;
      const legend = document.createElement('legend');
      legend.textContent = groupLabel(lang, g);
      fieldset.append(legend);
      const gp = document.createElement('div');
      gp.className = 'problem';
      gp.dataset.problemFor = g;
      fieldset.append(gp);
      form.append(fieldset);
    }
    const label = document.createElement('label');
    label.htmlFor = fieldId(key);
    label.textContent = settingLabel(lang, key);
    let input: HTMLInputElement | HTMLSelectElement;
    if (key === 'model.unit') {
      const sel = document.createElement('select');
      for (const u of ['weeks', 'days']) {
        const o = document.createElement('option');
        o.value = u;
        o.textContent = u;
        sel.append(o);
      }
      input = sel;
    } else {
      const inp = document.createElement('input');
      inp.type = 'text';
      inp.inputMode = 'decimal';
      if (key.startsWith('visitDays.')) inp.placeholder = tx(lang, 'empty');
      input = inp;
    }
    input.id = fieldId(key);
    input.name = key;
    input.dataset.key = key;
    input.addEventListener('input', validate);
    input.addEventListener('change', validate);
    const problem = document.createElement('div');
    problem.className = 'problem';
    problem.dataset.problemFor = key;
    fieldset.append(label, input, problem);
  }
}

function renderTexts(): void {
  document.documentElement.lang = tx(lang, 'htmlLang');
  $('title').textContent = tx(lang, 'title');
  $('intro').textContent = tx(lang, 'intro');
  $('save').textContent = tx(lang, 'save');
  $('defaults').textContent = tx(lang, 'defaults');
  $('json-legend').textContent = tx(lang, 'jsonLegend');
  $('json-note').textContent = tx(lang, 'jsonNote');
  $('export').textContent = tx(lang, 'exportBtn');
  $('import').textContent = tx(lang, 'importBtn');
}

/** Put a settings object's values into the fields. */
function fill(settings: Settings): void {
  for (const [key, value] of settingsToRows(settings)) {
    const el = document.getElementById(fieldId(key)) as HTMLInputElement | HTMLSelectElement | null;
    if (el) el.value = value === null ? '' : String(value);
  }
}

/** The fields as dotted key/value rows, read exactly like the settings sheet. */
function rows(): [string, string][] {
  return KEYS.map((key) => [key, (document.getElementById(fieldId(key)) as HTMLInputElement).value.trim()]);
}

/** Validate the form with the core's rules; mark fields; enable Save only when all pass. */
function validate(): { settings: Settings; problems: SettingsProblem[] } {
  const result = resolveSettings(rowsToSettings(rows()));
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-problem-for]'))) el.textContent = '';
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-key]'))) el.removeAttribute('aria-invalid');
  for (const p of result.problems) {
    const target = document.querySelector<HTMLElement>(`[data-problem-for="${p.path}"]`) ?? document.querySelector<HTMLElement>(`[data-problem-for="${p.path.split('.')[0]}"]`);
    if (target) target.textContent = [target.textContent, problemText(lang, p)].filter(Boolean).join('; ');
    const input = document.getElementById(fieldId(p.path));
    if (input) input.setAttribute('aria-invalid', 'true');
    else for (const el of Array.from(document.querySelectorAll<HTMLElement>(`[data-key^="${p.path}."]`))) el.setAttribute('aria-invalid', 'true');
  }
  ($('save') as HTMLButtonElement).disabled = result.problems.length > 0;
  if (result.problems.length) setStatus(tx(lang, 'problems', { count: result.problems.length }), 'error');
  else if ($('status').className === 'error') setStatus('');
  return result;
}

function save(): void {
  const { settings, problems } = validate();
  if (problems.length) return;
  const button = $('save') as HTMLButtonElement;
  button.disabled = true;
  setStatus(tx(lang, 'saving'));
  const r = run()
    .withSuccessHandler((res) => {
      button.disabled = false;
      setStatus((res as { message?: string })?.message || tx(lang, 'saved'), 'ok');
    })
    .withFailureHandler((e) => {
      button.disabled = false;
      setStatus(tx(lang, 'failed', { message: e?.message ?? String(e) }), 'error');
    });
  (r.rapportSaveSettings as (s: Settings) => void)(settings);
}

function exportJson(): void {
  const { settings } = validate();
  ($('json') as HTMLTextAreaElement).value = JSON.stringify(settings, null, 2);
}

function importJson(): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(($('json') as HTMLTextAreaElement).value);
  } catch (e) {
    setStatus(tx(lang, 'badJson', { message: (e as Error).message }), 'error');
    return;
  }
  const { settings, problems } = resolveSettings(parsed);
  fill(settings);
  validate();
  if (problems.length) setStatus(problems.map((p) => `${p.path}: ${problemText(lang, p)}`).join('; '), 'error');
  else setStatus(tx(lang, 'imported'), 'ok');
}

function init(state: State): void {
  lang = state.lang;
  renderTexts();
  renderForm();
  fill(resolveSettings(state.settings).settings);
  setStatus('');
  validate();
  if (state.problems.length) setStatus(tx(lang, 'sheetProblems', { list: state.problems.map((p) => `${p.path}: ${problemText(lang, p)}`).join('; ') }), 'error');
}

function start(): void {
  renderTexts();
  setStatus(tx(lang, 'loading'));
  $('save').addEventListener('click', save);
  $('defaults').addEventListener('click', () => {
    fill(DEFAULT_SETTINGS);
    validate();
  });
  $('export').addEventListener('click', exportJson);
  $('import').addEventListener('click', importJson);
  const r = run()
    .withSuccessHandler((s) => init(s as State))
    .withFailureHandler((e) => setStatus(tx(lang, 'failed', { message: e?.message ?? String(e) }), 'error'));
  (r.rapportSidebarState as () => void)();
}

start();
