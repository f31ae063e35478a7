/**
 * The chip's tooltip in the UI language (the background sends it with the look-up: the user's
 * override, else the browser's). The content script stays small: it does not load the panel's
 * dictionary.
 */
import type { ChipWords } from './tier-chip';
import { noTierLabel } from '../../shared/i18n/no-tier';

export function chipWords(lang: string): ChipWords {
  if (lang.toLowerCase().startsWith('zh')) {
    return {
      known: (tier, name, matched) => `Rapport: ${name} · ${tier === null ? noTierLabel('zh') : `${tier} 类客户`}${matched > 1 ? ` (本邮件中 ${matched} 人匹配)` : ''} — 点击打开侧边栏`,
      unknown: 'Rapport: 发件人不是已知客户 — 点击添加',
    };
  }
  return {
    known: (tier, name, matched) => `Rapport: ${name} · ${tier === null ? noTierLabel('en') : `tier ${tier}`}${matched > 1 ? ` (${matched} people in this email match)` : ''} — click to open the side panel`,
    unknown: 'Rapport: the sender is not a known customer — click to add',
  };
}
