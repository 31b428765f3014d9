import { describe, expect, it } from 'vitest';
import { comparePrice } from '../../../src/core/index.js';
import { priceMismatch } from '../../../src/core/rules/price-mismatch.js';
import { context, line, order } from './core-fixtures.js';

function check(unitPrice: string | undefined, tolerancePercent: string, extra = {}) {
  const { unitPrice: _, ...unpriced } = line();
  const lines = [unitPrice === undefined ? unpriced : line({ unitPrice })];
  return priceMismatch.check(
    order({ lines }),
    context({
      partner: { partnerId: 'acme', priceTolerancePercent: tolerancePercent, currency: 'USD' },
      ...extra,
    }),
  );
}

describe('price-mismatch', () => {
  it('accepts the list price exactly, whatever the scale', () => {
    expect(check('10', '0')).toEqual([]);
    expect(check('10.0000', '0')).toEqual([]);
  });

  it('holds 9.995 against 10.00 at 0% tolerance, with the facts', () => {
    const findings = check('9.995', '0');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'price-mismatch',
      severity: 'hold',
      lineNumber: '1',
      data: {
        expectedPrice: '10.00',
        actualPrice: '9.995',
        difference: '-0.005',
        differencePercent: '-0.05',
        tolerancePercent: '0',
        priceSource: 'list',
        itemId: 'W-1',
        uom: 'EA',
      },
    });
    expect(findings[0]?.message).toContain("the buyer's price 9.995 differs from our list price 10.00");
  });

  it('lets 9.995 against 10.00 pass at 0.1% tolerance (0.01 allowed)', () => {
    expect(check('9.995', '0.1')).toEqual([]);
  });

  it('counts the tolerance boundary as within, and a hair beyond as out', () => {
    expect(check('10.01', '0.1')).toEqual([]);
    expect(check('9.99', '0.1')).toEqual([]);
    expect(check('10.0100000001', '0.1')).toHaveLength(1);
    expect(check('9.9899999999', '0.1')).toHaveLength(1);
  });

  it('compares without binary float error (0.1 + 0.2 style values)', () => {
    expect(comparePrice('0.3', '0.3', '0').withinTolerance).toBe(true);
    expect(comparePrice('0.30000000000000004', '0.3', '0').withinTolerance).toBe(false);
  });

  it('prefers the partner contract price to the list price', () => {
    const entries = [
      { itemId: 'W-1', uom: 'EA', unitPrice: '10.00' },
      { itemId: 'W-1', uom: 'EA', unitPrice: '9.50', partnerId: 'acme', contractNumber: 'C-7' },
      { itemId: 'W-1', uom: 'EA', unitPrice: '8.00', partnerId: 'other' },
    ];
    expect(check('9.50', '0', { priceList: { entries } })).toEqual([]);
    const findings = check('10.00', '0', { priceList: { entries } });
    expect(findings[0]?.data).toMatchObject({
      expectedPrice: '9.50',
      priceSource: 'contract',
      contractNumber: 'C-7',
    });
  });

  it('holds a line we have no price for in that unit', () => {
    const findings = check('10.00', '0', { priceList: { entries: [] } });
    expect(findings[0]).toMatchObject({ severity: 'hold', lineNumber: '1', data: { actualPrice: '10.00' } });
    expect(findings[0]?.message).toContain('no price on file');
  });

  it('only notes a line sent without a price', () => {
    const findings = check(undefined, '0');
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        data: expect.objectContaining({ expectedPrice: '10.00' }) as unknown,
      }),
    ]);
  });

  it('leaves unknown items and units to their own rules', () => {
    const lines = [
      line({ ids: { sku: 'NOPE' }, unitPrice: '1' }),
      line({ lineNumber: '2', uom: 'PL', unitPrice: '1' }),
    ];
    expect(priceMismatch.check(order({ lines }), context())).toEqual([]);
  });
});
