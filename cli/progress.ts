/**
 * A one-line progress report on standard error while a large file is read, analysed and written
 * (reading → analysing → writing, with counts), redrawn in place; shown only when standard error
 * is a terminal, so logs and pipes stay clean.
 */
import type { Lang } from '../shared/types';

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
  const zh = lang === 'zh';
  const n = (x: number) => x.toLocaleString(zh ? 'zh-CN' : 'en-US');
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
      const of = total ? (zh ? ` / ${mb(total)} MB (${Math.round((bytes / total) * 100)}%)` : ` of ${mb(total)} MB (${Math.round((bytes / total) * 100)}%)`) : ' MB';
      show(zh ? `读取中: ${mb(bytes)}${of}, ${n(rows)} 行` : `reading: ${mb(bytes)}${of}, ${n(rows)} rows`);
    },
    stage(text) {
      show(text, true);
    },
    writing(done, total, unit) {
      const u = unit === 'rows' ? (zh ? '行' : 'rows') : zh ? '个客户' : 'customers';
      show(zh ? `写出中: ${n(done)} / ${n(total)} ${u}` : `writing: ${n(done)} of ${n(total)} ${u}`);
    },
    done() {
      if (shown) write('\r\x1b[K');
    },
  };
}
