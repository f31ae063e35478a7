/**
 * The sites a user switches on (the permission is asked then): Chinese webmail and web CRMs, and
 * the generic adapter for origins the user adds. Their content script is registered at run time.
 */
import { qqMail } from './qq-mail';
import { neteaseMail } from './netease-mail';
import { aliyunMail } from './aliyun-mail';
import { salesforce } from './salesforce';
import { hubspot } from './hubspot';
import { pipedrive } from './pipedrive';
import { zohoCrm } from './zoho-crm';

export { generic } from './generic';

export const OPTIONAL_SITES = [qqMail, neteaseMail, aliyunMail, salesforce, hubspot, pipedrive, zohoCrm] as const;
