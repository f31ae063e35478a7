/**
 * Extension benchmarks. Goals: look-up ≤ 5 ms, note search ≤ 50 ms, URL change → panel
 * ≤ 150 ms, content script ≤ 30 KB gzipped; with 100,000 customers a logged visit ≤ 200 ms and an
 * import of 100,000 rows ≤ 10 s with no task over 100 ms on the panel's main thread.
 * - Logged visit and import among 100,000 generated customers: the panel in Chromium (the import
 *   worker, Chrome's IndexedDB, long tasks observed on the panel page), and the data layer alone in
 *   Node on fake-indexeddb. Beside it, Chrome's IndexedDB alone: a record per customer (the floor
 *   of the old layout) against the customer blocks the import writes now.
 * - Look-up by address among 100,000 customers: the real Dexie module on fake-indexeddb in Node
 *   (an in-memory IndexedDB written in JS; Chrome's IndexedDB is a different engine, so this is
 *   an indication, not Chrome's figure).
 * - Note search over 100,000 notes: the panel's in-memory search (after one load of the notes).
 * - Content script size: the built .output file, gzipped (built first when missing).
 * - Adapter read per navigation on a 50-message Gmail thread: in Node on happy-dom (a JS DOM), and
 *   on Chromium's main thread (the adapter bundled into a page) when Chromium is there.
 * - URL change → panel showing the new customer: headless Chromium with the test build, when
 *   /usr/bin/chromium exists.
 */
import 'fake-indexeddb/auto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dexie } from 'dexie';
import { Window } from 'happy-dom';
import type { BenchContext } from './baseline';
import { RapportDB } from '../extension/db/database';
import { matchPerson } from '../extension/db/match-person';
import { indexNotes, searchNotes } from '../extension/db/notes';
import type { Note, StoredCustomer } from '../extension/db/records';
import * as gmail from '../extension/sites/gmail';
import { ensureE2eBuild, ROOT } from '../scripts/ensure-e2e-build';
import { CHROMIUM, launchWithExtension, tabIdOf } from '../scripts/extension-browser';
import { startFixtureServer } from '../scripts/mail-fixture-server';
import { writeFileSync } from 'node:fs';
import { generateCustomers } from '../shared/sample/generate-customers';
import { toDelimited } from '../shared/csv/to-delimited';
import { commitImport, previewImport } from '../extension/db/import-table';
import { logContact } from '../extension/db/contact-log';
import { decodeCustomer } from '../extension/db/customer-item';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const N = 100_000;

