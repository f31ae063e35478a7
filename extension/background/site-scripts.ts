/**
 * The content scripts registered at run time: one for each optional site whose host permission is
 * granted, one for each origin the user added (generic adapter) that is granted. Reconciled on every
 * service-worker start, when permissions are added or removed, and when the options page says the
 * sites changed: what is registered is always (wanted ∩ granted), nothing else.
 */
import { OPTIONAL_SITES } from '../sites/optional-sites';

/** The registered script of each kind of optional site (and of user-added origins: the CRM one). */
export const SITE_SCRIPTS = { mail: 'content-scripts/webmail.js', crm: 'content-scripts/crm.js' } as const;
export const READ_PAGE_SCRIPT = '/content-scripts/read-page.js' as const;
const PREFIX = 'rapport-';

export interface WantedScript {
  id: string;
  matches: string[];
  js: string;
  allFrames: boolean;
}

/** The part of `chrome.permissions` and `chrome.scripting` this needs (a fake in tests). */
export interface ScriptApi {
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
  scripting: {
    getRegisteredContentScripts(): Promise<{ id: string; matches?: string[]; js?: string[] }[]>;
    registerContentScripts(
      s: { id: string; matches: string[]; js: string[]; allFrames: boolean; runAt: 'document_idle'; persistAcrossSessions: boolean }[],
    ): Promise<void>;
    unregisterContentScripts(f: { ids: string[] }): Promise<void>;
  };
}

/** The id of the script for a user-added origin pattern. */
export function customScriptId(pattern: string): string {
  return `${PREFIX}custom-${pattern.replace(/[^a-z0-9.-]+/gi, '_')}`;
}

/** The scripts that should be registered now. */
export async function wantedScripts(api: ScriptApi, custom: readonly string[]): Promise<WantedScript[]> {
  const wanted: WantedScript[] = [];
  for (const site of OPTIONAL_SITES) {
    // QQ Mail's classic page shows the open message in a same-origin frame.
    if (await api.permissions.contains({ origins: [...site.hostPatterns] })) {
      wanted.push({ id: `${PREFIX}site-${site.id}`, matches: [...site.hostPatterns], js: SITE_SCRIPTS[site.kind], allFrames: site.id === 'qq-mail' });
    }
  }
  for (const pattern of custom) {
    if (await api.permissions.contains({ origins: [pattern] })) {
      wanted.push({ id: customScriptId(pattern), matches: [pattern], js: SITE_SCRIPTS.crm, allFrames: false });
    }
  }
  return wanted;
}

/** Registers what is wanted and not registered; unregisters ours that are no longer wanted. */
export async function syncSiteScripts(api: ScriptApi, custom: readonly string[]): Promise<WantedScript[]> {
  const wanted = await wantedScripts(api, custom);
  const ours = (await api.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(PREFIX));
  const same = (a: string[] | undefined, b: string[]) => JSON.stringify([...(a ?? [])].sort()) === JSON.stringify([...b].sort());
  const stale = ours.filter((s) => !wanted.some((w) => w.id === s.id && same(s.matches, w.matches) && same(s.js, [w.js]))).map((s) => s.id);
  if (stale.length > 0) await api.scripting.unregisterContentScripts({ ids: stale });
  const missing = wanted.filter((w) => !ours.some((s) => s.id === w.id && !stale.includes(s.id)));
  if (missing.length > 0) {
    await api.scripting.registerContentScripts(
      missing.map((w) => ({ id: w.id, matches: w.matches, js: [w.js], allFrames: w.allFrames, runAt: 'document_idle' as const, persistAcrossSessions: true })),
    );
  }
  return wanted;
}
