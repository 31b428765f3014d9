import {
  countOf,
  lineItemsOf,
  numberOf,
  refreshFulfillmentStatus,
  SANDBOX_SHOP_ID,
  shopTime,
  touch,
  unprocessable,
  type FulfillmentOrder,
  type Json,
  type ShopAnswer,
  type ShopOrder,
} from './shop-order.js';

/** The sandbox's locations: line `i` of an order is assigned to location `i % count`. */
export const SANDBOX_LOCATION_IDS = [24826418, 24826419, 24826420, 24826421] as const;

const FULFILLABLE = new Set(['open', 'in_progress']);

/**
 * The fulfilment orders Shopify derives from a new order: one per location the lines are assigned
 * to, holding each line's unfulfilled units, open until they are fulfilled.
 */
export function fulfillmentOrdersFor(
  order: Json,
  locations: number,
  nextId: () => number,
): FulfillmentOrder[] {
  const byLocation = new Map<number, FulfillmentOrder>();
  lineItemsOf(order).forEach((line, index) => {
    const units = numberOf(line['fulfillable_quantity']);
    if (units <= 0) return;
    const location = SANDBOX_LOCATION_IDS[index % locations] ?? SANDBOX_LOCATION_IDS[0];
    let fulfillmentOrder = byLocation.get(location);
    if (fulfillmentOrder === undefined) {
      fulfillmentOrder = {
        id: nextId(),
        shop_id: SANDBOX_SHOP_ID,
        order_id: numberOf(order['id']),
        assigned_location_id: location,
        request_status: 'unsubmitted',
        status: 'open',
        supported_actions: ['create_fulfillment', 'move'],
        line_items: [],
        created_at: String(order['created_at']),
        updated_at: String(order['updated_at']),
      };
      byLocation.set(location, fulfillmentOrder);
    }
    fulfillmentOrder.line_items.push({
      id: nextId(),
      shop_id: SANDBOX_SHOP_ID,
      fulfillment_order_id: fulfillmentOrder.id,
      line_item_id: numberOf(line['id']),
      inventory_item_id: null,
      quantity: units,
      fulfillable_quantity: units,
      variant_id: typeof line['variant_id'] === 'number' ? line['variant_id'] : null,
    });
  });
  return [...byLocation.values()];
}

/** Units of a line shipped by the order's fulfilments. */
export function fulfilledUnits(order: Json, lineId: number): number {
  const fulfillments = Array.isArray(order['fulfillments']) ? (order['fulfillments'] as Json[]) : [];
  let units = 0;
  for (const fulfillment of fulfillments) {
    if (fulfillment['status'] !== 'success') continue;
    for (const line of (fulfillment['line_items'] as Json[] | undefined) ?? []) {
      if (numberOf(line['id']) === lineId) units += numberOf(line['quantity']);
    }
  }
  return units;
}

/**
 * `POST /fulfillments.json`: checks what the body names against the fulfilment orders (one
 * order, one location, open or in progress, units left) and, when all is well, ships them.
 */
