import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main';
import { toDelimited } from '../../shared/csv/to-delimited';
import { generateCustomers } from '../../shared/sample/generate-customers';

async function analyzeText(name: string, csv: string, extra: string[] = []) {
  const file = join(mkdtempSync(join(tmpdir(), 'rapport-basis-')), name);
  writeFileSync(file, csv);
  let stdout = '';
  let stderr = '';
  const code = await main(['analyze', file, '--as-of', '2026-11-28', ...extra], (s) => (stdout += s), (s) => (stderr += s));
  return { code, stdout, stderr };
}

describe('the churn-risk basis line says where the risk comes from', () => {
  it('a generated table of 3,000 customers: the model, fitted where every customer has the same drop-out chance', async () => {
    // The generator draws every customer's drop-out from one small chance: the fit reaches the
    // limit of equal chances, and the churn risk starts from the model's probability.
    const csv = toDelimited(generateCustomers(3000, { seed: 7, asOf: '2026-11-28' }));
    const r = await analyzeText('customers.csv', csv);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/basis: the purchase model's chance of no order in the next 90 days \([\d,]+ customers\)/);
    expect(r.stdout).toMatch(/BG\/NBD \(weeks\): r = [\d.]+ {2}α = [\d.]+ {2}drop-out p = [\d.]+% for every customer \(a, b → ∞\)/);
    expect(r.stdout).not.toContain('not fitted');
    expect(r.stdout).toContain('(both fitted at the limit of one drop-out chance for everyone, with three parameters each)');
    const json = JSON.parse((await analyzeText('customers.csv', csv, ['--json'])).stdout);
    const model = json.summary.model;
    expect(model[model.model].sameDropout).toBe(true);
    expect(json.customers.filter((c: { churnRisk: { basis: string } }) => c.churnRisk.basis === 'model').length).toBeGreaterThan(2000);
  });

  it('a table with no purchase history: the warning signs, as there is nothing to model', async () => {
    const rows = [['客户名称', '销售额', '回款'], ...Array.from({ length: 30 }, (_, i) => [`客户${i}`, String(1000 + i * 37), String(900 + i * 11)])];
    const r = await analyzeText('plain.csv', toDelimited(rows));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('basis: warning signs only (no purchase history to model)');
  });

  it('a log too small for the model: the warning signs, and the notes say why the model gave nothing', async () => {
    const rows = [['Customer', 'Date', 'Amount'], ...Array.from({ length: 12 }, (_, i) => [`C${i % 4}`, `2026-0${1 + (i % 9)}-15`, '100'])];
    const r = await analyzeText('log.csv', toDelimited(rows));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('basis: warning signs only (the purchase model gave no figures; the notes below say why)');
    expect(r.stdout).toContain('Only 4 customers bought before the cut-off date');
  });
});
