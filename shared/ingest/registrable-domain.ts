/**
 * The registrable domain (eTLD+1) of an email address, URL or host (method §1 `domain`: "URLs
 * reduce to their registrable host"), and which domains are free-mail providers.
 */

/**
 * Second-level labels under country TLDs that act as public suffixes (a compact excerpt of the
 * Public Suffix List, https://publicsuffix.org/, covering the markets Rapport's users sell in).
 */
const SECOND_LEVEL: Record<string, string> = {
  cn:
    'com net org gov edu ac mil ' +
    'ah bj cq fj gd gs gz gx ha hb he hi hl hn jl js jx ln nm nx qh sc sd sh sn sx tj xj xz yn zj hk mo tw',
  hk: 'com net org edu gov idv',
  tw: 'com net org edu gov idv',
  mo: 'com net org edu gov',
  uk: 'co org me ltd plc net ac gov nhs police sch',
  jp: 'co ne or ac go ed gr lg ad',
  kr: 'co ne or re pe go ac',
  au: 'com net org edu gov asn id',
  nz: 'co net org ac govt geek school',
  sg: 'com net org edu gov per',
  my: 'com net org edu gov',
  in: 'co net org firm gen ind ac edu gov res',
  br: 'com net org gov edu',
  mx: 'com net org gob edu',
  ar: 'com net org gob',
  co: 'com net org',
  pe: 'com net org',
  ve: 'com net org',
  uy: 'com net org',
  ec: 'com net org',
  za: 'co org net gov ac web',
  id: 'co or ac go web net',
  th: 'co or ac go in net',
  vn: 'com net org edu gov',
  ph: 'com net org',
  pk: 'com net org',
  bd: 'com net org',
  lk: 'com net org',
  np: 'com net org',
  kh: 'com net org',
  mm: 'com net org',
  tr: 'com net org gen biz edu gov',
  il: 'co org net ac gov',
  ae: 'co net org ac gov',
  sa: 'com net org',
  eg: 'com net org',
  ng: 'com net org',
  ke: 'co or ne ac go',
  ua: 'com net org',
  pl: 'com net org',
  es: 'com org',
  pt: 'com org',
  gr: 'com org',
  cy: 'com org',
  mt: 'com org',
  ro: 'com org',
  at: 'co or',
  hu: 'co org',
  no: 'co',
  ru: 'com net org',
};

/** Hosting platforms where each subdomain belongs to a different owner (PSL "private" section). */
const PRIVATE_SUFFIXES = [
  'github.io',
  'gitlab.io',
  'herokuapp.com',
  'vercel.app',
  'netlify.app',
  'pages.dev',
  'workers.dev',
  'blogspot.com',
  'wordpress.com',
  'azurewebsites.net',
  'cloudfront.net',
  'appspot.com',
  'myshopify.com',
  'web.app',
  'firebaseapp.com',
];

const MULTI_PART_SUFFIXES: ReadonlySet<string> = new Set([
  ...Object.entries(SECOND_LEVEL).flatMap(([tld, labels]) => labels.split(' ').map((l) => `${l}.${tld}`)),
  ...PRIVATE_SUFFIXES,
]);

const LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u;
/** Fast path for the common case: every label plain ASCII, not starting or ending with '-'. */
const ASCII_HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The lower-cased registrable domain (eTLD+1) of an email address ('li@sales.acme.com.cn'), a URL
 * ('https://www.acme.com.cn/about') or a host ('www.acme.co.uk'): 'acme.com.cn', 'acme.co.uk'.
 * Multi-part suffixes come from a compact embedded excerpt of the Public Suffix List. IP addresses,
 * localhost, single-label hosts, bare suffixes ('com.cn') and malformed input → null.
 */
export function registrableDomain(input: string): string | null {
  // Fast path: already a plain lower-case ASCII host (what an email's domain part usually is).
  if (PLAIN_HOST.test(input) && !input.endsWith('.localhost')) return suffixCut(input.split('.'));
  let s = input.trim().toLowerCase().replace(/^mailto:/, '');
  if (s === '') return null;
  const isUrl = /^(?:[a-z][a-z0-9+.-]*:)?\/\//.test(s);
  if (!isUrl && s.includes('@')) {
    s = s.slice(s.lastIndexOf('@') + 1);
  } else {
    s = s.replace(/^(?:[a-z][a-z0-9+.-]*:)?\/\//, '');
    const slash = s.search(/[/?#]/);
    if (slash >= 0) s = s.slice(0, slash);
    const userinfo = s.lastIndexOf('@');
    if (userinfo >= 0) s = s.slice(userinfo + 1);
  }
  if (s.startsWith('[') || (s.match(/:/g)?.length ?? 0) > 1) return null; // IPv6
  s = s.replace(/:\d*$/, '').replace(/\.$/, '');
  if (s === '' || s === 'localhost' || s.endsWith('.localhost')) return null;
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(s)) return null; // IPv4
  const labels = s.split('.');
  if (labels.length < 2 || !(ASCII_HOST.test(s) || labels.every((l) => LABEL.test(l)))) return null;
  if (/^\d+$/.test(labels[labels.length - 1]!)) return null;
  return suffixCut(labels);
}

/** A plain host: lower-case ASCII labels that neither start nor end with '-', a letter TLD. */
const PLAIN_HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/;

/** eTLD+1 of valid labels: the last two, or three under a multi-part public suffix. */
function suffixCut(labels: string[]): string | null {
  const n = labels.length;
  if (n < 2) return null;
  const lastTwo = `${labels[n - 2]}.${labels[n - 1]}`;
  if (MULTI_PART_SUFFIXES.has(lastTwo)) return n >= 3 ? `${labels[n - 3]}.${lastTwo}` : null;
  return lastTwo;
}

/** Free-mail providers: an address there says nothing about the customer's company. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'rocketmail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'mail.com',
  'zoho.com',
  'zohomail.com',
  'yandex.com',
  'yandex.ru',
  'mail.ru',
  'tutanota.com',
  'tuta.io',
  'fastmail.com',
  'hey.com',
  'web.de',
  't-online.de',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'libero.it',
  'seznam.cz',
  'wp.pl',
  'o2.pl',
  'interia.pl',
  'rambler.ru',
  'naver.com',
  'daum.net',
  'hanmail.net',
  'rediffmail.com',
  'qq.com',
  'foxmail.com',
  '163.com',
  '126.com',
  '188.com',
  'yeah.net',
  'sina.com',
  'sina.cn',
  'sina.com.cn',
  'sohu.com',
  '139.com',
  '189.cn',
  'wo.cn',
  'aliyun.com',
  '21cn.com',
  'tom.com',
  '263.net',
]);

/** Providers with many country variants (gmx.at, yahoo.co.uk, hotmail.fr, outlook.jp …). */
const FREE_MAIL_BRANDS: ReadonlySet<string> = new Set(['gmx', 'yahoo', 'hotmail', 'outlook', 'live', 'yandex']);

/**
 * True when a domain (or the domain of an address/URL) is a free-mail provider, so it must not be
 * used to group contacts into companies (method §1 `email`/`domain`).
 */
export function isFreeMail(domain: string): boolean {
  const d = registrableDomain(domain);
  return d !== null && isFreeMailProvider(d);
}

/** isFreeMail for a domain that is already registrable (lower-case eTLD+1): no re-parsing. */
export function isFreeMailProvider(d: string): boolean {
  if (FREE_MAIL_DOMAINS.has(d)) return true;
  const dot = d.indexOf('.');
  return FREE_MAIL_BRANDS.has(dot < 0 ? d : d.slice(0, dot));
}
