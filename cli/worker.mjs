// The worker thread of cli/rapport.mjs: loads the TypeScript CLI through tsx and runs it.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { main, tooBigNotice } = await import('./main.ts');
const argv = process.argv.slice(2);
parentPort.postMessage({ tooBig: tooBigNotice(argv) });
parentPort.postMessage({ code: await main(argv) });
