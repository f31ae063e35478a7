/**
 * What clasp pushes (dist/apps-script) is what Apps Script can run: one plain script whose custom
 * functions and menu handlers are top-level declarations with their JSDoc, a V8 manifest with
 * least-privilege scopes, and a self-contained sidebar page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import { builtHarness } from './built';
import { BUILD_DIR, type AppsScriptHarness } from './harness/index';
import { globalsFor, handlersOf } from '../../scripts/sheets-globals';
import { claspConfigFor, claspFileOf, TARGETS } from '../../scripts/clasp-target';

const ROOT = resolve(import.meta.dirname, '../..');

let h: AppsScriptHarness;
beforeAll(() => {
  h = builtHarness();
});

const CUSTOM = ['RAPPORT_ANALYZE', 'RAPPORT_TIER', 'RAPPORT_PARETO', 'RAPPORT_SATISFACTION', 'RAPPORT_SHARE', 'RAPPORT_PALIVE', 'RAPPORT_CLV'];

describe('dist/apps-script', () => {
  it('Code.js is a classic script: no import, export or require, nothing Node-only', () => {
    const code = h.code;
    expect(() => new vm.Script(code)).not.toThrow();
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\s*\(|\bprocess\.|\bBuffer\b|node:/);
  });

  it('binds the hot built-ins as parameters of the bundle, so the likelihood loops use locals (and the vm harness measures what Apps Script runs)', () => {
    expect(h.code).toMatch(/^var Rapport = \(\(Math, Float64Array, Number\) => \{$/m);
    expect(h.code).toMatch(/^\}\)\(Math, Float64Array, Number\);$/m);
  });

  it('uses no syntax or built-in newer than Apps Script’s V8 runs (ES2019 target, no web-only APIs)', () => {
    const code = h.code;
    for (const re of [/\?\?/, /\?\.[a-zA-Z_$[(]/, /\bstructuredClone\(/, /\.replaceAll\(/, /\.at\(-?\d/, /\bObject\.hasOwn\(/, /\.findLast(Index)?\(/, /\.to(Sorted|Reversed|Spliced)\(/, /\bIntl\.Segmenter\b/, /\bsetTimeout\(/, /\bTextEncoder\b/, /\bWeakRef\b/])
      expect(code, String(re)).not.toMatch(re);
  });

  it('declares every custom function at top level with @customfunction JSDoc and bilingual help', () => {
    for (const name of CUSTOM) {
      const m = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*function ${name}\\(`).exec(h.code);
      expect(m, name).not.toBeNull();
      const doc = m![1]!;
      expect(doc).toContain('@customfunction');
      expect(doc).toMatch(/@param/);
      expect(doc).toMatch(/[\u4e00-\u9fff]/);
      expect(doc).toMatch(/[a-z]{4,}/);
    }
  });

  it('exposes exactly the top-level functions the menu, triggers and sidebar call', () => {
    const ctx = vm.createContext({});
    new vm.Script(h.code).runInContext(ctx);
    const globals = Object.keys(ctx).filter((k) => typeof (ctx as Record<string, unknown>)[k] === 'function').sort();
    expect(globals).toEqual(
      [...CUSTOM, 'onOpen', 'onInstall', 'rapportComputeTiers', 'rapportNewTemplate', 'rapportOpenSettings', 'rapportDrawSurveySample', 'rapportSidebarState', 'rapportSaveSettings'].sort(),
    );
  });

  it('every handler main.ts exports has a global, and nothing else is global', () => {
    const ctx = vm.createContext({});
    new vm.Script(h.code).runInContext(ctx);
    const globals = Object.keys(ctx).filter((k) => typeof (ctx as Record<string, unknown>)[k] === 'function');
    const exported = Object.keys((ctx as { Rapport: object }).Rapport);
    const declared = handlersOf(readFileSync(join(ROOT, 'apps-script/main.ts'), 'utf8')).map((x) => x.name);
    expect(new Set(globals)).toEqual(new Set(exported));
    expect(new Set(declared)).toEqual(new Set(exported));
    expect(Object.keys(ctx).filter((k) => !globals.includes(k))).toEqual(['Rapport']);
  });

  it('each global passes its arguments to the exported handler and returns its result', () => {
    const handlers = handlersOf(readFileSync(join(ROOT, 'apps-script/main.ts'), 'utf8'));
    const ctx = vm.createContext({});
    new vm.Script(h.code).runInContext(ctx);
    const g = ctx as Record<string, unknown>;
    const calls: [string, unknown[]][] = [];
    g.Rapport = Object.fromEntries(
      handlers.map((x) => [
        x.name,
        (...args: unknown[]) => {
          calls.push([x.name, args]);
          return `${x.name} done`;
        },
      ]),
    );
    for (const x of handlers) {
      const fn = g[x.name] as (...a: unknown[]) => unknown;
      expect(fn.length, x.name).toBe(x.params.length);
      const args = x.params.map((_, i) => i + 1);
      expect(fn(...args)).toBe(`${x.name} done`);
      expect(calls.at(-1)).toEqual([x.name, args]);
    }
    expect(handlers.find((x) => x.name === 'RAPPORT_ANALYZE')!.params).toEqual(['range', 'field', 'as_of']);
    expect(handlers.find((x) => x.name === 'onOpen')!.params).toEqual(['e']);
    expect(handlers.find((x) => x.name === 'rapportComputeTiers')!.params).toEqual([]);
  });

  it('the manifest asks for V8 and only the current spreadsheet and container UI scopes', () => {
    const manifest = JSON.parse(readFileSync(join(BUILD_DIR, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toEqual(['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui']);
  });

  it('each deployment has its clasp project file, placeholders until a script id is filled in', () => {
    for (const target of TARGETS) {
      const text = readFileSync(join(ROOT, claspFileOf(target)), 'utf8');
      expect(JSON.parse(text), target).toHaveProperty('scriptId');
      expect(() => claspConfigFor(target, text)).toThrow(new RegExp(`apps-script/\\.clasp\\.${target}\\.json names no script.*docs/sheets\\.md`));
    }
  });

  it('a deployment with a script id becomes a .clasp.json whose files are the build output', () => {
    const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghijklmnopq';
    expect(claspConfigFor('prod', JSON.stringify({ scriptId: id, rootDir: '../dist/apps-script', projectId: 'p-1' }))).toEqual({ scriptId: id, projectId: 'p-1', rootDir: '.' });
    expect(() => claspConfigFor('dev', '{ scriptId: ')).toThrow('apps-script/.clasp.dev.json is not valid JSON.');
    expect(() => claspConfigFor('dev', '[]')).toThrow('must hold a JSON object');
    expect(() => claspConfigFor('dev', JSON.stringify({ scriptId: 'paste-here' }))).toThrow('names no script');
  });

  it('the sidebar is one self-contained page (no external scripts, styles or fonts)', () => {
    const html = h.files['Sidebar.html']!;
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import|url\(/i);
    expect(html).not.toContain('<!-- rapport:script -->');
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toMatch(/innerHTML/);
  });
});

describe('globals generated from main.ts', () => {
  const doc = (body: string) => `/**\n * ${body}\n */\n`;

  it('turns each documented export into a wrapper named and shaped by its @param tags', () => {
    const src =
      "import * as custom from './custom-functions';\n\n" +
      doc('Tier of each value. 分级。\n *\n * @param {Object[][]} values The column.\n * @param {string} [mode] Optional.\n * @customfunction') +
      'export const RAPPORT_X = custom.RAPPORT_X;\n\n' +
      doc('Menu: go. 菜单。') +
      'export const rapportGo = go;\n';
    const hs = handlersOf(src);
    expect(hs.map((x) => [x.name, x.params])).toEqual([
      ['RAPPORT_X', ['values', 'mode']],
      ['rapportGo', []],
    ]);
    const out = globalsFor(hs);
    expect(out).toContain(`${hs[0]!.doc}\nfunction RAPPORT_X(values, mode) {\n  return Rapport.RAPPORT_X(values, mode);\n}`);
    expect(out).toContain('function rapportGo() {\n  return Rapport.rapportGo();\n}');
    expect(() => new vm.Script(out)).not.toThrow();
  });

  it('refuses an export without JSDoc, in another form, twice, or a custom function without @customfunction', () => {
    expect(() => handlersOf('export const a = b;\n')).toThrow('main.ts:1: a needs a JSDoc block');
    expect(() => handlersOf(`// note\n${doc('x')}\nconst z = 1;\nexport const a = b;\n`)).toThrow('main.ts:7: a needs a JSDoc block');
    expect(() => handlersOf(`${doc('x')}export { a } from './a';\n`)).toThrow('main.ts:4: write each export as');
    expect(() => handlersOf(`${doc('x')}export function a() {}\n`)).toThrow('write each export as');
    expect(() => handlersOf(`${doc('x')}export const a = b;\n${doc('y')}export const a = c;\n`)).toThrow('exports a twice');
    expect(() => handlersOf(`${doc('Sum. @param {number} v')}export const RAPPORT_SUM = s;\n`)).toThrow('RAPPORT_SUM lacks the @customfunction tag');
  });
});
