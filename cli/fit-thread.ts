/**
 * The purchase model's two fits (BG/NBD and MBG/NBD, method §9) and every customer's figures under
 * the better one, with a thread of their own. The thread is started with the reading of a large
 * file, so that it is ready when the model's data are (finishAnalysis starts the model before the
 * table-wide rules and waits for it after). Each step is taken by whichever thread is free first:
 * the fitting thread takes BG/NBD, then MBG/NBD, then — when it made both — the figures; the CLI's
 * thread, done with the rules, takes any step not yet taken and waits for the others. The steps are
 * the same code on the same numbers wherever they run, so the model is the one one thread would
 * have made. Should the thread fail, the CLI's thread makes what it is missing itself.
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { PurchaseModelName } from '../shared/model/bgnbd-likelihood';
import type { FittedParams } from '../shared/model/choose-model';
import type { PointFigures } from '../shared/model/model-figure-table';
import { completeWork, convergedFit, FIT_HERE, type ModelJob, type ModelWork, type PurchaseFitter } from '../shared/model/purchase-fitter';
import type { DistinctPoints } from '../shared/model/rfm-data';
import { workerScript } from './worker-script';

/** Files from this size get the thread (smaller ones are analysed in well under a second). */
const FROM_BYTES = 8 * 1024 * 1024;

/** Distinct (x, t_x, T) points from which the fits are shared with the thread (fewer fit in tens of milliseconds). */
const MIN_POINTS = 20_000;

/**
 * How long the CLI's thread waits for a step the thread has taken before making it itself (a fit on
 * the sample of at most 50,000 customers takes well under a second; should the thread have died,
 * the wait is not long, and a step made twice is the same step). The figures take longer with more
 * customers: while the thread reports progress on them, the wait goes on.
 */
const WAIT_MS = 5_000;

/** The fits, in the order both threads take them; the figures are the step after them. */
const MODELS: readonly PurchaseModelName[] = ['bgnbd', 'mbgnbd'];
const FIGURES = MODELS.length;
const STEPS = MODELS.length + 1;
/** The slot of `done` the thread counts up in as it makes the figures. */
const PROGRESS = STEPS;

/** Per step (MODELS, then FIGURES), in the shared `claims`: 0 free, 1 taken by the CLI's thread, 2 by the fitting thread. */
const FREE = 0;
const HERE = 1;
const THERE = 2;
/** Per step, in the shared `done`: 0 not yet, 1 posted on the port, 2 the thread failed. */
const POSTED = 1;
const FAILED = 2;

/** The thread's messages: a fit, or the points and figures. */
type Answer = { model: PurchaseModelName; fit: FittedParams | null } | { points: DistinctPoints; figures: PointFigures | null };

/** What the fitting thread is given when it starts. */
export interface FitThreadSetup {
  claims: SharedArrayBuffer;
  done: SharedArrayBuffer;
  port: MessagePort;
}

/**
 * A fitter that shares the fits with a thread started now (see the file's comment), for a file of
 * `size` bytes; null for a small file or one of unknown size, when no thread can be started, or
 * when RAPPORT_THREADS=1 asks for one thread. `onThread` is called when the thread made a fit, with
 * the milliseconds the CLI's thread spent waiting for the thread's steps.
 */
