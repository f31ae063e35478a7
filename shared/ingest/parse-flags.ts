/**
 * Reading the categorical customer fields: competitor purchase, switching cost, satisfaction
 * (method §1 "Inputs", §6, §8).
 */
import { foldWidth, isBlankCell } from './normalize-text';

/** Look-up keys already worked out: a column holds a handful of distinct words. Bounded. */
const KEYS = new Map<string, string>();
const MAX_KEYS = 4096;

/** Lower-cased, full-width folded, with spaces, '-' and '_' removed: the key used for look-ups. */
function key(text: string): string {
  let k = KEYS.get(text);
  if (k === undefined) {
    k = foldWidth(text)
      .toLowerCase()
      .replace(/[\s_-]+/g, '');
    if (KEYS.size < MAX_KEYS) KEYS.set(text, k);
  }
  return k;
}

const YES = new Set(['是', '有', '对', '购买', '买', 'y', 'yes', 'true', '1', '✓', '✔', '√', '☑', '是的']);
const NO = new Set(['否', '无', '没有', '不', '未', '不购买', 'n', 'no', 'none', 'false', '0', '×', '✗', '✘', '☐']);

/** 'yes: Acme', '是（华为）', 'Y - Siemens' → the name after the yes-word. */
const YES_WITH_NAME = /^(?:是|有|yes|y)\s*[:：,，\-–—(（/]\s*(.+?)\s*[)）]?$/i;

/**
 * Whether the customer also buys from a competitor, and from whom (method §1 `competitor`, §6).
 * Yes-words (是 有 Y yes true 1 ✓ √) → buys, no name; no-words (否 无 没有 N no none false 0 ×) →
 * does not buy; booleans as such; other numbers: > 0 buys. Any other non-blank text is taken as
 * the competitor's name ('Siemens' → buys from Siemens), also after a yes-word ('是（华为）').
 * Blank → null (unknown).
 */
export function parseCompetitor(cell: unknown): { buys: boolean; name: string | null } | null {
  if (typeof cell === 'boolean') return { buys: cell, name: null };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return null;
    return { buys: cell > 0, name: null };
  }
  if (typeof cell !== 'string') return null;
  const text = foldWidth(cell).trim();
  const k = key(text);
  if (NO.has(k)) return { buys: false, name: null };
  if (YES.has(k)) return { buys: true, name: null };
  if (isBlankCell(text)) return null;
  const withName = YES_WITH_NAME.exec(text);
  if (withName) return { buys: true, name: withName[1]! };
  return { buys: true, name: cell.trim() };
}

const SWITCHING: Record<string, 'high' | 'medium' | 'low'> = {
  高: 'high',
  很高: 'high',
  较高: 'high',
  非常高: 'high',
  high: 'high',
  h: 'high',
  '3': 'high',
  中: 'medium',
  中等: 'medium',
  一般: 'medium',
  medium: 'medium',
  med: 'medium',
  mid: 'medium',
  moderate: 'medium',
  m: 'medium',
  '2': 'medium',
  低: 'low',
  很低: 'low',
  较低: 'low',
  非常低: 'low',
  low: 'low',
  l: 'low',
  '1': 'low',
};

/**
 * Switching cost (method §1 `switching_cost`, §6): 高/中/低, high/medium/low, H/M/L, 3/2/1
 * (also 较高/一般/较低). Blank → null; anything else → 'invalid'.
 */
export function parseSwitchingCost(cell: unknown): 'high' | 'medium' | 'low' | null | 'invalid' {
  if (isBlankCell(cell)) return null;
  if (typeof cell === 'number') return SWITCHING[String(cell)] ?? 'invalid';
  if (typeof cell !== 'string') return 'invalid';
  return SWITCHING[key(cell)] ?? 'invalid';
}

/** The five satisfaction levels of method §8, most satisfied first. */
export const SATISFACTION_LEVELS: { value: 1 | 2 | 3 | 4 | 5; zh: string; en: string }[] = [
  { value: 5, zh: '高度满意', en: 'Very satisfied' },
  { value: 4, zh: '一般满意', en: 'Satisfied' },
  { value: 3, zh: '无意见', en: 'Neutral' },
  { value: 2, zh: '有些不满意', en: 'Somewhat dissatisfied' },
  { value: 1, zh: '极不满意', en: 'Very dissatisfied' },
];

const SATISFACTION: Record<string, 1 | 2 | 3 | 4 | 5> = {};
function addLevel(value: 1 | 2 | 3 | 4 | 5, words: string[]): void {
  for (const w of words) SATISFACTION[key(w)] = value;
}
addLevel(5, [
  '高度满意',
  '非常满意',
  '很满意',
  '十分满意',
  '极其满意',
  '极满意',
  'very satisfied',
  'extremely satisfied',
  'highly satisfied',
  'completely satisfied',
]);
addLevel(4, ['一般满意', '满意', '比较满意', '较满意', '基本满意', 'satisfied', 'somewhat satisfied', 'mostly satisfied']);
addLevel(3, [
  '无意见',
  '一般',
  '中立',
  '中等',
  '还行',
  '说不清',
  'neutral',
  'no opinion',
  'neither satisfied nor dissatisfied',
  'neither',
  'ok',
]);
addLevel(2, [
  '有些不满意',
  '不太满意',
  '不满意',
  '比较不满意',
  '较不满意',
  'somewhat dissatisfied',
  'dissatisfied',
  'unsatisfied',
  'somewhat unsatisfied',
]);
addLevel(1, [
  '极不满意',
  '非常不满意',
  '很不满意',
  '十分不满意',
  '极度不满意',
  'very dissatisfied',
  'extremely dissatisfied',
  'very unsatisfied',
  'highly dissatisfied',
]);
for (const level of SATISFACTION_LEVELS) addLevel(level.value, [level.zh, level.en]);

/** '4', '4.0', '4分', '4 points', '4/5' → 4 (integers 1–5 only). */
const SATISFACTION_NUMBER = /^([1-5])(?:\.0+)?(?:分|星|points?|pts?|stars?|\/5)?$/;

/**
 * Satisfaction on the five-level scale of method §8: 高度满意/非常满意/很满意/very satisfied → 5;
 * 一般满意/满意/比较满意/satisfied → 4; 无意见/一般/中立/neutral → 3; 有些不满意/不太满意/不满意/
 * (somewhat) dissatisfied → 2; 极不满意/非常不满意/very dissatisfied → 1; numbers 1–5 ('4.0', '4分').
 * Case-, space- and width-insensitive. Blank → null; anything else (including 4.5) → 'invalid'.
 */
export function parseSatisfaction(cell: unknown): 1 | 2 | 3 | 4 | 5 | null | 'invalid' {
  if (isBlankCell(cell)) return null;
  if (typeof cell === 'number') {
    return Number.isInteger(cell) && cell >= 1 && cell <= 5 ? (cell as 1 | 2 | 3 | 4 | 5) : 'invalid';
  }
  if (typeof cell !== 'string') return 'invalid';
  const k = key(cell);
  const word = SATISFACTION[k];
  if (word !== undefined) return word;
  const m = SATISFACTION_NUMBER.exec(k);
  return m ? (Number(m[1]) as 1 | 2 | 3 | 4 | 5) : 'invalid';
}
