/**
 * `npm run build:cli` (also run by `npm install`): bundle the command line (cli/main.ts and the
 * shared core it imports) into one ES module, dist/cli/main.mjs, with the source files it was built
 * from and the time the build started (dist/cli/inputs.json). cli/worker.mjs runs the bundle while no
 * source file has changed since the build started, and the TypeScript sources through tsx otherwise: a bundle starts about a tenth of a
 * second sooner (no TypeScript loader, one module instead of a hundred), and an edited source is
 * never run stale.
 */
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAtomically } from './write-atomically';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'cli');

/** Write a file of the output atomically (scripts/write-atomically.ts). */
const put = (name: string, text: string): void => writeAtomically(out, name, text);

async function main(): Promise<void> {
  const t0 = performance.now();
  // A source saved after this moment may have been read before it changed: it makes the bundle stale.
  const started = Date.now();
  mkdirSync(out, { recursive: true });
  const result = await build({
    entryPoints: [join(root, 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    write: false,
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const code = result.outputFiles[0]!.text;
  // The inputs first, then the bundle: a bundle is never newer than an inputs list it does not match.
  const inputs = Object.keys(result.metafile.inputs).map((p) => relative(root, resolve(root, p)));
  put('inputs.json', `${JSON.stringify({ started, inputs }, null, 1)}\n`);
  put('main.mjs', code);
  console.log(`built dist/cli/main.mjs (${(code.length / 1024).toFixed(0)} KB from ${inputs.length} files) in ${(performance.now() - t0).toFixed(0)} ms`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
