// The worker thread of cli/rapport.mjs: runs the CLI, from its bundle (dist/cli/main.mjs, built by
// `npm run build:cli` at install) while no source file it was built from has changed since the build
// started, else from the TypeScript sources through tsx. RAPPORT_FROM_SOURCE=1 always runs the sources.
// The same script runs the CLI's extra threads: the one that reads the second part of a large file
// (cli/second-part.ts) and the one that fits the purchase model (cli/fit-thread.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync, statSync } from 'node:fs';
import module from 'node:module';

// Node keeps the bundle's compiled code on disk (in the temporary folder) between runs, so a run
// after the first starts sooner. Where that folder cannot be written, nothing changes.
module.enableCompileCache?.();

const root = new URL('../', import.meta.url);

/** The bundle's URL when it is there and no input of it has changed since its build started; else null. */
function freshBundle() {
  if (process.env.RAPPORT_FROM_SOURCE === '1') return null;
  try {
    const bundle = new URL('dist/cli/main.mjs', root);
    statSync(bundle);
    const { started, inputs } = JSON.parse(readFileSync(new URL('dist/cli/inputs.json', root), 'utf8'));
    if (typeof started !== 'number' || !Array.isArray(inputs)) return null;
    for (const input of inputs) if (statSync(new URL(input, root)).mtimeMs > started) return null;
    return bundle.href;
  } catch {
    return null; // not built, or an input is gone: the sources decide
  }
}

async function load() {
  const bundle = freshBundle();
  if (bundle) return import(bundle);
  const { register } = await import('tsx/esm/api');
  register();
  return import('./main.ts');
}

if (workerData?.fitThread) {
  // A thread fitting the purchase model with the CLI's thread (cli/fit-thread.ts); should it fail to
  // start, it says so, and the CLI's thread makes the fits itself. It ends when its port closes.
  try {
    const { runFitThread } = await load();
    runFitThread(workerData.fitThread);
  } catch {
    const done = new Int32Array(workerData.fitThread.done);
    for (let k = 0; k < done.length; k++) {
      Atomics.store(done, k, 2);
      Atomics.notify(done, k);
    }
  }
} else {
  const { main, tooBigNotice, readSecondPart, setWorkerScript } = await load();
  if (workerData?.secondPart) {
    // A thread reading the second part of a large file for the CLI's thread (cli/second-part.ts).
    readSecondPart(workerData.secondPart);
  } else {
    setWorkerScript(new URL(import.meta.url));
    const argv = process.argv.slice(2);
    parentPort.postMessage({ tooBig: tooBigNotice(argv) });
    parentPort.postMessage({ code: await main(argv) });
  }
}
