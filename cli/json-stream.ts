/**
 * Writing a value as JSON piece by piece, with exactly the text JSON.stringify(value, null, 2)
 * gives (ECMA-262 §25.5.2 SerializeJSONProperty): arrays and objects are written member by
 * member, each element of an array as one JSON.stringify call indented to its depth, so an
 * analysis of millions of customers never has to be one string.
 */

const INDENT = '  ';

/** True for what JSON.stringify leaves out of an object and writes as null in an array. */
const isSkipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** Plain containers this writer opens itself; anything with toJSON goes to JSON.stringify. */
const isOpenable = (v: unknown): v is object => typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== 'function';

/** One value as JSON.stringify(value, null, 2) would write it at `depth`, through `write`. */
export function writeJson(value: unknown, write: (text: string) => void, depth = 0): void {
  if (!isOpenable(value)) {
    write(JSON.stringify(value) ?? 'null');
    return;
  }
  const inner = INDENT.repeat(depth + 1);
  const outer = INDENT.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) {
      write('[]');
      return;
    }
    write('[');
    for (let i = 0; i < value.length; i++) {
      write(i === 0 ? `\n${inner}` : `,\n${inner}`);
      const v = value[i];
      if (isSkipped(v)) write('null');
      else if (isOpenable(v) && !Array.isArray(v)) write(stringifyAt(v, depth + 1));
      else writeJson(v, write, depth + 1);
    }
    write(`\n${outer}]`);
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (isSkipped(v)) continue;
    write(first ? `{\n${inner}${JSON.stringify(key)}: ` : `,\n${inner}${JSON.stringify(key)}: `);
    first = false;
    writeJson(v, write, depth + 1);
  }
  write(first ? '{}' : `\n${outer}}`);
}

/**
 * JSON.stringify(v, null, 2) of a value nested `depth` levels deep: stringified inside `depth`
 * one-element arrays, which JSON.stringify indents exactly as it would in place, and cut out of
 * them (cheaper than re-indenting every line of the text).
 */
function stringifyAt(v: unknown, depth: number): string {
  let wrapped = v;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const s = JSON.stringify(wrapped, null, 2);
  let head = 0;
  let tail = 0;
  for (let k = 1; k <= depth; k++) head += 2 + INDENT.length * k; // "[\n" + indent of level k
  for (let k = 0; k < depth; k++) tail += 2 + INDENT.length * k; // "\n" + indent of level k + "]"
  return s.slice(head, s.length - tail);
}

/** JSON Lines: each element of `items` as one compact JSON line. */
export function writeJsonLines(items: Iterable<unknown>, write: (text: string) => void): void {
  for (const item of items) write(`${JSON.stringify(item) ?? 'null'}\n`);
}
