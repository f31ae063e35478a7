/** The settings sidebar's words, zh-CN and en. */
import { fill } from '../../shared/i18n/messages';
import type { Lang } from '../../shared/types';

const EN = {
  htmlLang: 'en',
  title: 'Rapport settings',
  intro:
    'Thresholds and weights used by every computation in this spreadsheet. ' +
    'They are saved to the "Rapport settings" sheet, so a copy of this file keeps them.',
  loading: 'Loading…',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved.',
  defaults: 'Restore defaults',
  jsonLegend: 'Export / import (JSON)',
  jsonNote: 'The same JSON the command line reads with --settings. Export fills the box; paste JSON and Import to fill the form, then Save.',
  exportBtn: 'Export',
  importBtn: 'Import',
  problems: '{count} setting(s) need attention before saving.',
  badJson: 'This is not valid JSON: {message}',
  imported: 'Imported. Check the values, then Save.',
  sheetProblems: 'The settings sheet had problems (defaults shown for those): {list}',
  failed: 'Not saved: {message}',
  empty: '(empty = none)',
};

const ZH: Record<keyof typeof EN, string> = {
  htmlLang: 'zh-CN',
  title: 'Rapport 设置',
  intro: '此表格中所有计算使用的阈值和权重。保存到 "Rapport settings" 工作表, 复制此文件时一并带走。',
  loading: '加载中…',
  save: '保存',
  saving: '保存中…',
  saved: '已保存。',
  defaults: '恢复默认值',
  jsonLegend: '导出 / 导入 (JSON)',
  jsonNote: '与命令行 --settings 读取的 JSON 相同。"导出"填入下框; 粘贴 JSON 后点"导入"填入表单, 再点"保存"。',
  exportBtn: '导出',
  importBtn: '导入',
  problems: '有 {count} 项设置需要修改后才能保存。',
  badJson: '不是有效的 JSON: {message}',
  imported: '已导入。请检查数值后保存。',
  sheetProblems: '设置工作表中有问题 (这些项显示默认值): {list}',
  failed: '未保存: {message}',
  empty: '(留空 = 不安排)',
};

export type TextKey = keyof typeof EN;

const TEXTS: Record<Lang, Record<TextKey, string>> = { en: EN, zh: ZH };

/** The sidebar's text for `key` in `lang`, with `{name}` placeholders filled. */
export function tx(lang: Lang, key: TextKey, params: Record<string, unknown> = {}): string {
  return fill(TEXTS[lang][key], params);
}
