/**
 * The script the CLI's extra threads run (cli/worker.mjs, which loads the bundle or the sources as
 * the CLI's own thread did). It tells the CLI where it is, so that both the sources and the bundle
 * find it; without it (the CLI run in a test's own process) no extra thread is started.
 */
let script: URL | null = null;

export function setWorkerScript(url: URL | null): void {
  script = url;
}

export function workerScript(): URL | null {
  return script;
}
