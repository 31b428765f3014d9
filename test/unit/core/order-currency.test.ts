import { describe, expect, it } from 'vitest';
import { orderCurrency } from '../../../src/core/rules/order-currency.js';
import { context, order } from './core-fixtures.js';

describe('order-currency', () => {
  it("holds an order in another currency than the partner's", () => {
    expect(orderCurrency.check(order({ currency: 'CAD' }), context())).toEqual([
      expect.objectContaining({
        ruleId: 'order-currency',
        severity: 'hold',
        data: { expectedCurrency: 'USD', actualCurrency: 'CAD' },
      }),
    ]);
  });

  it("accepts the partner's currency", () => {
    expect(orderCurrency.check(order(), context())).toEqual([]);
  });
});
