import { describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../cli/analyze-command';
import { BufferedOutput } from '../../cli/output';
import { terminalProgress, type Progress } from '../../cli/progress';

describe('progress line', () => {
  it('redraws one line in place (carriage return, clear to end of line) and clears it at the end', () => {
    let text = '';
    const p = terminalProgress('en', (s) => (text += s));
    p.reading(5e6, 10e6, 1234);
    p.stage('analysing: 1,234 rows');
    p.done();
    expect(text).toBe('\r\x1b[Kreading: 5 of 10 MB (50%), 1,234 rows\r\x1b[Kanalysing: 1,234 rows\r\x1b[K');
  });

  it('in Chinese', () => {
    let text = '';
    terminalProgress('zh', (s) => (text += s)).reading(5e6, 10e6, 1234);
    expect(text).toBe('\r\x1b[K读取中: 5 / 10 MB (50%), 1,234 行');
  });

  it('goes through reading → analysing → writing, with counts, for input of unknown size (stdin)', async () => {
    const events: string[] = [];
    const progress: Progress = {
      reading: (b, t, r) => events.push(`reading ${b} ${t} ${r}`),
      stage: (s) => events.push(s),
      writing: (d, t, u) => events.push(`writing ${d}/${t} ${u}`),
      done: () => events.push('done'),
    };
    let out = '';
    const bytes = new TextEncoder().encode('Customer,Revenue\nA,10\nB,5\n');
    const code = await analyzeCommand(['-', '--csv'], 'en', { out: new BufferedOutput((s) => (out += s)), err: () => {}, stdin: () => [bytes], progress });
    expect(code).toBe(0);
    expect(events).toEqual([`reading ${bytes.length} ${bytes.length} 0`, `reading ${bytes.length} ${bytes.length} 3`, 'analysing: 3 rows (tiers, lifecycle, risk, model)', 'writing: 2 customers', 'done']);
  });
});
