/**
 * What every panel component receives: the database, the UI language, a way to say "data changed"
 * (the background refreshes the chips in mail tabs and the reminders; the panel's own views follow
 * the database by themselves) and the analysis context for the core.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { RapportDB } from '../db/database';
import type { Lang } from '../../shared/types';
import type { AnalyzeContext } from '../db/import-table';
import type { Settings } from '../../shared/settings';
import { t as translate, type StringKey } from '../i18n/strings';
import { inlineImporter, type Importer } from './importer';

export interface PanelEnv {
  db: RapportDB;
  lang: Lang;
  settings: Settings;
  analyzeContext: AnalyzeContext;
  /** Moves after every write to the database (from any extension page or worker); `useQuery` follows it. */
  revision: number;
  changed(): void;
  /** Shows a message (and an optional undo) at the bottom of the panel. */
  toast(text: string, undo?: () => void): void;
  /** Reports an error in words a sales manager understands. */
  fail(e: unknown): void;
  /** Runs imports and whole-table re-analyses (a worker in the extension); inline when absent. */
  importer?: Importer;
}

export const EnvContext = createContext<PanelEnv | null>(null);

export function useEnv(): PanelEnv {
  const env = useContext(EnvContext);
  if (!env) throw new Error('panel environment missing');
  return env;
}

const inline = new WeakMap<RapportDB, Importer>();

/** The panel's importer: the worker-backed one the app made, else an inline one for this database. */
export function useImporter(): Importer {
  const env = useEnv();
  if (env.importer) return env.importer;
  let i = inline.get(env.db);
  if (!i) {
    i = inlineImporter(env.db);
    inline.set(env.db, i);
  }
  return i;
}

/**
 * A write from the panel: runs it, tells the other extension parts the data changed, shows `done`
 * when given, and reports a failure in words. True when it was written.
 */
export function useRun(): (write: () => Promise<unknown>, done?: string) => Promise<boolean> {
  const env = useEnv();
  return async (write, done) => {
    try {
      await write();
      env.changed();
      if (done) env.toast(done);
      return true;
    } catch (e) {
      env.fail(e);
      return false;
    }
  };
}

/** The translation function bound to the panel's language. */
export function useT(): (key: StringKey, params?: Record<string, string | number>) => string {
  const { lang } = useEnv();
  return (key, params) => translate(lang, key, params);
}
