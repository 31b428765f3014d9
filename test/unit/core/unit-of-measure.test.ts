import { describe, expect, it } from 'vitest';
import { unitOfMeasure } from '../../../src/core/rules/unit-of-measure.js';
import { context, line, order } from './core-fixtures.js';

describe('unit-of-measure', () => {
  it('holds a line in a unit the item is not sold in', () => {
    const lines = [line({ lineNumber: '1' }), line({ lineNumber: '2', uom: 'PL' })];
    const findings = unitOfMeasure.check(order({ lines }), context());
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'unit-of-measure',
        severity: 'hold',
        lineNumber: '2',
        data: { itemId: 'W-1', actualUom: 'PL', expectedUoms: 'EA, CA' },
      }),
    ]);
    expect(findings[0]?.message).toBe(
      'Line 2: item W-1 is not sold in PL (sold in EA, CA); ask the buyer to reorder in a unit we sell.',
    );
  });

  it('accepts every unit the item is sold in, case-blind', () => {
    const lines = [line({ uom: 'EA' }), line({ lineNumber: '2', uom: 'ca', quantity: '2' })];
    expect(unitOfMeasure.check(order({ lines }), context())).toEqual([]);
  });

  it('leaves unknown items to the unknown-sku rule', () => {
    expect(
      unitOfMeasure.check(order({ lines: [line({ ids: { sku: 'NOPE' }, uom: 'PL' })] }), context()),
    ).toEqual([]);
  });
});
