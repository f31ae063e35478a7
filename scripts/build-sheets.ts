/**
 * `npm run build:sheets`: bundle the Sheets add-on (apps-script/ + shared/) into what clasp pushes,
 * dist/apps-script/:
 * - Code.js: one plain script — an IIFE that sets the global `Rapport`, then the top-level
 *   functions Apps Script sees, generated from the exports of apps-script/main.ts with their JSDoc
 *   (custom functions, menu handlers, triggers, google.script.run endpoints; scripts/sheets-globals.ts).
 *   No import/export/require, ES2019 syntax for Apps Script's V8.
 * - Sidebar.html: the settings page with its script inlined (HtmlService serves one file).
 * - appsscript.json: the manifest (V8, least-privilege scopes).
 * Then it checks the result: Code.js parses as a classic script, uses nothing Node-only, and every
 * `Rapport.X` the globals call is exported by the bundle and vice versa.
 * `--target dev|prod` also writes dist/apps-script/.clasp.json from apps-script/.clasp.<target>.json
 * (scripts/clasp-target.ts), for `npm run push:sheets:dev` / `push:sheets:prod`.
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAtomically } from './write-atomically';
import vm from 'node:vm';
import { globalsFor, handlersOf } from './sheets-globals';
import { claspConfigFor, claspFileOf, isTarget, TARGETS } from './clasp-target';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'apps-script');
const out = join(root, 'dist', 'apps-script');

/** Write a file of the output atomically (scripts/write-atomically.ts). */
const put = (name: string, text: string): void => writeAtomically(out, name, text);

/** The deployment named by `--target dev|prod` and its .clasp.json, read before anything is built. */
function claspTarget(): { target: string; config: Record<string, unknown> } | null {
  const t = process.argv.indexOf('--target');
  if (t < 0) return null;
  const target = process.argv[t + 1] ?? '';
  if (!isTarget(target)) throw new Error(`--target must be one of ${TARGETS.join(', ')}`);
  return { target, config: claspConfigFor(target, readFileSync(join(root, claspFileOf(target)), 'utf8')) };
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const clasp = claspTarget();
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
  const bundle = bindBuiltIns(server.outputFiles[0]!.text);
  const wrappers = globalsFor(handlersOf(readFileSync(join(src, 'main.ts'), 'utf8')));
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
  if (missing.length) throw new Error(`the generated globals call Rapport.${missing.join(', Rapport.')}, which the bundle does not export`);
  if (unwrapped.length) throw new Error(`the bundle exports ${unwrapped.join(', ')} with no top-level function (is main.ts's export a documented \`export const\`?)`);
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

  if (clasp) {
    put('.clasp.json', `${JSON.stringify(clasp.config, null, 2)}\n`);
    console.log(`build:sheets → dist/apps-script/.clasp.json for ${clasp.target} (script ${String(clasp.config.scriptId)})`);
  }
  const kb = (s: string) => `${(Buffer.byteLength(s) / 1024).toFixed(0)} KiB`;
  console.log(`build:sheets → dist/apps-script: Code.js ${kb(code)}, Sidebar.html ${kb(page_)}, appsscript.json (${(performance.now() - t0).toFixed(0)} ms)`);
}

main().catch((e: unknown) => {
  console.error(`build:sheets failed: ${(e as Error).message}`);
  process.exit(1);
});

/**
 * The built-ins the model's likelihood loops call millions of times, bound as parameters of the
 * bundle's IIFE so that every use is a local variable: the same objects, looked up once. Apps
 * Script's globals are plain, but Node's vm (the add-on's test harness and benchmark) intercepts
 * every global lookup, which made those loops several times slower there than anywhere real.
 */
const BOUND_BUILT_INS = ['Math', 'Float64Array', 'Number'];

function bindBuiltIns(bundle: string): string {
  const head = 'var Rapport = (() => {';
  const tail = '})();';
  const start = bundle.indexOf(head);
  const end = bundle.lastIndexOf(tail);
  if (start < 0 || end < start) throw new Error('build-sheets: the bundle is not the expected IIFE (var Rapport = (() => { … })();)');
  const names = BOUND_BUILT_INS.join(', ');
  return `${bundle.slice(0, start)}var Rapport = ((${names}) => {${bundle.slice(start + head.length, end)}})(${names});${bundle.slice(end + tail.length)}`;
}
