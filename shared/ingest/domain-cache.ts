/**
 * Registrable domains repeat across a table's emails (free-mail providers, one company's many
 * contacts): a host seen recently is not worked out again. The cache is direct-mapped — a fixed
 * array of slots, each host going to one slot by a cheap hash of its characters — so that a
 * million customers with a million different company hosts cost one string comparison each, not
 * the growing and clearing of a hash map, and memory stays fixed.
 */
import { isFreeMailProvider, registrableDomain } from './registrable-domain';

const SLOTS = 4096; // a power of two

/** A cheap hash of a host: its length and up to 16 of its last characters (where hosts differ most). */
function slotOf(host: string): number {
  let h = host.length;
  const stop = Math.max(0, host.length - 16);
  for (let i = host.length - 1; i >= stop; i--) h = (Math.imul(h, 31) + host.charCodeAt(i)) | 0;
  return (h ^ (h >>> 13)) & (SLOTS - 1);
}

/** One direct-mapped table: host → computed value, the last host of each slot remembered. */
class Slots {
  private readonly hosts: (string | undefined)[] = new Array(SLOTS).fill(undefined);
  private readonly values: (string | null)[] = new Array(SLOTS).fill(null);

  constructor(private readonly compute: (host: string) => string | null) {}

  get(host: string): string | null {
    const s = slotOf(host);
    if (this.hosts[s] === host) return this.values[s]!;
    const d = this.compute(host);
    this.hosts[s] = host;
    this.values[s] = d;
    return d;
  }
}

export class DomainCache {
  private readonly registrable = new Slots(registrableDomain);
  private readonly company = new Slots((host) => {
    const r = this.of(host);
    return r && !isFreeMailProvider(r) ? r : null;
  });

  /** The registrable domain of a host (registrableDomain). */
  of(host: string): string | null {
    return this.registrable.get(host);
  }

  /** The company domain of a host: its registrable domain unless it is a free-mail provider. */
  companyOf(host: string): string | null {
    return this.company.get(host);
  }
}
