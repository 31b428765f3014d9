import { describe, expect, it } from 'vitest';
import { minimumOrderQuantity } from '../../../src/core/rules/minimum-order-quantity.js';
import { context, line, order } from './core-fixtures.js';

const partnerMinimum = context({
  partner: { partnerId: 'acme', priceTolerancePercent: '0', currency: 'USD', minimumOrderQuantity: '12' },
});

describe('minimum-order-quantity', () => {
  it("holds a line below the catalog unit's minimum", () => {
    const lines = [line({ lineNumber: '1' }), line({ lineNumber: '2', uom: 'CA', quantity: '1' })];
    const findings = minimumOrderQuantity.check(order({ lines }), context());
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'minimum-order-quantity',
        severity: 'hold',
        lineNumber: '2',
        data: { quantity: '1', uom: 'CA', minimum: '2', minimumSource: 'catalog', itemId: 'W-1' },
      }),
    ]);
    expect(findings[0]?.message).toContain('below the minimum order quantity of 2');
  });

  it("falls back to the partner's minimum, and accepts the minimum itself", () => {
    const lines = [line({ lineNumber: '1', quantity: '12.00' }), line({ lineNumber: '2', quantity: '6' })];
    const findings = minimumOrderQuantity.check(order({ lines }), partnerMinimum);
    expect(findings.map((f) => [f.lineNumber, f.data.minimumSource])).toEqual([['2', 'partner']]);
  });

  it("lets the catalog's minimum win over the partner's", () => {
    const lines = [line({ uom: 'CA', quantity: '2' })];
    expect(minimumOrderQuantity.check(order({ lines }), partnerMinimum)).toEqual([]);
  });

  it('applies the partner minimum to unknown items too', () => {
    const findings = minimumOrderQuantity.check(
      order({ lines: [line({ ids: { sku: 'NOPE' }, quantity: '1' })] }),
      partnerMinimum,
    );
    expect(findings[0]?.data).toEqual({ quantity: '1', uom: 'EA', minimum: '12', minimumSource: 'partner' });
  });

  it('is silent when no minimum applies', () => {
    expect(minimumOrderQuantity.check(order({ lines: [line({ quantity: '1' })] }), context())).toEqual([]);
  });
});
