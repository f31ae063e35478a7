/**
 * Host permissions derived from the adapters. Required: the hosts of the mail sites read out of the
 * box (the manifest's content script matches and host_permissions, nothing else). Optional: the
 * hosts of the sites a user switches on, and the generic adapter's `https://*` / `http://*` so that
 * a user can add one in-house CRM origin at a time — each asked for when the user enables it, and
 * each used by the content script registered for exactly that origin.
 */
import { REQUIRED_MATCHES } from './required-sites';
import { OPTIONAL_SITES, generic } from './optional-sites';

const unique = (xs: readonly string[]) => [...new Set(xs)];

export { REQUIRED_MATCHES };
export const OPTIONAL_SITE_MATCHES: string[] = unique(OPTIONAL_SITES.flatMap((a) => a.hostPatterns));
export const OPTIONAL_MATCHES: string[] = unique([...OPTIONAL_SITE_MATCHES, ...generic.hostPatterns]);

/**
 * The local fixture/demo server, for `--mode e2e` builds only (tests and `npm start`): mail pages on
 * 127.0.0.1 (with the mail content script), and `localhost` standing in for a user's in-house CRM.
 */
export const LOCAL_MAIL_MATCHES = ['http://127.0.0.1/*'];
export const LOCAL_CRM_MATCHES = ['http://localhost/*'];
