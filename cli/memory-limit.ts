/**
 * Files too large for the memory Rapport may use get a plain message and exit 2, never a crash:
 * the CLI runs in a worker thread with a heap limit (cli/rapport.mjs), and a worker that reaches it
 * is reported with this message. No file is refused for its size alone: rows are let go as they are
 * read, so what a file needs grows with its customers, not with its bytes.
 */
import { fill } from '../shared/i18n/messages';
import { texts } from '../shared/i18n/texts';
import type { Lang } from '../shared/types';

const gb = (b: number) => (b / 2 ** 30).toFixed(1);

const TEXT = texts({
  zh: {
    tooBig: '输入太大, 无法在本机可用的内存 ({gb} GB) 中分析。请按区域或日期拆分成几个文件分别分析, 或在内存更大的电脑上运行 (可用 RAPPORT_MEMORY_MB 设置上限)。',
  },
  en: {
    tooBig: 'The input is too large to analyse in the memory available here ({gb} GB). Split it into several files (by region or by date) and analyse each, or run on a machine with more memory (RAPPORT_MEMORY_MB sets the limit).',
  },
});

/** The message for input that does not fit in the memory allowed. */
export function tooBigMessage(lang: Lang, limitBytes: number): string {
  return fill(TEXT[lang].tooBig, { gb: gb(limitBytes) });
}
