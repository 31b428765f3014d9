import type { OrderRule } from '../finding.js';
import type { ExistingOrderStatus } from '../context.js';
import { isCancellation } from '../order-lines.js';

// A cancelled or rejected PO is dead: the buyer may reuse its number.
const LIVE: ReadonlySet<ExistingOrderStatus> = new Set([
  'open',
  'on_hold',
  'acknowledged',
  'partially_shipped',
  'shipped',
  'invoiced',
]);

// Only a new order can duplicate one: changes, replacements and cancellations refer to the
// existing PO on purpose.
const NEW_ORDER_PURPOSES = new Set(['original', 'duplicate']);

const RULE_ID = 'duplicate-po-number';

/** A new PO whose number the partner already used on an order that is still live. */
export const duplicatePoNumber: OrderRule = {
  id: RULE_ID,
  description: 'The partner already sent a live purchase order with this number.',
  check(order, context) {
    if (!NEW_ORDER_PURPOSES.has(order.purpose) || isCancellation(order)) return [];
    const existing = context.existingOrders.find(
      (candidate) =>
        candidate.poNumber === order.poNumber &&
        LIVE.has(candidate.status) &&
        // The same document evaluated again (a redelivered job) is not a second order.
        candidate.documentId !== order.id,
    );
    if (!existing) return [];
    return [
      {
        ruleId: RULE_ID,
        severity: 'hold',
        message: `PO ${order.poNumber} is already on file with status "${existing.status}"; check with the buyer whether this is a resend before processing it twice.`,
        data: { poNumber: order.poNumber, existingStatus: existing.status },
      },
    ];
  },
};
