import { compareDecimals, subtractDecimals } from '../../../canonical/index.js';

/**
 * The sandbox shop's records and answers, shared by its order list, fulfilments and refunds.
 * Orders are kept in Shopify's REST JSON; what Shopify derives from them (fulfilment orders,
 * refundable money) is kept beside.
 */

export type Json = Record<string, unknown>;

/** An HTTP answer of the sandbox: status, JSON body, extra headers. */
export interface ShopAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A fulfilment order's line: part of an order line, at the fulfilment order's location. */
export interface FulfillmentOrderLine {
  id: number;
  shop_id: number;
  fulfillment_order_id: number;
  line_item_id: number;
  inventory_item_id: number | null;
  quantity: number;
  fulfillable_quantity: number;
  variant_id: number | null;
}

/** A fulfilment order as `GET /orders/{id}/fulfillment_orders.json` serves it. */
export interface FulfillmentOrder {
  id: number;
  shop_id: number;
  order_id: number;
  assigned_location_id: number;
  request_status: 'unsubmitted';
  status: 'open' | 'in_progress' | 'closed' | 'cancelled';
  supported_actions: string[];
  line_items: FulfillmentOrderLine[];
  created_at: string;
  updated_at: string;
}

/** One order of the sandbox shop. */
export interface ShopOrder {
  /** The order's REST JSON, as served and as webhooks send it. */
  order: Json;
  fulfillmentOrders: FulfillmentOrder[];
  /** The sale transaction refunds name as their parent. */
  saleTransactionId: number;
  /** Money still refundable on the sale transaction ("0" for an unpaid order). */
  refundable: string;
}

export const SANDBOX_SHOP_ID = 548380009;

/** Shopify's answer to an unknown resource. */
export function notFound(): ShopAnswer {
  return { status: 404, body: { errors: 'Not Found' } };
}

/** Shopify's validation answer: 422 with messages by field. */
export function unprocessable(field: string, ...messages: string[]): ShopAnswer {
  return { status: 422, body: { errors: { [field]: messages } } };
}

/** A malformed request: 400 with the reason. */
export function badRequest(message: string): ShopAnswer {
  return { status: 400, body: { errors: message } };
}

/** The order's line items, each a JSON object with a numeric id. */
export function lineItemsOf(order: Json): Json[] {
  const lines = order['line_items'];
  return Array.isArray(lines) ? (lines as Json[]) : [];
}

/** A JSON value that should be text, as text ('' when it is not). */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function numberOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** A positive whole number from a request body, or undefined. */
export function countOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/** The shop's time zone: Shopify writes times in it, with their offset. */
const SHOP_OFFSET_MINUTES = -5 * 60;

/** A time as Shopify writes it: seconds, in the shop's offset (`2024-05-01T07:00:00-05:00`). */
export function shopTime(ms: number): string {
  const local = new Date(ms + SHOP_OFFSET_MINUTES * 60_000).toISOString().slice(0, 19);
  const sign = SHOP_OFFSET_MINUTES < 0 ? '-' : '+';
  const minutes = Math.abs(SHOP_OFFSET_MINUTES);
  return `${local}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Stamps the order as updated now, and always later than its last update: Shopify's times are
 * to the second, and an order changed twice within one must still read as changed.
 */
export function touch(order: Json, now: number): string {
  const previous = typeof order['updated_at'] === 'string' ? Date.parse(order['updated_at']) : Number.NaN;
  const second = Math.floor(now / 1000) * 1000;
  const at = Number.isNaN(previous) ? second : Math.max(second, Math.floor(previous / 1000) * 1000 + 1000);
  const stamp = shopTime(at);
  order['updated_at'] = stamp;
  return stamp;
}

/** The order's fulfilment status from its lines: null, `partial` or `fulfilled`. */
export function refreshFulfillmentStatus(order: Json, fulfilledUnits: (lineId: number) => number): void {
  let fulfilled = 0;
  let open = 0;
  for (const line of lineItemsOf(order)) {
    const shipped = fulfilledUnits(numberOf(line['id']));
    line['fulfillment_status'] =
      shipped === 0 ? null : numberOf(line['fulfillable_quantity']) === 0 ? 'fulfilled' : 'partial';
    fulfilled += shipped;
    open += numberOf(line['fulfillable_quantity']);
  }
  order['fulfillment_status'] = fulfilled === 0 ? null : open === 0 ? 'fulfilled' : 'partial';
}
/** Refunds `amount` on the sale and records the refund on the order; returns the record. */
export function recordRefund(
  shopOrder: ShopOrder,
  amount: string,
  transactions: Json[],
  now: number,
  nextId: () => number,
): Json {
  const order = shopOrder.order;
  if (compareDecimals(amount, '0') > 0) {
    shopOrder.refundable = subtractDecimals(shopOrder.refundable, amount);
    order['financial_status'] =
      compareDecimals(shopOrder.refundable, '0') === 0 ? 'refunded' : 'partially_refunded';
  }
  const record: Json = {
    id: nextId(),
    order_id: numberOf(order['id']),
    created_at: shopTime(now),
    processed_at: shopTime(now),
    refund_line_items: [],
    transactions: transactions.map((t) => ({
      id: nextId(),
      ...t,
      status: 'success',
      created_at: shopTime(now),
    })),
  };
  const refunds = Array.isArray(order['refunds']) ? (order['refunds'] as Json[]) : [];
  order['refunds'] = [...refunds, record];
  return record;
}
