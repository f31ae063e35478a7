/**
 * Writing a build output so that no reader ever sees half of it (a test may start the CLI, or a
 * parallel test worker rebuild the add-on, while the file is being written): the text goes to a
 * temporary file beside it, which is then renamed over it.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Write `text` to dir/name atomically. */
export function writeAtomically(dir: string, name: string, text: string): void {
  const tmp = join(dir, `.${name}.${process.pid}.tmp`);
  writeFileSync(tmp, text);
  renameSync(tmp, join(dir, name));
}
