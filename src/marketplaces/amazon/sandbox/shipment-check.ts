import { amazonInstant, isInstant } from '../pull-cursor.js';
import { invalidInput, isRecord, type Json, type SpAnswer, type StoredOrder } from './sp-answer.js';

/**
 * `confirmShipment` of one order: the `ConfirmShipmentRequest` checked as the Orders API v0
 * describes it (the order's `marketplaceId`; a `packageDetail` with a positive numeric
 * `packageReferenceId`, `carrierCode`, `trackingNumber`, an ISO 8601 `shipDate` and `orderItems`
 * of this order, each a whole `quantity` not above what is left to ship). Refused with 400 and one
 * `InvalidInput` per problem; accepted, the items are marked shipped, the order `PartiallyShipped`
 * or `Shipped` and updated now, and the answer is 204.
 */
export function confirmShipment(stored: StoredOrder | undefined, orderId: string, body: unknown): SpAnswer {
  if (stored === undefined) return invalidInput([`Order ${orderId} was not found for this seller`]);
  const shipped = shipmentProblems(stored, body);
  if (Array.isArray(shipped)) return invalidInput(shipped);
  for (const [item, quantity] of shipped) item.QuantityShipped = numberOf(item.QuantityShipped) + quantity;
  const open = stored.items.reduce((sum, item) => sum + openQuantity(item), 0);
  stored.order.OrderStatus = open > 0 ? 'PartiallyShipped' : 'Shipped';
  stored.order.LastUpdateDate = amazonInstant(Date.now());
  return { status: 204, body: undefined };
}

/** What is wrong with the request, or the items it ships with their quantities. */
function shipmentProblems(stored: StoredOrder, body: unknown): string[] | Map<Json, number> {
  const request = isRecord(body) ? body : {};
  const problems: string[] = [];
  if (request.marketplaceId !== stored.order.MarketplaceId)
    problems.push(`marketplaceId must be the order's marketplace ${String(stored.order.MarketplaceId)}`);
  const detail = isRecord(request.packageDetail) ? request.packageDetail : {};
  const reference = detail.packageReferenceId;
  if (typeof reference !== 'string' || !/^[1-9]\d*$/.test(reference))
    problems.push('packageDetail.packageReferenceId must be a positive number, as a string');
  for (const field of ['carrierCode', 'trackingNumber'])
    if (typeof detail[field] !== 'string' || detail[field] === '')
      problems.push(`packageDetail.${field} is required`);
  if (!isInstant(detail.shipDate)) problems.push('packageDetail.shipDate must be an ISO 8601 date-time');
  if (detail.shippingMethod !== undefined && typeof detail.shippingMethod !== 'string')
    problems.push('packageDetail.shippingMethod must be a string');
  const lines: unknown[] = Array.isArray(detail.orderItems) ? detail.orderItems : [];
  if (lines.length === 0) problems.push('packageDetail.orderItems must name at least one order item');
  const shipped = new Map<Json, number>();
  for (const [i, line] of lines.entries()) {
    const { orderItemId, quantity } = isRecord(line) ? line : {};
    const item = stored.items.find((candidate) => candidate.OrderItemId === orderItemId);
    if (item === undefined) {
      problems.push(`packageDetail.orderItems[${i}]: order item ${String(orderItemId)} is not in this order`);
      continue;
    }
    const left = openQuantity(item) - (shipped.get(item) ?? 0);
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > left)
      problems.push(`packageDetail.orderItems[${i}]: quantity must be a whole number from 1 to ${left}`);
    else shipped.set(item, (shipped.get(item) ?? 0) + quantity);
  }
  return problems.length > 0 ? problems : shipped;
}

function openQuantity(item: Json): number {
  return numberOf(item.QuantityOrdered) - numberOf(item.QuantityShipped);
}

function numberOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
