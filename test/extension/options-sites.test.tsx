/** @jsxImportSource preact */
// @vitest-environment happy-dom
/**
 * The options page's sites: one click switches an optional site on (its hosts asked for, then the
 * background told to register its script) and off (the permission given back); a user's own CRM
 * origin is asked for alone, kept, and given back when removed. On a fake browser whose
 * permissions are a set the test controls.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

await vi.hoisted(async () => {
  const { fakeBrowser } = await import('@webext-core/fake-browser');
  (globalThis as unknown as { chrome: unknown }).chrome = fakeBrowser;
});

const { fakeBrowser } = await import('@webext-core/fake-browser');
const { cleanup, fireEvent, render, screen, waitFor } = await import('@testing-library/preact');
const { SitesSection } = await import('../../extension/options/sites-section');
const { customSitesItem, originPattern } = await import('../../extension/options/custom-sites');
const { t } = await import('../../extension/i18n/strings');

const granted = new Set<string>();
let answer = true;
const perms = fakeBrowser.permissions as unknown as Record<string, unknown>;
perms.contains = async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o));
perms.request = vi.fn(async ({ origins }: { origins: string[] }) => {
  if (answer) for (const o of origins) granted.add(o);
  return answer;
});
perms.remove = vi.fn(async ({ origins }: { origins: string[] }) => {
  for (const o of origins) granted.delete(o);
  return true;
});
const sent: unknown[] = [];
(fakeBrowser.runtime as unknown as Record<string, unknown>).sendMessage = async (m: unknown) => void sent.push(m);

afterEach(() => {
  cleanup();
  granted.clear();
  sent.length = 0;
  answer = true;
  fakeBrowser.reset();
});

function setup() {
  const said: [string, boolean | undefined][] = [];
  render(<SitesSection t={(k, p) => t('en', k, p)} say={(text, bad) => said.push([text, bad])} />);
  return said;
}

describe('options: sites', () => {
  it('switches HubSpot on with one click (asking for its hosts) and off again', async () => {
    const said = setup();
    const button = await screen.findByTestId('site-hubspot');
    expect(button.textContent).toBe('Switch on');
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByTestId('site-hubspot').textContent).toBe('Switch off'));
    expect(perms.request).toHaveBeenCalledWith({ origins: ['https://*.hubspot.com/*'] });
    expect(sent).toEqual([{ type: 'sitesChanged' }]);
    expect(said).toEqual([['Switched on: HubSpot', undefined]]);
    fireEvent.click(screen.getByTestId('site-hubspot'));
    await waitFor(() => expect(screen.getByTestId('site-hubspot').textContent).toBe('Switch on'));
    expect(perms.remove).toHaveBeenCalledWith({ origins: ['https://*.hubspot.com/*'] });
    expect(granted.size).toBe(0);
  });

  it('says so when Chrome’s prompt is declined, and registers nothing', async () => {
    answer = false;
    const said = setup();
    fireEvent.click(await screen.findByTestId('site-salesforce'));
    await waitFor(() => expect(said).toEqual([['Permission was not granted.', true]]));
    expect(sent).toEqual([]);
  });

  it('adds one in-house CRM origin (asked for alone), and gives it back when removed', async () => {
    const said = setup();
    fireEvent.input(await screen.findByTestId('custom-input'), { target: { value: 'crm.acme.cn:8443/customers/7' } });
    fireEvent.click(screen.getByTestId('custom-add'));
    await waitFor(() => expect(screen.getByTestId('custom-sites').textContent).toContain('https://crm.acme.cn/*'));
    expect(perms.request).toHaveBeenLastCalledWith({ origins: ['https://crm.acme.cn/*'] });
    expect(await customSitesItem.getValue()).toEqual(['https://crm.acme.cn/*']);
    expect(said.at(-1)).toEqual(['Switched on: https://crm.acme.cn/*', undefined]);
    fireEvent.click(screen.getByTestId('custom-remove'));
    await waitFor(() => expect(screen.getByTestId('custom-sites').textContent).toBe(''));
    expect(perms.remove).toHaveBeenLastCalledWith({ origins: ['https://crm.acme.cn/*'] });
    expect(await customSitesItem.getValue()).toEqual([]);
    expect(sent).toEqual([{ type: 'sitesChanged' }, { type: 'sitesChanged' }]);
  });

  it('refuses what is not a web address, without asking Chrome', async () => {
    const said = setup();
    fireEvent.input(await screen.findByTestId('custom-input'), { target: { value: 'ftp://files.acme.cn' } });
    fireEvent.click(screen.getByTestId('custom-add'));
    await waitFor(() => expect(said).toEqual([['Type a web address, such as https://crm.example.cn', true]]));
    expect(granted.size).toBe(0);
  });

  it('turns what a user typed into one origin pattern', () => {
    expect(originPattern('https://crm.acme.cn/customers/7?x=1')).toBe('https://crm.acme.cn/*');
    expect(originPattern('crm.acme.cn')).toBe('https://crm.acme.cn/*');
    expect(originPattern('http://10.0.0.5:8080/crm')).toBe('http://10.0.0.5/*');
    expect(originPattern('ftp://x.cn')).toBeNull();
    expect(originPattern('   ')).toBeNull();
    expect(originPattern('https://*.acme.cn')).toBeNull();
  });
});
