/**
 * Background service worker — wiring only: opens the side panel on the action button and on the
 * chip (a user gesture, so `sidePanel.open` is called first, synchronously), keeps each tab's page
 * context for the panel, answers the chip's look-up, and turns follow-up alarms into notifications.
 */
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { openDatabase } from '../db/database';
import { activeContext, forgetTab, knownTabs, setContext } from '../background/page-contexts';
import { chipInfo } from '../background/chip-info';
import { notifyFollowUp, syncFollowUpAlarms } from '../background/follow-up-alarms';
import { isMessage, type BackgroundToPanel } from '../messaging/messages';
import { t, uiLang } from '../i18n/strings';
import { getLangChoice } from '../db/preferences';

export default defineBackground(() => {
  const db = openDatabase();
  browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch((e: unknown) => console.warn('[rapport] setPanelBehavior', e));

  const broadcast = (msg: BackgroundToPanel) => {
    browser.runtime.sendMessage(msg).catch(() => {
      /* no panel open */
    });
  };

  browser.runtime.onMessage.addListener((raw: unknown, sender, sendResponse: (r: unknown) => void) => {
    if (!isMessage(raw)) return false;
    const tabId = sender.tab?.id;
    switch (raw.type) {
      case 'openPanel':
        if (tabId !== undefined) {
          browser.sidePanel.open({ tabId }).catch((e: unknown) => console.warn('[rapport] sidePanel.open', e));
        }
        return false;
      case 'pageContext':
        if (tabId === undefined) return false;
        void (async () => {
          const saved = setContext(tabId, raw.context); // in memory at once; storage.session in the background
          broadcast({ type: 'contextChanged', tabId, context: raw.context });
          await saved;
          const lang = uiLang(await getLangChoice(db), navigator.language);
          sendResponse(raw.context ? await chipInfo(db, raw.context, lang) : null);
        })().catch((e: unknown) => {
          console.warn('[rapport] pageContext', e);
          sendResponse(null);
        });
        return true;
      case 'getActiveContext':
        activeContext().then(sendResponse, () => sendResponse({ tabId: null, context: null }));
        return true;
      case 'dataChanged':
        void syncFollowUpAlarms(db).catch((e: unknown) => console.warn('[rapport] alarms', e));
        for (const id of knownTabs()) browser.tabs.sendMessage(id, { type: 'refreshChip' }).catch(() => {});
        return false;
      default:
        return false;
    }
  });

  browser.tabs.onActivated.addListener(({ tabId }) => {
    void activeContext().then((a) => {
      if (a.tabId === tabId) broadcast({ type: 'contextChanged', tabId, context: a.context });
    });
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

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
