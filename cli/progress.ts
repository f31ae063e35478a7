/**
 * A one-line progress report on standard error while a large file is read, analysed and written
 * (reading → analysing → writing, with counts), redrawn in place; shown only when standard error
 * is a terminal, so logs and pipes stay clean.
 */
import { fill } from '../shared/i18n/messages';
import { LOCALE, texts } from '../shared/i18n/texts';
import type { Lang } from '../shared/types';

const TEXT = texts({
  zh: { of: ' / {total} MB ({percent}%)', reading: '读取中: {bytes}{of}, {rows} 行', writing: '写出中: {done} / {total} {unit}', rows: '行', customers: '个客户' },
  en: { of: ' of {total} MB ({percent}%)', reading: 'reading: {bytes}{of}, {rows} rows', writing: 'writing: {done} of {total} {unit}', rows: 'rows', customers: 'customers' },
});

/** Files smaller than this finish too fast for a progress line to help. */
export const PROGRESS_MIN_BYTES = 20e6;

export interface Progress {
  reading(bytes: number, total: number | null, rows: number): void;
  stage(text: string): void;
  writing(done: number, total: number, unit: 'rows' | 'customers'): void;
  done(): void;
}

export const NO_PROGRESS: Progress = { reading() {}, stage() {}, writing() {}, done() {} };

/** A progress line written through `write` (which must reach a terminal). */
export function terminalProgress(lang: Lang, write: (s: string) => void): Progress {
  const t = TEXT[lang];
  const n = (x: number) => x.toLocaleString(LOCALE[lang]);
  const mb = (b: number) => (b / 1e6).toFixed(0);
  let last = 0;
  let shown = false;
  const show = (text: string, force = false) => {
    const now = Date.now();
    if (!force && now - last < 200) return;
    last = now;
    shown = true;
    write(`\r\x1b[K${text}`);
  };
  return {
    reading(bytes, total, rows) {
      const of = total ? fill(t.of, { total: mb(total), percent: Math.round((bytes / total) * 100) }) : ' MB';
      show(fill(t.reading, { bytes: mb(bytes), of, rows: n(rows) }));
    },
    stage(text) {
      show(text, true);
    },
    writing(done, total, unit) {
      show(fill(t.writing, { done: n(done), total: n(total), unit: t[unit] }));
    },
    done() {
      if (shown) write('\r\x1b[K');
    },
  };
}
