/** Small helpers for the analyze tests: build tables and find customers by key. */
import type { Analysis, Customer } from '../../../shared/types';

export function byKey(a: Analysis, key: string): Customer {
  const c = a.customers.find((x) => x.key === key);
  if (!c) throw new Error(`no customer ${key}; have ${a.customers.map((x) => x.key).join(', ')}`);
  return c;
}

export function keys(a: Analysis): string[] {
  return a.customers.map((c) => c.key).sort();
}

export function noticeCodes(a: Analysis): string[] {
  return a.notices.map((n) => n.code);
}
