/**
 * BufferedOutput: a sink that takes bytes gets, in UTF-8, exactly the text a sink of text gets,
 * whatever the sizes of the pieces written (parts far larger than its buffer included).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BufferedOutput, type Sink } from '../../cli/output';

/** A sink of text and one of bytes, each gathering what it is given. */
function sinks() {
  let text = '';
  const blocks: Buffer[] = [];
  const textSink: Sink = (t) => {
    text += t;
  };
  const byteSink: Sink = Object.assign(() => {
    throw new Error('a sink taking bytes is given bytes');
  }, {
    bytes: (b: Uint8Array) => {
      blocks.push(Buffer.from(b)); // a copy: the output reuses its buffer once this returns
    },
  });
  return { textSink, byteSink, text: () => text, bytes: () => Buffer.concat(blocks) };
}

describe('BufferedOutput', () => {
  it('property: the bytes are the UTF-8 of the text, in order, for pieces of any size and script', () => {
    const piece = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', ',', '\n', '"', '张', '客', '€', '😀', '𠀋'), maxLength: 40 }),
      fc.integer({ min: 1, max: 3_000_000 }).map((n) => '客'.repeat(n)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const s = sinks();
        const byText = new BufferedOutput(s.textSink);
        const byBytes = new BufferedOutput(s.byteSink);
        for (const p of pieces) {
          byText.write(p);
          byBytes.write(p);
        }
        byText.flush();
        byBytes.flush();
        expect(s.text()).toBe(pieces.join(''));
        expect(s.bytes().equals(Buffer.from(s.text(), 'utf8'))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('hands on nothing until a block is full or it is flushed, and nothing for an empty flush', () => {
    const calls: number[] = [];
    const out = new BufferedOutput(Object.assign(() => {}, { bytes: (b: Uint8Array) => calls.push(b.length) }));
    out.write('abc');
    expect(calls).toEqual([]);
    out.flush();
    out.flush();
    expect(calls).toEqual([3]);
  });
});
