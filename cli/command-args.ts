/**
 * A command's arguments as `node:util` parseArgs reads them, with its usage text: an unknown option
 * or a missing value is a UsageError that ends with how the command is used (exit 2, no stack).
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { UsageError } from './usage-error';

export function parseCommandArgs<O extends ParseArgsOptionsConfig>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${usage}`);
  }
}

/** The one file a command reads: none or several is a UsageError with the command's own words. */
export function oneFile(positionals: readonly string[], words: { noFile: string; oneFile: (files: string) => string; usage: string }): string {
  if (positionals.length === 0) throw new UsageError(`${words.noFile}\n${words.usage}`);
  if (positionals.length > 1) throw new UsageError(words.oneFile(positionals.join(' ')));
  return positionals[0]!;
}
