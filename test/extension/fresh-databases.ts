import { afterEach } from 'vitest';
import { Dexie } from 'dexie';
import { RapportDB } from '../../extension/db/database';

/**
 * A test file's databases: each call gives a fresh RapportDB (on fake-indexeddb) under a new name
 * starting with `prefix`, or under `name`; every one is closed and deleted after each test.
 * Call it before the file's own afterEach, so that its hook runs after them (vitest runs after-hooks
 * in reverse order).
 */
export function freshDatabases(prefix: string): (name?: string) => RapportDB {
  const open: RapportDB[] = [];
  let n = 0;
  afterEach(async () => {
    for (const d of open.splice(0)) {
      d.close();
      await Dexie.delete(d.name);
    }
  });
  return (name = `${prefix}-${++n}-${Date.now()}`) => {
    const d = new RapportDB(name);
    open.push(d);
    return d;
  };
}
