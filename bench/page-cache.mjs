// A file's bytes read once, untimed, just before a timed run reads it, so that the run reads them
// from the page cache. Some machines this bench runs on page out file pages left idle for about a
// minute (Linux DAMON's pageout scheme: seen on the 2-core machine of 2026-12-02, where a timed run
// could spend seconds waiting for its virtual disk); the runs compare programs, not disks. Plain
// JavaScript, so that bench/peer/duckdb.mjs (run by plain Node) and the TypeScript benches share it.
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 8 << 20;

/**
 * Reads every byte of `path` (nothing is kept); a path that cannot be opened is left to the timed run.
 * @param {string} path
 */
export function intoPageCache(path) {
  let fd;
  try {
    fd = openSync(path, 'r');
  } catch {
    return;
  }
  try {
    const buf = new Uint8Array(CHUNK);
    while (readSync(fd, buf, 0, CHUNK, null) > 0);
  } finally {
    closeSync(fd);
  }
}