export function threadFitter(size: number | null, onThread?: (waitedMs: number) => void): (PurchaseFitter & { stop(): void }) | null {
  const script = workerScript();
  if (script === null || size === null || size < FROM_BYTES || process.env.RAPPORT_THREADS === '1') return null;
  const claims = new Int32Array(new SharedArrayBuffer(4 * STEPS));
  const done = new Int32Array(new SharedArrayBuffer(4 * (STEPS + 1)));
  const { port1, port2 } = new MessageChannel();
  const setup: FitThreadSetup = { claims: claims.buffer as SharedArrayBuffer, done: done.buffer as SharedArrayBuffer, port: port2 };
  let worker: Worker | null;
  try {
    // The fits need little memory: the sample's distinct points.
    worker = new Worker(script, { workerData: { fitThread: setup }, transferList: [port2], resourceLimits: { maxOldGenerationSizeMb: 256 } });
    worker.on('error', () => {}); // a failed thread marks its fits failed, or stops answering: they are made here then
    worker.unref();
  } catch {
    return null;
  }
  const stop = () => {
    port1.close();
    void worker?.terminate();
    worker = null;
  };
  return {
    stop,
    start(job: ModelJob) {
      if (worker === null || job.data.T.length < MIN_POINTS) {
        stop();
        return FIT_HERE.start(job);
      }
      port1.postMessage(job);
      return (): ModelWork => {
        const received = new Map<PurchaseModelName, FittedParams | null>();
        const figures: { from: { points: DistinctPoints; figures: PointFigures | null } | null } = { from: null };
        let waitedMs = 0;
        /** Waits for step k while the thread has it (until it answers, fails, or is silent for WAIT_MS), then takes its answers. */
        const waitFor = (k: number): void => {
          const t0 = performance.now();
          let deadline = Date.now() + WAIT_MS;
          let progress = Atomics.load(done, PROGRESS);
          while (Atomics.load(done, k) === 0 && Date.now() < deadline) {
            Atomics.wait(done, k, 0, 100);
            const now = Atomics.load(done, PROGRESS);
            if (now !== progress) {
              progress = now;
              deadline = Date.now() + WAIT_MS;
            }
          }
          for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
            const answer = m.message as Answer;
            if ('model' in answer) received.set(answer.model, answer.fit);
            else figures.from = answer;
          }
          waitedMs += performance.now() - t0;
        };
        // Every fit still free is taken here first; then the thread's are waited for.
        const mine = MODELS.map((_, k) => Atomics.compareExchange(claims, k, FREE, HERE) === FREE);
        const fits = MODELS.map((model, k) => (mine[k] ? convergedFit(job.data, model) : undefined));
        for (let k = 0; k < MODELS.length; k++) {
          if (mine[k]) continue;
          waitFor(k);
          // Not received: the thread failed, or did not answer in time. The fit is the same made here.
          const model = MODELS[k]!;
          fits[k] = received.has(model) ? received.get(model)! : convergedFit(job.data, model);
        }
        const both = { bgnbd: fits[0]!, mbgnbd: fits[1]! };
        // The figures: made here when free (the thread takes them only after making both fits), else waited for.
        if (Atomics.compareExchange(claims, FIGURES, FREE, HERE) !== FREE) waitFor(FIGURES);
        stop();
        if (received.size > 0) onThread?.(waitedMs);
        return figures.from ? { fits: both, ...figures.from } : completeWork(job, both);
      };
    },
  };
}

/**
 * The fitting thread's work (run by cli/worker.mjs): wait for the job, take each fit still free,
 * then, when it made both, the figures if still free.
 */
export function runFitThread(setup: FitThreadSetup): void {
  const claims = new Int32Array(setup.claims);
  const done = new Int32Array(setup.done);
  const answer = (k: number, make: () => { message: Answer; transfer: ArrayBuffer[] }) => {
    try {
      const { message, transfer } = make();
      setup.port.postMessage(message, transfer);
      Atomics.store(done, k, POSTED);
    } catch {
      Atomics.store(done, k, FAILED);
    }
    Atomics.notify(done, k);
  };
  setup.port.once('message', (job: ModelJob) => {
    const made = new Map<PurchaseModelName, FittedParams | null>();
    for (let k = 0; k < MODELS.length; k++) {
      if (Atomics.compareExchange(claims, k, FREE, THERE) !== FREE) continue;
      answer(k, () => {
        const fit = convergedFit(job.data, MODELS[k]!);
        made.set(MODELS[k]!, fit);
        return { message: { model: MODELS[k]!, fit }, transfer: [] };
      });
    }
    if (made.size === MODELS.length && Atomics.compareExchange(claims, FIGURES, FREE, THERE) === FREE)
      answer(FIGURES, () => {
        const { points, figures } = completeWork(job, { bgnbd: made.get('bgnbd')!, mbgnbd: made.get('mbgnbd')! }, () => Atomics.add(done, PROGRESS, 1));
        // The arrays go to the CLI's thread without a copy.
        const arrays = [points.x, points.tx, points.T, points.count, points.pointOf, ...(figures ? [figures.pAlive, figures.expectedPurchases, figures.discounted, figures.pNoPurchase] : [])];
        return { message: { points, figures }, transfer: [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))] };
      });
    setup.port.close();
  });
}
