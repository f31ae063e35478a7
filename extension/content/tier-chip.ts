/**
 * The tier chip beside the sender's name (or a record's title): plain DOM inside a closed shadow
 * root, so the page's scripts cannot read it, and a host of fixed size, so its layout says nothing
 * about what it shows. A button, so it is keyboard-usable; clicking it asks the background to open
 * the side panel (a user gesture). Text is set with textContent only; never a customer's name.
 */
import type { ChipInfo } from '../messaging/messages';
import { NO_TIER_MARK } from '../../shared/i18n/no-tier';

export const CHIP_CSS = `
:host{display:inline-block!important;width:46px!important;height:18px!important;overflow:hidden!important;
vertical-align:middle!important;margin-left:6px!important}
html,body{display:block!important;margin:0!important;padding:0!important}
button{all:initial;box-sizing:border-box;display:flex;align-items:center;justify-content:center;width:46px;height:18px;border-radius:9px;
font:600 11px/16px system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;cursor:pointer;
background:#e5e7eb;color:#111827;border:1px solid #d1d5db;white-space:nowrap;overflow:hidden}
button:focus-visible{outline:2px solid #2563eb;outline-offset:-2px}
button[data-tier="A"]{background:#1d4ed8;color:#fff;border-color:#1d4ed8}
button[data-tier="B"]{background:#0f766e;color:#fff;border-color:#0f766e}
button[data-tier="C"]{background:#f3f4f6;color:#374151}
button[data-tier="D"]{background:#fee2e2;color:#991b1b;border-color:#fecaca}
`;

export interface ChipWords {
  /** `tier` null: a known customer of a table with no tiers (no revenue or profit column). */
  known: (tier: string | null, matched: number) => string;
  unknown: string;
}

/** Fills the chip's button for the given look-up result. */
export function renderChip(button: HTMLButtonElement, info: ChipInfo, words: ChipWords): void {
  if (info.status === 'known') {
    const mark = info.tier ?? NO_TIER_MARK;
    button.dataset.tier = info.tier ?? 'none';
    button.textContent = info.matched > 1 ? `${mark} · ${info.matched}` : mark;
    const title = words.known(info.tier, info.matched);
    button.title = title;
    button.setAttribute('aria-label', title);
  } else {
    button.dataset.tier = '';
    button.textContent = '+';
    button.title = words.unknown;
    button.setAttribute('aria-label', words.unknown);
  }
}
