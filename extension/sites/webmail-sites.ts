/** Chinese webmail a user switches on: read by the `webmail` content script. */
import { qqMail } from './qq-mail';
import { neteaseMail } from './netease-mail';
import { aliyunMail } from './aliyun-mail';

export const WEBMAIL_SITES = [qqMail, neteaseMail, aliyunMail] as const;
