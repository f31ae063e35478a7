import { describe, expect, it } from 'vitest';
import { analyze } from '../../shared/analyze';
import { DEFAULT_SETTINGS, resolveSettings } from '../../shared/settings';

describe('a setting out of its range is reported and its default used', () => {
  it('a top share of 2.25e25 (found by the adversarial suite, where it hung the analysis) becomes 0.2', () => {
    const r = resolveSettings({ mgcTop: 2.25e25 });
    expect(r.problems).toEqual([{ path: 'mgcTop', code: 'not_fraction' }]);
    expect(r.settings.mgcTop).toBe(DEFAULT_SETTINGS.mgcTop);
    const a = analyze(
      [
        ['Customer ID', 'Revenue'],
        ['C1', '100'],
        ['C2', '50'],
      ],
      { settings: { mgcTop: 2.25e25 } as never, model: false, lang: 'en' },
    );
    expect(a.customers).toHaveLength(2);
    expect(a.notices.find((n) => n.code === 'settings_problem')!.message).toBe('setting mgcTop: must be between 0 and 1 (default used)');
  });

  it('tiers.a above tiers.b restores both; a negative visit interval restores that interval only', () => {
    const r = resolveSettings({ tiers: { a: 0.9, b: 0.5 }, visitDays: { A: -3, B: 45 } });
    expect(r.settings.tiers).toEqual(DEFAULT_SETTINGS.tiers);
    expect(r.settings.visitDays.A).toBe(DEFAULT_SETTINGS.visitDays.A);
    expect(r.settings.visitDays.B).toBe(45);
  });
});
