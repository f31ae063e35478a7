/**
 * Why the probabilistic model gave no figures, in words a sales manager understands (zh-CN and en),
 * saying what data would be needed (method §9; team brief: errors in plain words).
 */

export interface ModelProblem {
  code: string;
  message: { zh: string; en: string };
}

/** Fewest customers (at the cut-off) the BG/NBD fit accepts. */
export const MIN_CUSTOMERS = 20;
/** Fewest customers with at least one repeat purchase the BG/NBD fit accepts. */
export const MIN_REPEAT_CUSTOMERS = 10;
/** Fewest repeat customers with positive spend the Gamma-Gamma fit accepts. */
export const MIN_SPEND_CUSTOMERS = 10;

/** The problem for a code, with the numbers it mentions (`have`: how many the data has). */
export function modelProblem(code: string, params: Record<string, number | string> = {}): ModelProblem {
  const n = (k: string): string => String(params[k] ?? '');
  switch (code) {
    case 'bad_options':
      return {
        code,
        message: {
          zh: `模型设置无效：${n('what')}。`,
          en: `The model settings are not usable: ${n('what')}.`,
        },
      };
    case 'no_dropout_seen':
      return {
        code,
        message: {
          zh: `在这段历史中几乎看不到客户流失 (每次购买后流失的概率约 ${n('percent')}%), 因此所有客户的活跃概率都接近 100%。更长的交易历史才能区分谁已经离开。`,
          en: `This history shows almost no customers dropping out (about ${n('percent')}% chance of leaving after a purchase), so P(alive) is close to 100% for everyone. A longer history is needed to tell who has left.`,
        },
      };
    case 'no_dropout':
      return {
        code,
        message: {
          zh: `这段历史最符合"没有客户流失"的情形, 因此模型认为每位客户都仍然活跃 (活跃概率 100%)。模型给出的"预测期内不购买的概率"只取决于客户的购买频率和成为客户的时长, 不看最近一次购买距今多久: 沉默已久的客户请另行留意。`,
          en: `This history fits best with no customer dropping out, so the model takes every customer as still active (P(alive) 100%). Its chance of no purchase in the horizon then depends on how often a customer buys and how long they have been one, not on how long ago they last bought: watch long silences yourself.`,
        },
      };
    case 'two_point_dropout':
      return {
        code,
        message: {
          zh: `这段历史最符合"每位客户要么在第一次机会就流失, 要么永不流失"的情形: 约 ${n('percent')}% 的客户属于前者 (${n('when_zh')})。其余客户被视为一直活跃, 他们在预测期内不购买的概率只取决于购买频率和成为客户的时长, 不看最近一次购买距今多久。`,
          en: `This history fits best with each customer either dropping out at their first chance or never: about ${n('percent')}% are of the first kind (${n('when_en')}). The others count as active for good, so their chance of no purchase in the horizon depends on how often they buy and how long they have been customers, not on how long ago they last bought.`,
        },
      };
    case 'same_dropout':
      return {
        code,
        message: {
          zh: `从这段历史中分辨不出哪些客户在购买后更容易停止购买, 因此模型对所有客户采用同一个流失概率 (每次购买后约 ${n('percent')}%); 活跃概率只取决于各客户自己的购买频率和沉默时间。`,
          en: `This history cannot tell customers' chances of stopping after a purchase apart, so the model gives everyone the same one (about ${n('percent')}% after each purchase); P(alive) then turns only on each customer's own buying rate and silence.`,
        },
      };
    case 'too_few_customers':
      return {
        code,
        message: {
          zh: `只有 ${n('have')} 位客户在截止日期前有购买记录。购买概率模型至少需要 ${MIN_CUSTOMERS} 位客户的交易记录。`,
          en: `Only ${n('have')} customers bought before the cut-off date. The purchase model needs the transactions of at least ${MIN_CUSTOMERS} customers.`,
        },
      };
    case 'too_few_repeat_customers':
      return {
        code,
        message: {
          zh: `只有 ${n('have')} 位客户在截止日期前复购过（在不同日期购买两次以上）。模型至少需要 ${MIN_REPEAT_CUSTOMERS} 位复购客户，才能估计客户是否仍然活跃。请提供更长时间段的交易记录。`,
          en: `Only ${n('have')} customers bought again on a later day before the cut-off. The model needs at least ${MIN_REPEAT_CUSTOMERS} customers with repeat purchases to judge who is still active. Use a longer stretch of the transaction log.`,
        },
      };
    case 'fit_failed':
      return {
        code,
        message: {
          zh: '无法从这些交易记录中估计购买规律（计算没有得到稳定结果）。通常是客户太少、记录时间太短，或几乎所有客户的购买模式完全相同。请提供更多客户或更长时间的交易记录。',
          en: 'The purchase pattern could not be estimated from this log (the calculation did not settle). This usually means too few customers, too short a period, or nearly all customers buying in exactly the same way. Use more customers or a longer period.',
        },
      };
    case 'numeric':
      return {
        code,
        message: {
          zh: '模型对部分客户算不出可靠的数字，因此没有给出结果。请检查日期和金额是否正确。',
          en: 'The model could not produce reliable figures for some customers, so none are shown. Check that the dates and amounts are right.',
        },
      };
    case 'no_spend':
      return {
        code,
        message: {
          zh: '复购客户的消费金额全部为零（或被退货抵消），因此无法估计客户价值（CLV）。需要带有金额的交易记录。',
          en: 'Every repeat purchase has zero value (or was cancelled by returns), so customer value (CLV) cannot be estimated. The log needs purchase amounts.',
        },
      };
    case 'no_spend_history':
      return {
        code,
        message: {
          zh: '客户表没有每次购买的金额, 因此无法估计客单价和客户价值 (CLV)。交易流水可以提供这些数据。',
          en: 'A customer table has no amount per purchase, so spend per purchase and customer value (CLV) are not estimated. A transaction log gives them.',
        },
      };
    case 'too_few_spend_customers':
      return {
        code,
        message: {
          zh: `只有 ${n('have')} 位复购客户有消费金额。估计客单价和客户价值（CLV）至少需要 ${MIN_SPEND_CUSTOMERS} 位这样的客户。`,
          en: `Only ${n('have')} repeat customers have purchase amounts. Estimating spend per purchase and customer value (CLV) needs at least ${MIN_SPEND_CUSTOMERS} such customers.`,
        },
      };
    case 'spend_fit_failed':
      return {
        code,
        message: {
          zh: '无法从复购客户的消费金额中估计客单价规律（例如所有客户的平均消费几乎相同，或差异极端）。因此不显示客户价值（CLV）。',
          en: 'The spend per purchase could not be estimated from the repeat customers’ amounts (for example, all customers spend almost exactly the same, or the amounts are extremely uneven). Customer value (CLV) is not shown.',
        },
      };
    default:
      return { code, message: { zh: '无法计算购买概率模型。', en: 'The purchase model could not be computed.' } };
  }
}

