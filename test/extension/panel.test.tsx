/** @jsxImportSource preact */
// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { Dexie } from 'dexie';
import type { ComponentChildren } from 'preact';
import { RapportDB } from '../../extension/db/database';
import { EnvContext, type PanelEnv } from '../../extension/panel/panel-env';
import { CustomerCard } from '../../extension/panel/customer-card';
import { EmailView } from '../../extension/panel/email-view';
import { ImportView } from '../../extension/panel/import-view';
import { filterCustomers } from '../../extension/panel/customer-list';
import { ViewGuard } from '../../extension/panel/view-guard';
import { addNote } from '../../extension/db/notes';
import { firstRows, type CustomerRow } from '../../extension/panel/customer-rows';
import fc from 'fast-check';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { ChurnRisk, Lang } from '../../shared/types';
import { makeCustomer } from './make-customer';
import { t, uiLang } from '../../extension/i18n/strings';

const dbs: RapportDB[] = [];
afterEach(async () => {
  cleanup();
  for (const d of dbs.splice(0)) {
    d.close();
    await Dexie.delete(d.name);
  }
});

function setup(lang: Lang = 'en') {
  const db = new RapportDB(`rapport-panel-${dbs.length}-${Date.now()}`);
  dbs.push(db);
  const log: { toasts: string[]; errors: unknown[] } = { toasts: [], errors: [] };
  let revision = 0;
  const env = (): PanelEnv => ({
    db,
    lang,
    settings: DEFAULT_SETTINGS,
    analyzeContext: { lang },
    revision,
    changed() {
      revision++;
      view.rerender(wrap(current));
    },
    toast: (text) => void log.toasts.push(text),
    fail: (e) => void log.errors.push(e),
  });
  let current: ComponentChildren = null;
  const wrap = (ui: ComponentChildren) => <EnvContext.Provider value={env()}>{ui}</EnvContext.Provider>;
  let view!: ReturnType<typeof render>;
  const mount = (ui: ComponentChildren) => {
    current = ui;
    view = render(wrap(ui));
    return view;
  };
  return { db, log, mount };
}

const huaxin = () =>
  makeCustomer('C001', ['li.na@huaxin-machinery.com.cn'], ['huaxin-machinery.com.cn'], {
    name: 'Huaxin Machinery',
    tier: 'A',
    valueScore: {
      score: 72.4,
      parts: [
        { part: 'value', rank: 0.9, weight: 0.8, points: 72, neutral: false },
        { part: 'tenure', rank: 0.5, weight: 0.2, points: 10, neutral: true },
      ],
    },
    churnRisk: { score: 55, factors: [{ code: 'no_contact', points: 10, params: { days: 86 } }], silent: true },
    credit: { score: 62, grade: 'fair', alerts: [{ code: 'overdue_days', params: { days: 75 } }], deductions: [] },
    kaHealth: { communication: false, alignment: null, guarantees: { quality: true, service: false, logistics: true, value: null }, openComplaints: 1 },
    nextVisitDue: '2026-07-01',
    visitOverdue: true,
    lifecycle: 'at_risk',
    lifecycleWhy: { code: 'revenue_fell', params: { percent: 22 } },
  });

