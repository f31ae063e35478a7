/**
 * Every message between the content scripts, the background service worker and the extension's
 * pages, as one typed map: each request type has one request shape, one reply shape and the one
 * kind of sender allowed to send it. Anything else — an unknown type, a malformed body, a request
 * from the wrong kind of sender — is rejected before a handler sees it.
 * Content scripts never open IndexedDB (it would be the site's); they send what they read here.
 */
import type { PageContext } from '../sites/page-context';
import type { Lang, Tier } from '../../shared/types';
import { checkContext } from './check-context';

/**
 * What the chip beside the sender shows. Never a customer's name: the chip lives in the page, so
 * only what it must show (the tier and how many people matched) reaches the content script.
 */
export interface ChipInfo {
  /** 'known': matched customer(s); 'unknown': nobody on the page is a customer. */
  status: 'known' | 'unknown';
  tier: Tier | null;
  /** How many people of the page matched a customer. */
  matched: number;
  /** The UI language (the user's override, else the browser's), for the chip's tooltip. */
  lang: Lang;
}

export interface ActiveContext {
  tabId: number | null;
  context: PageContext | null;
}

/** Which kind of sender may send a request: a content script in a tab, or an extension page. */
export type SenderKind = 'content' | 'page';

/** The requests the background answers: request body, reply, allowed sender. */
export interface RequestMap {
  pageContext: { req: { context: PageContext | null }; res: ChipInfo | null; from: 'content' };
  openPanel: { req: Record<never, never>; res: null; from: 'content' };
  getActiveContext: { req: { windowId: number | null; tabId: number | null }; res: ActiveContext; from: 'page' };
  dataChanged: { req: Record<never, never>; res: null; from: 'page' };
  sitesChanged: { req: Record<never, never>; res: null; from: 'page' };
}
export type RequestType = keyof RequestMap;
export type Request<K extends RequestType = RequestType> = K extends RequestType ? { type: K } & RequestMap[K]['req'] : never;
export type Reply<K extends RequestType> = RequestMap[K]['res'];

const FROM: { [K in RequestType]: RequestMap[K]['from'] } = {
  pageContext: 'content',
  openPanel: 'content',
  getActiveContext: 'page',
  dataChanged: 'page',
  sitesChanged: 'page',
};

const isId = (x: unknown): x is number | null => x === null || (typeof x === 'number' && Number.isInteger(x) && x >= 0);

/** A well-formed request of a known type, or null. */
export function parseRequest(raw: unknown): Request | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'pageContext': {
      if (m.context === null) return { type: 'pageContext', context: null };
      const context = checkContext(m.context);
      return context ? { type: 'pageContext', context } : null;
    }
    case 'openPanel':
    case 'dataChanged':
    case 'sitesChanged':
      return { type: m.type } as Request;
    case 'getActiveContext':
      return isId(m.windowId ?? null) && isId(m.tabId ?? null)
        ? { type: 'getActiveContext', windowId: (m.windowId as number | null) ?? null, tabId: (m.tabId as number | null) ?? null }
        : null;
    default:
      return null;
  }
}

/** Whether `kind` may send a request of this type. */
export function allowedFrom(type: RequestType, kind: SenderKind): boolean {
  return FROM[type] === kind;
}

/**
 * The kind of a message's sender: our own content script in a tab, our own extension page, or
 * null (another extension, a web page through some other channel).
 */
export function senderKind(sender: { id?: string; url?: string; tab?: { id?: number } }, extensionId: string): SenderKind | null {
  if (sender.id !== extensionId) return null;
  const ownPage = sender.url?.startsWith(`chrome-extension://${extensionId}/`) ?? false;
  if (ownPage) return 'page';
  return sender.tab?.id !== undefined ? 'content' : null;
}

/** Handlers for every request type, each typed by its request and reply. */
export type Handlers<S> = { [K in RequestType]: (req: Request<K>, sender: S) => Promise<Reply<K>> | Reply<K> };

/**
 * Runs the handler for a raw message, or rejects it (returns undefined: no reply is sent). The
 * reply is a promise of the typed reply.
 */
export function dispatch<S extends { id?: string; url?: string; tab?: { id?: number } }>(
  handlers: Handlers<S>,
  raw: unknown,
  sender: S,
  extensionId: string,
): Promise<unknown> | undefined {
  const req = parseRequest(raw);
  const kind = senderKind(sender, extensionId);
  if (!req || !kind || !allowedFrom(req.type, kind)) return undefined;
  const handler = handlers[req.type] as (r: Request, s: S) => Promise<unknown> | unknown;
  // Called synchronously: a user gesture (the chip's click) still counts for sidePanel.open.
  try {
    return Promise.resolve(handler(req, sender));
  } catch (e) {
    return Promise.reject(e);
  }
}

/** Events the background and pages broadcast (no reply). */
export type BackgroundToPanel =
  | { type: 'contextChanged'; tabId: number; windowId: number | null; active: boolean; context: PageContext | null }
  | { type: 'dataChanged' };
export type BackgroundToContent = { type: 'refreshChip' };

/** Narrowing for broadcast events arriving as `unknown`. */
export function isEvent(m: unknown): m is BackgroundToPanel | BackgroundToContent {
  if (typeof m !== 'object' || m === null) return false;
  const t = (m as { type?: unknown }).type;
  return t === 'contextChanged' || t === 'dataChanged' || t === 'refreshChip';
}

/** The panel's name for isEvent. */
export const isMessage = isEvent;
