/**
 * WXT build of the Rapport Chrome extension (Manifest V3).
 * srcDir `extension/`; explicit imports only (no auto-imports); Preact through its Vite preset.
 * Least privilege, derived from the site adapters (extension/sites/): required host permissions are
 * the mail hosts read out of the box (Gmail, Outlook) and nothing else; the optional sites (Chinese
 * webmail, web CRMs) and the origins a user adds for the generic adapter are optional host
 * permissions, asked for when the user switches them on. `activeTab` + `scripting` read a page once
 * when the user clicks the toolbar icon. Test and demo builds (`--mode e2e`) alone add the local
 * fixture server: mail pages on 127.0.0.1, and `localhost` standing in for an in-house CRM.
 */
import { defineConfig, type WxtViteConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { LOCAL_CRM_MATCHES, LOCAL_MAIL_MATCHES, OPTIONAL_MATCHES, REQUIRED_MATCHES } from './extension/sites/site-permissions';

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
    permissions: ['sidePanel', 'storage', 'alarms', 'notifications', 'scripting', 'activeTab'],
    host_permissions: REQUIRED_MATCHES,
    optional_host_permissions: OPTIONAL_MATCHES,
    action: { default_title: '__MSG_extName__' },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
  },
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'e2e') return;
      manifest.name = 'Rapport (test build)';
      for (const cs of manifest.content_scripts ?? []) cs.matches = [...(cs.matches ?? []), ...LOCAL_MAIL_MATCHES];
      // The e2e build grants the local "in-house CRM" up front: Chrome's permission prompt cannot be
      // answered by a test, so the test switches the site on and off through the options page.
      manifest.host_permissions = [...(manifest.host_permissions ?? []), ...LOCAL_MAIL_MATCHES, ...LOCAL_CRM_MATCHES];
    },
  },
});
