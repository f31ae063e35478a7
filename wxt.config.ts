/**
 * WXT build of the Rapport Chrome extension (Manifest V3). Issue 4.
 * srcDir `extension/`; explicit imports only (no auto-imports); Preact through its Vite preset.
 * Least privilege: the four mail hosts, sidePanel, storage, alarms, notifications; web CRMs a
 * user adds are optional host permissions asked for at run time. Test and demo builds
 * (`--mode e2e`) alone add a content-script match for the local fixture server.
 */
import { defineConfig, type WxtViteConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { LOCAL_MATCHES, MAIL_MATCHES } from './extension/sites/mail-hosts';

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  entrypointsDir: 'entrypoints',
  imports: false,
  manifestVersion: 3,
  // The preset is typed against the workspace's Vite 8 while WXT bundles its own Vite 7: same
  // plugin object at run time, different type declarations, hence the cast.
  vite: () => ({ plugins: [preact()] }) as unknown as WxtViteConfig,
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['sidePanel', 'storage', 'alarms', 'notifications'],
    host_permissions: MAIL_MATCHES,
    optional_host_permissions: ['https://*/*'],
    action: { default_title: '__MSG_extName__' },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
  },
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'e2e') return;
      manifest.name = 'Rapport (test build)';
      for (const cs of manifest.content_scripts ?? []) cs.matches = [...(cs.matches ?? []), ...LOCAL_MATCHES];
      manifest.host_permissions = [...(manifest.host_permissions ?? []), ...LOCAL_MATCHES];
    },
  },
});
