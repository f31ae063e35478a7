/**
 * Menu action "Draw survey sample" (method §8): N key accounts (tier A) drawn at random,
 * reproducibly from a seed (the same seed and data give the same sample), written to a new sheet.
 */
import type { Customer, Lang } from '../shared/types';
import { surveySample } from '../shared/rules/survey-sample';
import { label } from '../shared/i18n/labels';
import { userLang } from './lang';
import { runAction, tell, UserError, withDocumentLock } from './run-action';
import { analyzeSheet } from './analyze-sheet';
import { asText } from './result-writer';
import { t } from './i18n/strings';

/** "20" → {n: 20, seed: 1}; "20 7" / "20,7" → {n: 20, seed: 7}; anything else → null. */
export function parseSurveyInput(text: string): { n: number; seed: number } | null {
  const m = /^\s*(\d{1,6})\s*(?:[ ,;，、]\s*(-?\d{1,9}))?\s*$/.exec(text.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  if (!m) return null;
  const n = Number(m[1]);
  if (n < 1) return null;
  return { n, seed: m[2] === undefined ? 1 : Number(m[2]) };
}

const HEAD: Record<Lang, string[]> = {
  zh: ['客户编号', '客户名称', '负责人', '邮箱', '客户等级', '价值评分', '满意度 (上次)'],
  en: ['Customer ID', 'Customer', 'Owner', 'Email', 'Tier', 'Value score', 'Satisfaction (last)'],
};

/** The sample sheet's rows. */
export function surveyRows(picked: readonly Customer[], lang: Lang): (string | number)[][] {
  return [
    HEAD[lang],
    ...picked.map((c) => [c.key, c.name, c.owner ?? '', c.emails.join(', '), c.tier, c.valueScore.score, c.satisfaction === null ? '' : label(lang, 'satisfaction', c.satisfaction)].map((v) => asText(v) as string | number)),
  ];
}

/** Draw `n` tier-A customers of the active sheet with `seed` into a new sheet; returns its name. */
export function drawSurveySample(n: number, seed: number, lang: Lang): { sheet: string; count: number; fewer: boolean } {
  return withDocumentLock(lang, () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const data = ss.getActiveSheet();
    const { analysis } = analyzeSheet(ss, data, lang);
    const keyAccounts = analysis.customers.filter((c) => c.tier === 'A');
    if (keyAccounts.length === 0) throw new UserError(t(lang, 'surveyNoKeyAccounts'));
    const byKey = new Map(keyAccounts.map((c) => [c.key, c]));
    const picked = surveySample([...byKey.keys()], n, seed).map((k) => byKey.get(k)!);
    const date = Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
    let name = t(lang, 'surveySheet', { date, seed });
    for (let i = 2; ss.getSheetByName(name); i++) name = `${t(lang, 'surveySheet', { date, seed })} (${i})`;
    const sheet = ss.insertSheet(name);
    const rows = surveyRows(picked, lang);
    sheet.getRange(1, 1, rows.length, rows[0]!.length).setValues(rows);
    sheet.getRange(1, 1, 1, rows[0]!.length).setFontWeight('bold');
    sheet.setFrozenRows(1);
    return { sheet: name, count: picked.length, fewer: picked.length < n };
  });
}

/** Menu handler: ask for N (and a seed), then draw. */
export function menuSurveySample(): void {
  const lang = userLang();
  runAction(lang, () => {
    const ui = SpreadsheetApp.getUi();
    const answer = ui.prompt(t(lang, 'surveyTitle'), t(lang, 'surveyPrompt'), ui.ButtonSet.OK_CANCEL);
    if (answer.getSelectedButton() !== ui.Button.OK) return;
    const parsed = parseSurveyInput(answer.getResponseText());
    if (!parsed) throw new UserError(t(lang, 'surveyBadInput', { text: answer.getResponseText() }));
    const r = drawSurveySample(parsed.n, parsed.seed, lang);
    let message = t(lang, 'surveyDone', { count: r.count, seed: parsed.seed, sheet: r.sheet });
    if (r.fewer) message += ` ${t(lang, 'surveyFewer', { count: r.count })}`;
    tell(lang, message);
  });
}