async function lookups(ctx: BenchContext): Promise<void> {
  const name = `rapport-bench-${Date.now()}`;
  const db = new RapportDB(name);
  const rows: StoredCustomer[] = [];
  for (let i = 0; i < N; i++) {
    const domain = `company${i}.com`;
    rows.push({ key: `C${i}`, name: `Company ${i}`, emails: [`buyer${i}@${domain}`, `ap${i}@${domain}`], domains: [domain], tier: 'C', lifecycle: 'maturity' } as unknown as StoredCustomer);
  }
  const t0 = performance.now();
  await db.customers.bulkPut(rows);
  ctx.line(`set-up: ${N.toLocaleString('en')} customers written to fake-indexeddb in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const rand = lcg(42);
  const exact: number[] = [];
  const byDomain: number[] = [];
  for (let k = 0; k < 200; k++) {
    const i = Math.floor(rand() * N);
    let t = performance.now();
    const a = await matchPerson(db, `buyer${i}@company${i}.com`);
    exact.push(performance.now() - t);
    t = performance.now();
    const b = await matchPerson(db, `someone.new@company${i}.com`);
    byDomain.push(performance.now() - t);
    if (a[0]?.customer.key !== `C${i}` || b[0]?.by !== 'domain') throw new Error('look-up returned the wrong customer');
  }
  ctx.report('look-up by exact address, 100k customers (median)', median(exact), 'goal ≤ 5 ms; fake-indexeddb');
  ctx.report('look-up by company domain, 100k customers (median)', median(byDomain), 'goal ≤ 5 ms; fake-indexeddb');
  db.close();
  await Dexie.delete(name);
}

function noteSearch(ctx: BenchContext): void {
  const rand = lcg(7);
  const words = ['报价', '拜访', 'price', 'quote', 'visit', 'delivery', '投诉', 'invoice', 'renewal', '样品', 'discount', 'contract', '物流', 'meeting', 'budget'];
  const built: Note[] = [];
  for (let i = 0; i < N; i++) {
    const body = `${Array.from({ length: 12 }, () => words[Math.floor(rand() * words.length)]).join(' ')} #${i}`;
    built.push({ id: String(i), customerKey: `C${i % 5000}`, body, tags: rand() < 0.3 ? ['visit'] : [], created: new Date(1.7e12 + i * 60_000).toISOString(), updated: '', deleted: null });
  }
  // Notes as IndexedDB hands them over: a structured clone (flat strings, fresh objects).
  const notes = structuredClone(built);
  const queries = ['renewal discount', '报价 样品', '#visit budget', 'nothing-matches-this', 'price'];
  // As read from the database: in id order, which is creation order (ids are time-ordered).
  let t0 = performance.now();
  const index = indexNotes(notes);
  ctx.report('note index, 100k notes in database order (once per Notes tab)', performance.now() - t0);
  const shuffled = [...notes].sort((a, b) => (a.id.length * 7919 + Number(a.id)) % 1009 - ((b.id.length * 7919 + Number(b.id)) % 1009));
  t0 = performance.now();
  indexNotes(shuffled);
  ctx.report('note index, 100k notes in no order (restored backup, worst case)', performance.now() - t0);
  t0 = performance.now();
  searchNotes(index, 'first-query-after-loading', 200);
  ctx.report('note search, very first query over 100k (cold)', performance.now() - t0, 'goal ≤ 50 ms');
  for (const q of queries) {
    const times: number[] = [];
    const full: number[] = [];
    let hits = 0;
    let all = 0;
    for (let k = 0; k < 7; k++) {
      let t = performance.now();
      hits = searchNotes(index, q, 200).length;
      times.push(performance.now() - t);
      t = performance.now();
      all = searchNotes(index, q).length;
      full.push(performance.now() - t);
    }
    ctx.report(`note search "${q}", newest 200 of 100k (median of 7)`, median(times), `${hits} shown; goal ≤ 50 ms`);
    ctx.report(`note search "${q}", every hit of 100k (median of 7)`, median(full), `${all} hits`);
  }
}

function contentScriptSize(ctx: BenchContext): void {
  for (const name of ['mail', 'webmail', 'crm', 'read-page']) {
    let file = join(ROOT, `.output/chrome-mv3/content-scripts/${name}.js`);
    if (!existsSync(file)) file = join(ensureE2eBuild(), `content-scripts/${name}.js`);
    const raw = readFileSync(file);
    const gz = gzipSync(raw, { level: 9 });
    ctx.line(`content script ${file.replace(`${ROOT}/`, '')}: ${(raw.length / 1024).toFixed(1)} KB, ${(gz.length / 1024).toFixed(1)} KB gzipped (goal ≤ 30 KB gzipped)`);
  }
}

/** A Gmail thread of `n` messages in the fixture's markup (every fourth collapsed). */
export function gmailThread(n: number): string {
  const fixture = readFileSync(join(ROOT, 'test/extension/fixtures/gmail-thread.html'), 'utf8');
  const msgs: string[] = [];
  for (let i = 0; i < n; i++) {
    const from = `person${i % 7}@customer${i % 3}.com`;
    msgs.push(
      i % 4 === 0
        ? `<div role="listitem" class="kv"><div class="gs"><span class="gD" email="${from}" name="P ${i}">P ${i}</span><span>snippet ${i}</span></div></div>`
        : `<div role="listitem" class="adn ads"><div class="gE iv gt"><span class="gD" email="${from}" name="P ${i}">P ${i}</span><div class="iw"><span class="hb">to <span class="g2" email="rep.zhang@gmail.com">me</span>, <span class="g2" email="cc${i % 5}@customer${i % 3}.com">C</span></span></div></div><div class="ii gt"><div class="a3s">${'Body text with an address body@x.com. '.repeat(20)}</div></div></div>`,
    );
  }
  return fixture.replace(/<div role="list">[\s\S]*<\/div>\s*<\/div>\s*<\/div>\s*<\/body>/, `<div role="list">${msgs.join('\n')}</div></div></div></body>`);
}

