import { describe, expect, it } from 'vitest';
import { evaluateOrder, lineDecisions, resolveException } from '../../../src/core/index.js';
import { changeQuantity } from '../../../src/core/resolutions/change-quantity.js';
import { context, line, order } from './core-fixtures.js';
import { invalidReason } from './resolution-helpers.js';

const partnerMinimum = context({
  partner: { partnerId: 'acme', priceTolerancePercent: '0', currency: 'USD', minimumOrderQuantity: '12' },
});
// 3 EA: not a multiple of the pack of 6 and below the partner's minimum of 12.
const held = order({ lines: [line({ quantity: '3' })] });
const { findings } = evaluateOrder(held, partnerMinimum);

describe('change-quantity', () => {
  it('settles the pack-size and minimum holds and records the new quantity', () => {
    expect(findings.map((f) => f.ruleId)).toEqual(['pack-size', 'minimum-order-quantity']);
    const result = resolveException('change-quantity', held, findings, { lineNumber: '1', quantity: '12' });
    expect(result.decision).toBe('accept');
    expect(result.findings.slice(0, 2).map((f) => f.resolvedBy)).toEqual([
      'change-quantity',
      'change-quantity',
    ]);
    expect(result.findings.at(-1)).toMatchObject({
      ruleId: 'change-quantity',
      lineNumber: '1',
      data: { quantity: '12', orderedQuantity: '3', uom: 'EA' },
    });
    expect(lineDecisions(result.findings, '1').quantity).toBe('12');
  });

  it('refuses a quantity that breaks the pack size or minimum the holds quoted', () => {
    expect(
      invalidReason(() => changeQuantity.validate(held, findings, { lineNumber: '1', quantity: '14' })),
    ).toContain('not a multiple of the pack of 6');
    expect(
      invalidReason(() => changeQuantity.validate(held, findings, { lineNumber: '1', quantity: '6' })),
    ).toContain('below the minimum order quantity of 12');
  });

  it('refuses zero, non-decimals, and the quantity already ordered', () => {
    for (const quantity of ['0', '-6', 'six']) {
      expect(
        invalidReason(() => changeQuantity.validate(held, findings, { lineNumber: '1', quantity })),
      ).toContain('not a quantity above zero');
    }
    expect(
      invalidReason(() => changeQuantity.validate(held, findings, { lineNumber: '1', quantity: '3.0' })),
    ).toContain('already has a quantity of 3');
  });

  it('refuses a cancelled line', () => {
    const cancelled = resolveException('cancel-line', held, findings, { lineNumber: '1', reason: 'x' });
    expect(
      invalidReason(() =>
        changeQuantity.validate(held, cancelled.findings, { lineNumber: '1', quantity: '12' }),
      ),
    ).toContain('already cancelled');
  });
});
