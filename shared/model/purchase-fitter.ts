/**
 * Where the two purchase-model fits of an analysis run (method §9: BG/NBD and MBG/NBD are both
 * fitted by maximum likelihood, the better one used). They are the model's costliest step and need
 * only the aggregated (x, t_x, T) data, so a surface may run them elsewhere — another thread — while
 * the table-wide rules run; the core runs them here, when their result is asked for.
 */
import { fitBgNbdData } from './bgnbd-fit';
import type { PurchaseModelName } from './bgnbd-likelihood';
import type { FittedParams } from './choose-model';
import type { RfmData } from './rfm-data';

/** Both models' converged fits (null: that model did not converge). */
export interface PurchaseFits {
  bgnbd: FittedParams | null;
  mbgnbd: FittedParams | null;
}

export interface PurchaseFitter {
  /** Start both fits on `data`; the function returned gives them, waiting for them if need be. */
  start(data: RfmData): () => PurchaseFits;
}

/** A converged fit of one model with finite parameters, else null. */
export function convergedFit(data: RfmData, model: PurchaseModelName): FittedParams | null {
  const fit = fitBgNbdData(data, model);
  const out: FittedParams = { r: fit.r, alpha: fit.alpha, a: fit.a, b: fit.b, ll: fit.ll };
  if (!fit.converged || !Object.values(out).every(Number.isFinite)) return null;
  if (fit.sameDropout) out.sameDropout = true;
  if (fit.noDropout) out.noDropout = true;
  if (fit.twoPoint) out.twoPoint = true;
  return out;
}

/** Both fits, one after the other. */
export function fitBothModels(data: RfmData): PurchaseFits {
  return { bgnbd: convergedFit(data, 'bgnbd'), mbgnbd: convergedFit(data, 'mbgnbd') };
}

/** The fits run on the caller's thread, when they are asked for. */
export const FIT_HERE: PurchaseFitter = { start: (data) => () => fitBothModels(data) };
