/**
 * Message tables keyed by language, and the locale each language formats numbers and dates in.
 * Templates use `{name}` placeholders, filled with `fill` from ./messages.
 */
import type { Lang } from '../types';

/** The locale for numbers and dates in each language. */
export const LOCALE: Record<Lang, string> = { zh: 'zh-CN', en: 'en-US' };

/** A message table with the same keys in every language (the compiler checks both sides). */
export function texts<K extends string>(t: { zh: Record<K, string>; en: Record<NoInfer<K>, string> }): Record<Lang, Record<K, string>> {
  return t;
}

/** Small words several parts of the core use: list separator, none, yes, no. */
export const COMMON = texts({
  zh: { list: '、', none: '无', yes: '是', no: '否' },
  en: { list: ', ', none: 'none', yes: 'yes', no: 'no' },
});
