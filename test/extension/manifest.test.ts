import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { LOCAL_CRM_MATCHES, LOCAL_MAIL_MATCHES, OPTIONAL_MATCHES, REQUIRED_MATCHES } from '../../extension/sites/site-permissions';
import { ADAPTERS } from '../../extension/sites/adapters';

type Manifest = {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
  name?: string;
};

function runHook(mode: string, manifest: Manifest): Manifest {
  const hook = (config.hooks as Record<string, (wxt: unknown, m: Manifest) => void>)['build:manifestGenerated']!;
  hook({ config: { mode } }, manifest);
  return manifest;
}

const MAIL_HOSTS = [
  'https://mail.google.com/*',
  'https://outlook.cloud.microsoft/*',
  'https://outlook.live.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
];

describe('manifest: least privilege, derived from the adapters', () => {
  const m = config.manifest as Manifest;

  it('requires the mail hosts and nothing else; activeTab + scripting for the one-click read', () => {
    expect(m.permissions).toEqual(['sidePanel', 'storage', 'alarms', 'notifications', 'scripting', 'activeTab']);
    expect(m.host_permissions).toEqual(MAIL_HOSTS);
    expect(REQUIRED_MATCHES).toEqual(MAIL_HOSTS);
    expect(JSON.stringify(m)).not.toContain('<all_urls>');
  });

  it('makes every other site optional: the optional adapters’ hosts, and one origin at a time for the generic adapter', () => {
    const optionalAdapters = ADAPTERS.filter((a) => a.access === 'optional').flatMap((a) => a.hostPatterns);
    expect(m.optional_host_permissions).toEqual(OPTIONAL_MATCHES);
    expect(OPTIONAL_MATCHES).toEqual([...new Set([...optionalAdapters, 'https://*/*', 'http://*/*'])]);
    const optional = [
      'https://*.lightning.force.com/*',
      'https://*.hubspot.com/*',
      'https://*.pipedrive.com/*',
      'https://crm.zoho.eu/*',
      'https://mail.qq.com/*',
      'https://*.mail.163.com/*',
      'https://qiye.aliyun.com/*',
    ];
    for (const p of optional) {
      expect(OPTIONAL_MATCHES).toContain(p);
      expect(m.host_permissions).not.toContain(p);
    }
  });

  it('adds the local fixture server only to test builds (--mode e2e)', () => {
    const production = runHook('production', { content_scripts: [{ matches: [...REQUIRED_MATCHES] }], host_permissions: [...REQUIRED_MATCHES] });
    expect(production.content_scripts![0]!.matches).toEqual(MAIL_HOSTS);
    expect(production.host_permissions).toEqual(MAIL_HOSTS);
    const test = runHook('e2e', { content_scripts: [{ matches: [...REQUIRED_MATCHES] }], host_permissions: [...REQUIRED_MATCHES] });
    expect(test.content_scripts![0]!.matches).toEqual([...MAIL_HOSTS, ...LOCAL_MAIL_MATCHES]);
    expect(test.host_permissions).toEqual([...MAIL_HOSTS, ...LOCAL_MAIL_MATCHES, ...LOCAL_CRM_MATCHES]);
    expect(test.name).toBe('Rapport (test build)');
  });

  it('has its name and description in English and Chinese', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    for (const locale of ['en', 'zh_CN']) {
      const file = join(import.meta.dirname, '../../extension/public/_locales', locale, 'messages.json');
      const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>;
      expect(messages.extName?.message).toBeTruthy();
      expect(messages.extDescription?.message).toBeTruthy();
      // Chrome caps a manifest description at 132 characters
      expect([...messages.extDescription!.message].length).toBeLessThanOrEqual(132);
    }
    expect(m.name).toBe('__MSG_extName__');
  });
});
