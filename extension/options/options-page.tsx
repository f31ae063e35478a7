/** @jsxImportSource preact */
/**
 * Options page: language, settings JSON (checked by the core's `resolveSettings`), backup export and
 * restore, notes to CSV, web-CRM optional permissions, clear data.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { RapportDB } from '../db/database';
import { getLangChoice, getSettingsJson, setLangChoice, setSettingsJson, type LangChoice } from '../db/preferences';
import { checkBackup, clearAll, exportBackup, notesToCsv, restoreBackup, type Backup } from '../db/backup';
import { reanalyze } from '../db/import-table';
import { t as translate, uiLang, type StringKey } from '../i18n/strings';
import { describeError } from '../panel/describe-error';
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

export function OptionsPage({ db }: { db: RapportDB }) {
  const [choice, setChoice] = useState<LangChoice>('auto');
  const [json, setJson] = useState('{}');
  const [msg, setMsg] = useState<{ text: string; bad?: boolean; list?: string[] } | null>(null);
  const [crm, setCrm] = useState('');
  const lang = uiLang(choice, navigator.language);
  const t = (k: StringKey, p?: Record<string, string | number>) => translate(lang, k, p);
  const fail = (e: unknown) => setMsg({ text: describeError(lang, e), bad: true });

  const [touched, setTouched] = useState(false);
  useEffect(() => {
    void (async () => {
      const [c, s] = await Promise.all([getLangChoice(db), getSettingsJson(db)]);
      if (!touched) setChoice(c);
      setJson(JSON.stringify(s, null, 2));
    })().catch(fail);
  }, []);

  /** Tells the side panel and the background that the data changed. */
  const announce = () => {
    // (absent outside the extension, e.g. in component tests)
    browser?.runtime?.sendMessage({ type: 'dataChanged' }).catch(() => {});
  };

  const saveLang = async (c: LangChoice) => {
    setTouched(true);
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
      await reanalyze(db, { lang, settings: parsed as Partial<Settings> });
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
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    try {
      const data: unknown = JSON.parse(await file.text());
      const problems = checkBackup(data);
      if (problems.length > 0) throw new Error(problems.join(', '));
      await restoreBackup(db, data as Backup);
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
  const allowCrm = async () => {
    try {
      const origin = `${new URL(crm.includes('://') ? crm : `https://${crm}`).origin}/*`;
      const ok = await browser.permissions.request({ origins: [origin] });
      setMsg(ok ? { text: t('crmGranted', { origin }) } : { text: t('crmDenied'), bad: true });
    } catch (e) {
      fail(e);
    }
  };

  return (
    <div class="app" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header class="top"><h1>Rapport — {t('options')}</h1></header>
      {msg && (
        <div class={msg.bad ? 'error' : 'card'} role={msg.bad ? 'alert' : 'status'}>
          {msg.text}
          {msg.list && <ul>{msg.list.map((x) => <li key={x}>{x}</li>)}</ul>}
        </div>
      )}
      <section class="card">
        <label>{t('langLabel')}{' '}
          <select value={choice} onChange={(e) => void saveLang(e.currentTarget.value as LangChoice)} data-testid="lang">
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
      <section class="card stack">
        <h3>{t('crmTitle')}</h3>
        <p class="muted small">{t('crmHelp')}</p>
        <div class="row"><input value={crm} onInput={(e) => setCrm(e.currentTarget.value)} placeholder="https://crm.example.com" /><button type="button" onClick={() => void allowCrm()}>{t('crmAdd')}</button></div>
      </section>
      <section class="card stack">
        <h3>{t('clearTitle')}</h3>
        <div><button type="button" class="secondary" onClick={() => void clear()}>{t('clearData')}</button></div>
      </section>
    </div>
  );
}
