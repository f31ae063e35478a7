/**
 * QQ Mail and Tencent Exmail (企业微信邮箱): `mail.qq.com` (classic, the message in a same-origin
 * `readmail` frame), `wx.mail.qq.com` (the new single-page QQ Mail) and `exmail.qq.com`. The open
 * message's header lines are labelled 发件人 / 收件人 / 抄送 (From / To / Cc). Classic pages put the
 * address on the person's element (`<span e="address" n="name">`); the new QQ Mail shows nickname
 * chips and keeps the address in `title` or in the contact card — only what the page holds is
 * read, the adapter never hovers. Never read: the message list, the message body
 * (`#mailContentContainer`, `.mail-detail-content`), the signed-in user (`#useraddr`, `.user-email`).
 */
import type { PageContext } from './page-context';
import { hostIs, type SiteAdapter } from './site-adapter';
import { PeopleList } from './people-list';
import { fromAnchor, openMessage, readHeaderLines, selfAddresses, subjectOf, type HeaderMailSelectors } from './mail-header';
import { logMiss } from './adapter-log';

const SITE = 'qq-mail';
const HOSTS = ['mail.qq.com', 'exmail.qq.com'];

export const SELECTORS: HeaderMailSelectors = {
  readRoot: '#mainmail, .readmail_header, .mail-detail, .mail-detail-header, [role="main"]',
  subject: '#subject, .readmail_subject, .mail-detail-subject, h1, h2',
  skip: '#mailContentContainer, #contentDiv, .mail-detail-content, .mail-list, .maillist, .toarea, [role="listbox"]',
  self: '#useraddr, .user-email, .profile-email',
  address: '.contact-card-email, .xmail-ui-contact-card-email',
};

/** mail.qq.com, wx.mail.qq.com, exmail.qq.com (https) */
export function matches(url: URL): boolean {
  return url.protocol === 'https:' && HOSTS.some((h) => hostIs(url.hostname, h));
}

export function read(doc: Document, _url: URL): PageContext | null {
  try {
    const root = openMessage(doc, SELECTORS);
    if (!root) return logMiss(SITE, 'no open message with a 发件人/From line (message list only)');
    const people = new PeopleList(selfAddresses(doc, SELECTORS));
    readHeaderLines(root, people, SELECTORS.address, SELECTORS.skip);
    const list = people.toArray();
    if (list.length === 0) return logMiss(SITE, 'header lines hold no address other than the signed-in user (nickname chips only)');
    const subject = subjectOf(root, SELECTORS);
    return subject ? { site: 'qq-mail', people: list, subject } : { site: 'qq-mail', people: list };
  } catch (e) {
    return logMiss(SITE, `read failed: ${String(e)}`);
  }
}

export const qqMail: SiteAdapter = {
  id: 'qq-mail',
  label: 'QQ 邮箱 / 腾讯企业邮 (QQ Mail, Exmail)',
  kind: 'mail',
  access: 'optional',
  hostPatterns: ['https://mail.qq.com/*', 'https://wx.mail.qq.com/*', 'https://exmail.qq.com/*'],
  localPrefix: 'qqmail',
  localTarget: 'https://wx.mail.qq.com',
  selectors: SELECTORS,
  matches,
  read,
  chipAnchor: (doc) => fromAnchor(doc, SELECTORS),
};
