/** @jsxImportSource preact */
/**
 * The options page's sites: each optional site (Chinese webmail, web CRMs) switched on with one
 * click — Chrome asks for that site's hosts then, and the background registers its content script —
 * and switched off (the permission is given back, the script removed); origins the user adds for
 * the generic adapter, each asked for alone and given back when removed.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OPTIONAL_SITES } from '../sites/optional-sites';
import { customSitesItem, originPattern } from './custom-sites';
import type { StringKey } from '../i18n/strings';

type T = (k: StringKey, p?: Record<string, string | number>) => string;

/** Tell the background to register / unregister content scripts to match. */
const sitesChanged = () => browser.runtime.sendMessage({ type: 'sitesChanged' }).catch(() => {});

export function SitesSection({ t, say }: { t: T; say: (text: string, bad?: boolean) => void }) {
  const [on, setOn] = useState<Record<string, boolean>>({});
  const [custom, setCustom] = useState<string[]>([]);
  const [typed, setTyped] = useState('');

  const refresh = useCallback(async () => {
    const state: Record<string, boolean> = {};
    for (const s of OPTIONAL_SITES) state[s.id] = await browser.permissions.contains({ origins: [...s.hostPatterns] });
    setOn(state);
    setCustom(await customSitesItem.getValue());
  }, []);
  useEffect(() => {
    void refresh().catch(() => {});
  }, [refresh]);

  const toggle = async (id: string, origins: string[], label: string) => {
    try {
      if (on[id]) await browser.permissions.remove({ origins });
      else if (!(await browser.permissions.request({ origins }))) return say(t('crmDenied'), true);
      else say(t('crmGranted', { origin: label }));
      await sitesChanged();
      await refresh();
    } catch (e) {
      say(String(e), true);
    }
  };

  const add = async () => {
    const pattern = originPattern(typed);
    if (!pattern) return say(t('customBad'), true);
    try {
      if (!(await browser.permissions.request({ origins: [pattern] }))) return say(t('crmDenied'), true);
      const list = await customSitesItem.getValue();
      if (!list.includes(pattern)) await customSitesItem.setValue([...list, pattern]);
      await sitesChanged();
      say(t('crmGranted', { origin: pattern }));
      setTyped('');
      await refresh();
    } catch (e) {
      say(String(e), true);
    }
  };

  const remove = async (pattern: string) => {
    await customSitesItem.setValue((await customSitesItem.getValue()).filter((p) => p !== pattern));
    // Give the origin back unless a switched-on site still needs it (required hosts cannot be removed).
    const needed = OPTIONAL_SITES.some((s) => on[s.id] && s.hostPatterns.includes(pattern));
    if (!needed) await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
    await sitesChanged();
    await refresh();
  };

  return (
    <section class="card stack" data-testid="sites">
      <h3>{t('crmTitle')}</h3>
      <p class="muted small">{t('crmHelp')}</p>
      <ul class="plain">
        {OPTIONAL_SITES.map((s) => (
          <li key={s.id} class="row">
            <span>{s.label}</span>
            {on[s.id] && <span class="muted small">{t('siteIsOn')}</span>}
            <button
              type="button"
              class={on[s.id] ? 'secondary' : ''}
              data-testid={`site-${s.id}`}
              onClick={() => void toggle(s.id, [...s.hostPatterns], s.label)}
            >
              {on[s.id] ? t('siteOff') : t('siteOn')}
            </button>
          </li>
        ))}
      </ul>
      <h3>{t('customTitle')}</h3>
      <p class="muted small">{t('customHelp')}</p>
      <ul class="plain" data-testid="custom-sites">
        {custom.map((p) => (
          <li key={p} class="row">
            <code>{p}</code>
            <button type="button" class="secondary" onClick={() => void remove(p)} data-testid="custom-remove">{t('customRemove')}</button>
          </li>
        ))}
      </ul>
      <div class="row">
        <input
          value={typed}
          onInput={(e) => setTyped(e.currentTarget.value)}
          placeholder="https://crm.example.cn"
          data-testid="custom-input"
          aria-label={t('customTitle')}
        />
        <button type="button" onClick={() => void add()} data-testid="custom-add">{t('crmAdd')}</button>
      </div>
    </section>
  );
}