/** Plain-words explanation of an exclusion code from summarizeRfm. */
export function exclusionMessage(code: string, count: number): { zh: string; en: string } {
  switch (code) {
    case 'first_purchase_after_cutoff':
      return {
        zh: `${count} 位客户的首次购买在截止日期之后，未计入模型。`,
        en: `${count} customers first bought after the cut-off date and are not in the model.`,
      };
    case 'no_purchases':
      return {
        zh: `${count} 位客户只有退货或取消记录、没有购买，未计入模型。`,
        en: `${count} customers have no purchase (only cancellations or returns) and are not in the model.`,
      };
    case 'incomplete_history':
      return {
        zh: `${count} 位客户缺少订单数、首次购买或最近购买日期，未计入模型。`,
        en: `${count} customers lack orders, first purchase or last purchase and are not in the model.`,
      };
    case 'inconsistent_history':
      return {
        zh: `${count} 位客户的订单数与购买日期不一致（如最近购买早于首次购买、晚于分析日期，或只有 1 单却有两个日期），未计入模型。`,
        en: `${count} customers have orders and purchase dates that do not fit together (last before first or after the analysis date, or one order on two dates) and are not in the model.`,
      };
    default:
      return { zh: `${count} 位客户未计入模型（${code}）。`, en: `${count} customers are not in the model (${code}).` };
  }
}
