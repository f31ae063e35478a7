/**
 * A site adapter describes itself: which pages it reads (`matches`, and the Chrome match patterns of
 * its hosts), how it reads them (`read`, pure over a document and a URL), where the tier chip goes,
 * the selectors it relies on (kept as data and tested against saved pages), how its permission is
 * had (required in the manifest, optional one-click, or granted for an origin the user adds) and
 * which local fixture path stands for it in test and demo builds. The registry, the manifest's
 * matches and the permission lists are derived from these descriptions.
 */
import type { PageContext, SiteId } from './page-context';

export type SiteKind = 'mail' | 'crm';

/**
 * 'required': the content script is in the manifest and its hosts are required host permissions;
 * 'optional': the user switches it on (the permission is asked then) and the background registers
 * its content script; 'user': the generic adapter, registered for exactly the origins a user adds.
 */
export type SiteAccess = 'required' | 'optional' | 'user';

export interface SiteAdapter {
  id: SiteId;
  /** The name shown on the options page. */
  label: string;
  kind: SiteKind;
  access: SiteAccess;
  /** Chrome match patterns of the site's hosts (https only). */
  hostPatterns: readonly string[];
  /** Test and demo builds: `http://127.0.0.1:PORT/<localPrefix>/…` reads as `<localTarget>/…`. */
  localPrefix: string;
  localTarget: string;
  /** The CSS selectors the adapter depends on, by step name. */
  selectors: Readonly<Record<string, string | null>>;
  matches(url: URL): boolean;
  read(doc: Document, url: URL): PageContext | null;
  /** The element the tier chip goes after, or null (no chip). */
  chipAnchor(doc: Document): Element | null;
}

/** Whether a host is `base` itself or one of its subdomains. */
export function hostIs(host: string, base: string): boolean {
  return host === base || host.endsWith(`.${base}`);
}
