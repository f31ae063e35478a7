/**
 * `rapport` command line: `rapport [analyze] [FILE | -] [--as-of YYYY-MM-DD] [--json | --jsonl |
 * --csv] [--settings FILE] [--lang zh|en] [--limit N]` and `rapport fit FILE …`. Errors are caught
 * here and printed in plain words, never as a stack trace; exit 0 when the data could be analysed
 * (row errors are reported), 2 when the input is unusable, 1 for an internal error.
 */
import { isatty } from 'node:tty';
import { getHeapStatistics } from 'node:v8';
import { AnalyzeError } from '../shared/analyze-error';
import { fill } from '../shared/i18n/messages';
import { texts } from '../shared/i18n/texts';
import type { Lang } from '../shared/types';
import { analyzeCommand } from './analyze-command';
import { langFromArgs } from './locale';
import { tooBigMessage } from './memory-limit';
import { BufferedOutput, fdSink, OutputClosed } from './output';
import { terminalProgress } from './progress';
import { UsageError } from './usage-error';

/** What a command gets: output and error writers, and standard input's bytes for "-". */
export interface CommandIo {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin?: () => readonly Uint8Array[];
}

type Command = (args: string[], lang: Lang, io: CommandIo, out: BufferedOutput) => number | Promise<number>;

/** Sub-commands by name; anything else is `analyze` with its arguments. */
const COMMANDS: Record<string, Command> = {
  analyze: (args, lang, io, out) => analyzeCommand(args, lang, { out, err: io.err, stdin: io.stdin, progress: io === DEFAULT_IO && isatty(2) ? terminalProgress(lang, io.err) : undefined }),
  fit: async (args, _lang, io) => (await import('./fit')).fitCommand(args, io),
  validate: async (args, _lang, io) => (await import('./validate')).validateCommand(args, io),
};

const DEFAULT_IO: CommandIo = { out: fdSink(1), err: fdSink(2) };

/**
 * Run the CLI; returns the exit code. Output goes to the given writers (standard output and error
 * by default), in blocks, as it is produced.
 */
export { readSecondPart } from './second-part';
export { runFitThread } from './fit-thread';
export { setWorkerScript } from './worker-script';

export async function main(argv: string[], out?: (s: string) => void, err?: (s: string) => void, stdin?: () => readonly Uint8Array[]): Promise<number> {
  const io: CommandIo = out === undefined && err === undefined && stdin === undefined ? DEFAULT_IO : { out: out ?? DEFAULT_IO.out, err: err ?? DEFAULT_IO.err, stdin };
  const lang = langFromArgs(argv);
  const buffered = new BufferedOutput(io.out);
  try {
    const name = argv[0] !== undefined && Object.hasOwn(COMMANDS, argv[0]) ? argv[0] : 'analyze';
    const args = name === argv[0] ? argv.slice(1) : argv;
    const code = await COMMANDS[name]!(args, lang, io, buffered);
    buffered.flush();
    return code;
  } catch (e) {
    return failure(e, lang, io, buffered);
  }
}

const TEXT = texts({
  zh: { internal: 'rapport: 内部错误: {message}\n这是 Rapport 的问题, 不是您的数据的问题; 请报告此消息 (设置 RAPPORT_DEBUG=1 可显示详细信息)。\n' },
  en: { internal: 'rapport: internal error: {message}\nThis is a fault in Rapport, not in your data; please report this message (RAPPORT_DEBUG=1 shows the details).\n' },
});

/** The exit code and plain message for whatever stopped a command. */
function failure(e: unknown, lang: Lang, io: CommandIo, buffered: BufferedOutput): number {
  if (e instanceof OutputClosed) return 0; // the reader stopped reading (… | head): nothing went wrong here
  try {
    buffered.flush(); // what was written before the problem
  } catch {
    // the output is gone as well
  }
  if (e instanceof UsageError || e instanceof AnalyzeError) {
    io.err(`rapport: ${e.message}\n`);
    return 2;
  }
  if (e instanceof RangeError && /string length|array length|Array buffer allocation|Maximum call stack/i.test(e.message)) {
    io.err(`rapport: ${tooBigMessage(lang, getHeapStatistics().heap_size_limit)}\n`);
    return 2;
  }
  const message = e instanceof Error ? e.message : String(e);
  io.err(fill(TEXT[lang].internal, { message }));
  if (process.env.RAPPORT_DEBUG && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
  return 1;
}

/** The line cli/rapport.mjs prints if the worker running `argv` reaches its heap limit. */
export function tooBigNotice(argv: string[]): string {
  const lang = langFromArgs(argv);
  return `rapport: ${tooBigMessage(lang, getHeapStatistics().heap_size_limit)}\n`;
}
