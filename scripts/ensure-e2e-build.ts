/**
 * The test/demo build of the extension (`wxt build --mode e2e` → .output/chrome-mv3-e2e), built
 * when missing or older than the extension's sources.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const E2E_DIR = join(ROOT, '.output', 'chrome-mv3-e2e');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function ensureE2eBuild(): string {
  const manifest = join(E2E_DIR, 'manifest.json');
  const stale = !existsSync(manifest) || statSync(manifest).mtimeMs < Math.max(newest(join(ROOT, 'extension')), newest(join(ROOT, 'shared')));
  if (stale) {
    execFileSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build', '--mode', 'e2e'], { cwd: ROOT, stdio: 'inherit' });
  }
  return E2E_DIR;
}
