/**
 * How a URL picks its adapter from a list. Test and demo builds also accept the local fixture
 * server: `http://127.0.0.1:PORT/<localPrefix>/<path>#<hash>` reads as the adapter's
 * `<localTarget>/<path>#<hash>` (e.g. `/gmail/mail/u/0/#inbox/…` → `https://mail.google.com/mail/u/0/#inbox/…`).
 */
import type { SiteAdapter } from './site-adapter';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

/** Maps a local fixture URL to the real site URL it stands for; other URLs unchanged. */
export function localAlias(url: URL, adapters: readonly SiteAdapter[]): URL {
  if (!LOCAL_HOSTS.has(url.hostname)) return url;
  const m = /^\/([a-z0-9-]+)(\/.*)$/.exec(url.pathname);
  const a = m ? adapters.find((x) => x.localTarget && x.localPrefix === m[1]) : undefined;
  if (!m || !a) return url;
  return new URL(`${a.localTarget}${m[2]}${url.search}${url.hash}`);
}

/**
 * The first adapter of `adapters` that matches the URL (after the local alias when `allowLocal`),
 * else `fallback` (the generic adapter, where the user put it) when given; or null.
 */
export function pickAdapter(
  url: URL,
  adapters: readonly SiteAdapter[],
  allowLocal = false,
  fallback?: SiteAdapter,
): { adapter: SiteAdapter; url: URL } | null {
  const u = allowLocal ? localAlias(url, adapters) : url;
  const adapter = adapters.find((a) => a.matches(u));
  if (adapter) return { adapter, url: u };
  return fallback?.matches(url) ? { adapter: fallback, url } : null;
}
