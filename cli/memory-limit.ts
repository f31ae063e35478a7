/**
 * Files too large for the memory Rapport may use get a plain message and exit 2, never a crash:
 * before reading, a file whose size alone rules it out is refused; while analysing, the CLI runs
 * in a worker thread with a heap limit (cli/rapport.mjs), and a worker that reaches it is reported
 * with the same message.
 */
import { getHeapStatistics } from 'node:v8';
import { fill } from '../shared/i18n/messages';
import { texts } from '../shared/i18n/texts';
import type { Lang } from '../shared/types';
import { UsageError } from './usage-error';

/**
 * Heap bytes per file byte, at the least, while a table is read and analysed: each cell becomes a
 * JavaScript string (a header of 16–32 bytes plus its characters) in a row array, and the analysis
 * adds its own objects. The bench measured peaks of 20× the file (233 MB customer table) and 47×
 * (27 MB transaction log); a file of long text cells comes closer to its text size, so a floor of
 * 5 is used: only files certain not to fit are refused up front, the worker's heap limit catches
 * the rest.
 */
const HEAP_PER_FILE_BYTE = 5;

const gb = (b: number) => (b / 2 ** 30).toFixed(1);

const TEXT = texts({
  zh: {
    tooBig: '文件 "{name}"{size} 太大, 无法在本机可用的内存 ({gb} GB) 中分析。请按区域或日期拆分成几个文件分别分析, 或在内存更大的电脑上运行 (可用 RAPPORT_MEMORY_MB 设置上限)。',
  },
  en: {
    tooBig: 'The file "{name}"{size} is too large to analyse in the memory available here ({gb} GB). Split it into several files (by region or by date) and analyse each, or run on a machine with more memory (RAPPORT_MEMORY_MB sets the limit).',
  },
});

/** The message for a file that does not fit: its size and the memory allowed. */
export function tooBigMessage(lang: Lang, name: string, bytes: number | null, limitBytes: number): string {
  const size = bytes === null ? '' : ` (${(bytes / 1e6).toFixed(0)} MB)`;
  return fill(TEXT[lang].tooBig, { name, size, gb: gb(limitBytes) });
}

/** Refuse at once a file that cannot fit in this process's heap limit. */
export function checkFileFits(bytes: number, name: string, lang: Lang, limit = getHeapStatistics().heap_size_limit): void {
  if (bytes * HEAP_PER_FILE_BYTE > limit) throw new UsageError(tooBigMessage(lang, name, bytes, limit));
}
