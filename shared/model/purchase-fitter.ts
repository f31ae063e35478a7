/**
 * Where the purchase model's costliest steps of an analysis run (method §9): the two fits (BG/NBD and
 * MBG/NBD are both fitted by maximum likelihood, the better one used), then the figures of every
 * customer's (x, t_x, T) under the better one. They need only numbers — the fit sample's aggregated
 * data and every customer's point — so a surface may run them elsewhere (another thread) while the
 * table-wide rules run; the core runs them here, when their result is asked for.
 */
import { fitBgNbdData } from './bgnbd-fit';
import type { PurchaseModelName } from './bgnbd-likelihood';
import { choosePurchaseModel, type FittedParams } from './choose-model';
import type { PointFigures } from './model-figure-table';
import { pointFigures, type FigureOptions } from './point-figures';
import { distinctPointsOf, type DistinctPoints, type PointColumns, type RfmData } from './rfm-data';

/** Both models' converged fits (null: that model did not converge). */
export interface PurchaseFits {
  bgnbd: FittedParams | null;
  mbgnbd: FittedParams | null;
}

/** What a fitter is given: the fit sample's aggregated data, every customer's point, and what the figures depend on. */
export interface ModelJob {
  data: RfmData;
  points: PointColumns;
  figures: FigureOptions;
}

/** What it gives back. */
export interface ModelWork {
  fits: PurchaseFits;
  /** Every customer's distinct point (in the order of ModelJob.points). */
  points: DistinctPoints;
  /** The figures of each distinct point under the better fit; null when neither fit converged or a figure is not a number. */
  figures: PointFigures | null;
}

export interface PurchaseFitter {
  /** Start the job; the function returned gives its work, waiting for it if need be. */
  start(job: ModelJob): () => ModelWork;
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

/** The rest of a job once its fits are made: every customer's distinct point, and their figures under the better fit (`tick`: see pointFigures). */
export function completeWork(job: ModelJob, fits: PurchaseFits, tick?: () => void): ModelWork {
  const points = distinctPointsOf(job.points);
  tick?.();
  const chosen = choosePurchaseModel(fits.bgnbd, fits.mbgnbd);
  return { fits, points, figures: chosen ? pointFigures(points, chosen.params, chosen.model, job.figures, tick) : null };
}

/** The whole job on the caller's thread, when it is asked for. */
export const FIT_HERE: PurchaseFitter = { start: (job) => () => completeWork(job, fitBothModels(job.data)) };
