/**
 * Customers built on demand (CustomerList): from the scored table, for surfaces that write a
 * million customers one at a time, or over an array of customers already built.
 */
import type { Customer, CustomerList } from './types';
import type { CustomerColumns } from './ingest/customer-columns';
import type { ScoredTable } from './score-customers';

/** The list of a scored table's customers; `fromModel` as the summary counted it. */
export function scoredList(scored: ScoredTable, inputs: CustomerColumns, modelFigures: boolean, fromModel: number): CustomerList {
  return {
    length: scored.count,
    at: scored.customerAt,
    tierOf: (i) => scored.tiers[i]!,
    scoreOf: (i) => scored.valueScores[i]!,
    keyOf: (i) => inputs.key[i]!,
    rowsOf: (i) => inputs.rowsAt(i),
    modelFigures,
    fromModel,
    *[Symbol.iterator]() {
      for (let i = 0; i < scored.count; i++) yield scored.customerAt(i);
    },
  };
}

/** The same interface over customers already built (an Analysis's `customers`). */
export function listOf(customers: readonly Customer[]): CustomerList {
  return {
    length: customers.length,
    at: (i) => customers[i]!,
    tierOf: (i) => customers[i]!.tier,
    scoreOf: (i) => customers[i]!.valueScore.score,
    keyOf: (i) => customers[i]!.key,
    rowsOf: (i) => customers[i]!.rows,
    modelFigures: customers.some((c) => c.pAlive !== undefined),
    fromModel: customers.filter((c) => c.churnRisk.basis === 'model').length,
    [Symbol.iterator]: () => customers[Symbol.iterator](),
  };
}

/** A CustomerList as it is, or an array of customers as one. */
export function asList(customers: readonly Customer[] | CustomerList): CustomerList {
  return Array.isArray(customers) ? listOf(customers) : (customers as CustomerList);
}
