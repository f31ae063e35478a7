/** @jsxImportSource preact */
/**
 * Import the sheet template's CSV/TSV (file or paste) through the core's `analyze`: a preview with
 * every row error and notice first; nothing is written until the rep confirms. Re-import updates
 * customers by key; notes are kept. The decoding, analysis and write run in the import worker, so
 * the panel stays responsive and shows the write's progress.
 */
import { useMemo, useState } from 'preact/hooks';
import { formatRowError } from '../../shared/i18n/messages';
import type { PreviewView } from '../db/import-job';
import { useEnv, useImporter, useT } from './panel-env';
import { loadSampleCustomers } from './sample-data';

export function ImportView({ onDone }: { onDone: () => void }) {
  const env = useEnv();
  const importer = useImporter();
  const t = useT();
  const [paste, setPaste] = useState('');
  const [preview, setPreview] = useState<PreviewView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (input: Uint8Array | string, name: string) => {
    setBusy(t('importAnalysing'));
    setPreview(null);
    try {
      setPreview(await importer.preview(input, name, env.analyzeContext));
    } catch (e) {
      env.fail(e);
    } finally {
      setBusy(null);
    }
  };
  const onFile = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (file) await run(new Uint8Array(await file.arrayBuffer()), file.name);
  };
  const commit = async () => {
    if (!preview) return;
    setBusy(t('importAnalysing'));
    try {
      const r = await importer.commit(env.analyzeContext, (_phase, done, total) => setBusy(t('importProgress', { done, total })));
      env.changed();
      env.toast(t('imported', r));
      setPreview(null);
      setPaste('');
      onDone();
    } catch (e) {
      env.fail(e);
    } finally {
      setBusy(null);
    }
  };
  const sample = async () => {
    setBusy(t('importAnalysing'));
    try {
      const n = await loadSampleCustomers(env.db, env.analyzeContext);
      env.changed();
      env.toast(t('sampleLoaded', { count: n }));
      onDone();
    } catch (e) {
      env.fail(e);
    } finally {
      setBusy(null);
    }
  };
  const a = preview;
  // The preview's lists, built once per preview: the save's progress re-renders this view ~30 times
  // and leaves them as they are.
  const errorItems = useMemo(
    () =>
      a?.errors.map((e) => (
        <li key={`${e.row}:${e.column ?? ''}:${e.code}`} class={e.fatal ? 'warn' : ''}>
          {formatRowError(env.lang, e)}
        </li>
      )),
    [a, env.lang],
  );
  const noticeItems = useMemo(() => a?.notices.map((n) => <li key={`${n.code}:${n.message}`}>{n.message}</li>), [a]);
  return (
    <div class="stack">
      <h2>{t('importTitle')}</h2>
      <p class="muted small">{t('importHelp')}</p>
      <label class="file">
        {t('chooseFile')}{' '}
        <input
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
          onChange={onFile}
          disabled={busy !== null}
          data-testid="import-file"
        />
      </label>
      <label class="stack">
        {t('pasteHere')}
        <textarea rows={6} value={paste} onInput={(e) => setPaste(e.currentTarget.value)} data-testid="import-paste" />
      </label>
      <div class="row">
        <button type="button" onClick={() => void run(paste, 'paste')} disabled={!paste.trim() || busy !== null} data-testid="import-preview">
          {t('preview')}
        </button>
        <button type="button" class="secondary" onClick={sample} disabled={busy !== null}>{t('loadSample')}</button>
      </div>
      {busy && <p class="muted" role="status" aria-live="polite" data-testid="import-busy">{busy}</p>}
      {a && (
        <section class="card" data-testid="import-result" aria-live="polite">
          <p data-testid="import-summary">{t('previewSummary', a.rows)}</p>
          {a.errorCount > 0 && (
            <>
              <h3>{t('rowErrors')} ({a.errorCount})</h3>
              <ul class="errors" data-testid="import-errors">
                {errorItems}
              </ul>
            </>
          )}
          {a.notices.length > 0 && (
            <>
              <h3>{t('notices')}</h3>
              <ul class="muted small">{noticeItems}</ul>
            </>
          )}
          {a.customers > 0 ? (
            <button type="button" onClick={commit} disabled={busy !== null} data-testid="import-commit">{t('importNow', { count: a.customers })}</button>
          ) : (
            <p class="warn">{t('nothingToImport')}</p>
          )}
        </section>
      )}
    </div>
  );
}
