import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextColumn } from '../../../shared/ingest/text-column';
import { CustomerColumns } from '../../../shared/ingest/customer-columns';
import { emptyInput } from '../../../shared/ingest/customer-input';

/** Texts as people's names and addresses come: any UTF-16 (lone surrogates too), empty, or long. */
const text = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.integer({ min: 8000, max: 20_000 }).map((n) => '长'.repeat(n) + 'x') },
);
const value = fc.option(text, { nil: null, freq: 4 });

describe('TextColumn', () => {
  it('property: holds what was set or kept, through growing, re-setting, select and pack/unpack', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 60 }), fc.array(fc.tuple(fc.nat(), value), { maxLength: 20 }), fc.integer({ min: 1, max: 8 }), (values, rewrites, capacity) => {
        const col = new TextColumn(capacity, 1);
        const model: (string | null)[] = [];
        values.forEach((v, j) => {
          col.grow(j + 1 > col.capacity ? col.capacity * 2 : 0);
          // every third text kept as the string it is, the others copied
          if (v !== null && j % 3 === 1) col.keep(j, v);
          else col.set(j, v);
          model[j] = v;
        });
        for (const [at, v] of rewrites) {
          const j = at % values.length;
          col.set(j, v);
          model[j] = v;
        }
        for (let j = 0; j < model.length; j++) {
          expect(col.get(j)).toBe(model[j]);
          expect(col.isNull(j)).toBe(model[j] === null);
        }
        // select: any order, slots repeated or left out
        const order = Uint32Array.from(values.map((_, i) => (i * 7 + 3) % values.length));
        const picked = col.select(order);
        for (let i = 0; i < order.length; i++) expect(picked.get(i)).toBe(model[order[i]!]);
        // pack the first slots and write them after two slots of another column
        const n = Math.ceil(values.length / 2);
        const other = new TextColumn(2);
        other.set(0, 'a');
        other.set(1, null);
        other.grow(2 + n);
        other.unpack(col.pack(n), 2);
        expect(other.get(0)).toBe('a');
        expect(other.get(1)).toBeNull();
        for (let j = 0; j < n; j++) expect(other.get(2 + j)).toBe(model[j]);
      }),
      { numRuns: 200, seed: 20261201 },
    );
  });

  it('a new slot is null; a text is copied, not kept', () => {
    const col = new TextColumn(3);
    expect(col.get(2)).toBeNull();
    const s = ['上海', '华信'].join('');
    col.set(0, s);
    col.set(1, '');
    expect(col.get(0)).toBe('上海华信');
    expect(col.get(1)).toBe('');
    expect(col.get(2)).toBeNull();
  });
});

describe('CustomerColumns names and addresses', () => {
  it('a customer without a name shows its key; addresses come back as the list set, one, several or none', () => {
    const cols = new CustomerColumns(2);
    const a = cols.add('C-1', 2);
    const b = cols.add('C-2', 3);
    const c = cols.add('C-3', 4); // past the first capacity: the columns grow
    cols.name.set(b, '华信机械');
    cols.setEmails(a, ['a@x.cn', 'b@y.com']);
    cols.setEmails(b, ['li@huaxin.cn']);
    expect(cols.inputAt(a).name).toBe('C-1');
    expect(cols.inputAt(b).name).toBe('华信机械');
    expect(cols.inputAt(a).emails).toEqual(['a@x.cn', 'b@y.com']);
    expect(cols.inputAt(b).emails).toEqual(['li@huaxin.cn']);
    expect(cols.inputAt(c).emails).toEqual([]);
    // set writes a whole input; select keeps each customer's own texts
    cols.set(c, { ...emptyInput('C-3', 4), name: 'Contoso', emails: ['x@contoso.com'] });
    const back = cols.select([2, 0, 1]);
    expect([0, 1, 2].map((i) => back.inputAt(i).name)).toEqual(['Contoso', 'C-1', '华信机械']);
    expect(back.inputAt(1).emails).toEqual(['a@x.cn', 'b@y.com']);
    // the rules' reuse of one object: no lists, the key for the name
    expect(back.fill(0, emptyInput('', 0), false).name).toBe('C-3');
  });
});
