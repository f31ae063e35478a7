/**
 * `npm run build:sheets`: bundle the Sheets add-on (apps-script/ + shared/) into what clasp pushes,
 * dist/apps-script/ (the rootDir of apps-script/.clasp.json):
 * - Code.js: one plain script — an IIFE that sets the global `Rapport`, then apps-script/globals.js
 *   (the top-level functions with their JSDoc: custom functions, menu handlers, triggers,
 *   google.script.run endpoints). No import/export/require, ES2019 syntax for Apps Script's V8.
 * - Sidebar.html: the settings page with its script inlined (HtmlService serves one file).
 * - appsscript.json: the manifest (V8, least-privilege scopes).
 * Then it checks the result: Code.js parses as a classic script, uses nothing Node-only, and every
 * `Rapport.X` the wrappers call is exported by the bundle and vice versa.
 * `--check-push` also checks that apps-script/.clasp.json names a script (for push:sheets).
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'apps-script');
const out = join(root, 'dist', 'apps-script');

/** Write atomically (tests in parallel workers may rebuild while another reads). */
function put(name: string, text: string): void {
  const tmp = join(out, `.${name}.${process.pid}.tmp`);
  writeFileSync(tmp, text);
  renameSync(tmp, join(out, name));
}

async function main(): Promise<void> {
  const t0 = performance.now();
  mkdirSync(out, { recursive: true });

  const server = await build({
    entryPoints: [join(src, 'main.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'Rapport',
    target: 'es2019',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const bundle = server.outputFiles[0]!.text;
  const wrappers = readFileSync(join(src, 'globals.js'), 'utf8');
  const banner = `// Rapport for Google Sheets — built by scripts/build-sheets.ts from apps-script/ and shared/. Do not edit.\n`;
  const code = `${banner}${bundle}\n${wrappers}`;

  // checks: a classic script, nothing Node-only, wrappers and exports agree
  new vm.Script(code, { filename: 'Code.js' });
  // what the IIFE exposes (loading it touches no Apps Script service)
  const exported = new Set(vm.runInNewContext(`${bundle};Object.keys(Rapport)`, {}) as string[]);
  const nodeOnly = /\brequire\s*\(|\bprocess\.|\bimport\s*\(|\bmodule\.exports\b|\bBuffer\./.exec(code);
  if (nodeOnly) throw new Error(`Code.js uses something Node-only: "${nodeOnly[0]}"`);
  const called = new Set([...wrappers.matchAll(/\bRapport\.(\w+)\s*\(/g)].map((m) => m[1]!));
  const missing = [...called].filter((n) => !exported.has(n));
  const unwrapped = [...exported].filter((n) => !called.has(n));
  if (missing.length) throw new Error(`globals.js calls Rapport.${missing.join(', Rapport.')} which main.ts does not export`);
  if (unwrapped.length) throw new Error(`main.ts exports ${unwrapped.join(', ')} with no top-level function in globals.js`);
  for (const m of wrappers.matchAll(/function\s+(RAPPORT_\w+)\s*\(/g)) {
    const before = wrappers.slice(0, m.index);
    const doc = before.slice(before.lastIndexOf('/**'));
    if (!doc.includes('@customfunction') || !doc.trimEnd().endsWith('*/')) throw new Error(`${m[1]} lacks its @customfunction JSDoc`);
  }
  put('Code.js', code);

  const page = await build({
    entryPoints: [join(src, 'sidebar', 'sidebar.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    charset: 'utf8',
    legalComments: 'none',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  const js = page.outputFiles[0]!.text.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
  const html = readFileSync(join(src, 'sidebar', 'Sidebar.html'), 'utf8');
  if (!html.includes('<!-- rapport:script -->')) throw new Error('Sidebar.html lost its <!-- rapport:script --> marker');
  const page_ = html.replace('<!-- rapport:script -->', () => `<script>\n${js}</script>`);
  put('Sidebar.html', page_);

  put('appsscript.json', readFileSync(join(src, 'appsscript.json'), 'utf8'));

  if (process.argv.includes('--check-push')) {
    const clasp = JSON.parse(readFileSync(join(src, '.clasp.json'), 'utf8')) as { scriptId?: string; rootDir?: string };
    if (!clasp.scriptId)
      throw new Error(
        'apps-script/.clasp.json has no scriptId. Open your spreadsheet → Extensions → Apps Script → Project settings, copy the Script ID into apps-script/.clasp.json, then run `npx --yes @google/clasp login` once.',
      );
    if (resolve(src, clasp.rootDir ?? '.') !== out) throw new Error(`apps-script/.clasp.json rootDir must point at ${out}`);
  }
  const kb = (s: string) => `${(Buffer.byteLength(s) / 1024).toFixed(0)} KiB`;
  console.log(`build:sheets → dist/apps-script: Code.js ${kb(code)}, Sidebar.html ${kb(page_)}, appsscript.json (${(performance.now() - t0).toFixed(0)} ms)`);
}

main().catch((e: unknown) => {
  console.error(`build:sheets failed: ${(e as Error).message}`);
  process.exit(1);
});
