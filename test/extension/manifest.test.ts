import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { LOCAL_MATCHES, MAIL_MATCHES } from '../../extension/sites/mail-hosts';

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

describe('manifest: least privilege', () => {
  const m = config.manifest as Manifest;

  it('asks only for the side panel, storage, alarms and notifications, and the four mail hosts', () => {
    expect(m.permissions).toEqual(['sidePanel', 'storage', 'alarms', 'notifications']);
    expect(m.host_permissions).toEqual(['https://mail.google.com/*', 'https://outlook.live.com/*', 'https://outlook.office.com/*', 'https://outlook.office365.com/*']);
    expect(JSON.stringify(m)).not.toContain('<all_urls>');
    // web CRMs are optional, asked for at run time
    expect(m.optional_host_permissions).toEqual(['https://*/*']);
  });

  it('adds the local fixture server only to test builds (--mode e2e)', () => {
    const production = runHook('production', { content_scripts: [{ matches: [...MAIL_MATCHES] }], host_permissions: [...MAIL_MATCHES] });
    expect(production.content_scripts![0]!.matches).toEqual(MAIL_MATCHES);
    expect(production.host_permissions).toEqual(MAIL_MATCHES);
    const test = runHook('e2e', { content_scripts: [{ matches: [...MAIL_MATCHES] }], host_permissions: [...MAIL_MATCHES] });
    expect(test.content_scripts![0]!.matches).toEqual([...MAIL_MATCHES, ...LOCAL_MATCHES]);
    expect(test.name).toBe('Rapport (test build)');
  });

  it('has its name and description in English and Chinese', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    for (const locale of ['en', 'zh_CN']) {
      const messages = JSON.parse(readFileSync(join(import.meta.dirname, '../../extension/public/_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
      expect(messages.extName?.message).toBeTruthy();
      expect(messages.extDescription?.message).toBeTruthy();
    }
    expect(m.name).toBe('__MSG_extName__');
  });
});
