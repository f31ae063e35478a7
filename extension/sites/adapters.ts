/**
 * The site adapters and how a URL picks one. Test and demo builds also accept the local fixture
 * server: `http://127.0.0.1:PORT/gmail/<gmail path>#<hash>` reads as the Gmail page
 * `https://mail.google.com/<gmail path>#<hash>` (likewise `/outlook/`).
 */
import { gmail } from './gmail';
import { outlook } from './outlook';

export const ADAPTERS = [gmail, outlook] as const;
export type Adapter = (typeof ADAPTERS)[number];

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);
const LOCAL_TARGET: Record<string, string> = { gmail: 'https://mail.google.com', outlook: 'https://outlook.office.com' };

/** Maps a local fixture URL to the real site URL it stands for; other URLs unchanged. */
export function localAlias(url: URL): URL {
  if (!LOCAL_HOSTS.has(url.hostname)) return url;
  const m = /^\/(gmail|outlook)(\/.*)$/.exec(url.pathname);
  if (!m) return url;
  return new URL(`${LOCAL_TARGET[m[1]!]}${m[2]}${url.search}${url.hash}`);
}

/** The adapter for a URL (after the local alias when `allowLocal`), or null. */
export function pickAdapter(url: URL, allowLocal = false): { adapter: Adapter; url: URL } | null {
  const u = allowLocal ? localAlias(url) : url;
  const adapter = ADAPTERS.find((a) => a.matches(u));
  return adapter ? { adapter, url: u } : null;
}
