/**
 * One customer's purchase history as the transaction-log reader produces it (method §9).
 * `days` are distinct purchase days (integer days since 1970-01-01), ascending; `amounts` the gross
 * spend on each of those days (same length, may be 0); `returns` the total absolute value of the
 * customer's cancellations and negative lines (≥ 0).
 */
export interface PurchaseHistory {
  key: string;
  days: number[];
  amounts: number[];
  returns: number;
}
