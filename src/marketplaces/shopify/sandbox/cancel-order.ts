import { compareDecimals, isDecimalString } from '../../../canonical/index.js';
import {
  lineItemsOf,
  notFound,
  recordRefund,
  shopTime,
  touch,
  unprocessable,
  type Json,
  type ShopAnswer,
  type ShopOrder,
} from './shop-order.js';

const CANCEL_REASONS = ['customer', 'inventory', 'fraud', 'declined', 'other'];

/**
 * `POST /orders/{id}/cancel.json`: an order with no fulfilment, not yet cancelled, cancelled with
 * one of Shopify's reasons; `amount` is refunded on the sale (the payment is voided when none).
 */
export function cancelOrder(
  shopOrder: ShopOrder | undefined,
  body: unknown,
  now: number,
  nextId: () => number,
): ShopAnswer {
  if (shopOrder === undefined) return notFound();
  const order = shopOrder.order;
  const request = (body ?? {}) as Json;
  if (typeof order['cancelled_at'] === 'string')
    return unprocessable('base', 'Cannot cancel an order that has already been cancelled');
  const fulfillments = Array.isArray(order['fulfillments']) ? (order['fulfillments'] as Json[]) : [];
  if (fulfillments.some((f) => f['status'] === 'success'))
    return unprocessable('base', 'Cannot cancel an order that has fulfillments');
  const reason = request['reason'] ?? 'other';
  if (typeof reason !== 'string' || !CANCEL_REASONS.includes(reason))
    return unprocessable('reason', 'is not included in the list');
  for (const flag of ['email', 'restock'])
    if (request[flag] !== undefined && typeof request[flag] !== 'boolean')
      return unprocessable(flag, 'must be true or false');
  const amount = request['amount'];
  if (amount !== undefined) {
    if (typeof amount !== 'string' || !isDecimalString(amount) || compareDecimals(amount, '0') < 0)
      return unprocessable('amount', 'must be a decimal');
    if (compareDecimals(amount, shopOrder.refundable) > 0)
      return unprocessable('amount', `${amount} is more than the ${shopOrder.refundable} refundable`);
    if (request['currency'] !== undefined && request['currency'] !== order['currency'])
      return unprocessable('currency', `must be the order's currency ${String(order['currency'])}`);
  }
  for (const line of lineItemsOf(order)) line['fulfillable_quantity'] = 0;
  for (const fulfillmentOrder of shopOrder.fulfillmentOrders) {
    fulfillmentOrder.status = 'cancelled';
    for (const item of fulfillmentOrder.line_items) item.fulfillable_quantity = 0;
  }
  order['cancelled_at'] = shopTime(now);
  order['cancel_reason'] = reason;
  if (typeof amount === 'string' && compareDecimals(amount, '0') > 0) {
    const transactions = [
      { kind: 'refund', amount, parent_id: shopOrder.saleTransactionId, gateway: order['gateway'] },
    ];
    recordRefund(shopOrder, amount, transactions, now, nextId);
  } else if (order['financial_status'] === 'authorized' || order['financial_status'] === 'pending') {
    order['financial_status'] = 'voided';
  }
  touch(order, now);
  return { status: 200, body: { order } };
}
