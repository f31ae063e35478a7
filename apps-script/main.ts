/**
 * The add-on's entry: wiring only, and the one list of what Apps Script sees. Each export is a
 * top-level function of the pushed Code.js: scripts/build-sheets.ts bundles this file (with
 * shared/) into one IIFE that sets the global `Rapport`, then generates, for every export here, a
 * top-level `function NAME(params) { return Rapport.NAME(params); }` carrying the JSDoc written
 * above the export — Sheets shows a custom function's JSDoc as its help, so each one keeps its
 * `@customfunction` tag and its bilingual text, and its `@param` tags name the wrapper's
 * parameters. Every export needs that JSDoc; the build refuses one without it.
 */
import * as custom from './custom-functions';
import * as model from './model-functions';
import { buildMenu } from './menu';
import { menuComputeTiers } from './compute-tiers';
import { menuNewTemplate } from './template';
import { menuSettings, sidebarState, saveSettings } from './sidebar-server';
import { menuSurveySample } from './survey-sample';

/**
 * Analyse a customer table or order log (header row included): tiers, value score, lifecycle,
 * defection, churn risk, credit, next visit. 分析客户表或订单流水 (含表头): 分级、价值评分、
 * 生命周期、跳槽、流失风险、信用、下次拜访。
 *
 * @param {Object[][]} range The whole table including its header row. 含表头的整张表。
 * @param {string} field Optional: one result column (tier, score, value_class, pyramid, lifecycle, defection, relationship, churn_risk, credit_score, credit_grade, core_class, next_visit, visit_overdue, ka_health, p_alive, clv); empty for all. 可选: 只返回一列结果; 留空返回全部。
 * @param {Date|string} as_of Optional analysis date (a date cell or "YYYY-MM-DD"); default the latest date in the data. 可选: 分析日期。
 * @return The result column(s), header row first, aligned with the input rows. 结果列, 首行为表头, 与输入行对齐。
 * @customfunction
 */
export const RAPPORT_ANALYZE = custom.RAPPORT_ANALYZE;

/**
 * ABC tier of each value in one column of revenue or profit (Pareto: A until 80% of the total,
 * B until 95%, C; D = lowest 5% of C and every loss). 按帕累托法则给一列销售额或利润分 A/B/C/D 级
 * (累计 80% 以内为 A, 95% 以内为 B, 其余为 C; C 中最低 5% 及亏损为 D)。
 *
 * @param {Object[][]} values One column (or row) of numbers; a header cell on top is kept. 一列数值, 可含表头。
 * @return The tier of each value. 每个值的等级。
 * @customfunction
 */
export const RAPPORT_TIER = custom.RAPPORT_TIER;

/**
 * Cumulative share of the column's total held by each value and every larger one (the Pareto
 * curve, 0–1). 每个值及比它大的值合计占总额的累计比例 (帕累托曲线, 0–1)。
 *
 * @param {Object[][]} values One column (or row) of numbers. 一列数值。
 * @return The cumulative share of each value. 每个值的累计占比。
 * @customfunction
 */
export const RAPPORT_PARETO = custom.RAPPORT_PARETO;

/**
 * Five-level satisfaction to a number: 高度满意/very satisfied 5, 一般满意/satisfied 4, 无意见/neutral 3,
 * 有些不满意/somewhat dissatisfied 2, 极不满意/very dissatisfied 1. 五级满意度转为 1–5 分。
 *
 * @param {Object[][]} values Satisfaction cells (text or 1–5). 满意度单元格 (文字或 1–5)。
 * @return 1–5 for each cell. 每格的 1–5 分。
 * @customfunction
 */
export const RAPPORT_SATISFACTION = custom.RAPPORT_SATISFACTION;

/**
 * Share of wallet: our revenue divided by the customer's total spend in our category (0–1).
 * 消费份额: 本公司销售额 ÷ 客户在该品类的采购总额 (0–1)。
 *
 * @param {Object[][]} ours Our revenue per customer. 本公司对每个客户的销售额。
 * @param {Object[][]} wallet The customer's total category spend. 客户的品类采购总额。
 * @return The share of wallet of each customer. 每个客户的消费份额。
 * @customfunction
 */
export const RAPPORT_SHARE = custom.RAPPORT_SHARE;

/**
 * Probability that each customer is still active (BG/NBD, Fader, Hardie & Lee 2005). Without
 * params the model is fitted on the given customers. 客户仍然活跃的概率 (BG/NBD 模型); 不给参数时
 * 用这些客户拟合模型。
 *
 * @param {Object[][]} frequency Repeat purchases x. 复购次数 x。
 * @param {Object[][]} recency Time of the last purchase since the first, t_x (weeks or days). 末次购买距首次购买的时间 t_x。
 * @param {Object[][]} age Time since the first purchase, T (same unit). 首次购买至今的时间 T (同一单位)。
 * @param {number[]|string} params Optional r, alpha, a, b (a range or comma-separated text); a = 0: nobody drops out; a + b ≤ 1e-11: each chance 0 or 1. 可选参数 r, alpha, a, b; a = 0 表示无人流失。
 * @return P(alive) of each customer, 0–1. 每个客户的活跃概率。
 * @customfunction
 */
export const RAPPORT_PALIVE = model.RAPPORT_PALIVE;

/**
 * Customer lifetime value over a horizon: expected purchases (BG/NBD) × expected spend per
 * purchase (Gamma-Gamma). Without params both models are fitted on the given customers.
 * 客户终身价值: 预期购买次数 (BG/NBD) × 预期客单价 (Gamma-Gamma)。
 *
 * @param {Object[][]} frequency Repeat purchases x. 复购次数 x。
 * @param {Object[][]} recency t_x, time of the last purchase since the first. 末次购买时间 t_x。
 * @param {Object[][]} age T, time since the first purchase. 客户年龄 T。
 * @param {Object[][]} mean_spend Average value of the repeat purchases. 复购平均金额。
 * @param {number} horizon Horizon in the same unit (e.g. 52 weeks). 预测期 (同一单位, 如 52 周)。
 * @param {number[]|string} params Optional BG/NBD r, alpha, a, b and Gamma-Gamma p, q, v. 可选模型参数。
 * @return The CLV of each customer. 每个客户的终身价值。
 * @customfunction
 */
export const RAPPORT_CLV = model.RAPPORT_CLV;

/**
 * Adds the Rapport menu when the spreadsheet opens. 打开表格时添加 Rapport 菜单。
 *
 * @param {Object} e The trigger event. 触发事件。
 */
export const onOpen = buildMenu;

/**
 * Adds the menu right after the add-on is installed. 安装后立即添加菜单。
 *
 * @param {Object} e The trigger event. 触发事件。
 */
export const onInstall = buildMenu;

/** Menu: compute tiers on the active sheet. 菜单: 计算本表分级。 */
export const rapportComputeTiers = menuComputeTiers;

/** Menu: new customer template with a settings sheet. 菜单: 新建客户模板。 */
export const rapportNewTemplate = menuNewTemplate;

/** Menu: open the settings sidebar. 菜单: 打开设置侧栏。 */
export const rapportOpenSettings = menuSettings;

/** Menu: draw a reproducible random sample of key accounts. 菜单: 抽取大客户调查样本。 */
export const rapportDrawSurveySample = menuSurveySample;

/** Sidebar (google.script.run): current settings. 侧栏: 读取当前设置。 */
export const rapportSidebarState = sidebarState;

/**
 * Sidebar (google.script.run): save settings to the settings sheet. 侧栏: 保存设置。
 *
 * @param {Object} settings The settings to save (partial). 要保存的设置。
 */
export const rapportSaveSettings = saveSettings;
