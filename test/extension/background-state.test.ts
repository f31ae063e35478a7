/**
 * Background state on a fake browser (@webext-core/fake-browser): page contexts survive a
 * service-worker restart (they live in storage.session); a background tab's read never becomes the
 * panel's; registered content scripts follow granted permissions.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

await vi.hoisted(async () => {
  const { fakeBrowser } = await import('@webext-core/fake-browser');
  (globalThis as unknown as { chrome: unknown }).chrome = fakeBrowser;
});

const { fakeBrowser } = await import('@webext-core/fake-browser');
const contexts = await import('../../extension/background/page-contexts');
const { syncSiteScripts, customScriptId, SITE_SCRIPTS } = await import('../../extension/background/site-scripts');

const li = { site: 'gmail' as const, people: [{ email: 'li@huaxin.cn', role: 'from' as const }] };
const sam = { site: 'gmail' as const, people: [{ email: 'sam@northwind.com', role: 'from' as const }] };

beforeEach(() => {
  fakeBrowser.reset();
  contexts.dropCache();
});

describe('page contexts', () => {
  it('survive a service-worker restart', async () => {
    expect(await contexts.setContext(3, 0, 1, 'https://mail.google.com/mail/u/0/#inbox/x', li)).toBe(true);
    contexts.dropCache(); // the worker stopped: memory is gone, storage.session stays
    expect(await contexts.getContext(3)).toEqual(li);
    expect(await contexts.knownTabs()).toEqual([3]);
  });

  it('keep a frame’s read when another frame of the tab reads nothing; forget on a new page, not on a new hash', async () => {
    await contexts.setContext(5, 2, 1, 'https://mail.qq.com/cgi-bin/frame_html', li);
    expect(await contexts.setContext(5, 0, 1, 'https://mail.qq.com/cgi-bin/frame_html', null)).toBe(false);
    expect(await contexts.getContext(5)).toEqual(li);
    expect(await contexts.tabNavigated(5, 'https://mail.qq.com/cgi-bin/frame_html#x')).toBe(false);
    expect(await contexts.tabNavigated(5, 'https://example.com/')).toBe(true);
    expect(await contexts.getContext(5)).toBeNull();
  });

  it('report a change only when the context changed', async () => {
    expect(await contexts.setContext(6, 0, 1, 'u', sam)).toBe(true);
    expect(await contexts.setContext(6, 0, 1, 'u', structuredClone(sam))).toBe(false);
  });
});

describe('registered content scripts follow granted permissions', () => {
  function api(granted: string[]) {
    const registered: { id: string; matches: string[]; js: string[] }[] = [];
    return {
      registered,
      permissions: { contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.includes(o)) },
      scripting: {
        getRegisteredContentScripts: async () => registered.map((r) => ({ ...r })),
        registerContentScripts: async (s: { id: string; matches: string[]; js: string[] }[]) => void registered.push(...s),
        unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
          for (const id of ids) registered.splice(registered.findIndex((r) => r.id === id), 1);
        },
      },
    };
  }

  it('registers granted optional sites and user origins, and removes them when revoked', async () => {
    const granted = ['https://*.hubspot.com/*', 'https://crm.acme.cn/*', 'https://mail.qq.com/*', 'https://wx.mail.qq.com/*', 'https://exmail.qq.com/*'];
    const a = api(granted);
    await syncSiteScripts(a, ['https://crm.acme.cn/*', 'https://not-granted.example/*']);
    expect(a.registered.map((r) => [r.id, r.matches, r.js])).toEqual([
      ['rapport-site-qq-mail', ['https://mail.qq.com/*', 'https://wx.mail.qq.com/*', 'https://exmail.qq.com/*'], [SITE_SCRIPTS.mail]],
      ['rapport-site-hubspot', ['https://*.hubspot.com/*'], [SITE_SCRIPTS.crm]],
      [customScriptId('https://crm.acme.cn/*'), ['https://crm.acme.cn/*'], [SITE_SCRIPTS.crm]],
    ]);
    // running again changes nothing
    await syncSiteScripts(a, ['https://crm.acme.cn/*']);
    expect(a.registered).toHaveLength(3);
    // the user revokes HubSpot and QQ Mail in chrome://extensions; removes the in-house CRM on the options page
    granted.splice(0, granted.length);
    await syncSiteScripts(a, []);
    expect(a.registered).toEqual([]);
  });
});
