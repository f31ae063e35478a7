/**
 * Every message between the content script, the background service worker and the side panel.
 * Content scripts never open IndexedDB (it would be the mail site's); they send what they read here.
 */
import type { PageContext } from '../sites/page-context';
import type { Lang, Tier } from '../../shared/types';

/** What the chip beside the sender shows. */
export interface ChipInfo {
  /** 'known': matched customer(s); 'unknown': nobody in the thread is a customer. */
  status: 'known' | 'unknown';
  tier: Tier | null;
  name: string | null;
  /** How many people of the thread matched a customer. */
  matched: number;
  /** The UI language (the user's override, else the browser's), for the chip's tooltip. */
  lang: Lang;
}

export type ContentToBackground =
  | { type: 'pageContext'; context: PageContext | null }
  | { type: 'openPanel' };

export type PanelToBackground =
  | { type: 'getActiveContext' }
  | { type: 'dataChanged' };

export type BackgroundToPanel = { type: 'contextChanged'; tabId: number; context: PageContext | null };
export type BackgroundToContent = { type: 'refreshChip' };

export type AnyMessage = ContentToBackground | PanelToBackground | BackgroundToPanel | BackgroundToContent;

export interface ActiveContext {
  tabId: number | null;
  context: PageContext | null;
}

/** Narrowing for messages arriving as `unknown`. */
export function isMessage(m: unknown): m is AnyMessage {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string';
}
