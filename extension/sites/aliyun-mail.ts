/**
 * Alibaba Mail (阿里邮箱): enterprise `qiye.aliyun.com` and personal `mail.aliyun.com`. The open
 * message's header lines are labelled 发件人 / 收件人 / 抄送; a person shows a name with the address
 * in `title` ("Name <address>" or the bare address) or beside it in text. Never read: the message
 * list, the body, the signed-in user.
 */
import type { PageContext } from './page-context';
import { hostIs, type SiteAdapter } from './site-adapter';
import { PeopleList } from './people-list';
import { fromAnchor, openMessage, readHeaderLines, selfAddresses, subjectOf, type HeaderMailSelectors } from './mail-header';
import { logMiss } from './adapter-log';

const SITE = 'aliyun-mail';
const HOSTS = ['qiye.aliyun.com', 'mail.aliyun.com'];

export const SELECTORS: HeaderMailSelectors = {
  readRoot: '.mail-read, .read-mail, [role="main"]',
  subject: '.mail-subject, .read-subject, h1, h2',
  skip: '.mail-list, .mail-body, .read-content, [role="listbox"], iframe',
  self: '.user-email, .account-email',
  address: '.contact-email, .mail-address',
};

/** qiye.aliyun.com and mail.aliyun.com (https) */
export function matches(url: URL): boolean {
  return url.protocol === 'https:' && HOSTS.some((h) => hostIs(url.hostname, h));
}

export function read(doc: Document, _url: URL): PageContext | null {
  try {
    const root = openMessage(doc, SELECTORS);
    if (!root) return logMiss(SITE, 'no open message with a 发件人/From line');
    const people = new PeopleList(selfAddresses(doc, SELECTORS));
    readHeaderLines(root, people, SELECTORS.address, SELECTORS.skip);
    const list = people.toArray();
    if (list.length === 0) return logMiss(SITE, 'header lines hold no address other than the signed-in user');
    const subject = subjectOf(root, SELECTORS);
    return subject ? { site: 'aliyun-mail', people: list, subject } : { site: 'aliyun-mail', people: list };
  } catch (e) {
    return logMiss(SITE, `read failed: ${String(e)}`);
  }
}

export const aliyunMail: SiteAdapter = {
  id: 'aliyun-mail',
  label: '阿里邮箱 (Alibaba Mail)',
  kind: 'mail',
  access: 'optional',
  hostPatterns: HOSTS.map((h) => `https://${h}/*`),
  localPrefix: 'aliyun',
  localTarget: 'https://qiye.aliyun.com',
  selectors: SELECTORS,
  matches,
  read,
  chipAnchor: (doc) => fromAnchor(doc, SELECTORS),
};
