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

/** Whether a Chrome match pattern (such as `https://*.example.com/` + `*`) covers a URL's host. */
export function patternCovers(pattern: string, url: URL): boolean {
  const m = /^(https?|\*):\/\/([^/]+)\//.exec(pattern);
  if (!m || (m[1] !== '*' && `${m[1]}:` !== url.protocol)) return false;
  const host = m[2]!;
  if (host === '*') return true;
  if (host.startsWith('*.')) return url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1));
  return url.hostname === host;
}

/**
 * The first adapter of `adapters` that matches the URL (after the local alias when `allowLocal`),
 * else `fallback` (the generic adapter, where the user put it) when given — but never on a host that
 * belongs to one of `adapters` (a HubSpot list view is not a record for the generic adapter); or null.
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
  if (!fallback?.matches(url)) return null;
  const owned = adapters.some((a) => a.hostPatterns.some((p) => patternCovers(p, u)));
  return owned ? null : { adapter: fallback, url };
}
