/**
 * The purchase model's per-customer figures (method §9), held column by column: the figures of each
 * distinct (x, t_x, T) once, each customer's point and expected spend. A customer's ModelFigures
 * object is made only when it is asked for, so scoring a million customers reads numbers from
 * arrays instead of making and looking up a million objects. It reads as a ReadonlyMap from key to
 * figures, in the order of the rows it was built from (a later row with the same key wins, as
 * Map.set would have it); each read makes a new figures object.
 */
import type { ModelFigures } from '../types';
import type { PurchaseModelName } from './bgnbd-likelihood';

/** The figures of the distinct points, one entry per point. */
export interface PointFigures {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  /** Expected purchases discounted over the horizon (CLV = this × expected spend). */
  discounted: Float64Array;
  pNoPurchase: Float64Array;
}

export class ModelFigureTable implements ReadonlyMap<string, ModelFigures> {
  /** Rows, as given (before any key repeats are resolved). */
  readonly count: number;
  #index: Map<string, number> | null = null;

  /**
   * `rowKeys[r]`: row r's customer; `pointOf[r]`: its distinct point; `spend[r]`: its expected spend
   * per purchase (NaN: none, shown as null).
   */
  constructor(
    private readonly rowKeys: readonly string[],
    private readonly pointOf: Int32Array,
    private readonly points: PointFigures,
    private readonly spend: Float64Array,
    readonly model: PurchaseModelName,
  ) {
    this.count = rowKeys.length;
  }

  /** P(alive) of row r. */
  pAliveAt(r: number): number {
    return this.points.pAlive[this.pointOf[r]!]!;
  }

  /** P(no purchase over the churn horizon) of row r. */
  pNoPurchaseAt(r: number): number {
    return this.points.pNoPurchase[this.pointOf[r]!]!;
  }

  /** Row r's figures as one object. */
  figuresAt(r: number): ModelFigures {
    const k = this.pointOf[r]!;
    const p = this.points;
    const s = this.spend[r]!;
    const expectedSpend = Number.isNaN(s) ? null : s;
    return {
      x: p.x[k]!,
      tx: p.tx[k]!,
      T: p.T[k]!,
      pAlive: p.pAlive[k]!,
      expectedPurchases: p.expectedPurchases[k]!,
      expectedSpend,
      clv: expectedSpend === null ? null : p.discounted[k]! * expectedSpend,
      pNoPurchase: p.pNoPurchase[k]!,
      purchaseModel: this.model,
    };
  }

  /**
   * For each of `count` customers keyed `keys`, its row (−1: the model has no figures for it).
   * Rows built from the same customers in the same order (a log's histories, a table's rows, some
   * left out) are matched by walking both lists once; otherwise each key is looked up.
   */
  rowsFor(keys: readonly string[], count: number): Int32Array {
    const out = new Int32Array(count).fill(-1);
    let i = 0;
    let inOrder = true;
    for (let r = 0; inOrder && r < this.count; r++) {
      const key = this.rowKeys[r]!;
      while (i < count && keys[i] !== key) i++;
      if (i === count) inOrder = false;
      else out[i++] = r;
    }
    if (inOrder) return out;
    const index = this.#keyIndex();
    for (let j = 0; j < count; j++) out[j] = index.get(keys[j]!) ?? -1;
    return out;
  }

  get size(): number {
    return this.#keyIndex().size;
  }

  get(key: string): ModelFigures | undefined {
    const r = this.#keyIndex().get(key);
    return r === undefined ? undefined : this.figuresAt(r);
  }

  has(key: string): boolean {
    return this.#keyIndex().has(key);
  }

  *entries(): MapIterator<[string, ModelFigures]> {
    for (const [key, r] of this.#keyIndex()) yield [key, this.figuresAt(r)];
  }

  keys(): MapIterator<string> {
    return this.#keyIndex().keys();
  }

  *values(): MapIterator<ModelFigures> {
    for (const r of this.#keyIndex().values()) yield this.figuresAt(r);
  }

  forEach(callback: (value: ModelFigures, key: string, map: ReadonlyMap<string, ModelFigures>) => void, thisArg?: unknown): void {
    for (const [key, r] of this.#keyIndex()) callback.call(thisArg, this.figuresAt(r), key, this);
  }

  [Symbol.iterator](): MapIterator<[string, ModelFigures]> {
    return this.entries();
  }

  /** Key → row, made on first use: with a repeated key the later row wins, at the first one's place. */
  #keyIndex(): Map<string, number> {
    if (this.#index === null) {
      const index = new Map<string, number>();
      for (let r = 0; r < this.count; r++) index.set(this.rowKeys[r]!, r);
      this.#index = index;
    }
    return this.#index;
  }
}
