/**
 * The sites a user switches on (the permission is asked then), each group with its own content
 * script registered at run time so that each stays small: Chinese webmail (`webmail.js`), and web
 * CRMs with the generic adapter for origins the user adds (`crm.js`). The lists only: importing
 * this file does not pull the other group's adapters into a bundle when a group file is used.
 */
export { WEBMAIL_SITES } from './webmail-sites';
export { CRM_SITES } from './crm-sites';
export { generic } from './generic';
import { WEBMAIL_SITES } from './webmail-sites';
import { CRM_SITES } from './crm-sites';

export const OPTIONAL_SITES = [...WEBMAIL_SITES, ...CRM_SITES] as const;
