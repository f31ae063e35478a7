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

  it('the manifest asks for V8 and only the current spreadsheet and container UI scopes', () => {
    const manifest = JSON.parse(readFileSync(join(BUILD_DIR, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toEqual(['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui']);
  });

  it('.clasp.json pushes the build output', () => {
    const dir = resolve(import.meta.dirname, '../../apps-script');
    const clasp = JSON.parse(readFileSync(join(dir, '.clasp.json'), 'utf8'));
    expect(resolve(dir, clasp.rootDir)).toBe(BUILD_DIR);
  });

  it('the sidebar is one self-contained page (no external scripts, styles or fonts)', () => {
    const html = h.files['Sidebar.html']!;
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import|url\(/i);
    expect(html).not.toContain('<!-- rapport:script -->');
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toMatch(/innerHTML/);
  });
});