describe('customer card', () => {
  it('shows tier, score parts, lifecycle, risk factors, credit, visit due and the tier-A checklist in words', async () => {
    const { mount } = setup('en');
    mount(<CustomerCard customer={huaxin()} />);
    expect(screen.getByTestId('customer-name').textContent).toBe('Huaxin Machinery');
    expect(screen.getByTestId('tier-badge').textContent).toBe('A');
    expect(screen.getByTestId('value-score').textContent).toBe('72');
    expect(screen.getByText('value (profit)')).toBeTruthy();
    expect(screen.getByText('(no data — counted as average)', { exact: false })).toBeTruthy();
    expect(screen.getByTestId('lifecycle').textContent).toBe('at risk');
    expect(screen.getByText('revenue fell 22%')).toBeTruthy();
    expect(screen.getByTestId('risk-factors').textContent).toBe('no contact for 86 days, past the visit interval (10 pts)');
    expect(screen.getByText(/Silent risk/)).toBeTruthy();
    expect(screen.getByText('fair (62)')).toBeTruthy();
    expect(screen.getByText('75 days overdue')).toBeTruthy();
    expect(screen.getByTestId('next-visit').textContent).toContain('overdue');
    expect(screen.getByTestId('service-policy').textContent).toBe(
      'Tier A service policy: visit every 30 days · satisfaction target: very satisfied · care: personal, top management · support: dedicated',
    );
    const ka = await screen.findByTestId('ka-checklist');
    expect(ka.querySelectorAll('li')).toHaveLength(6);
    expect(ka.textContent).toContain('No open complaint: service quality');
  });

  it('speaks Chinese with the core’s labels', async () => {
    const { mount } = setup('zh');
    mount(<CustomerCard customer={huaxin()} />);
    expect(screen.getByTestId('lifecycle').textContent).toBe('危险期');
    expect(screen.getByTestId('risk-factors').textContent).toBe('86 天未联系, 超过拜访周期 (10 分)');
    expect(await screen.findByText('大客户检查 (一个沟通·两个一致·四个保证)')).toBeTruthy();
  });

  it('shows the chance of no order with its horizon, and where the score comes from', () => {
    const { mount } = setup('en');
    const churnRisk: ChurnRisk = {
      score: 68,
      factors: [
        { code: 'no_purchase_chance', points: 62, params: { percent: 62, days: 90 } },
        { code: 'satisfaction', points: 5.7, params: { level: 1 } },
      ],
      silent: false,
      probability: 0.62,
      horizonDays: 90,
      basis: 'model',
    };
    mount(<CustomerCard customer={{ ...huaxin(), churnRisk }} />);
    expect(screen.getByTestId('churn-risk').textContent).toBe('68');
    expect(screen.getByTestId('risk-factors').textContent).toContain('62% chance of no order in the next 90 days (62 pts)');
    expect(screen.getByTestId('churn-basis').textContent).toBe('from the purchase model, raised by the warning signs');
    cleanup();
    mount(<CustomerCard customer={{ ...huaxin(), churnRisk: { ...huaxin().churnRisk, probability: null, horizonDays: null, basis: 'signs' as const } }} />);
    expect(screen.getByTestId('churn-basis').textContent).toBe('from the warning signs alone (no purchase-model figure for this customer)');
  });

  it('shows P(alive) and CLV when the customer comes from a transaction log with a fitted model', () => {
    const { mount } = setup('en');
    const c = { ...huaxin(), pAlive: 0.42, expectedPurchases: 1.3, expectedSpend: 95, clv: 1234.4 };
    mount(<CustomerCard customer={c} />);
    const dt = screen.getByText('Probability still active');
    expect(dt.nextElementSibling?.textContent).toContain('42');
    expect(screen.getByText('Customer lifetime value').nextElementSibling?.textContent).toContain('1,234');
  });

  it('shows no P(alive) or CLV for a customer-table customer', () => {
    const { mount } = setup('en');
    mount(<CustomerCard customer={huaxin()} />);
    expect(screen.queryByText('Probability still active')).toBeNull();
    expect(screen.queryByText('Customer lifetime value')).toBeNull();
  });

  it('has no key-account checklist below tier A', () => {
    const { mount } = setup();
    mount(<CustomerCard customer={{ ...huaxin(), tier: 'B' }} />);
    expect(screen.queryByTestId('ka-checklist')).toBeNull();
  });

  it('adds a note and deletes it with undo', async () => {
    const { mount, db, log } = setup();
    await db.customers.put(huaxin());
    mount(<CustomerCard customer={huaxin()} />);
    fireEvent.input(screen.getByTestId('note-input'), { target: { value: 'Promised a price list' } });
    fireEvent.click(screen.getByTestId('note-add'));
    await waitFor(() => expect(screen.getAllByTestId('note')[0]!.textContent).toContain('Promised a price list'));
    fireEvent.click(screen.getByText('Delete'));
    await waitFor(() => expect(screen.queryAllByTestId('note')).toHaveLength(0));
    expect(log.toasts).toEqual(['Note deleted.']);
    expect(log.errors).toEqual([]);
  });
});

describe('email view', () => {
  it('several people: a list to pick from; a new person at a known company matches by domain', async () => {
    const { mount, db } = setup();
    await db.customers.put(huaxin());
    mount(
      <EmailView
        context={{
          site: 'gmail',
          subject: 'Q3',
          people: [
            { email: 'stranger@bluepeak-robotics.com', name: 'Jordan', role: 'from' },
            { email: 'new.buyer@huaxin-machinery.com.cn', name: 'New Buyer', role: 'cc' },
          ],
        }}
      />,
    );
    // the first matched person is selected
    await waitFor(() => expect(screen.getByTestId('customer-name').textContent).toBe('Huaxin Machinery'));
    expect(screen.getByTestId('match-how').textContent).toBe('new.buyer@huaxin-machinery.com.cn · matched by company domain huaxin-machinery.com.cn');
    fireEvent.click(screen.getByText('Jordan'));
    await waitFor(() => expect(screen.getByTestId('unknown-person').textContent).toContain('stranger@bluepeak-robotics.com is not a known customer.'));
    expect(screen.getByText('Add as a new customer')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Attach' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Huaxin Machinery' })).toBeTruthy();
  });
});

