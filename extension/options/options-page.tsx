/** @jsxImportSource preact */
/**
 * Options page: language, settings JSON (checked by the core's `resolveSettings`), backup export and
 * restore, notes to CSV, the sites Rapport reads (extension/options/sites-section.tsx), clear data.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { RapportDB } from '../db/database';
import { getLangChoice, getSettingsJson, setLangChoice, setSettingsJson, type LangChoice } from '../db/preferences';
import { clearAll, describeRestore, exportBackup, notesToCsv, parseBackup, restoreBackup } from '../db/backup';
import { inlineImporter, type Importer } from '../panel/importer';
import { LOCALES, t as translate, uiLang, type StringKey } from '../i18n/strings';
import { describeError } from '../panel/describe-error';
import { SitesSection } from './sites-section';
import type { Settings } from '../../shared/settings';
import { formatSettingsProblem } from '../../shared/i18n/messages';

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function OptionsPage({ db, importer }: { db: RapportDB; importer?: Importer }) {
  // null until the stored choice is read; a choice the user makes before that is kept.
  const [choice, setChoice] = useState<LangChoice | null>(null);
  const [json, setJson] = useState('{}');
  const [msg, setMsg] = useState<{ text: string; bad?: boolean; list?: string[] } | null>(null);
  const lang = uiLang(choice ?? 'auto', navigator.language);
  const t = (k: StringKey, p?: Record<string, string | number>) => translate(lang, k, p);
  const fail = (e: unknown) => setMsg({ text: describeError(lang, e), bad: true });

  useEffect(() => {
    void (async () => {
      const [c, s] = await Promise.all([getLangChoice(db), getSettingsJson(db)]);
      setChoice((had) => had ?? c);
      setJson(JSON.stringify(s, null, 2));
    })().catch((e: unknown) => setMsg({ text: describeError(uiLang('auto', navigator.language), e), bad: true }));
  }, [db]);

  /** Tells the side panel and the background that the data changed. */
  const announce = () => {
    // (absent outside the extension, e.g. in component tests)
    browser?.runtime?.sendMessage({ type: 'dataChanged' }).catch(() => {});
  };

  const saveLang = async (c: LangChoice) => {
    setChoice(c);
    await setLangChoice(db, c).then(announce, fail);
  };
  const saveSettings = async () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (e) {
      setMsg({ text: t('settingsProblems'), bad: true, list: [e instanceof Error ? e.message : String(e)] });
      return;
    }
    try {
      const problems = await setSettingsJson(db, parsed);
      if (problems.length > 0) {
        setMsg({ text: t('settingsProblems'), bad: true, list: problems.map((p) => formatSettingsProblem(lang, p)) });
        return;
      }
      // Re-analysed off the page's main thread (the import worker) when there is one.
      await (importer ?? inlineImporter(db)).reanalyze({ lang, settings: parsed as Partial<Settings> });
      announce();
      setMsg({ text: t('settingsSaved') });
    } catch (e) {
      fail(e);
    }
  };
  const exportAll = async () => {
    const b = await exportBackup(db);
    download(`rapport-backup-${b.exportedAt.slice(0, 10)}.json`, JSON.stringify(b), 'application/json');
  };
  const restore = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      let data: unknown = null;
      try {
        data = JSON.parse(await file.text());
      } catch {
        /* not JSON: refused below like any other non-backup */
      }
      const parsed = parseBackup(data);
      if (!parsed.backup) {
        setMsg({ text: t('notBackup'), bad: true, list: parsed.problems });
        return;
      }
      // Like "Clear data", a restore asks first, showing what it replaces.
      const counts = await describeRestore(db, parsed.backup);
      const lines = counts.map((c) => t('restoreLine', { table: t(`tbl_${c.table}` as StringKey), now: c.now, backup: c.backup }));
      if (!confirm([t('restoreConfirm', { date: parsed.backup.exportedAt.slice(0, 10) }), ...lines].join('\n'))) return;
      await restoreBackup(db, data);
      input.value = '';
      announce();
      setMsg({ text: t('restored') });
    } catch (err) {
      fail(err);
    }
  };
  const exportNotes = async () => {
    const [notes, customers] = await Promise.all([db.notes.toArray(), db.customers.toArray()]);
    const names = new Map(customers.map((c) => [c.key, c.name]));
    download('rapport-notes.csv', notesToCsv(notes, (k) => names.get(k) ?? ''), 'text/csv');
  };
  const clear = async () => {
    if (!confirm(t('clearConfirm'))) return;
    await clearAll(db).then(() => {
      announce();
      setMsg({ text: t('cleared') });
    }, fail);
  };
  return (
    <div class="app" lang={LOCALES[lang].html}>
      <header class="top"><h1>Rapport — {t('options')}</h1></header>
      {msg && (
        <div class={msg.bad ? 'error' : 'card'} role={msg.bad ? 'alert' : 'status'}>
          {msg.text}
          {msg.list && <ul>{msg.list.map((x) => <li key={x}>{x}</li>)}</ul>}
        </div>
      )}
      <section class="card">
        <label>{t('langLabel')}{' '}
          <select value={choice ?? 'auto'} onChange={(e) => void saveLang(e.currentTarget.value as LangChoice)} data-testid="lang">
            <option value="auto">{t('langAuto')}</option>
            <option value="zh">中文</option>
            <option value="en">English</option>
          </select>
        </label>
      </section>
      <section class="card stack">
        <h3>{t('settingsTitle')}</h3>
        <textarea rows={10} value={json} onInput={(e) => setJson(e.currentTarget.value)} spellcheck={false} aria-label={t('settingsTitle')} />
        <div><button type="button" onClick={() => void saveSettings()}>{t('save')}</button></div>
      </section>
      <section class="card stack">
        <h3>{t('backupTitle')}</h3>
        <div class="row wrap">
          <button type="button" onClick={() => void exportAll().catch(fail)}>{t('exportBackup')}</button>
          <label class="file">{t('importBackup')} <input type="file" accept=".json,application/json" onChange={restore} /></label>
          <button type="button" class="secondary" onClick={() => void exportNotes().catch(fail)}>{t('exportNotes')}</button>
        </div>
      </section>
      {browser?.permissions && <SitesSection t={t} say={(text, bad) => setMsg(bad ? { text, bad } : { text })} />}
      <section class="card stack">
        <h3>{t('clearTitle')}</h3>
        <div><button type="button" class="secondary" onClick={() => void clear()}>{t('clearData')}</button></div>
      </section>
    </div>
  );
}
