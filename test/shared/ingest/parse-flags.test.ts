import { describe, expect, it } from 'vitest';
import {
  SATISFACTION_LEVELS,
  parseCompetitor,
  parseSatisfaction,
  parseSwitchingCost,
} from '../../../shared/ingest/parse-flags';

describe('parseCompetitor', () => {
  it.each(['是', '有', 'Y', 'y', 'yes', 'YES', ' Yes ', 'true', 'TRUE', '1', '✓', '✔', '√', '１', 'Ｙｅｓ'])(
    'yes-word %j',
    (cell) => {
      expect(parseCompetitor(cell)).toEqual({ buys: true, name: null });
    },
  );

  it.each(['否', '无', '没有', 'N', 'n', 'no', 'No', 'none', 'false', 'FALSE', '0', '×', '✗'])('no-word %j', (cell) => {
    expect(parseCompetitor(cell)).toEqual({ buys: false, name: null });
  });

  it('booleans and numbers', () => {
    expect(parseCompetitor(true)).toEqual({ buys: true, name: null });
    expect(parseCompetitor(false)).toEqual({ buys: false, name: null });
    expect(parseCompetitor(1)).toEqual({ buys: true, name: null });
    expect(parseCompetitor(0)).toEqual({ buys: false, name: null });
    expect(parseCompetitor(2)).toEqual({ buys: true, name: null });
    expect(parseCompetitor(NaN)).toBeNull();
  });

  it.each([
    ['Siemens', 'Siemens'],
    ['  华为  ', '华为'],
    ['Acme Corp', 'Acme Corp'],
    ['是（华为）', '华为'],
    ['是:西门子', '西门子'],
    ['yes - Acme', 'Acme'],
    ['Y (Bosch)', 'Bosch'],
  ])('name %j → %s', (cell, name) => {
    expect(parseCompetitor(cell)).toEqual({ buys: true, name });
  });

  it.each(['', '  ', '-', '—', 'N/A', null, undefined, new Date(2024, 0, 1), {}])('blank or unusable %j → null', (cell) => {
    expect(parseCompetitor(cell)).toBeNull();
  });
});

describe('parseSwitchingCost', () => {
  it.each([
    ['高', 'high'],
    ['较高', 'high'],
    ['High', 'high'],
    ['H', 'high'],
    ['h', 'high'],
    ['3', 'high'],
    [3, 'high'],
    ['中', 'medium'],
    ['一般', 'medium'],
    ['Medium', 'medium'],
    ['MED', 'medium'],
    ['M', 'medium'],
    [2, 'medium'],
    ['低', 'low'],
    ['low', 'low'],
    [' L ', 'low'],
    ['１', 'low'],
    [1, 'low'],
  ])('%j → %s', (cell, expected) => {
    expect(parseSwitchingCost(cell)).toBe(expected);
  });

  it.each(['', '-', 'N/A', null, undefined])('blank %j → null', (cell) => {
    expect(parseSwitchingCost(cell)).toBeNull();
  });

  it.each(['very', '4', 4, 0, 2.5, '高低', true, 'x'])('%j → invalid', (cell) => {
    expect(parseSwitchingCost(cell)).toBe('invalid');
  });
});

describe('parseSatisfaction', () => {
  it.each([
    ['高度满意', 5],
    ['非常满意', 5],
    ['很满意', 5],
    ['Very satisfied', 5],
    ['VERY  SATISFIED', 5],
    ['very-satisfied', 5],
    ['一般满意', 4],
    ['满意', 4],
    ['比较满意', 4],
    ['satisfied', 4],
    ['Satisfied ', 4],
    ['无意见', 3],
    ['一般', 3],
    ['中立', 3],
    ['Neutral', 3],
    ['有些不满意', 2],
    ['不太满意', 2],
    ['不满意', 2],
    ['somewhat dissatisfied', 2],
    ['Somewhat Dissatisfied', 2],
    ['dissatisfied', 2],
    ['极不满意', 1],
    ['非常不满意', 1],
    ['very dissatisfied', 1],
    ['Very Dissatisfied', 1],
    ['高度 满意', 5],
    ['５', 5],
    ['4', 4],
    ['4.0', 4],
    ['4分', 4],
    ['4 分', 4],
    ['４分', 4],
    ['1', 1],
    [5, 5],
    [3, 3],
  ])('%j → %d', (cell, expected) => {
    expect(parseSatisfaction(cell)).toBe(expected);
  });

  it('every canonical label reads as its own level', () => {
    for (const level of SATISFACTION_LEVELS) {
      expect(parseSatisfaction(level.zh)).toBe(level.value);
      expect(parseSatisfaction(level.en)).toBe(level.value);
    }
  });

  it('SATISFACTION_LEVELS lists 5 to 1 with the method §8 labels', () => {
    expect(SATISFACTION_LEVELS.map((l) => l.value)).toEqual([5, 4, 3, 2, 1]);
    expect(SATISFACTION_LEVELS.map((l) => l.zh)).toEqual(['高度满意', '一般满意', '无意见', '有些不满意', '极不满意']);
  });

  it.each(['', ' ', '-', 'N/A', null, undefined])('blank %j → null', (cell) => {
    expect(parseSatisfaction(cell)).toBeNull();
  });

  it.each(['0', '6', 0, 6, 4.5, '4.5', 'happy', '满', true, 'very', '45'])('%j → invalid', (cell) => {
    expect(parseSatisfaction(cell)).toBe('invalid');
  });
});
