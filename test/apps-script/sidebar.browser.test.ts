/**
 * The settings sidebar (the BUILT Sidebar.html) in Chromium: it renders in zh and en, validates
 * with the core's rules as the user types, and calls google.script.run with the right payload.
 * google.script.run is stubbed in the page; calls are recorded on window.__calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { builtHarness } from './built';
import { BUILD_DIR, sheetValues, workbookWith } from './harness/index';
import { DEFAULT_SETTINGS } from '../../shared/settings';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);

/** The stub: a chainable google.script.run that records calls and answers asynchronously. */
function stub(state: unknown): void {
  const w = window as unknown as Record<string, unknown>;
  w.__calls = [];
  w.__state = state;
  const mk = (ok: ((v: unknown) => void) | null, fail: ((e: unknown) => void) | null): unknown =>
    new Proxy(
      {},
      {
        get(_t, prop: string) {
          if (prop === 'withSuccessHandler') return (f: (v: unknown) => void) => mk(f, fail);
          if (prop === 'withFailureHandler') return (f: (e: unknown) => void) => mk(ok, f);
          return (...args: unknown[]) => {
            (w.__calls as unknown[]).push({ fn: prop, args: JSON.parse(JSON.stringify(args)) });
            setTimeout(() => {
              if (prop === 'rapportSidebarState') ok?.(w.__state);
              else if (w.__fail) fail?.({ message: w.__fail });
              else ok?.({ saved: true, sheet: 'Rapport settings', message: 'Saved to the sheet.' });
            }, 0);
          };
        },
      },
    );
  w.google = { script: { run: mk(null, null) } };
}

/** google.script.run bridged to the built server functions (window.__server, exposed by the test). */
function bridge(): void {
  const w = window as unknown as { __server: (fn: string, args: unknown[]) => Promise<{ ok: boolean; value?: unknown; message?: string }>; google: unknown };
  const mk = (ok: ((v: unknown) => void) | null, fail: ((e: unknown) => void) | null): unknown =>
    new Proxy(
      {},
      {
        get(_t, prop: string) {
          if (prop === 'withSuccessHandler') return (f: (v: unknown) => void) => mk(f, fail);
          if (prop === 'withFailureHandler') return (f: (e: unknown) => void) => mk(ok, f);
          return (...args: unknown[]) =>
            void w.__server(prop, JSON.parse(JSON.stringify(args))).then((r) => (r.ok ? ok?.(r.value) : fail?.({ message: r.message })));
        },
      },
    );
  w.google = { script: { run: mk(null, null) } };
}

const SKIPPED = ' — SKIPPED: /usr/bin/chromium not found (apt-get install -y chromium; CI installs it)';

