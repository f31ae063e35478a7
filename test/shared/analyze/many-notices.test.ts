/**
 * Tables that give more notices than a function call takes arguments (about 120,000 here): a sheet
 * range or an Excel export with 200,000 trailing blank rows, a table where every key appears twice.
 * Every skipped row and every merge is still told, and the counts add up.
 */
import { describe, expect, it } from 'vitest';
import { analyze, analyzeLazily } from '../../../shared/analyze';

const BLANKS = 200_000;
const blankRows = () => Array.from({ length: BLANKS }, () => ['', '', '']);

describe('200,000 notices', () => {
  for (const f of [analyze, analyzeLazily]) {
    it(`${f.name}: a customer table with ${BLANKS.toLocaleString('en-US')} blank rows after its data`, () => {
      const a = f([['客户名称', '销售额', '利润'], ['甲', '100', '10'], ['乙', '50', '5'], ...blankRows()], { asOf: '2026-11-28' });
      expect(a.customers.length).toBe(2);
      expect(a.summary.rows).toEqual({ read: BLANKS + 2, accepted: 2, rejected: 0, skipped: BLANKS });
      const skipped = a.notices.filter((n) => n.code === 'skipped_blank');
      expect(skipped.length).toBe(BLANKS);
      expect([skipped[0]!.row, skipped[BLANKS - 1]!.row]).toEqual([4, BLANKS + 3]);
    });

    it(`${f.name}: a transaction log with ${BLANKS.toLocaleString('en-US')} blank rows after its data`, () => {
      const a = f([['客户编号', '日期', '金额'], ['C1', '2026-01-05', '100'], ['C1', '2026-03-05', '80'], ...blankRows()], { asOf: '2026-11-28' });
      expect(a.kind).toBe('transactions');
      expect(a.customers.length).toBe(1);
      expect(a.notices.filter((n) => n.code === 'skipped_blank').length).toBe(BLANKS);
    });
  }

  it('a customer table where each of 160,000 keys appears twice: 160,000 merges, each told', () => {
    const rows: string[][] = [['客户编号', '销售额']];
    for (let i = 0; i < 160_000; i++) rows.push([`K${i}`, '10'], [`K${i}`, '5']);
    const a = analyzeLazily(rows, { asOf: '2026-11-28' });
    expect(a.customers.length).toBe(160_000);
    expect(a.summary.rows).toMatchObject({ read: 320_000, accepted: 320_000 });
    expect(a.notices.filter((n) => n.code === 'duplicate_key').length).toBe(160_000);
    expect(a.customers.at(0).revenue).toBe(15);
  });
});
