/** @jsxImportSource preact */
/**
 * The side panel: follows the active mail tab (the background tells it which email is open) and
 * shows that email's customer; tabs for the customer list, note search and import. Errors are caught
 * here and shown in words; a toast offers undo after a delete.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { Dexie } from 'dexie';
import { browser } from 'wxt/browser';
import type { RapportDB } from '../db/database';
import { getLangChoice, getSettingsJson } from '../db/preferences';
import { resolveSettings } from '../../shared/settings';
import { isMessage } from '../messaging/messages';
import { followActiveTab } from '../messaging/follow-tab';
import type { PageContext } from '../sites/page-context';
import { LOCALES, t as translate, uiLang, type StringKey } from '../i18n/strings';
import type { Lang } from '../../shared/types';
import { EnvContext, type PanelEnv } from './panel-env';
import { EmailView } from './email-view';
import { CustomerList } from './customer-list';
import { NotesSearch } from './notes-search';
import { ImportView } from './import-view';
import { loadSampleCustomers } from './sample-data';
import { describeError } from './describe-error';
import type { Importer } from './importer';
import { ViewGuard } from './view-guard';
import { useLiveQuery } from './use-live-query';
import { purgeDeletedNotes, UNDO_WINDOW_MS } from '../db/notes';

type View = 'email' | 'customers' | 'notes' | 'import';
const VIEWS: { id: View; key: StringKey }[] = [
  { id: 'email', key: 'tabEmail' },
  { id: 'customers', key: 'tabCustomers' },
  { id: 'notes', key: 'tabNotes' },
  { id: 'import', key: 'tabImport' },
];

export function App({ db, importer }: { db: RapportDB; importer?: Importer }) {
  const [revision, setRevision] = useState(0);
  const [view, setView] = useState<View>('email');
  const [context, setContext] = useState<PageContext | null>(null);
  const [toast, setToast] = useState<{ text: string; undo?: () => void } | null>(null);
  // The error itself: it is put in words at render time, in the language shown then.
  const [error, setError] = useState<{ cause: unknown } | null>(null);

  // The language choice, the settings and whether there are customers, read again whenever a write
  // (here, in the import worker or on the options page) touches them.
  const { data: stored, error: loadError } = useLiveQuery(
    useCallback(
      async () => ({
        choice: await getLangChoice(db),
        settings: await getSettingsJson(db),
        // Only "none or some" is shown: one key read, not a count of every customer.
        count: (await db.customers.any()) ? 1 : 0,
      }),
      [db],
    ),
  );
  const lang: Lang = uiLang(stored?.choice ?? 'auto', navigator.language);
  const count = stored ? stored.count : null;
  // Same settings, same object: what depends on them is not recomputed after every write.
  const settingsText = JSON.stringify(stored?.settings ?? {});
  const settingsJson = useMemo(() => JSON.parse(settingsText) as Record<string, unknown>, [settingsText]);
  const [dismissed, setDismissed] = useState<unknown>(null);
  const shownError = error ?? (loadError && loadError !== dismissed ? { cause: loadError } : null);

  // The page of the active tab of this panel's window (extension/messaging/follow-tab.ts).
  useEffect(() => followActiveTab((c) => {
    setContext(c);
    if (c) setView('email');
  }), []);

  // Any write to this database — here, in the import worker or another extension page — moves the
  // revision; the live queries of the sections follow their own reads, the lists follow this.
  useEffect(() => {
    const onMutated = (parts: Record<string, unknown>) => {
      if (Object.keys(parts).some((k) => k.startsWith(`idb://${db.name}/`))) setRevision((r) => r + 1);
    };
    Dexie.on('storagemutated', onMutated);
    return () => Dexie.on('storagemutated').unsubscribe(onMutated);
  }, [db]);

  // Deleted notes whose undo window closed while no panel was open are purged now.
  useEffect(() => {
    purgeDeletedNotes(db).catch((e: unknown) => console.warn('[rapport] purge', e));
  }, [db]);

  // An undo offer lasts the undo window; then the deleted note is purged for good.
  useEffect(() => {
    if (!toast?.undo) return;
    const id = setTimeout(() => {
      setToast((x) => (x === toast ? null : x));
      purgeDeletedNotes(db).catch((e: unknown) => console.warn('[rapport] purge', e));
    }, UNDO_WINDOW_MS + 500);
    return () => clearTimeout(id);
  }, [db, toast]);

  useEffect(() => {
    const onMessage = (m: unknown) => {
      // Another extension page (the options page, a second panel) changed the data: re-read it.
      if (isMessage(m) && m.type === 'dataChanged') setRevision((r) => r + 1);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);

  const settings = useMemo(() => resolveSettings(settingsJson).settings, [settingsJson]);
  const env: PanelEnv = useMemo(() => {
    return {
      db,
      lang,
      settings,
      analyzeContext: { lang, settings: settingsJson as PanelEnv['analyzeContext']['settings'] },
      revision,
      importer,
      changed() {
        // The panel's own views follow the database; the background refreshes chips and alarms.
        browser.runtime.sendMessage({ type: 'dataChanged' }).catch(() => {});
      },
      toast(text, undo) {
        setToast({ text, undo });
      },
      fail(e) {
        console.error('[rapport]', e);
        setError({ cause: e });
      },
    };
  }, [db, lang, settings, settingsJson, revision, importer]);

  const t = (k: StringKey, p?: Record<string, string | number>) => translate(lang, k, p);
  const sample = () =>
    void loadSampleCustomers(db, env.analyzeContext).then((n) => {
      env.changed();
      env.toast(t('sampleLoaded', { count: n }));
    }, env.fail);

  return (
    <EnvContext.Provider value={env}>
      <div class="app" lang={LOCALES[lang].html}>
        <header class="top">
          <h1>{t('appName')}</h1>
          <div class="tabs" role="tablist">
            {VIEWS.map((v) => (
              <button
                key={v.id}
                type="button"
                role="tab"
                aria-selected={view === v.id}
                class={view === v.id ? 'tab active' : 'tab'}
                onClick={() => setView(v.id)}
                data-testid={`tab-${v.id}`}
              >
                {t(v.key)}
              </button>
            ))}
          </div>
          <a class="options-link" href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">{t('openOptions')}</a>
        </header>
        {shownError && (
          <div class="error" role="alert">
            {describeError(lang, shownError.cause)}{' '}
            <button
              type="button"
              class="link"
              onClick={() => {
                setError(null);
                setDismissed(loadError);
              }}
            >
              ×
            </button>
          </div>
        )}
        <main>
          <ViewGuard lang={lang} key={view}>
          {count === 0 && view !== 'import' && (
            <div class="empty card" data-testid="empty-state">
              <p>{t('noData')}</p>
              <div class="row">
                <button type="button" onClick={sample} data-testid="load-sample">{t('loadSample')}</button>
                <button type="button" class="secondary" onClick={() => setView('import')}>{t('tabImport')}</button>
              </div>
            </div>
          )}
          {view === 'email' && (context ? <EmailView context={context} /> : count !== 0 && <p class="muted" data-testid="no-email">{t('noEmail')}</p>)}
          {view === 'customers' && <CustomerList />}
          {view === 'notes' && <NotesSearch />}
          {view === 'import' && <ImportView onDone={() => setView(context ? 'email' : 'customers')} />}
          </ViewGuard>
        </main>
        {toast && (
          <div class="toast" role="status">
            {toast.text}
            {toast.undo && (
              <button type="button" class="link" onClick={() => { toast.undo!(); setToast(null); }} data-testid="toast-undo">{t('undo')}</button>
            )}
            <button type="button" class="link" aria-label="close" onClick={() => setToast(null)}>×</button>
          </div>
        )}
      </div>
    </EnvContext.Provider>
  );
}
