/**
 * The chip's tooltip in the UI language (the background sends it with the look-up: the user's
 * override, else the browser's). Never a customer's name. The content script stays small: it does
 * not load the panel's dictionary.
 */
import type { ChipWords } from './tier-chip';
import { noTierLabel } from '../../shared/i18n/no-tier';

export function chipWords(lang: string): ChipWords {
  if (lang.toLowerCase().startsWith('zh')) {
    return {
      known: (tier, matched) =>
        `Rapport: ${tier === null ? noTierLabel('zh') : `${tier} 类客户`}${matched > 1 ? ` (${matched} 个匹配)` : ''} — 点击打开侧边栏`,
      unknown: 'Rapport: 不是已知客户 — 点击添加',
    };
  }
  return {
    known: (tier, matched) =>
      `Rapport: ${tier === null ? noTierLabel('en') : `tier ${tier}`}${matched > 1 ? ` (${matched} matches)` : ''} — click to open the side panel`,
    unknown: 'Rapport: not a known customer — click to add',
  };
}
