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
  it('gives what the sources give; runs while no source changed after its build started, the sources once one did', () => {
    const dir = copyOfProject();
    const { inputs, started } = JSON.parse(readFileSync(join(dir, 'dist/cli/inputs.json'), 'utf8')) as { started: number; inputs: string[] };
    expect(inputs).toContain('cli/main.ts');
    expect(inputs).toContain('shared/analyze.ts');
    const fromSource = rapport(dir, { RAPPORT_FROM_SOURCE: '1' });
    expect(rapport(dir)).toBe(fromSource);
    // A marker only the edited sources print shows which ran.
    const printer = join(dir, 'cli/print-analysis.ts');
    writeFileSync(printer, readFileSync(printer, 'utf8').replace(/Pyramid/, 'PYRAMID-FROM-SOURCE'));
    const at = (ms: number) => utimesSync(printer, ms / 1000, ms / 1000);
    // Dated before the build started (as a checkout before `npm install`): the bundle runs.
    at(started - 10_000);
    expect(rapport(dir)).not.toContain('PYRAMID-FROM-SOURCE');
    expect(rapport(dir, { RAPPORT_FROM_SOURCE: '1' })).toContain('PYRAMID-FROM-SOURCE');
    // Saved while the bundle was being built (after the build started, before the bundle was
    // written): the bundle may not hold it, so the sources run.
    at(started + 10);
    expect(rapport(dir)).toContain('PYRAMID-FROM-SOURCE');
  }, 120_000);
});
