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

/**
 * A list whose items are built on demand (a CustomerList: `length` and `at(i)`, not an Array):
 * written as the array of its items, each built, written and let go in turn.
 */
interface BuiltOnDemand {
  length: number;
  at(i: number): unknown;
}
const isBuiltOnDemand = (v: unknown): v is BuiltOnDemand =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v) && typeof (v as BuiltOnDemand).at === 'function' && typeof (v as BuiltOnDemand).length === 'number';

/** One value as JSON.stringify(value, null, 2) would write it at `depth`, through `write`. */
export function writeJson(value: unknown, write: (text: string) => void, depth = 0): void {
  if (isBuiltOnDemand(value)) {
    writeList(value, write, depth);
    return;
  }
  if (!isOpenable(value)) {
    write(JSON.stringify(value) ?? 'null');
    return;
  }
  const inner = INDENT.repeat(depth + 1);
  const outer = INDENT.repeat(depth);
  if (Array.isArray(value)) {
    writeList({ length: value.length, at: (i) => value[i] }, write, depth);
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

/** The items of an array or of a list built on demand, as JSON.stringify(value, null, 2) writes an array. */
function writeList(list: BuiltOnDemand, write: (text: string) => void, depth: number): void {
  if (list.length === 0) {
    write('[]');
    return;
  }
  const inner = INDENT.repeat(depth + 1);
  write('[');
  for (let i = 0; i < list.length; i++) {
    write(i === 0 ? `\n${inner}` : `,\n${inner}`);
    const v = list.at(i);
    if (isSkipped(v)) write('null');
    else if (isOpenable(v) && !Array.isArray(v)) write(stringifyAt(v, depth + 1));
    else writeJson(v, write, depth + 1);
  }
  write(`\n${INDENT.repeat(depth)}]`);
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
