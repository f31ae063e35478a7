/**
 * The origins a user added for the generic adapter (an in-house CRM, 纷享销客, 销售易, …), as
 * Chrome match patterns (`https://crm.example.cn/*`). Kept in `storage.local`; each is also a host
 * permission asked for when added and given back when removed.
 */
import { storage, type WxtStorageItem } from 'wxt/utils/storage';

let item: WxtStorageItem<string[], Record<string, never>> | null = null;

/** The stored list (defined on first use: the options page also renders outside the extension, in tests). */
export const customSitesItem = {
  getValue: (): Promise<string[]> => customSites().getValue(),
  setValue: (v: string[]): Promise<void> => customSites().setValue(v),
};

function customSites(): WxtStorageItem<string[], Record<string, never>> {
  if (!item) item = storage.defineItem<string[]>('local:customSites', { fallback: [] });
  return item;
}

/**
 * The match pattern for what a user typed: a URL or a bare host → `<scheme>://<host>/*` (the port
 * is dropped: Chrome's patterns match every port). Only http and https; null otherwise.
 */
export function originPattern(typed: string): string | null {
  const t = typed.trim();
  if (!t) return null;
  try {
    const u = new URL(t.includes('://') ? t : `https://${t}`);
    if ((u.protocol !== 'https:' && u.protocol !== 'http:') || !u.hostname || u.hostname.includes('*')) return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}
