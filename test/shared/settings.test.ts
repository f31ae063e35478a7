import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SETTINGS, resolveSettings, rowsToSettings, settingsToRows } from '../../shared/settings';
import { SETTINGS_PROBLEM_TEXT, formatSettingsProblem, settingsProblemText } from '../../shared/i18n/messages';
import { analyze } from '../../shared/analyze';

const TABLE = [
  ['Customer ID', 'Customer', 'Revenue', 'Last order'],
  ['C1', 'Acme', '5000', '2026-10-01'],
  ['C2', 'Beta', '3000', '2026-09-15'],
  ['C3', 'Gamma', '1000', '2026-06-01'],
];

/** What Object.prototype holds before any test here runs (a test runner may have added keys). */
const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype);
const addedToPrototype = () => Object.getOwnPropertyNames(Object.prototype).filter((k) => !PROTO_KEYS.includes(k));

afterEach(() => {
  // A failing test must not leave the prototype polluted for the next one.
  delete (Object.prototype as Record<string, unknown>).asOf;
});

describe('settings: prototype pollution', () => {
  it("a settings row '__proto__.asOf | 2030-01-01' reaches no prototype and moves no date", () => {
    const partial = rowsToSettings([['__proto__.asOf', '2030-01-01']]);
    expect(({} as Record<string, unknown>).asOf).toBeUndefined();
    const { settings, problems } = resolveSettings(partial);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toEqual([{ path: '__proto__.asOf', code: 'unknown' }]);
    const a = analyze(TABLE, { settings: partial as never });
    expect(({} as Record<string, unknown>).asOf).toBeUndefined();
    expect(a.summary.asOf).toBe('2026-10-01');
    expect(a.customers.map((c) => c.defection)).not.toContain('former');
    expect(a.notices).toContainEqual({ code: 'settings_problem', message: 'setting __proto__.asOf: unknown setting, ignored (default used)' });
  });

  it('JSON with a __proto__ key, and constructor.prototype, are reported, never followed', () => {
    const json = JSON.parse('{"__proto__": {"asOf": "2030-01-01", "tiers": {"a": 0.1}}, "constructor": {"prototype": {"asOf": "2030-01-01"}}}') as unknown;
    const { settings, problems } = resolveSettings(json);
    expect(({} as Record<string, unknown>).asOf).toBeUndefined();
    expect(settings.tiers.a).toBe(0.8);
    expect(problems.map((p) => p.path)).toEqual(['__proto__.asOf', '__proto__.tiers.a', 'constructor.prototype.asOf']);
  });

  it('keys that exist on every object (toString, constructor, hasOwnProperty, tiers.valueOf) are reported as unknown', () => {
    const partial = rowsToSettings([
      ['toString', 1],
      ['constructor', 2],
      ['hasOwnProperty', 3],
      ['tiers.valueOf', 4],
      ['tiers.a', 0.7],
    ]);
    const { settings, problems } = resolveSettings(partial);
    expect(problems).toEqual([
      { path: 'toString', code: 'unknown' },
      { path: 'constructor', code: 'unknown' },
      { path: 'hasOwnProperty', code: 'unknown' },
      { path: 'tiers.valueOf', code: 'unknown' },
    ]);
    expect(settings.tiers.a).toBe(0.7);
  });

  it('a group given a value, and a value given a group, are problems; the defaults stay', () => {
    const { settings, problems } = resolveSettings({ tiers: 5, mgcTop: { a: 1 }, model: { unit: 'months' } });
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toEqual([
      { path: 'tiers', code: 'not_group' },
      { path: 'mgcTop', code: 'not_number' },
      { path: 'model.unit', code: 'not_unit', params: { words: 'days, weeks' } },
    ]);
  });

  it('settings that are not an object at all', () => {
    for (const bad of [[1, 2], 'tiers.a=1', 5, new Date()]) expect(resolveSettings(bad).problems).toEqual([{ path: '', code: 'not_object' }]);
  });

  it('the resolved settings are fresh: changing them changes neither the defaults nor the next result', () => {
    const a = resolveSettings(null).settings;
    a.tiers.a = 0.1;
    expect(DEFAULT_SETTINGS.tiers.a).toBe(0.8);
    expect(resolveSettings(null).settings.tiers.a).toBe(0.8);
  });
});

describe('settings: the allow-list is the defaults', () => {
  it('every path of DEFAULT_SETTINGS is accepted with its default value, from an object or from sheet rows', () => {
    expect(resolveSettings(JSON.parse(JSON.stringify(DEFAULT_SETTINGS))).problems).toEqual([]);
    expect(resolveSettings(rowsToSettings(settingsToRows(DEFAULT_SETTINGS).map(([k, v]) => [k, v ?? '']))).problems).toEqual([]);
  });

  it('property: any object — any keys, any values — leaves Object.prototype alone and gives settings shaped like the defaults', () => {
    const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'tiers', 'a', 'weights', 'visitDays', 'D', 'model', 'unit'), fc.string({ maxLength: 6 }));
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.double(), fc.constant(null), fc.string({ maxLength: 4 }), fc.boolean(), fc.dictionary(key, tie('v'), { maxKeys: 4 })),
    })).v;
    const shape = (o: unknown): unknown => (typeof o === 'object' && o !== null ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k, shape(v)])) : typeof o === 'number' || o === null ? 'number' : typeof o);
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 6 }), (input) => {
        const { settings, problems } = resolveSettings(JSON.parse(JSON.stringify(input)));
        expect(addedToPrototype()).toEqual([]);
        expect(shape(settings)).toEqual(shape(DEFAULT_SETTINGS));
        for (const p of problems) expect(Object.keys(SETTINGS_PROBLEM_TEXT)).toContain(p.code);
      }),
      { numRuns: 500 },
    );
  });
});

describe('settings problems are codes, worded by the core in both languages', () => {
  it.each([
    [{ path: 'tiers.a', code: 'not_fraction' } as const, 'tiers.a: must be between 0 and 1', 'tiers.a: 应在 0 到 1 之间'],
    [{ path: 'tiers.a', code: 'above', params: { other: 'tiers.b' } } as const, 'tiers.a: must not exceed tiers.b', 'tiers.a: 不能大于 tiers.b'],
    [{ path: '', code: 'not_object' } as const, 'settings must be an object', '设置应为 JSON 对象'],
  ])('%j', (p, en, zh) => {
    expect(formatSettingsProblem('en', p)).toBe(en);
    expect(formatSettingsProblem('zh', p)).toBe(zh);
  });

  it('every code has both languages and resolveSettings emits them with their parameters filled', () => {
    const { problems } = resolveSettings({ tiers: { a: 0.99, b: 0.9 }, weights: { value: -1 } });
    expect(problems.map((p) => formatSettingsProblem('zh', p))).toEqual(['weights.value: 不能为负数', 'tiers.a: 不能大于 tiers.b']);
    for (const [code, t] of Object.entries(SETTINGS_PROBLEM_TEXT)) {
      expect(t.zh).not.toBe('');
      expect(t.en).not.toBe('');
      expect(settingsProblemText('en', { path: 'x', code: code as never })).not.toBe(code);
    }
  });
});