describe.skipIf(!hasChromium)(`settings sidebar in Chromium${hasChromium ? '' : SKIPPED}`, () => {
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    builtHarness();
    url = pathToFileURL(join(BUILD_DIR, 'Sidebar.html')).href;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(lang: 'zh' | 'en', settings: unknown = DEFAULT_SETTINGS, problems: unknown[] = []): Promise<Page> {
    const page = await browser.newPage();
    await page.addInitScript(stub, { lang, settings, problems, fromSheet: true });
    await page.goto(url);
    await page.waitForSelector('#f-tiers-a');
    return page;
  }
  const calls = (page: Page) => page.evaluate(() => (window as unknown as { __calls: { fn: string; args: unknown[] }[] }).__calls);

  it('renders in Chinese with the current values, after asking for them once', async () => {
    const page = await open('zh', { ...DEFAULT_SETTINGS, tiers: { a: 0.75, b: 0.95, d: 0.05 } });
    expect(await page.textContent('#title')).toBe('Rapport 设置');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('fieldset[data-group="weights"] legend')).toBe('价值评分权重 (方法 §2)');
    expect(await page.textContent('label[for="f-tiers-a"]')).toBe('A 类累计占比上限 (0.8 = 80%)');
    expect(await page.inputValue('#f-tiers-a')).toBe('0.75');
    expect(await page.inputValue('#f-visitDays-D')).toBe('');
    expect(await page.textContent('#save')).toBe('保存');
    expect(await page.isDisabled('#save')).toBe(false);
    expect(await calls(page)).toEqual([{ fn: 'rapportSidebarState', args: [] }]);
    await page.close();
  });

  it('renders in English', async () => {
    const page = await open('en');
    expect(await page.textContent('#title')).toBe('Rapport settings');
    expect(await page.textContent('label[for="f-tiers-a"]')).toBe('A: cumulative share limit (0.8 = 80%)');
    expect(await page.textContent('#export')).toBe('Export');
    await page.close();
  });

  it('validates as the user types: a bad value is marked, explained and blocks Save', async () => {
    const page = await open('zh');
    await page.fill('#f-tiers-a', '1.5');
    expect(await page.getAttribute('#f-tiers-a', 'aria-invalid')).toBe('true');
    expect(await page.textContent('[data-problem-for="tiers.a"]')).toContain('应在 0 到 1 之间');
    expect(await page.isDisabled('#save')).toBe(true);
    await page.fill('#f-tiers-a', 'abc');
    expect(await page.textContent('[data-problem-for="tiers.a"]')).toBe('应为数字');
    await page.fill('#f-pyramid-gold', '0.01');
    expect(await page.textContent('[data-problem-for="pyramid"]')).toBe('应递增: 铂金 ≤ 黄金 ≤ 铁 ≤ 1');
    await page.fill('#f-tiers-a', '0.7');
    await page.fill('#f-pyramid-gold', '0.2');
    expect(await page.getAttribute('#f-tiers-a', 'aria-invalid')).toBeNull();
    expect(await page.isDisabled('#save')).toBe(false);
    await page.click('#save');
    // nothing was sent while invalid; one save now
    expect((await calls(page)).filter((c) => c.fn === 'rapportSaveSettings')).toHaveLength(1);
    await page.close();
  });

  it('Save sends the whole settings object and shows the answer', async () => {
    const page = await open('en');
    await page.fill('#f-tiers-a', '0.7');
    await page.fill('#f-visitDays-C', '');
    await page.selectOption('#f-model-unit', 'days');
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('status')!.textContent === 'Saved to the sheet.');
    const save = (await calls(page)).find((c) => c.fn === 'rapportSaveSettings')!;
    expect(save.args).toEqual([
      {
        ...DEFAULT_SETTINGS,
        tiers: { a: 0.7, b: 0.95, d: 0.05 },
        visitDays: { A: 30, B: 90, C: null, D: null },
        model: { ...DEFAULT_SETTINGS.model, unit: 'days' },
      },
    ]);
    await page.evaluate(() => ((window as unknown as { __fail: string }).__fail = 'These settings are not valid: tiers.a: must be between 0 and 1'));
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('status')!.className === 'error');
    expect(await page.textContent('#status')).toBe('Not saved: These settings are not valid: tiers.a: must be between 0 and 1');
    await page.close();
  });

  it('end to end with the built server functions: loads the sheet’s settings, saves to the settings sheet', async () => {
    const h = builtHarness();
    const wb = workbookWith([[]]);
    const page = await browser.newPage();
    await page.exposeFunction('__server', (fn: string, args: unknown[]) => {
      try {
        return { ok: true, value: h.open(wb, { userLocale: 'zh_CN' }).call(fn, ...args) };
      } catch (e) {
        return { ok: false, message: (e as Error).message };
      }
    });
    await page.addInitScript(bridge);
    await page.goto(url);
    await page.waitForSelector('#f-tiers-a');
    expect(await page.textContent('#title')).toBe('Rapport 设置');
    expect(await page.inputValue('#f-tiers-a')).toBe('0.8');
    await page.fill('#f-tiers-a', '0.7');
    await page.fill('#f-visitDays-A', '14');
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('status')!.className === 'ok');
    expect(await page.textContent('#status')).toBe('设置已保存到 "Rapport settings" 工作表。');
    const sheet = sheetValues(wb, 'Rapport settings');
    expect(sheet[0]).toEqual(['设置项 (key)', '值 (value)', '说明']);
    expect(sheet.find((r) => r[0] === 'tiers.a')).toEqual(['tiers.a', 0.7, 'A 类累计占比上限 (0.8 = 80%)']);
    expect(sheet.find((r) => r[0] === 'visitDays.A')!.slice(0, 2)).toEqual(['visitDays.A', 14]);
    // reopened, the page shows what the sheet holds
    await page.reload();
    await page.waitForSelector('#f-tiers-a');
    await page.waitForFunction(() => (document.getElementById('f-tiers-a') as HTMLInputElement).value === '0.7');
    await page.close();
  });

  it('exports and imports the CLI’s settings JSON', async () => {
    const page = await open('en');
    await page.click('#export');
    expect(JSON.parse(await page.inputValue('#json'))).toEqual(DEFAULT_SETTINGS);
    await page.fill('#json', '{"tiers": {"a": 0.6}, "visitDays": {"A": 14}}');
    await page.click('#import');
    expect(await page.inputValue('#f-tiers-a')).toBe('0.6');
    expect(await page.inputValue('#f-visitDays-A')).toBe('14');
    expect(await page.inputValue('#f-tiers-b')).toBe('0.95');
    expect(await page.textContent('#status')).toBe('Imported. Check the values, then Save.');
    await page.fill('#json', '{"tiers": {"a": 0.6, "z": 1}}');
    await page.click('#import');
    expect(await page.textContent('#status')).toBe('tiers.z: unknown setting, ignored');
    await page.fill('#json', '{oops');
    await page.click('#import');
    expect(await page.textContent('#status')).toMatch(/^This is not valid JSON: /);
    await page.close();
  });
});
