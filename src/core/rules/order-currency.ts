import type { OrderRule } from '../finding.js';

const RULE_ID = 'order-currency';

/** An order priced in another currency than the partner trades in: every price check would be wrong. */
export const orderCurrency: OrderRule = {
  id: RULE_ID,
  description: "The order's currency is not the partner's currency.",
  check(order, context) {
    const expected = context.partner.currency.toUpperCase();
    if (order.currency.toUpperCase() === expected) return [];
    return [
      {
        ruleId: RULE_ID,
        severity: 'hold',
        message: `PO ${order.poNumber} is in ${order.currency}, but ${context.partner.partnerId} trades in ${expected}; confirm the currency with the buyer.`,
        data: { expectedCurrency: expected, actualCurrency: order.currency },
      },
    ];
  },
};