export function createFulfillment(
  orders: Iterable<ShopOrder>,
  body: unknown,
  now: number,
  nextId: () => number,
): { answer: ShopAnswer; orderId?: string } {
  const fulfillment = (body as { fulfillment?: unknown } | null)?.fulfillment as Json | undefined;
  if (fulfillment === undefined || fulfillment === null || typeof fulfillment !== 'object')
    return {
      answer: { status: 400, body: { errors: { fulfillment: 'Required parameter missing or invalid' } } },
    };
  const groups = fulfillment['line_items_by_fulfillment_order'];
  if (!Array.isArray(groups) || groups.length === 0)
    return {
      answer: unprocessable('line_items_by_fulfillment_order', 'must name at least one fulfillment order'),
    };
  const all = [...orders];
  const planned: { fulfillmentOrder: FulfillmentOrder; lineId: number; itemId: number; quantity: number }[] =
    [];
  let owner: ShopOrder | undefined;
  for (const group of groups as Json[]) {
    const id = group['fulfillment_order_id'];
    const found = all
      .map((shopOrder) => ({ shopOrder, fo: shopOrder.fulfillmentOrders.find((f) => f.id === id) }))
      .find((x) => x.fo !== undefined);
    if (found?.fo === undefined)
      return { answer: fulfillmentError(`Fulfillment order ${String(id)} does not exist.`) };
    const fulfillmentOrder = found.fo;
    if (owner !== undefined && owner !== found.shopOrder)
      return { answer: fulfillmentError('All fulfillment orders must belong to the same order.') };
    owner = found.shopOrder;
    const first = planned[0];
    if (
      first !== undefined &&
      first.fulfillmentOrder.assigned_location_id !== fulfillmentOrder.assigned_location_id
    )
      return { answer: fulfillmentError('All fulfillment orders must be assigned to the same location.') };
    if (!FULFILLABLE.has(fulfillmentOrder.status))
      return {
        answer: fulfillmentError(
          `Fulfillment order ${fulfillmentOrder.id} has an unfulfillable status= ${fulfillmentOrder.status}.`,
        ),
      };
    const items = group['fulfillment_order_line_items'];
    const wanted =
      items === undefined
        ? fulfillmentOrder.line_items.map((item) => ({ id: item.id, quantity: item.fulfillable_quantity }))
        : Array.isArray(items)
          ? (items as Json[])
          : [];
    for (const item of wanted) {
      const line = fulfillmentOrder.line_items.find((l) => l.id === item['id']);
      const quantity = countOf(item['quantity']);
      if (line === undefined)
        return {
          answer: fulfillmentError(
            `Fulfillment order line item ${String(item['id'])} is not on fulfillment order ${fulfillmentOrder.id}.`,
          ),
        };
      if (quantity === undefined || quantity > line.fulfillable_quantity)
        return {
          answer: fulfillmentError(
            `Invalid quantity ${String(item['quantity'])} for fulfillment order line item ${line.id}: ${line.fulfillable_quantity} can be fulfilled.`,
          ),
        };
      planned.push({ fulfillmentOrder, lineId: line.line_item_id, itemId: line.id, quantity });
    }
  }
  const tracking = (fulfillment['tracking_info'] ?? {}) as Json;
  if (fulfillment['notify_customer'] !== undefined && typeof fulfillment['notify_customer'] !== 'boolean')
    return { answer: unprocessable('notify_customer', 'must be true or false') };
  if (owner === undefined || planned.length === 0)
    return { answer: fulfillmentError('No fulfillment order line items to fulfill.') };
  return { answer: ship(owner, planned, tracking, now, nextId), orderId: String(owner.order['id']) };
}

function ship(
  shopOrder: ShopOrder,
  planned: { fulfillmentOrder: FulfillmentOrder; lineId: number; itemId: number; quantity: number }[],
  tracking: Json,
  now: number,
  nextId: () => number,
): ShopAnswer {
  const order = shopOrder.order;
  const shipped = new Map<number, number>();
  for (const { fulfillmentOrder, lineId, itemId, quantity } of planned) {
    const item = fulfillmentOrder.line_items.find((l) => l.id === itemId);
    if (item !== undefined) item.fulfillable_quantity -= quantity;
    fulfillmentOrder.status = fulfillmentOrder.line_items.every((l) => l.fulfillable_quantity === 0)
      ? 'closed'
      : 'in_progress';
    fulfillmentOrder.updated_at = shopTime(now);
    shipped.set(lineId, (shipped.get(lineId) ?? 0) + quantity);
  }
  for (const line of lineItemsOf(order)) {
    const units = shipped.get(numberOf(line['id']));
    if (units !== undefined) line['fulfillable_quantity'] = numberOf(line['fulfillable_quantity']) - units;
  }
  const number = typeof tracking['number'] === 'string' ? tracking['number'] : null;
  const fulfillment: Json = {
    id: nextId(),
    order_id: numberOf(order['id']),
    status: 'success',
    created_at: shopTime(now),
    updated_at: shopTime(now),
    location_id: planned[0]?.fulfillmentOrder.assigned_location_id ?? null,
    tracking_company: typeof tracking['company'] === 'string' ? tracking['company'] : null,
    tracking_number: number,
    tracking_numbers: number === null ? [] : [number],
    line_items: [...shipped].map(([id, quantity]) => {
      const line = lineItemsOf(order).find((l) => l['id'] === id) ?? {};
      return { ...line, id, quantity };
    }),
  };
  const fulfillments = Array.isArray(order['fulfillments']) ? (order['fulfillments'] as Json[]) : [];
  order['fulfillments'] = [...fulfillments, fulfillment];
  refreshFulfillmentStatus(order, (lineId) => fulfilledUnits(order, lineId));
  touch(order, now);
  return { status: 201, body: { fulfillment } };
}

/** The error shape of the fulfilment endpoints: a list of sentences. */
function fulfillmentError(message: string): ShopAnswer {
  return { status: 422, body: { errors: [message] } };
}
