/**
 * Background service worker — wiring only: opens the side panel on the toolbar icon (reading the
 * page once through `activeTab` when no content script covers it) and on the chip (user gestures,
 * so `sidePanel.open` is called first, synchronously); keeps each tab's page context for the panel
 * and tells a panel only about the active tab of its window; answers the chip's look-up; keeps the
 * registered content scripts equal to the granted sites; turns follow-up alarms into notifications.
 * Every request goes through the typed message map (extension/messaging/messages.ts).
 */
import { defineBackground } from 'wxt/utils/define-background';
import { browser, type Browser } from 'wxt/browser';
import { openDatabase } from '../db/database';
import { forgetTab, getContext, knownTabs, setContext, tabNavigated } from '../background/page-contexts';
import { chipInfo } from '../background/chip-info';
import { READ_PAGE_SCRIPT, syncSiteScripts, type ScriptApi } from '../background/site-scripts';
import { customSitesItem } from '../options/custom-sites';
import { notifyFollowUp, syncFollowUpAlarms } from '../background/follow-up-alarms';
import { dispatch, type BackgroundToPanel, type Handlers } from '../messaging/messages';
import { checkContext } from '../messaging/check-context';
import { t, uiLang } from '../i18n/strings';
import { getLangChoice } from '../db/preferences';

type Sender = Browser.runtime.MessageSender;

export default defineBackground(() => {
  const db = openDatabase();
  browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: false }).catch((e: unknown) => console.warn('[rapport] setPanelBehavior', e));

  const broadcast = (msg: BackgroundToPanel) => {
    browser.runtime.sendMessage(msg).catch(() => {
      /* no panel open */
    });
  };

  /** Tell panels about a tab's context, and whether it is the active tab of its window (panels follow only that). */
  const announce = async (tabId: number) => {
    const tab = await browser.tabs.get(tabId).catch(() => null);
    if (!tab) return;
    broadcast({ type: 'contextChanged', tabId, windowId: tab.windowId ?? null, active: tab.active, context: await getContext(tabId) });
  };

  const syncScripts = () =>
    customSitesItem
      .getValue()
      .then((custom) => syncSiteScripts(browser as unknown as ScriptApi, custom))
      .catch((e: unknown) => console.warn('[rapport] site scripts', e));

  const handlers: Handlers<Sender> = {
    openPanel(_req, sender) {
      const windowId = sender.tab?.windowId;
      if (windowId !== undefined) browser.sidePanel.open({ windowId }).catch((e: unknown) => console.warn('[rapport] sidePanel.open', e));
      return null;
    },
    async pageContext(req, sender) {
      const tabId = sender.tab!.id!;
      const changed = await setContext(tabId, sender.frameId ?? 0, sender.tab?.windowId ?? null, sender.tab?.url ?? sender.url ?? '', req.context);
      if (changed) void announce(tabId);
      if (!req.context) return null;
      const lang = uiLang(await getLangChoice(db), navigator.language);
      return chipInfo(db, req.context, lang);
    },
    async getActiveContext(req) {
      let tabId = req.tabId;
      if (tabId === null && req.windowId !== null) {
        const [tab] = await browser.tabs.query({ active: true, windowId: req.windowId });
        tabId = tab?.id ?? null;
      }
      return { tabId, context: tabId === null ? null : await getContext(tabId) };
    },
    async dataChanged() {
      void syncFollowUpAlarms(db).catch((e: unknown) => console.warn('[rapport] alarms', e));
      for (const id of await knownTabs()) browser.tabs.sendMessage(id, { type: 'refreshChip' }).catch(() => {});
      return null;
    },
    async sitesChanged() {
      await syncScripts();
      return null;
    },
  };

  browser.runtime.onMessage.addListener((raw: unknown, sender, sendResponse: (r: unknown) => void) => {
    const reply = dispatch(handlers, raw, sender, browser.runtime.id);
    if (!reply) return false;
    reply.then(sendResponse, (e: unknown) => {
      console.warn('[rapport] message', e);
      sendResponse(null);
    });
    return true;
  });

  // The toolbar icon: open the panel (first, while the click still counts as a user gesture), then
  // read the page once through activeTab unless a content script already covers it.
  browser.action.onClicked.addListener((tab) => {
    try {
      if (tab.windowId !== undefined) browser.sidePanel.open({ windowId: tab.windowId }).catch((e: unknown) => console.warn('[rapport] sidePanel.open', e));
    } catch (e) {
      console.warn('[rapport] sidePanel.open', e);
    }
    const tabId = tab.id;
    if (tabId === undefined) return;
    void (async () => {
      if (await getContext(tabId)) return;
      const [result] = await browser.scripting.executeScript({ target: { tabId }, files: [READ_PAGE_SCRIPT] });
      const context = checkContext(result?.result ?? null);
      if (await setContext(tabId, 0, tab.windowId ?? null, tab.url ?? '', context)) await announce(tabId);
    })().catch((e: unknown) => console.warn('[rapport] read once', e));
  });

  browser.tabs.onActivated.addListener(({ tabId }) => void announce(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) void tabNavigated(tabId, change.url).then(async (forgot) => { if (forgot) await announce(tabId); });
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

  browser.permissions.onAdded.addListener(() => void syncScripts());
  browser.permissions.onRemoved.addListener(() => void syncScripts());
  void syncScripts();

  browser.alarms.onAlarm.addListener((alarm) => {
    void (async () => {
      const choice = await getLangChoice(db);
      const lang = uiLang(choice, navigator.language);
      await notifyFollowUp(db, alarm.name, (f, customer) => ({ title: t(lang, 'followUpDue', { customer }), message: f.title }));
    })().catch((e: unknown) => console.warn('[rapport] alarm', e));
  });
  browser.notifications.onClicked.addListener((id) => void browser.notifications.clear(id));
  browser.runtime.onStartup.addListener(() => void syncFollowUpAlarms(db).catch(() => {}));
});
