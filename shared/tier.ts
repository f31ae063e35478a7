/** The ABC(D) tiers of method §3. Its own file so that settings and types need not import each other. */
export type Tier = 'A' | 'B' | 'C' | 'D';
