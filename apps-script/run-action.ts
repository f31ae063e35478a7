/**
 * Every menu action runs through here: errors are caught at the top and shown to the user in
 * words a sales manager understands (in their language), and writes to the document happen under
 * the document lock so two editors clicking at once never interleave.
 */
import type { Lang } from '../shared/types';
import { t } from './i18n/strings';

/** An error whose message is already meant for the user. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** How long a click waits for another editor's computation before giving up. */
export const LOCK_WAIT_MS = 20_000;

/**
 * Run `work` holding the spreadsheet's document lock; when another execution holds it for longer
 * than LOCK_WAIT_MS, nothing is written and the user is told so.
 */
export function withDocumentLock<T>(lang: Lang, work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock) return work(); // not bound to a document (cannot happen from a Sheets menu)
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new UserError(t(lang, 'busy'));
  try {
    const out = work();
    SpreadsheetApp.flush();
    return out;
  } finally {
    lock.releaseLock();
  }
}

/** Show a message in a dialog. */
export function tell(lang: Lang, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(t(lang, 'errorTitle'), message, ui.ButtonSet.OK);
}

/**
 * Run a menu action; any error becomes a dialog. Errors from the core (AnalyzeError) and our own
 * UserError already speak the user's language; anything else is wrapped in a plain sentence.
 */
export function runAction(lang: Lang, action: () => void): void {
  try {
    action();
  } catch (e) {
    const err = e as Error;
    const known = err && (err.name === 'UserError' || err.name === 'AnalyzeError');
    tell(lang, known ? err.message : t(lang, 'unexpected', { message: err?.message ? err.message : String(e) }));
  }
}
