/** Web CRMs a user switches on: read by the `crm` content script (with the generic adapter). */
import { salesforce } from './salesforce';
import { hubspot } from './hubspot';
import { pipedrive } from './pipedrive';
import { zohoCrm } from './zoho-crm';

export const CRM_SITES = [salesforce, hubspot, pipedrive, zohoCrm] as const;
