/** @jsxImportSource preact */
// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { OptionsPage } from '../../extension/options/options-page';
import { getLangChoice, getSettings, setLangChoice, setSettingsJson } from '../../extension/db/preferences';
import { makeCustomer } from './make-customer';
import { freshDatabases } from './fresh-databases';

const db = freshDatabases('rapport-options');
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
describe('options page', () => {
  it('refuses settings with problems and names them; saves good ones', async () => {
    const d = db();
    render(<OptionsPage db={d} />);
    const box = await screen.findByLabelText(/Settings/);
    fireEvent.input(box, { target: { value: '{"visitDays": {"A": "often"}}' } });
    fireEvent.click(screen.getByText('Save'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not saved — please fix:');
    expect(alert.textContent).toContain('visitDays.A');
    fireEvent.input(box, { target: { value: '{"visitDays": {"A": 14}}' } });
    fireEvent.click(screen.getByText('Save'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Settings saved. Customers were re-analysed.'));
    expect((await getSettings(d)).visitDays.A).toBe(14);
  });

  it('keeps a language picked before the stored choice has been read', async () => {
    const d = db();
    await setLangChoice(d, 'zh');
    await setSettingsJson(d, { mgcTop: 0.3 });
    render(<OptionsPage db={d} />);
    // picked at once, while the page is still reading the stored choice ('zh')
    fireEvent.change(screen.getByTestId('lang'), { target: { value: 'en' } });
    await waitFor(() => expect((screen.getByLabelText(/Settings/) as HTMLTextAreaElement).value).toContain('0.3'));
    expect((screen.getByTestId('lang') as HTMLSelectElement).value).toBe('en');
    expect(await getLangChoice(d)).toBe('en');
    expect(screen.getByText('Delete everything')).toBeTruthy();
  });

  it('stores the language override and clears data only after confirming', async () => {
    const d = db();
    await d.customers.put(makeCustomer('A', [], []));
    await setSettingsJson(d, { mgcTop: 0.3 });
    render(<OptionsPage db={d} />);
    // wait until the stored preferences are shown
    await waitFor(() => expect((screen.getByLabelText(/Settings/) as HTMLTextAreaElement).value).toContain('0.3'));
    fireEvent.change(screen.getByTestId('lang'), { target: { value: 'zh' } });
    await waitFor(async () => expect(await getLangChoice(d)).toBe('zh'));
    await screen.findByText('删除全部数据');
    const answers = [false, true];
    vi.stubGlobal('confirm', () => answers.shift());
    fireEvent.click(screen.getByText('删除全部数据'));
    await new Promise((r) => setTimeout(r, 50));
    expect(await d.customers.count()).toBe(1);
    fireEvent.click(screen.getByText('删除全部数据'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('全部数据已删除。'));
    expect(await d.customers.count()).toBe(0);
  });
});
