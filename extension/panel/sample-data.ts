/**
 * The built-in sample customers (the core's `generateCustomers`), imported through the same path
 * as a user's table, so a newcomer sees the panel work without any data of their own.
 */
import { generateCustomers } from '../../shared/sample/generate-customers';
import type { RapportDB } from '../db/database';
import { commitImport, previewImport, type AnalyzeContext } from '../db/import-table';
import { toDelimited } from '../../shared/csv/to-delimited';

export const SAMPLE_SIZE = 60;
export const SAMPLE_SEED = 7;

export async function loadSampleCustomers(db: RapportDB, ctx: AnalyzeContext): Promise<number> {
  const table = generateCustomers(SAMPLE_SIZE, { seed: SAMPLE_SEED, lang: ctx.lang });
  const preview = previewImport(toDelimited(table), 'sample', ctx);
  await commitImport(db, preview, ctx);
  return preview.analysis.customers.length;
}
