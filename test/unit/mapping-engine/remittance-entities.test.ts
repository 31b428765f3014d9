import { describe, expect, it } from 'vitest';
import type { Remittance } from '../../../src/canonical/index.js';
import { readSample, readText, renderedBody } from './sample-documents.js';

const header = ['BPR*I*45*C*CHK************20240301', 'TRN*1*T-1'];

describe('820 items and adjustments name the ENT they sit under', () => {
  // Two ENT loops: an adjustment and two items under the first, an item with its own ADX under the second.
  const entities = [
    'ENT*1',
    'ADX*-5*01',
    'RMR*IV*INV-1**20',
    'RMR*IV*INV-2**10',
    'ENT*2',
    'RMR*IV*INV-3**15',
    'ADX*-1*59',
  ];
  const remittance = readText('820', 'remittance', [...header, ...entities]);

  it('reads ENT01 into each item and each adjustment of the ENT loop', () => {
    expect(remittance.entities).toEqual([{ assignedNumber: 1 }, { assignedNumber: 2 }]);
    expect(remittance.items.map((i) => [i.referenceId, i.entityNumber])).toEqual([
      ['INV-1', 1],
      ['INV-2', 1],
      ['INV-3', 2],
    ]);
    expect(remittance.adjustments).toEqual([{ entityNumber: 1, amount: '-5', reasonCode: '01' }]);
    // An ADX inside the RMR loop belongs to its item, not to the entity.
    expect(remittance.items[2]?.adjustments).toEqual([{ amount: '-1', reasonCode: '59' }]);
  });

  it('writes each item back under its own ENT, with no ENT of their own', () => {
    expect(renderedBody(remittance, 'x12/004010/820', '004010', 'RA').slice(2)).toEqual(entities);
  });

  it('keeps the entity numbers of a sample with several ENT loops', () => {
    const sample = readSample(
      '820/stupidedi__005010_X306-RA820_pass_final-hix-820-aptc-adjustments.edi',
      'remittance',
    );
    expect(sample.items.map((i) => i.entityNumber)).toEqual([1, 1, 1, 1, 1, 2, 2, 2]);
  });

  it('writes items that name no entity after an ENT of their own, and refuses items naming a missing one', () => {
    const handWritten: Remittance = {
      ...remittance,
      entities: [{ assignedNumber: 1 }],
      items: [
        { entityNumber: 1, referenceQualifier: 'IV', referenceId: 'INV-1', amountPaid: '20' },
        { referenceQualifier: 'IV', referenceId: 'INV-9', amountPaid: '25' },
      ],
      adjustments: [],
    };
    expect(renderedBody(handWritten, 'x12/004010/820', '004010', 'RA').slice(2)).toEqual([
      'ENT*1',
      'RMR*IV*INV-1**20',
      'ENT',
      'RMR*IV*INV-9**25',
    ]);
    const orphan: Remittance = {
      ...handWritten,
      items: [{ entityNumber: 7, referenceQualifier: 'IV', referenceId: 'INV-7' }],
    };
    expect(() => renderedBody(orphan, 'x12/004010/820', '004010', 'RA')).toThrow(
      'items[0] has entityNumber 7 (matched against assignedNumber), which no object it belongs under has',
    );
  });
});
