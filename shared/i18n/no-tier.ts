/**
 * Words for a table with no tiers (method §3 ranks by profit, else revenue: with neither there is
 * no Pareto cut, so no customer is given a tier rather than every customer being called C).
 */
import type { Lang, Notice } from '../types';
import { texts } from './texts';

/** The mark a table cell, badge or chip shows in place of a tier. */
export const NO_TIER_MARK = '–';

const TEXT = texts({
  zh: {
    label: '无等级 (缺销售额)',
    notice: '表中没有销售额或利润数据, 无法按帕累托分 ABC 等级: 所有客户暂无等级 (不会都算作 C 类)。请加一列销售额 (如 销售额、总成交金额、价税合计) 或利润, 再分析一次。',
  },
  en: {
    label: 'no tier (no revenue)',
    notice: 'The table has no revenue or profit figures, so there are no ABC tiers: no customer is given a tier (rather than all being C). Add a revenue column (Revenue, Total Revenue, Sales, Amount) or a profit column and analyse again.',
  },
});

/** The tier cell in words: "无等级 (缺销售额)" / "no tier (no revenue)". */
export function noTierLabel(lang: Lang): string {
  return TEXT[lang].label;
}

/** The notice that says why there are no tiers and which column to add. */
export function noTiersNotice(lang: Lang): Notice {
  return {
    code: 'no_tiers',
    message: TEXT[lang].notice,
  };
}
