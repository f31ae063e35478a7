/** The mail sites read out of the box: their content script and hosts are in the manifest. */
import { gmail } from './gmail';
import { outlook } from './outlook';

export const REQUIRED_SITES = [gmail, outlook] as const;