describe('import view', () => {
  it('shows the row errors of a paste before writing', async () => {
    const { mount, db } = setup();
    mount(<ImportView onDone={() => {}} />);
    fireEvent.input(screen.getByTestId('import-paste'), { target: { value: 'Customer,Revenue\nA Co,100\nB Co,lots\n' } });
    fireEvent.click(screen.getByTestId('import-preview'));
    await waitFor(() => expect(screen.getByTestId('import-errors').textContent).toBe("row 3: Revenue 'lots' is not a number"));
    expect(screen.getByTestId('import-summary').textContent).toBe('2 rows read: 1 customers, 1 rows rejected, 0 skipped.');
    expect(await db.customers.count()).toBe(0);
    fireEvent.click(screen.getByTestId('import-commit'));
    await waitFor(async () => expect(await db.customers.count()).toBe(1));
  });
});

describe('customer list filter', () => {
  it('filters by text, tier, stage and risk', () => {
    const all = [
      makeCustomer('C1', ['a@x.com'], [], { name: 'Alpha', tier: 'A', lifecycle: 'growth', churnRisk: { score: 70, factors: [], silent: false } }),
      makeCustomer('C2', ['b@y.com'], [], { name: 'Beta', tier: 'B', lifecycle: 'at_risk', churnRisk: { score: 20, factors: [], silent: false } }),
    ];
    const f = (o: Partial<Parameters<typeof filterCustomers>[1]>) =>
      filterCustomers(all, { text: '', tier: '', stage: '', risk: '', ...o }, 50).map((c) => c.key);
    expect(f({})).toEqual(['C1', 'C2']);
    expect(f({ text: 'b@y' })).toEqual(['C2']);
    expect(f({ text: 'alp' })).toEqual(['C1']);
    expect(f({ tier: 'B' })).toEqual(['C2']);
    expect(f({ stage: 'growth' })).toEqual(['C1']);
    expect(f({ risk: 'high' })).toEqual(['C1']);
    expect(f({ risk: 'low' })).toEqual(['C2']);
  });
});

/** A view that throws while `flaky.broken` is set. */
const flaky = { broken: true };
function Flaky() {
  if (flaky.broken) throw new Error('the view broke');
  return <p>fine</p>;
}

describe('live views', () => {
  it('a note written elsewhere (another window, the worker) shows without any "changed" call', async () => {
    const { mount, db } = setup();
    await db.customers.put(huaxin());
    mount(<CustomerCard customer={huaxin()} />);
    await screen.findByText('No notes yet.');
    await addNote(db, 'C001', 'written in another window');
    await waitFor(() => expect(screen.getAllByTestId('note')[0]!.textContent).toContain('written in another window'));
  });

  it('an error while a view renders shows in words with a way back, not a blank panel', async () => {
    flaky.broken = true;
    render(<ViewGuard lang="en"><Flaky /></ViewGuard>);
    const alert = await screen.findByTestId('view-error');
    expect(alert.textContent).toContain('Something went wrong: the view broke. Your data is unchanged.');
    flaky.broken = false;
    fireEvent.click(screen.getByText('Try again'));
    await screen.findByText('fine');
  });
});

describe('customer list order', () => {
  it('property: the first rows are those of a full sort by tier, metric (largest first), key', () => {
    const row = fc.record({ key: fc.string({ maxLength: 3 }), tier: fc.constantFrom('A', 'B', 'C', 'D', null), metric: fc.integer({ min: -5, max: 5 }) });
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r.key, maxLength: 60 }), fc.integer({ min: 0, max: 70 }), (raw, limit) => {
        const rows = raw.map((r) => ({ ...r, name: r.key, emails: [], lifecycle: 'maturity', churnRisk: { score: 0 } }) as CustomerRow);
        const rank = (r: CustomerRow) => r.tier ?? 'Z'; // no tier sorts after D
        const byKey = (a: (typeof rows)[number], b: (typeof rows)[number]) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
        const full = [...rows].sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : b.metric - a.metric || byKey(a, b)));
        expect(firstRows(rows, limit).map((r) => r.key)).toEqual(full.slice(0, limit).map((r) => r.key));
      }),
    );
  });
});

describe('UI language', () => {
  it('follows the browser unless overridden', () => {
    expect(uiLang('auto', 'zh-CN')).toBe('zh');
    expect(uiLang('auto', 'en-GB')).toBe('en');
    expect(uiLang('en', 'zh-CN')).toBe('en');
    expect(t('zh', 'imported', { added: 2, updated: 1 })).toBe('已导入: 新增 2 个, 更新 1 个。备注均保留。');
  });
});
