/** The CLI's language: --lang, else the locale (LC_ALL, LC_MESSAGES, LANG, LANGUAGE): zh* → zh, else en. */
import type { Lang } from '../shared/types';

export function detectLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag) return flag.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  const loc = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || '';
  return loc.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The language asked for on a command line (`--lang zh` or `--lang=zh`), else the locale's. */
export function langFromArgs(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  const flag = args.find((_, i) => args[i - 1] === '--lang') ?? args.find((a) => a.startsWith('--lang='))?.slice(7);
  return detectLang(flag, env);
}
