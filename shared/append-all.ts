/**
 * Appending a list of any length to another. `into.push(...items)` passes every item as an argument
 * of one call, and past a hundred thousand or so arguments that overflows the stack — the notices of
 * a sheet range with 200,000 blank rows, or of a table whose keys all repeat, are that many.
 */
export function appendAll<T>(into: T[], items: Iterable<T>): void {
  for (const item of items) into.push(item);
}
