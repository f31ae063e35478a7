import type { Person } from './page-context';

/** The most people one page context lists. */
export const MAX_LISTED = 200;

/**
 * Collects the people of a conversation: one entry per address, the strongest
 * role kept (from > to > cc > record), the first non-empty name kept, the signed-in user left out;
 * at most MAX_LISTED people (a thread sent to a huge list keeps its first 200, in reading order).
 */
export class PeopleList {
  private readonly byEmail = new Map<string, Person>();
  constructor(private readonly self: ReadonlySet<string>) {}

  add(email: string | null, role: Person['role'], name?: string | null): void {
    if (!email) return;
    const e = email.toLowerCase();
    if (this.self.has(e)) return;
    const n = name?.trim() || undefined;
    const had = this.byEmail.get(e);
    if (!had) {
      if (this.byEmail.size >= MAX_LISTED) return;
      this.byEmail.set(e, n ? { email: e, name: n, role } : { email: e, role });
      return;
    }
    const rank = { from: 0, to: 1, cc: 2, record: 3 } as const;
    if (rank[role] < rank[had.role]) had.role = role;
    if (!had.name && n) had.name = n;
  }

  /** Senders first, then To, then Cc; reading order within each role. */
  toArray(): Person[] {
    const rank = { from: 0, to: 1, cc: 2, record: 3 } as const;
    return [...this.byEmail.values()].sort((a, b) => rank[a.role] - rank[b.role]);
  }
}
