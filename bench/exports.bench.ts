/**
 * Shapes of real exports, which the generated table (customer numbers ascending, ISO dates, plain
 * numbers) does not have: the same 200,000 customers with amounts written as Excel and finance
 * exports write them ('1,234.50', '¥1,234'), dates written dd/mm/yyyy, keyed by their Chinese names
 * (no customer-number column), in a shuffled order, and with each customer on two rows (merged).
 * Each is analysed as the CLI and Sheets do (analyzeLazily) and printed beside the plain table, each
 * with its ratio to the sort baseline.
 */
import { analyzeLazily } from '../shared/analyze';
import { generateCustomers } from '../shared/sample/generate-customers';
import { shuffledRows } from '../scripts/generate-bench-files';
import { time, type BenchContext } from './baseline';

const N = Number(process.env.RAPPORT_BENCH_EXPORTS_N ?? 200_000);
const AS_OF = '2026-11-28';

type Table = unknown[][];

const AMOUNTS = new Set(['本期销售额', '上期销售额', '利润', '服务成本', '客户采购总额', '潜在价值', '应收账款', '逾期金额', '信用额度']);
const DATES = new Set(['首次购买', '最近购买', '最近联系']);
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Every data cell of the columns `which` selects, rewritten by `f`. */
function rewrite(table: Table, which: (header: string) => boolean, f: (v: unknown) => unknown): Table {
  const header = table[0] as string[];
  const cols = header.map((h, i) => (which(h) ? i : -1)).filter((i) => i >= 0);
  return [header, ...table.slice(1).map((r) => {
    const out = [...r];
    for (const c of cols) out[c] = f(out[c]);
    return out;
  })];
}

export async function run(ctx: BenchContext): Promise<void> {
  const plain = generateCustomers(N, { seed: 7, asOf: AS_OF }) as Table;
  const shapes: [string, Table][] = [
    ['the generated table (ids ascending, ISO dates, plain numbers)', plain],
    ["amounts written '1,234.50'", rewrite(plain, (h) => AMOUNTS.has(h), (v) => (typeof v === 'number' ? v.toLocaleString('en-US', { minimumFractionDigits: 2 }) : v))],
    ["amounts written '¥1,234'", rewrite(plain, (h) => AMOUNTS.has(h), (v) => (typeof v === 'number' ? `¥${v.toLocaleString('en-US')}` : v))],
    ['dates written dd/mm/yyyy', rewrite(plain, (h) => DATES.has(h), (v) => (typeof v === 'string' ? v.replace(ISO, '$3/$2/$1') : v))],
    ['keyed by Chinese name (no customer number)', plain.map((r) => r.slice(1))],
    ['rows in a shuffled order', shuffledRows(plain, 17)],
    ['each customer on two rows (half as many customers)', [plain[0]!, ...plain.slice(1).map((r, i) => (i % 2 === 1 ? [plain[i]![0], ...r.slice(1)] : r))]],
  ];
  analyzeLazily(plain, { asOf: AS_OF }); // once, not counted: the first analysis also compiles the code
  const n = N.toLocaleString('en-US');
  let base = 0;
  for (const [name, table] of shapes) {
    const t = time(() => analyzeLazily(table, { asOf: AS_OF }));
    const a = t.value;
    if (base === 0) base = t.ms;
    const same = `${a.customers.length.toLocaleString('en-US')} customers, ${a.errors.length} errors`;
    ctx.report(`${n} customers, ${name}`, t.ms, `${(t.ms / base).toFixed(2)}× the generated table; ${same}`);
  }
}
