/**
 * Summarising a log groups each customer's lines and sums same-day lines: checked on a customer
 * with a long history (80 lines on 40 days, one cancellation) written in a scrambled row order.
 */
import { describe, expect, it } from 'vitest';
import { readTransactions } from '../../../shared/ingest/read-transactions';

const day = (d: number) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);

function log(): string[][] {
  const lines: string[][] = [];
  // Customer A: on each day d = 0..39, one line of 10 and one of d + 1 → day total d + 11.
  for (let d = 0; d < 40; d++) lines.push(['A', day(d), '10'], ['A', day(d), String(d + 1)]);
  lines.push(['A', day(5), '-100']);
  lines.push(['B', day(3), '7']);
  // A fixed scramble: every 7th line first, then the rest backwards.
  const order = lines.map((_, i) => i).sort((p, q) => (p % 7 === 0 ? 0 : 1) - (q % 7 === 0 ? 0 : 1) || q - p);
  return [['Customer ID', 'Date', 'Amount'], ...order.map((i) => lines[i]!)];
}

describe('transaction log grouping', () => {
  const r = readTransactions(log(), { asOf: '2024-03-01' });
  const a = r.customers.toInputs().find((c) => c.key === 'A')!;
  const h = r.histories.find((c) => c.key === 'A')!;

  it('one purchase per distinct day, ascending, with the day total', () => {
    expect(h.days.length).toBe(40);
    for (let k = 0; k < 40; k++) {
      expect(h.days[k]).toBe(Date.UTC(2024, 0, 1 + k) / 86400000);
      expect(h.amounts[k]).toBe(k + 11);
    }
    expect(h.returns).toBe(100);
  });

  it('orders, dates and revenue net of the cancellation (Σ (d + 11) for d < 40 = 1220, less 100)', () => {
    expect(a.orders).toBe(40);
    expect(a.firstPurchase).toBe(Date.UTC(2024, 0, 1) / 86400000);
    expect(a.lastPurchase).toBe(Date.UTC(2024, 1, 9) / 86400000);
    expect(a.revenue).toBe(1120);
    expect(a.revenuePrev).toBeNull();
  });

  it('every line of the customer is listed, in row order; customers in key order', () => {
    expect(a.rows.length).toBe(81);
    expect([...a.rows].sort((p, q) => p - q)).toEqual(a.rows);
    expect(r.customers.toInputs().map((c) => c.key)).toEqual(['A', 'B']);
    expect(r.customers.toInputs()[1]!.rows.length).toBe(1);
    expect(r.rows).toEqual({ read: 82, accepted: 82, rejected: 0, skipped: 0 });
  });
});

describe('email lists of a log’s customers', () => {
  it('a customer without email has empty lists; each built customer has lists of its own', () => {
    const r = readTransactions(
      [
        ['Customer ID', 'Date', 'Amount', 'Email'],
        ['A', '2024-01-02', '5', ''],
        ['B', '2024-01-03', '7', 'zed@acme.com; amy@acme.com'],
        ['C', '2024-01-04', '9', ''],
      ],
      { asOf: '2024-03-01' },
    );
    const [a, b, c] = r.customers.toInputs();
    expect(a!.emails).toEqual([]);
    expect(a!.domains).toEqual([]);
    a!.emails.push('x@y.com');
    expect(c!.emails).toEqual([]);
    expect(r.customers.inputAt(0).emails).toEqual([]);
    expect(b!.emails).toEqual(['amy@acme.com', 'zed@acme.com']);
    expect(b!.domains).toEqual(['acme.com']);
    b!.emails.push('new@acme.com');
    expect(c!.emails).toEqual([]);
    expect(r.customers.inputAt(1).emails).toEqual(['amy@acme.com', 'zed@acme.com']);
  });
});
