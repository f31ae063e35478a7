/** An input problem the user must fix; the CLI prints `message` (already in the user's language) and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
