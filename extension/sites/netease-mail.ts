/**
 * NetEase mail: 163 (`mail.163.com`), 126 (`mail.126.com`), yeah.net (`mail.yeah.net`) and NetEase
 * enterprise mail (`qiye.163.com`, e.g. `mailhz.qiye.163.com`). The read tab's header lines are
 * labelled 发件人 / 收件人 / 抄送; each person is a `.nui-addr` holding `.nui-addr-name` and the
 * address as the text of `.nui-addr-email` ("<li@x.com>"). Inactive read tabs stay in the page
 * hidden with `display:none` and are skipped. Never read: the message list (`.nui-table`, `.tv0`),
 * the body (an iframe), the signed-in user (`#spnUid`).
 */
import type { PageContext } from './page-context';
import { hostIs, type SiteAdapter } from './site-adapter';
import { PeopleList } from './people-list';
import { fromAnchor, openMessage, readHeaderLines, selfAddresses, subjectOf, type HeaderMailSelectors } from './mail-header';
import { logMiss } from './adapter-log';

const SITE = 'netease-mail';
const HOSTS = ['mail.163.com', 'mail.126.com', 'mail.yeah.net', 'qiye.163.com'];

export const SELECTORS: HeaderMailSelectors = {
  readRoot: '.nui-readmail, [id$="_readmail"], [role="main"]',
  subject: 'h1',
  skip: '.nui-table, .tv0, .nui-mailList, iframe',
  self: '#spnUid, .nui-userinfo-email',
  address: '.nui-addr-email',
};

/** The four NetEase mail domains and their subdomains (https). */
export function matches(url: URL): boolean {
  return url.protocol === 'https:' && HOSTS.some((h) => hostIs(url.hostname, h));
}

export function read(doc: Document, _url: URL): PageContext | null {
  try {
    const root = openMessage(doc, SELECTORS);
    if (!root) return logMiss(SITE, 'no visible read tab with a 发件人/From line');
    const people = new PeopleList(selfAddresses(doc, SELECTORS));
    readHeaderLines(root, people, SELECTORS.address, SELECTORS.skip);
    const list = people.toArray();
    if (list.length === 0) return logMiss(SITE, `no ${SELECTORS.address} other than the signed-in user`);
    const subject = subjectOf(root, SELECTORS);
    return subject ? { site: 'netease-mail', people: list, subject } : { site: 'netease-mail', people: list };
  } catch (e) {
    return logMiss(SITE, `read failed: ${String(e)}`);
  }
}

export const neteaseMail: SiteAdapter = {
  id: 'netease-mail',
  label: '网易邮箱 (163, 126, yeah.net, 网易企业邮)',
  kind: 'mail',
  access: 'optional',
  hostPatterns: HOSTS.map((h) => `https://*.${h}/*`),
  localPrefix: 'netease',
  localTarget: 'https://mail.163.com',
  selectors: SELECTORS,
  matches,
  read,
  chipAnchor: (doc) => fromAnchor(doc, SELECTORS),
};
