/**
 * `rapport` runs from its bundle (dist/cli/main.mjs, `npm run build:cli`) while no source file it
 * was built from has changed since the build started, else from the TypeScript sources: both give
 * the same output, and a source edited during or after the build is never run stale.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const SAMPLE = resolve(ROOT, 'test/fixtures/customers-utf8.csv');

/** A copy of the CLI and core, with the project's node_modules, bundled as `npm run build:cli` does. */
function copyOfProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bundle-'));
  for (const part of ['cli', 'shared', 'scripts', 'package.json', 'tsconfig.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(dir, 'scripts/build-cli.ts')], { cwd: dir, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  return dir;
}

function rapport(dir: string, env: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, [join(dir, 'cli/rapport.mjs'), SAMPLE, '--lang', 'en', '--as-of', '2026-11-28'], { encoding: 'utf8', env: { ...process.env, ...env } });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('the bundled CLI', () => {
  it('gives what the sources give, and the sources run once one of them is newer than the bundle', () => {
    const dir = copyOfProject();
    const { inputs } = JSON.parse(readFileSync(join(dir, 'dist/cli/inputs.json'), 'utf8')) as { started: number; inputs: string[] };
    expect(inputs).toContain('cli/main.ts');
    expect(inputs).toContain('shared/analyze.ts');
    const fromSource = rapport(dir, { RAPPORT_FROM_SOURCE: '1' });
    expect(rapport(dir)).toBe(fromSource);
    // An edit saved while the bundle was being built (after the build started, before the bundle was
    // written): the bundle may not hold it, so the sources run. A marker only the sources print shows which ran.
    const { started } = JSON.parse(readFileSync(join(dir, 'dist/cli/inputs.json'), 'utf8')) as { started: number };
    const printer = join(dir, 'cli/print-analysis.ts');
    writeFileSync(printer, readFileSync(printer, 'utf8').replace(/Pyramid/, 'PYRAMID-FROM-SOURCE'));
    const during = (started + 10) / 1000;
    utimesSync(printer, during, during);
    expect(rapport(dir)).toContain('PYRAMID-FROM-SOURCE');
  }, 120_000);
});
