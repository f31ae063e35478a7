/** @jsxImportSource preact */
// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { OptionsPage } from '../../extension/options/options-page';
import { exportBackup } from '../../extension/db/backup';
import { addNote } from '../../extension/db/notes';
import { describeError } from '../../extension/panel/describe-error';
import { ManualCustomerRefused } from '../../extension/db/import-table';
import { makeCustomer } from './make-customer';
import { freshDatabases } from './fresh-databases';

const db = freshDatabases('rapport-restore');
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
function choose(json: string) {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  const file = new File([json], 'backup.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('restoring a backup from the options page', () => {
  it('asks first, naming what it replaces; a "no" changes nothing', async () => {
    const source = db();
    await source.customers.bulkPut([makeCustomer('A', [], []), makeCustomer('B', [], [])]);
    await addNote(source, 'A', 'from the backup');
    const json = JSON.stringify(await exportBackup(source, new Date('2026-02-03T00:00:00Z')));
    const d = db();
    await d.customers.put(makeCustomer('MINE', [], []));
    const asked: string[] = [];
    const answers = [false, true];
    vi.stubGlobal('confirm', (q: string) => {
      asked.push(q);
      return answers.shift();
    });
    render(<OptionsPage db={d} />);
    choose(json);
    await waitFor(() => expect(asked).toHaveLength(1));
    expect(asked[0]).toContain('Restore the backup of 2026-02-03?');
    expect(asked[0]).toContain('customers: 1 now → 2 from the backup');
    expect(asked[0]).toContain('notes: 0 now → 1 from the backup');
    await new Promise((r) => setTimeout(r, 50));
    expect(await d.customers.get('MINE')).toBeDefined();
    choose(json);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Backup restored.'));
    expect(await d.customers.get('MINE')).toBeUndefined();
    expect(await d.customers.count()).toBe(2);
  });

  it('a file with an empty table list is refused with its problems, without asking', async () => {
    const d = db();
    await d.customers.put(makeCustomer('MINE', [], []));
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    render(<OptionsPage db={d} />);
    choose('{"format":"rapport-backup","schemaVersion":2,"tables":{}}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This file is not a Rapport backup');
    expect(alert.textContent).toContain('tables.customers: missing');
    expect(confirm).not.toHaveBeenCalled();
    expect(await d.customers.count()).toBe(1);
  });
});

describe('errors in words', () => {
  it('a full disk, even inside a transaction abort, says what to do', () => {
    const quota = new DOMException('quota', 'QuotaExceededError');
    const abort = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota });
    for (const e of [quota, abort]) {
      expect(describeError('en', e)).toMatch(/no room left .* nothing was saved\. Free disk space/);
      expect(describeError('zh', e)).toContain('浏览器没有空间');
    }
  });

  it('a customer name the core does not take is named with the reason', () => {
    expect(describeError('en', new ManualCustomerRefused('Total', 'row 2 is a totals row', 'skipped_totals'))).toBe(
      '“Total” was not added: tables skip a row named like a total or a header (合计, Total, Subtotal …), so the sheet would skip it too. ' +
        'Add a word to the name (for example “Total Ltd”).',
    );
    expect(describeError('en', new ManualCustomerRefused('X', 'Email is not an address.', 'bad_email'))).toBe(
      '“X” was not added: Email is not an address. Add a word to the name (for example “X Ltd”).',
    );
  });
});
