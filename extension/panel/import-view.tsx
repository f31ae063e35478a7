/** @jsxImportSource preact */
/**
 * Import the sheet template's CSV/TSV (file or paste) through the core's `analyze`: a preview with
 * every row error and notice first; nothing is written until the rep confirms. Re-import updates
 * customers by key; notes are kept.
 */
import { useState } from 'preact/hooks';
import { formatRowError } from '../../shared/i18n/messages';
import { commitImport, previewImport, type ImportPreview } from '../db/import-table';
import { useEnv, useT } from './panel-env';
import { loadSampleCustomers } from './sample-data';

export function ImportView({ onDone }: { onDone: () => void }) {
  const env = useEnv();
  const t = useT();
  const [paste, setPaste] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);

  const run = (input: Uint8Array | string, name: string) => {
    try {
      setPreview(previewImport(input, name, env.analyzeContext));
    } catch (e) {
      setPreview(null);
      env.fail(e);
    }
  };
  const onFile = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (file) run(new Uint8Array(await file.arrayBuffer()), file.name);
  };
  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const r = await commitImport(env.db, preview, env.analyzeContext);
      env.changed();
      env.toast(t('imported', r));
      setPreview(null);
      setPaste('');
      onDone();
    } catch (e) {
      env.fail(e);
    } finally {
      setBusy(false);
    }
  };
  const sample = async () => {
    setBusy(true);
    try {
      const n = await loadSampleCustomers(env.db, env.analyzeContext);
      env.changed();
      env.toast(t('sampleLoaded', { count: n }));
      onDone();
    } catch (e) {
      env.fail(e);
    } finally {
      setBusy(false);
    }
  };
  const a = preview?.analysis;
  return (
    <div class="stack">
      <h2>{t('importTitle')}</h2>
      <p class="muted small">{t('importHelp')}</p>
      <label class="file">
        {t('chooseFile')} <input type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" onChange={onFile} data-testid="import-file" />
      </label>
      <label class="stack">
        {t('pasteHere')}
        <textarea rows={6} value={paste} onInput={(e) => setPaste(e.currentTarget.value)} data-testid="import-paste" />
      </label>
      <div class="row">
        <button type="button" onClick={() => run(paste, 'paste')} disabled={!paste.trim()} data-testid="import-preview">{t('preview')}</button>
        <button type="button" class="secondary" onClick={sample} disabled={busy}>{t('loadSample')}</button>
      </div>
      {a && (
        <section class="card" data-testid="import-result" aria-live="polite">
          <p data-testid="import-summary">{t('previewSummary', a.summary.rows)}</p>
          {a.errors.length > 0 && (
            <>
              <h3>{t('rowErrors')} ({a.errors.length})</h3>
              <ul class="errors" data-testid="import-errors">
                {a.errors.slice(0, 200).map((e, i) => <li key={i} class={e.fatal ? 'warn' : ''}>{formatRowError(env.lang, e)}</li>)}
              </ul>
            </>
          )}
          {a.notices.length > 0 && (
            <>
              <h3>{t('notices')}</h3>
              <ul class="muted small">{a.notices.slice(0, 50).map((n, i) => <li key={i}>{n.message}</li>)}</ul>
            </>
          )}
          {a.customers.length > 0 ? (
            <button type="button" onClick={commit} disabled={busy} data-testid="import-commit">{t('importNow', { count: a.customers.length })}</button>
          ) : (
            <p class="warn">{t('nothingToImport')}</p>
          )}
        </section>
      )}
    </div>
  );
}