function adapterRead(ctx: BenchContext): void {
  const window = new Window({ url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWjbKnBPfzDLxHkxsDDXVmsq' });
  const doc = new window.DOMParser().parseFromString(gmailThread(50), 'text/html') as unknown as Document;
  const url = new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWjbKnBPfzDLxHkxsDDXVmsq');
  const people = gmail.read(doc, url)?.people.length ?? 0;
  const times: number[] = [];
  for (let k = 0; k < 50; k++) {
    const t = performance.now();
    gmail.read(doc, url);
    times.push(performance.now() - t);
  }
  ctx.report('Gmail adapter read, 50-message thread (happy-dom, median of 50)', median(times), `${people} people found`);
  void window.happyDOM.close();
}

async function urlChangeToPanel(ctx: BenchContext): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    ctx.line(`URL change → panel: skipped (no Chromium at ${CHROMIUM})`);
    return;
  }
  const { demoPageHtml, demoThreads } = await import('../scripts/demo-mail-page');
  const { SAMPLE_SEED, SAMPLE_SIZE } = await import('../extension/panel/sample-data');
  const threads = demoThreads(SAMPLE_SIZE, SAMPLE_SEED, 'en');
  const html = demoPageHtml(threads, 'en');
  const server = await startFixtureServer({ gmail: () => html });
  const userDataDir = mkdtempSync(join(tmpdir(), 'rapport-bench-'));
  const { context, extensionId } = await launchWithExtension({ extensionDir: ensureE2eBuild(), userDataDir, headless: true });
  try {
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await panel.getByTestId('load-sample').click();
    await panel.getByRole('status').waitFor();
    // The mail page in its own window, so both it and the panel are visible (hidden tabs throttle
    // timers and animation frames, which a real side panel beside the page does not suffer).
    const [mail] = await Promise.all([
      context.waitForEvent('page'),
      panel.evaluate((url) => void window.open(url, '_blank', 'popup,width=1000,height=700'), `${server.origin}/gmail/mail/u/0/#inbox/${threads[0]!.id}`),
    ]);
    await mail.locator('rapport-chip').waitFor();
    // the panel page follows the mail tab it is pinned to (a side panel follows its window's active tab)
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${await tabIdOf(context, mail.url())}`);
    await panel.getByTestId('customer-name').first().waitFor();
    const times: number[] = [];
    // Alternate between two known customers' threads; time from the URL change to the panel's name.
    const targets = [threads[3]!, threads[0]!];
    for (let k = 0; k < 10; k++) {
      const thread = targets[k % 2]!;
      const before = await panel.getByTestId('customer-name').first().textContent().catch(() => null);
      const t0 = performance.now();
      await mail.evaluate((id) => { location.hash = `#inbox/${id}`; }, thread.id);
      await panel.waitForFunction(
        (prev) => {
          const el = document.querySelector('[data-testid="customer-name"]');
          return el !== null && el.textContent !== prev;
        },
        before,
        { polling: 'raf', timeout: 10_000 },
      );
      times.push(performance.now() - t0);
    }
    ctx.report('URL change → panel shows the customer (Chromium, median of 10)', median(times), 'goal ≤ 150 ms; includes the 50 ms debounce');

    // The adapter's main-thread time in Chromium on a 50-message thread: the same module, bundled.
    const { build } = await import('esbuild');
    const bundle = await build({ entryPoints: [join(ROOT, 'extension/sites/gmail.ts')], bundle: true, format: 'iife', globalName: 'RapportGmail', write: false, logLevel: 'silent' });
    const page = await context.newPage();
    await page.setContent(gmailThread(50));
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const inPage = await page.evaluate(() => {
      const g = (globalThis as unknown as { RapportGmail: { read(d: Document, u: URL): { people: unknown[] } | null } }).RapportGmail;
      const url = new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWjbKnBPfzDLxHkxsDDXVmsq');
      const ts: number[] = [];
      let people = 0;
      for (let k = 0; k < 50; k++) {
        const t = performance.now();
        people = g.read(document, url)?.people.length ?? 0;
        ts.push(performance.now() - t);
      }
      ts.sort((a, b) => a - b);
      return { median: ts[25]!, people };
    });
    ctx.report('Gmail adapter read, 50-message thread (Chromium main thread, median of 50)', inPage.median, `${inPage.people} people found`);
  } finally {
    await context.close();
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

const SCALE = 100_000;

export function scaleCsv(): string {
  return toDelimited(generateCustomers(SCALE, { seed: 11, lang: 'en' }));
}

/** The data layer alone (Node, fake-indexeddb): import commit, then logged visits. */
export async function scaleInNode(ctx: BenchContext, csv: string): Promise<void> {
  const name = `rapport-bench-scale-${Date.now()}`;
  const db = new RapportDB(name);
  const lang = 'en' as const;
  let t0 = performance.now();
  const preview = previewImport(csv, 'bench.csv', { lang });
  const analysed = performance.now() - t0;
  t0 = performance.now();
  await commitImport(db, preview, { lang });
  ctx.report(`import of ${SCALE.toLocaleString('en')} rows: analyse (Node, main thread)`, analysed);
  ctx.report(`import of ${SCALE.toLocaleString('en')} rows: one-transaction write (fake-indexeddb)`, performance.now() - t0);
  // What the blocks hold: each customer as customer-item.ts writes it, beside the JSON object it replaced.
  let stored = 0;
  let asObjects = 0;
  for (const b of await db.customerBlocks.toArray()) {
    for (const item of b.items) {
      stored += item.length;
      asObjects += JSON.stringify(decodeCustomer(item)).length;
    }
  }
  ctx.line(
    `stored customers: ${(stored / 1e6).toFixed(0)} MB of text in the blocks; as JSON objects ${(asObjects / 1e6).toFixed(0)} MB (${((100 * stored) / asObjects).toFixed(0)}%)`,
  );
  const keys = preview.analysis.customers.map((c) => c.key);
  const rand = lcg(5);
  const times: number[] = [];
  for (let k = 0; k < 15; k++) {
    const key = keys[Math.floor(rand() * keys.length)]!;
    const t = performance.now();
    await logContact(db, key, 'visit', '2026-11-20', 'bench');
    times.push(performance.now() - t);
  }
  ctx.report(`logged visit, ${SCALE.toLocaleString('en')} customers (fake-indexeddb, median of 15)`, median(times), 'goal ≤ 200 ms');
  db.close();
  await Dexie.delete(name);
}

/** In the panel page: click "visit", resolve with the ms until the toast says it was saved (a string: no bundler helpers). */
const TIME_LOGGED_VISIT = `new Promise((resolve) => {
  const t = performance.now();
  const obs = new MutationObserver(() => {
    const toast = document.querySelector('.toast');
    if (!toast || !toast.textContent.includes('Logged')) return;
    obs.disconnect();
    resolve(performance.now() - t);
  });
  obs.observe(document.body, { subtree: true, childList: true, characterData: true });
  document.querySelector('[data-testid="log-visit"]').click();
})`;

/** The real panel in Chromium: import through the worker, then visits logged from a customer card. */
export async function scaleInChromium(ctx: BenchContext, csv: string): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    ctx.line(`100k import / logged visit in Chromium: skipped (no Chromium at ${CHROMIUM})`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-scale-'));
  const file = join(dir, 'customers-100k.csv');
  writeFileSync(file, csv);
  const userDataDir = join(dir, 'profile');
  const { context, extensionId } = await launchWithExtension({ extensionDir: ensureE2eBuild(), userDataDir, headless: true });
  try {
    const panel = await context.newPage();
    if (process.env.PROF) panel.on('console', (m) => { if (m.text().startsWith('PROF')) console.log(m.text()); });
    await panel.addInitScript(() => {
      const w = window as unknown as { __long: { start: number; duration: number }[] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await panel.getByTestId('tab-import').click();
    const since = await panel.evaluate(() => performance.now());
    const t0 = performance.now();
    await panel.getByTestId('import-file').setInputFiles(file);
    await panel.getByTestId('import-commit').waitFor({ timeout: 120_000 });
    const previewed = performance.now() - t0;
    const t1 = performance.now();
    await panel.getByTestId('import-commit').click();
    await panel.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: 300_000 });
    const committed = performance.now() - t1;
    // The panel then shows the customer list: wait for it, so its reading counts too.
    await panel.getByTestId('customer-search').waitFor({ timeout: 120_000 });
    await panel.locator('.customer-rows button').first().waitFor({ timeout: 120_000 });
    const long = await panel.evaluate((from) => (window as unknown as { __long: { start: number; duration: number }[] }).__long.filter((e) => e.start >= from), since);
    const worst = long.reduce((m, e) => Math.max(m, e.duration), 0);
    ctx.report(`import of ${SCALE.toLocaleString('en')} rows in the panel: file → preview (Chromium)`, previewed, 'import worker');
    const total = previewed + committed;
    ctx.report(
      `import of ${SCALE.toLocaleString('en')} rows in the panel: confirm → saved (Chromium)`,
      committed,
      `total ${(total / 1000).toFixed(1)} s (${(total / ctx.baselineMs).toFixed(1)}× sort); goal ≤ 10 s — ${total <= 10_000 ? 'met' : 'NOT met'}`,
    );
    ctx.line(
      `panel main thread during the import and the list that follows: ${long.length} tasks over 50 ms, ${long.filter((e) => e.duration > 100).length} over 100 ms, longest ${worst.toFixed(0)} ms (goal: none over 100 ms — ${worst <= 100 ? 'met' : 'NOT met'}; a task's time is wall time, so a loaded machine stretches it)`,
    );
    if (process.env.RAPPORT_BENCH_TASKS) ctx.line(`  tasks (start s after choosing the file: ms): ${long.map((e) => `${((e.start - since) / 1000).toFixed(1)}: ${e.duration.toFixed(0)}`).join(', ')}; preview shown at ${(previewed / 1000).toFixed(1)} s`);

    await panel.locator('.customer-rows button').first().click();
    await panel.getByTestId('log-visit').waitFor();
    const times: number[] = [];
    const logSince = await panel.evaluate(() => performance.now());
    for (let k = 0; k < 7; k++) {
      await panel.evaluate(() => {
        for (const b of document.querySelectorAll('.toast button[aria-label="close"]')) (b as HTMLButtonElement).click();
      });
      await panel.locator('.toast').waitFor({ state: 'detached' });
      // Timed inside the page: click → the toast saying the visit was saved, shown.
      times.push(await panel.evaluate<number>(TIME_LOGGED_VISIT));
    }
    const logLong = await panel.evaluate((from) => (window as unknown as { __long: { start: number; duration: number }[] }).__long.filter((e) => e.start >= from), logSince);
    ctx.report(
      `logged visit in the panel, ${SCALE.toLocaleString('en')} customers (Chromium, median of 7)`,
      median(times),
      `click → saved and shown; goal ≤ 200 ms — ${median(times) <= 200 ? 'met' : 'NOT met'}; ${logLong.length} main-thread tasks over 50 ms meanwhile, longest ${logLong.reduce((m, e) => Math.max(m, e.duration), 0).toFixed(0)} ms`,
    );

    // For scale: Chrome's IndexedDB alone, in one transaction each — 100,000 one-field records (a
    // record per customer), and what the import writes instead (customer-store.ts): ~2 KB of JSON per
    // customer in 1,024 block records, with a small list-row record per block beside each.
    // (No named functions inside: tsx would wrap them in a __name() the page does not have.)
    const [floor, blockFloor] = await panel.evaluate(async (n) => {
      const times: number[] = [];
      const text = 'x'.repeat(2000);
      for (const stores of [['c'], ['b', 'r']]) {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const r = indexedDB.open(`bench-floor-${stores.join('')}-${Date.now()}`, 1);
          r.onupgradeneeded = () => {
            for (const s of stores) r.result.createObjectStore(s, { keyPath: s === 'c' ? 'key' : 'id' });
          };
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        const t = performance.now();
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(stores, 'readwrite');
          if (stores.length === 1) for (let i = 0; i < n; i++) tx.objectStore('c').put({ key: `K${i}` });
          else
            for (let id = 0; id < 1024; id++) {
              const items: string[] = [];
              const rows: { key: string; name: string }[] = [];
              for (let i = id; i < n; i += 1024) {
                items.push(`${i}${text}`);
                rows.push({ key: `K${i}`, name: `Customer ${i}` });
              }
              tx.objectStore('b').put({ id, keys: rows.map((r) => r.key), items });
              tx.objectStore('r').put({ id, rows });
            }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        times.push(performance.now() - t);
        db.close();
      }
      return times;
    }, SCALE);
    ctx.report(`IndexedDB alone: ${SCALE.toLocaleString('en')} one-field puts in one transaction (Chromium)`, floor, 'the floor under a record per customer');
    ctx.report(`IndexedDB alone: ${SCALE.toLocaleString('en')} × 2 KB of text in 1,024 blocks, one transaction (Chromium)`, blockFloor, 'the floor under the block layout');
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(ctx: BenchContext): Promise<void> {
  const csv = scaleCsv();
  await scaleInChromium(ctx, csv);
  await scaleInNode(ctx, csv);
  contentScriptSize(ctx);
  adapterRead(ctx);
  noteSearch(ctx);
  await lookups(ctx);
  await urlChangeToPanel(ctx);
}
