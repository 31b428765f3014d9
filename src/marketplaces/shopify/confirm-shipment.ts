import type { ShipmentConfirmation } from '../connector.js';
import { MarketplaceError } from '../marketplace-error.js';
import { wholeQuantities } from './line-quantities.js';
import { idText, listIn, type ShopifyActionSettings, type ShopifyRest } from './rest.js';

/** The parts of a REST fulfilment order the connector reads. */
interface FulfillmentOrder {
  id: number;
  status: string;
  assigned_location_id?: number | null;
  line_items: { id: number; line_item_id: number; fulfillable_quantity: number }[];
}

/** The parts of a REST fulfilment the connector reads: its lines are the order's line items. */
interface Fulfillment {
  status?: string;
  tracking_number?: string | null;
  tracking_numbers?: string[] | null;
  line_items?: { id: number; quantity: number }[];
}

/** What `POST /fulfillments.json` is sent for one location's fulfilment orders. */
interface FulfillmentRequest {
  lineIds: string[];
  byFulfillmentOrder: {
    fulfillment_order_id: number;
    fulfillment_order_line_items: { id: number; quantity: number }[];
  }[];
}

/** Fulfilment orders whose lines can be fulfilled now; scheduled and on-hold ones cannot yet. */
const FULFILLABLE = new Set(['open', 'in_progress']);
/** Fulfilments that did not ship anything. */
const NOT_SHIPPED = new Set(['cancelled', 'error', 'failure']);

/**
 * A shipment as Shopify fulfilments, the fulfilment-orders way: read the order's fulfilment
 * orders, take each shipped line's quantity from the open or in-progress ones that hold it, and
 * `POST /fulfillments.json` with the carrier and tracking number, one fulfilment per location (a
 * fulfilment covers fulfilment orders of one location only). A line on no open fulfilment order,
 * or shipped in a larger quantity than is left to fulfil, is a permanent refusal naming it, and
 * nothing is sent; unless a fulfilment with the same tracking number already holds it, which is
 * this shipment confirmed before (a retried job), so it is not sent twice. `shippedAt` and
 * `method` have no field in Shopify's fulfilment: the fulfilment is dated when it is created.
 *
 * @example
 * await confirmShopifyShipment(rest, { orderId: '450789469', carrier: 'UPS', trackingNumber: '1Z999',
 *   shippedAt: '2024-05-01T10:00:00Z', lines: [{ lineId: '466157049', quantity: '1' }] }, { notifyCustomer: true });
 */
export async function confirmShopifyShipment(
  rest: ShopifyRest,
  shipment: ShipmentConfirmation,
  settings: ShopifyActionSettings,
): Promise<void> {
  const doing = `${rest.label}: confirmShipment of ${shipment.orderId}`;
  const wanted = wholeQuantities(shipment.lines, doing);
  const orderPath = `/orders/${encodeURIComponent(shipment.orderId)}`;
  const answer = await rest.call<unknown>({
    operation: 'getFulfillmentOrders',
    method: 'GET',
    path: `${orderPath}/fulfillment_orders.json`,
    subject: shipment.orderId,
  });
  const fulfillmentOrders = listIn<FulfillmentOrder>(answer.data, 'fulfillment_orders', doing);
  const { requests, shortfalls } = planFulfillments(fulfillmentOrders, wanted);
  const shipped = async () => shippedUnder(rest, shipment, wanted);
  if (shortfalls.size > 0) {
    const done = await shipped();
    const refused = [...shortfalls].filter(([lineId]) => !done.has(lineId));
    if (refused.length > 0)
      throw MarketplaceError.refused(`${doing}: ${refused.map(([, why]) => why).join('; ')}`);
  }
  const tracking = {
    ...(shipment.carrier.trim() === '' ? {} : { company: shipment.carrier }),
    ...(shipment.trackingNumber.trim() === '' ? {} : { number: shipment.trackingNumber }),
  };
  for (const request of requests) {
    try {
      await rest.call<unknown>({
        operation: 'createFulfillment',
        method: 'POST',
        path: '/fulfillments.json',
        subject: shipment.orderId,
        data: {
          fulfillment: {
            line_items_by_fulfillment_order: request.byFulfillmentOrder,
            ...(Object.keys(tracking).length === 0 ? {} : { tracking_info: tracking }),
            notify_customer: settings.notifyCustomer,
          },
        },
      });
    } catch (error) {
      // A retry of a POST whose first answer was lost is refused as already fulfilled.
      if (!(error instanceof MarketplaceError) || error.code !== 'marketplace-refused') throw error;
      const done = await shipped();
      if (!request.lineIds.every((lineId) => done.has(lineId))) throw error;
    }
  }
}

