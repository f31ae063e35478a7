import { describe, expect, it } from 'vitest';
import { FREE_MAIL_DOMAINS, isFreeMail, registrableDomain } from '../../../shared/ingest/registrable-domain';

describe('registrableDomain', () => {
  it.each([
    ['acme.com', 'acme.com'],
    ['www.acme.com', 'acme.com'],
    ['WWW.ACME.COM', 'acme.com'],
    ['a.b.c.acme.com', 'acme.com'],
    ['acme.com.', 'acme.com'],
    ['li@acme.com', 'acme.com'],
    ['li@sales.acme.com.cn', 'acme.com.cn'],
    ['mailto:li@acme.cn', 'acme.cn'],
    ['https://www.acme.com.cn/about', 'acme.com.cn'],
    ['http://shop.acme.co.uk:8080/path?q=1#x', 'acme.co.uk'],
    ['//cdn.acme.de/x', 'acme.de'],
    ['https://user:pw@www.acme.com/', 'acme.com'],
    ['acme.com/contact', 'acme.com'],
    ['www.huadong.net.cn', 'huadong.net.cn'],
    ['www.huadong.org.cn', 'huadong.org.cn'],
    ['moe.gov.cn', 'moe.gov.cn'],
    ['www.tsinghua.edu.cn', 'tsinghua.edu.cn'],
    ['www.abc.sh.cn', 'abc.sh.cn'],
    ['acme.com.hk', 'acme.com.hk'],
    ['www.acme.com.tw', 'acme.com.tw'],
    ['www.toyota.co.jp', 'toyota.co.jp'],
    ['www.acme.com.au', 'acme.com.au'],
    ['acme.com.sg', 'acme.com.sg'],
    ['www.samsung.co.kr', 'samsung.co.kr'],
    ['acme.com.br', 'acme.com.br'],
    ['acme.co.in', 'acme.co.in'],
    ['acme.github.io', 'acme.github.io'],
    ['mail.qq.com', 'qq.com'],
    ['xn--fiqs8s.cn', 'xn--fiqs8s.cn'],
    ['  https://www.Acme.com  ', 'acme.com'],
  ])('%j → %s', (input, expected) => {
    expect(registrableDomain(input)).toBe(expected);
  });

  it.each([
    '',
    'localhost',
    'http://localhost:3000/',
    'a@localhost',
    '192.168.1.10',
    'http://10.0.0.1/admin',
    '[::1]',
    'http://[2001:db8::1]/',
    '2001:db8::1',
    'com',
    'com.cn',
    'co.uk',
    'acme',
    'not a domain',
    'a@',
    '-acme.com',
    'acme..com',
    '1.2.3.4.5',
  ])('%j → null', (input) => {
    expect(registrableDomain(input)).toBeNull();
  });
});

describe('isFreeMail', () => {
  it.each([
    'gmail.com',
    'GMAIL.COM',
    'qq.com',
    'vip.qq.com',
    '163.com',
    'vip.163.com',
    '126.com',
    'foxmail.com',
    'sina.com',
    'sina.cn',
    'outlook.com',
    'hotmail.co.uk',
    'yahoo.co.jp',
    'yahoo.com.cn',
    'gmx.de',
    'gmx.at',
    'icloud.com',
    'proton.me',
    'aliyun.com',
    'someone@gmail.com',
  ])('%j is free mail', (d) => {
    expect(isFreeMail(d)).toBe(true);
  });

  it.each(['acme.com', 'huadong.com.cn', 'google.com', 'microsoft.com', 'qqq.com', 'mail.acme.com', '', 'localhost'])(
    '%j is not free mail',
    (d) => {
      expect(isFreeMail(d)).toBe(false);
    },
  );

  it('the set holds registrable domains only', () => {
    for (const d of FREE_MAIL_DOMAINS) expect(registrableDomain(d)).toBe(d);
  });
});
