/**
 * `npm start`: the extension working on a demo mail page with the built-in sample customers, no
 * account needed. Builds the test/demo extension, serves the demo page on 127.0.0.1, opens
 * Chromium with the extension, loads the sample customers and opens the first thread.
 *
 * With a display: a real browser window; click the tier chip beside the sender to open the side
 * panel; close the window to stop. Without one ($DISPLAY unset, or --headless): runs headless,
 * saves screenshots of the panel and the mail page (`<screenshot>-mail.png`), prints their paths and what the panel shows,
 * and exits — it never waits forever.
 *
 * Options: --lang zh|en (default from $LANG), --headless, --screenshot PATH (panel screenshot).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ensureE2eBuild, ROOT } from './ensure-e2e-build';
import { CHROMIUM, chipState, launchWithExtension, tabIdOf } from './extension-browser';
import { existsSync } from 'node:fs';
import { main as rapport } from '../cli/main';
import { startFixtureServer } from './mail-fixture-server';
import { demoPageHtml, demoThreads } from './demo-mail-page';
import { SAMPLE_SEED, SAMPLE_SIZE } from '../extension/panel/sample-data';
import type { Lang } from '../shared/types';

const argv = process.argv.slice(2);
const argOf = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const lang: Lang = (argOf('--lang') ?? process.env.LANG ?? '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
const headless = argv.includes('--headless') || !process.env.DISPLAY;
const shotPath = resolve(argOf('--screenshot') ?? join(ROOT, '.output', 'demo', 'panel.png'));
const mailShotPath = `${shotPath.replace(/\.png$/i, '')}-mail.png`;

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    // No browser on this machine: show the same core at work on the sample data, and say how to get the panel.
    console.log(
      lang === 'zh'
        ? `未找到 Chromium (${CHROMIUM})。安装后 (apt-get install chromium, 或设置 CHROMIUM_PATH) npm start 会打开带侧边栏的演示邮箱。\n先用命令行展示同一套示例客户的分析:\n`
        : `Chromium was not found (${CHROMIUM}). Install it (apt-get install chromium, or set CHROMIUM_PATH) and npm start opens the demo inbox with the side panel.\nMeanwhile, the same core on the built-in sample customers, from the command line:\n`,
    );
    process.exitCode = await rapport(['--lang', lang, '--limit', '15']);
    return;
  }
  console.log(`Rapport demo (${lang === 'zh' ? '中文' : 'English'}, ${headless ? 'headless: no display found' : 'browser window'})`);
  console.log('Building the demo extension…');
  const extensionDir = ensureE2eBuild();
  const threads = demoThreads(SAMPLE_SIZE, SAMPLE_SEED, lang);
  const html = demoPageHtml(threads, lang);
  const server = await startFixtureServer({ gmail: () => html });
  const userDataDir = mkdtempSync(join(tmpdir(), 'rapport-demo-'));
  const { context, extensionId } = await launchWithExtension({ extensionDir, userDataDir, headless, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
  const cleanup = async () => {
    await context.close().catch(() => {});
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  try {
    const panelUrl = `chrome-extension://${extensionId}/sidepanel.html`;
    const panel = await context.newPage();
    await panel.goto(panelUrl);
    await panel.getByTestId('load-sample').click({ timeout: 20_000 });
    await panel.getByRole('status').waitFor({ timeout: 30_000 });
    const inbox = `${server.origin}/gmail/mail/u/0/#inbox`;
    const mail = context.pages()[0] && context.pages()[0] !== panel ? context.pages()[0]! : await context.newPage();
    await mail.goto(`${inbox}/${threads[0]!.id}`);
    await mail.locator('rapport-chip').waitFor({ timeout: 20_000 });

    if (!headless) {
      await panel.close();
      await mail.bringToFront();
      console.log(`\nThe demo inbox is open: ${inbox}`);
      console.log('Click the tier chip beside the sender (or the Rapport toolbar icon) to open the side panel.');
      for (const t of threads) console.log(`  • ${t.subject} — ${t.shows}`);
      console.log('Close the browser window (or press Ctrl+C) to stop.');
      await new Promise<void>((done) => {
        context.on('close', () => done());
        process.once('SIGINT', () => void context.close().finally(done));
      });
      await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
      return;
    }

    await panel.setViewportSize({ width: 420, height: 1400 });
    // the panel page opened as a tab follows the mail tab it is pinned to
    await panel.goto(`${panelUrl}?tab=${await tabIdOf(context, mail.url())}`);
    await panel.getByTestId('customer-name').first().waitFor({ timeout: 20_000 });
    const text = async (id: string) => ((await panel.getByTestId(id).first().textContent()) ?? '').trim();
    const factors = await panel.getByTestId('risk-factors').locator('li').allTextContents().catch(() => [] as string[]);
    mkdirSync(dirname(shotPath), { recursive: true });
    await panel.screenshot({ path: shotPath });
    await mail.setViewportSize({ width: 1280, height: 560 });
    await mail.screenshot({ path: mailShotPath });
    console.log(`\nDemo inbox served at ${inbox} with ${threads.length} threads; ${SAMPLE_SIZE} sample customers loaded.`);
    console.log(`Opened: "${threads[0]!.subject}". The chip beside the sender reads "${(await chipState(mail))?.text.trim() ?? ''}".`);
    console.log('The side panel shows:');
    console.log(`  customer     ${await text('customer-name')} (tier ${await text('tier-badge')})`);
    console.log(`  value score  ${await text('value-score')} / 100`);
    console.log(`  lifecycle    ${await text('lifecycle')}`);
    console.log(`  churn risk   ${await text('churn-risk')} / 100${factors.length ? `: ${factors.join('; ')}` : ''}`);
    console.log(`  next visit   ${await text('next-visit')}`);
    console.log(`\nScreenshots: ${shotPath}\n             ${mailShotPath}`);
    console.log('With a display (or on your desktop) `npm start` opens a real browser window instead.');
  } finally {
    if (headless) await cleanup();
  }
}

const guard = headless ? setTimeout(() => {
  console.error('The demo took longer than 3 minutes; stopping.');
  process.exit(1);
}, 180_000) : undefined;
guard?.unref();
main().then(
  () => process.exit(process.exitCode ?? 0),
  (e: unknown) => {
    console.error(`The demo could not start: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
