/**
 * BG/NBD or MBG/NBD? Both are families of the same four parameters (r, α, a, b), so the one with the
 * higher maximised log-likelihood fits the data better by every criterion that counts parameters
 * (AIC, BIC penalise both alike) — the comparison Batislam, Denizel & Filiztekin (2007) make. A
 * maximum at one of the family's limits (one drop-out chance for all, none, or chances of 0 or 1)
 * is still that family's maximum, and is compared as such; the reason given names the limit. A model
 * whose fit did not converge is never chosen.
 */
import type { BgNbdParams, PurchaseModelName } from './bgnbd-likelihood';

/**
 * `sameDropout`: fitted in the limit of one drop-out chance for every customer; `noDropout`: in the
 * limit where no customer drops out, a = 0; `twoPoint`: in the limit where each customer's chance is
 * 0 or 1, a, b → 0 (see bgnbd-fit.ts).
 */
export type FittedParams = BgNbdParams & { ll: number; sameDropout?: boolean; noDropout?: boolean; twoPoint?: boolean };

export interface PurchaseModelChoice {
  model: PurchaseModelName;
  params: FittedParams;
  /** Why this model, in words (zh, en). */
  why: { zh: string; en: string };
}

/** Log-likelihoods closer than this are a tie (the fits stop at a gradient of 1e−9 per customer). */
export const LL_TIE = 0.01;

const NAME: Record<PurchaseModelName, string> = { bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD' };

/** The model shown by its usual name ("BG/NBD", "MBG/NBD"). */
export function modelName(model: PurchaseModelName): string {
  return NAME[model];
}

/**
 * Pick the fitted model with the higher log-likelihood; a difference below LL_TIE is within the
 * optimiser's tolerance and keeps BG/NBD, the published reference. Null when neither converged.
 */
export function choosePurchaseModel(bgnbd: FittedParams | null, mbgnbd: FittedParams | null): PurchaseModelChoice | null {
  if (!bgnbd && !mbgnbd) return null;
  const ll = (p: FittedParams) => p.ll.toFixed(2);
  if (bgnbd && mbgnbd && Math.abs(mbgnbd.ll - bgnbd.ll) < LL_TIE) {
    return {
      model: 'bgnbd',
      params: bgnbd,
      why: {
        zh: `BG/NBD 与 MBG/NBD 的对数似然相同 (${ll(bgnbd)}), 因此采用经典的 BG/NBD。`,
        en: `BG/NBD and MBG/NBD fit equally well (log-likelihood ${ll(bgnbd)}), so the classic BG/NBD is used.`,
      },
    };
  }
  if (bgnbd && mbgnbd) {
    const model: PurchaseModelName = mbgnbd.ll > bgnbd.ll ? 'mbgnbd' : 'bgnbd';
    const [win, lose] = model === 'mbgnbd' ? [mbgnbd, bgnbd] : [bgnbd, mbgnbd];
    const other: PurchaseModelName = model === 'mbgnbd' ? 'bgnbd' : 'mbgnbd';
    return {
      model,
      params: win,
      why: {
        zh: `${NAME[model]} 的对数似然 ${ll(win)} 高于 ${NAME[other]} 的 ${ll(lose)} (${limitNote(bgnbd, mbgnbd).zh}), 因此采用 ${NAME[model]}。`,
        en: `${NAME[model]} has the higher log-likelihood, ${ll(win)} against ${ll(lose)} for ${NAME[other]} (${limitNote(bgnbd, mbgnbd).en}), so ${NAME[model]} is used.`,
      },
    };
  }
  const model: PurchaseModelName = bgnbd ? 'bgnbd' : 'mbgnbd';
  const other: PurchaseModelName = bgnbd ? 'mbgnbd' : 'bgnbd';
  return {
    model,
    params: (bgnbd ?? mbgnbd)!,
    why: {
      zh: `${NAME[other]} 在这份数据上没有得到稳定的拟合结果, 因此采用 ${NAME[model]}。`,
      en: `${NAME[other]} did not settle on this data, so ${NAME[model]} is used.`,
    },
  };
}

/** The words for a fit at each of the Beta's limits, and how many parameters it uses. */
const LIMITS = {
  noDropout: { zh: '在没有客户流失的极限处拟合, 只用两个参数', en: 'fitted at the limit where no customer drops out, with two parameters' },
  twoPoint: { zh: '在每位客户流失概率非 0 即 1 的极限处拟合, 只用三个参数', en: "fitted at the limit where each customer's drop-out chance is 0 or 1, with three parameters" },
  sameDropout: { zh: '在所有客户流失概率相同的极限处拟合, 只用三个参数', en: 'fitted at the limit of one drop-out chance for everyone, with three parameters' },
} as const;

/** The limit a fit was made at, if any. */
function limitOf(p: FittedParams): keyof typeof LIMITS | null {
  return p.noDropout ? 'noDropout' : p.twoPoint ? 'twoPoint' : p.sameDropout ? 'sameDropout' : null;
}

/**
 * How the two fits' parameters compare: four each, or a fit at a limit — nobody dropping out (two:
 * r, α), drop-out chances 0 or 1 or one chance for everyone (three: r, α and a share).
 */
function limitNote(bgnbd: FittedParams, mbgnbd: FittedParams): { zh: string; en: string } {
  const atLimit = [
    { name: 'BG/NBD', limit: limitOf(bgnbd) },
    { name: 'MBG/NBD', limit: limitOf(mbgnbd) },
  ].filter((f) => f.limit !== null);
  if (atLimit.length === 0) return { zh: '两者参数个数相同', en: 'both have four parameters' };
  if (bgnbd.sameDropout && mbgnbd.sameDropout) return { zh: '两者都在所有客户流失概率相同的极限处拟合, 各用三个参数', en: 'both fitted at the limit of one drop-out chance for everyone, with three parameters each' };
  return {
    zh: atLimit.map((f) => `${f.name} ${LIMITS[f.limit!].zh}`).join('; '),
    en: atLimit.map((f) => `${f.name} ${LIMITS[f.limit!].en}`).join('; '),
  };
}
