/** Words more than one CLI file uses, and number formatting in the CLI's language. */
import { LOCALE, texts } from '../shared/i18n/texts';
import type { Lang } from '../shared/types';

export const CLI_TEXT = texts({
  zh: { stdin: '标准输入' },
  en: { stdin: 'standard input' },
});

/** A number in the language's locale, with exactly `digits` decimals (default none). */
export const num = (lang: Lang, x: number, digits = 0): string =>
  x.toLocaleString(LOCALE[lang], { maximumFractionDigits: digits, minimumFractionDigits: digits });
