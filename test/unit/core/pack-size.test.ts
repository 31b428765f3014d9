import { describe, expect, it } from 'vitest';
import { packSize } from '../../../src/core/rules/pack-size.js';
import { context, line, order, widget } from './core-fixtures.js';

describe('pack-size', () => {
  it('holds a quantity that is not a whole number of packs, suggesting the next one up', () => {
    const lines = [line({ lineNumber: '1', quantity: '12' }), line({ lineNumber: '2', quantity: '13' })];
    const findings = packSize.check(order({ lines }), context());
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'pack-size',
      severity: 'hold',
      lineNumber: '2',
      data: { quantity: '13', packSize: '6', suggestedQuantity: '18', itemId: 'W-1', uom: 'EA' },
    });
    expect(findings[0]?.message).toContain('not a multiple of the pack of 6');
  });

  it('accepts multiples written with a scale', () => {
    expect(packSize.check(order({ lines: [line({ quantity: '18.000' })] }), context())).toEqual([]);
  });

  it('works on decimal pack sizes exactly (0.3 is a multiple of 0.1)', () => {
    const catalog = { items: [{ ...widget, units: [{ uom: 'LB', packSize: '0.1' }] }] };
    expect(
      packSize.check(order({ lines: [line({ uom: 'LB', quantity: '0.3' })] }), context({ catalog })),
    ).toEqual([]);
    expect(
      packSize.check(order({ lines: [line({ uom: 'LB', quantity: '0.35' })] }), context({ catalog })),
    ).toHaveLength(1);
  });

  it('applies the pack of the unit ordered only', () => {
    // CA has no pack size in the fixture catalog.
    expect(packSize.check(order({ lines: [line({ uom: 'CA', quantity: '7' })] }), context())).toEqual([]);
  });
});
