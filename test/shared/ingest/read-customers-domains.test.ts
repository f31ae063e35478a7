/**
 * A customer's domains: those of its domain cell first, then its emails' company domains (free
 * mail left out), each once — for a single row and for a key repeated over rows.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../shared/analyze';

describe('customer domains', () => {
  const table = [
    ['Customer ID', 'Customer', 'Email', 'Website', 'Revenue'],
    ['K1', 'Acme', 'li@sales.acme.com.cn; wang@qq.com; zhao@acme-group.com', 'https://www.acme.com.cn/about', '100'],
    ['K2', 'Beta', 'ops@beta.co.uk', '', '50'],
    ['K3', 'Gamma', '', 'gamma.io, www.gamma.io', '20'],
    ['K2', 'Beta', 'cfo@beta-holdings.com; ops@beta.co.uk', 'beta.de', '5'],
  ];

  it('lists cell domains, then email company domains, each once', () => {
    const a = analyze(table, { asOf: '2026-11-28', model: false });
    const by = new Map(a.customers.map((c) => [c.key, c.domains]));
    expect(by.get('K1')).toEqual(['acme.com.cn', 'acme-group.com']);
    expect(by.get('K3')).toEqual(['gamma.io']);
    // Merged in a canonical order (by content, not position): the row whose emails sort first
    // ("cfo@…" before "ops@…") leads with its cell and email domains, then the other's new ones.
    expect(by.get('K2')).toEqual(['beta.de', 'beta-holdings.com', 'beta.co.uk']);
    const swapped = analyze([table[0]!, table[4]!, table[2]!], { asOf: '2026-11-28', model: false });
    expect(swapped.customers[0]!.domains).toEqual(['beta.de', 'beta-holdings.com', 'beta.co.uk']);
  });
});
