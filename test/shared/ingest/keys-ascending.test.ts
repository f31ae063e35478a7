/**
 * CustomerColumns.keysAscending is set by the readers, and the ranks trust it to break ties by slot
 * instead of comparing keys: whenever a reader sets it, its customers' keys ascend strictly (as
 * JavaScript compares texts), whatever the rows' order, repeated keys or the keys' script.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readCustomers } from '../../../shared/ingest/read-customers';
import { readTransactions } from '../../../shared/ingest/read-transactions';
import { matchHeaders } from '../../../shared/ingest/headers';
import type { CustomerColumns } from '../../../shared/ingest/customer-columns';

const key = fc.oneof(
  fc.constantFrom('C1', 'C10', 'C2', 'c1', '10', '9', '张三', '李四', '张三丰', 'Zoë', 'zoe', ' C1 ', '12348.0', '12348'),
  fc.string({ minLength: 1, maxLength: 4 }),
);

function ascendingWhenSaid(customers: CustomerColumns): void {
  expect(customers.keysAscending).toBe(true);
  const keys = customers.key.slice(0, customers.count);
  for (let i = 1; i < keys.length; i++) expect(keys[i - 1]! < keys[i]!).toBe(true);
}

describe('keysAscending', () => {
  it('property: a customer table read in any order, with repeated keys, says so and its keys ascend', () => {
    const columns = matchHeaders(['ID', 'Revenue']).columns;
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.integer({ min: 0, max: 1000 })), { minLength: 1, maxLength: 60 }), (rows) => {
        const r = readCustomers([['ID', 'Revenue'], ...rows.map(([k, v]) => [k, String(v)])], columns, 'en', 1);
        ascendingWhenSaid(r.customers);
      }),
      { numRuns: 300 },
    );
  });

  it('property: a log read in any order says so and its customers’ keys ascend', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.constantFrom('2024-01-05', '2024-03-01', '2023-12-31'), fc.integer({ min: 1, max: 500 })), { minLength: 1, maxLength: 60 }), (rows) => {
        const r = readTransactions([['Customer ID', 'Date', 'Amount'], ...rows.map(([k, d, a]) => [k, d, String(a)])], { asOf: '2024-06-30' });
        ascendingWhenSaid(r.customers);
      }),
      { numRuns: 300 },
    );
  });

  it('columns made any other way do not say so', () => {
    const r = readCustomers([['ID', 'Revenue'], ['b', '1'], ['a', '2']], matchHeaders(['ID', 'Revenue']).columns, 'en', 1);
    expect(r.customers.select([1, 0]).keysAscending).toBe(false);
  });
});
