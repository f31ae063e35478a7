/**
 * The mail sites read out of the box: their content script and hosts are in the manifest (the
 * manifest's content-script matches and its only required host permissions).
 */
import { gmail } from './gmail';
import { outlook } from './outlook';

export const REQUIRED_SITES = [gmail, outlook] as const;

export const REQUIRED_MATCHES: string[] = [...new Set(REQUIRED_SITES.flatMap((a) => a.hostPatterns))];
