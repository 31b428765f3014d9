import { describe, expect, it } from 'vitest';
import { createX12Reader, readX12 } from '../../../src/x12/reader/index.js';
import type { TransactionSet } from '../../../src/x12/envelope.js';
import { PO_BODY, sample } from './sample.js';

describe('delimiters come from each ISA', () => {
  it('reads the common * > ~ set', () => {
    const { interchanges, transactionSets } = readX12(sample());
    expect(interchanges[0]?.delimiters).toEqual({
      element: '*',
      component: '>',
      segment: '~',
      repetition: undefined,
    });
    expect(transactionSets[0]?.segments.map((s) => s.id)).toEqual(['ST', 'BEG', 'PO1', 'CTT', 'SE']);
    expect(transactionSets[0]?.segments[2]?.value(4)).toBe('2.50');
  });

  it('reads | ^ : with a repetition separator in 00501 and splits composites and repetitions', () => {
    const text = sample({
      element: '|',
      component: ':',
      version: '00501',
      repetition: '^',
      gsVersion: '005010',
      sets: [['BEG*00*SA*PO-1**20240115', 'REF*ZZ*A^B', 'MEA*PD*G*12*LB:2']],
    });
    const { interchanges, transactionSets } = readX12(text);
    expect(interchanges[0]?.delimiters).toEqual({
      element: '|',
      component: ':',
      segment: '~',
      repetition: '^',
    });
    const ref = transactionSets[0]?.segments[2];
    expect(ref?.repeats(2)).toEqual(['A', 'B']);
    expect(transactionSets[0]?.segments[3]?.components(4)).toEqual(['LB', '2']);
    expect(ref?.toJSON()).toEqual({ id: 'REF', elements: ['ZZ', ['A', 'B']] });
  });

  it('does not take U in ISA11 of 00401 for a repetition separator', () => {
    const { interchanges } = readX12(sample({ version: '00401' }));
    expect(interchanges[0]?.delimiters.repetition).toBeUndefined();
  });

  it('accepts a newline as the terminator, CR/LF after terminators, a BOM and tab indentation', () => {
    for (const text of [
      sample({ segment: '\n' }),
      sample({ segment: '~\r\n' }),
      '\uFEFF' + sample(),
      sample().replaceAll('~', '~\n\t\t'),
      '  \r\n' + sample({ segment: '\r\n' }),
    ]) {
      const { interchanges, transactionSets, diagnostics } = readX12(text);
      expect(diagnostics).toEqual([]);
      expect(interchanges[0]?.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(transactionSets[0]?.segments.map((s) => s.id)).toEqual(['ST', 'BEG', 'PO1', 'CTT', 'SE']);
    }
  });

  it('reads a file hard-wrapped at 80 columns, breaks inside elements included', () => {
    const flat = sample();
    const wrapped = flat.match(/.{1,80}/g)?.join('\n') ?? '';
    const { transactionSets, interchanges } = readX12(wrapped);
    expect(interchanges[0]?.date).toBe('240115');
    expect(transactionSets[0]?.segments.map((s) => s.toX12()).join('~')).toBe(
      readX12(flat)
        .transactionSets[0]?.segments.map((s) => s.toX12())
        .join('~'),
    );
  });

  it('reads a multi-byte terminator character (U+2026)', () => {
    const { transactionSets } = readX12(Buffer.from(sample({ segment: '…' }), 'utf8'));
    expect(transactionSets[0]?.segments.map((s) => s.id)).toEqual(['ST', 'BEG', 'PO1', 'CTT', 'SE']);
  });

  it('reads several interchanges with different delimiters in one file', () => {
    const text =
      sample({ isa13: '000000001' }) +
      '\n' +
      sample({ element: '|', component: ':', segment: '\n', isa13: '000000002' });
    const { interchanges, transactionSets } = readX12(text);
    expect(interchanges.map((i) => [i.controlNumber, i.delimiters.element, i.delimiters.segment])).toEqual([
      ['000000001', '*', '~'],
      ['000000002', '|', '\n'],
    ]);
    expect(transactionSets).toHaveLength(2);
    expect(transactionSets[1]?.segments[1]?.value(3)).toBe('PO-1001');
  });

  it('gives the same result whatever the chunk boundaries', () => {
    const text = sample({ sets: [PO_BODY, PO_BODY] }) + sample({ segment: '\n', isa13: '000000002' });
    const whole = readX12(text);
    for (const size of [1, 2, 7, 64]) {
      const sets: string[] = [];
      const bytes = Buffer.from(text);
      const reader = createX12Reader({
        transactionSet: (s: TransactionSet) => sets.push(s.segments.map((x) => x.toX12()).join('|')),
      });
      for (let i = 0; i < bytes.length; i += size) reader.push(bytes.subarray(i, i + size));
      reader.end();
      expect(sets).toEqual(whole.transactionSets.map((s) => s.segments.map((x) => x.toX12()).join('|')));
    }
  });

  it('knows line and column of every segment', () => {
    const { transactionSets } = readX12(sample({ segment: '~\n' }));
    const beg = transactionSets[0]?.segments[1];
    expect(beg?.location).toMatchObject({ line: 4, column: 1, index: 4 });
  });
});
