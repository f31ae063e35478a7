/**
 * Registrable domains repeat across a table's emails: each host is looked up once while it is
 * remembered. At most CACHED_HOSTS are remembered at a time (the cache starts afresh when full), so
 * a million customers with a million different hosts do not make a million-entry map.
 */
import { isFreeMailProvider, registrableDomain } from './registrable-domain';

const CACHED_HOSTS = 65_536;

/** `host`'s entry in `map`, computed by `compute` and remembered when it was not there. */
function remembered(map: Map<string, string | null>, host: string, compute: (host: string) => string | null): string | null {
  let d = map.get(host);
  if (d === undefined) {
    d = compute(host);
    if (map.size >= CACHED_HOSTS) map.clear();
    map.set(host, d);
  }
  return d;
}

export class DomainCache {
  private readonly registrable = new Map<string, string | null>();
  private readonly company = new Map<string, string | null>();

  /** The registrable domain of a host (registrableDomain). */
  of(host: string): string | null {
    return remembered(this.registrable, host, registrableDomain);
  }

  /** The company domain of a host: its registrable domain unless it is a free-mail provider. */
  companyOf(host: string): string | null {
    return remembered(this.company, host, this.companyDomain);
  }

  private readonly companyDomain = (host: string): string | null => {
    const r = this.of(host);
    return r && !isFreeMailProvider(r) ? r : null;
  };
}
