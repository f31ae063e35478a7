/**
 * The built add-on for tests: (re)builds dist/apps-script when it is missing or older than any
 * source file (so `npx vitest run test/apps-script` alone tests the current code), then loads it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppsScriptHarness, BUILD_DIR } from './harness/index';

const root = resolve(import.meta.dirname, '../..');

function newestSource(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newestSource(p));
    else t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

let harness: AppsScriptHarness | null = null;

/** The harness over the built Code.js (built once per test process when stale). */
export function builtHarness(): AppsScriptHarness {
  if (harness) return harness;
  const code = join(BUILD_DIR, 'Code.js');
  const stale =
    !existsSync(code) ||
    Math.max(newestSource(join(root, 'apps-script')), newestSource(join(root, 'shared')), statSync(join(root, 'scripts/build-sheets.ts')).mtimeMs, statSync(join(root, 'scripts/sheets-globals.ts')).mtimeMs) >
    statSync(code).mtimeMs;
  if (stale) execFileSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/build-sheets.ts')], { cwd: root, stdio: 'pipe' });
  harness = new AppsScriptHarness();
  return harness;
}