/**
 * Takes each wanted line's quantity from the fulfillable fulfilment orders holding it, grouped
 * into one request per location; a line that cannot be taken whole is a shortfall, with why, and
 * is in no request.
 */
function planFulfillments(
  fulfillmentOrders: readonly FulfillmentOrder[],
  wanted: ReadonlyMap<string, number>,
): { requests: FulfillmentRequest[]; shortfalls: Map<string, string> } {
  const shortfalls = new Map<string, string>();
  const takes = new Map<string, { fulfillmentOrder: FulfillmentOrder; id: number; quantity: number }[]>();
  for (const [lineId, quantity] of wanted) {
    let left = quantity;
    const heldBy: string[] = [];
    const lineTakes: { fulfillmentOrder: FulfillmentOrder; id: number; quantity: number }[] = [];
    for (const fulfillmentOrder of fulfillmentOrders) {
      for (const item of fulfillmentOrder.line_items ?? []) {
        if (idText(item.line_item_id) !== lineId) continue;
        if (!FULFILLABLE.has(fulfillmentOrder.status)) {
          heldBy.push(`fulfilment order ${fulfillmentOrder.id} is ${fulfillmentOrder.status}`);
          continue;
        }
        const take = Math.min(left, Math.max(0, item.fulfillable_quantity));
        if (take > 0) lineTakes.push({ fulfillmentOrder, id: item.id, quantity: take });
        left -= take;
      }
    }
    const open = quantity - left;
    if (left === 0) takes.set(lineId, lineTakes);
    else if (open === 0)
      shortfalls.set(
        lineId,
        `line ${lineId} is on no open fulfilment order${heldBy.length > 0 ? ` (${heldBy.join(', ')})` : ' (already fulfilled, cancelled or not on this order)'}`,
      );
    else shortfalls.set(lineId, `line ${lineId}: ${quantity} to ship but only ${open} left to fulfil`);
  }
  const byLocation = new Map<string, FulfillmentRequest>();
  for (const [lineId, lineTakes] of takes) {
    for (const { fulfillmentOrder, id, quantity } of lineTakes) {
      const location = String(fulfillmentOrder.assigned_location_id ?? 'none');
      const request = byLocation.get(location) ?? { lineIds: [], byFulfillmentOrder: [] };
      byLocation.set(location, request);
      if (!request.lineIds.includes(lineId)) request.lineIds.push(lineId);
      let entry = request.byFulfillmentOrder.find((e) => e.fulfillment_order_id === fulfillmentOrder.id);
      if (entry === undefined) {
        entry = { fulfillment_order_id: fulfillmentOrder.id, fulfillment_order_line_items: [] };
        request.byFulfillmentOrder.push(entry);
      }
      entry.fulfillment_order_line_items.push({ id, quantity });
    }
  }
  return { requests: [...byLocation.values()], shortfalls };
}

/**
 * The wanted lines that fulfilments carrying this shipment's tracking number already ship in
 * full: the shipment was confirmed before. None when the shipment has no tracking number.
 */
async function shippedUnder(
  rest: ShopifyRest,
  shipment: ShipmentConfirmation,
  wanted: ReadonlyMap<string, number>,
): Promise<Set<string>> {
  const done = new Set<string>();
  if (shipment.trackingNumber.trim() === '') return done;
  const answer = await rest.call<unknown>({
    operation: 'getFulfillments',
    method: 'GET',
    path: `/orders/${encodeURIComponent(shipment.orderId)}/fulfillments.json`,
    subject: shipment.orderId,
  });
  const shippedQuantity = new Map<string, number>();
  for (const fulfillment of listIn<Fulfillment>(
    answer.data,
    'fulfillments',
    `${rest.label}: getFulfillments`,
  )) {
    const numbers = [fulfillment.tracking_number, ...(fulfillment.tracking_numbers ?? [])];
    if (NOT_SHIPPED.has(fulfillment.status ?? '') || !numbers.includes(shipment.trackingNumber)) continue;
    for (const item of fulfillment.line_items ?? []) {
      const lineId = idText(item.id);
      if (lineId !== undefined)
        shippedQuantity.set(lineId, (shippedQuantity.get(lineId) ?? 0) + item.quantity);
    }
  }
  for (const [lineId, quantity] of wanted) {
    if ((shippedQuantity.get(lineId) ?? 0) >= quantity) done.add(lineId);
  }
  return done;
}
