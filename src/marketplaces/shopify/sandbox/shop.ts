import { compareDecimals, isDecimalString } from '../../../canonical/index.js';
import { createFulfillment, fulfillmentOrdersFor } from './fulfillments.js';
import { listOrders, pick } from './order-list.js';
import { cancelOrder } from './cancel-order.js';
import { calculateRefund, createRefund } from './refunds.js';
import {
  lineItemsOf,
  notFound,
  shopTime,
  touch,
  type Json,
  type ShopAnswer,
  type ShopOrder,
} from './shop-order.js';

/** Financial statuses whose sale can be refunded. */
const PAID = new Set(['paid', 'partially_paid', 'partially_refunded']);

/**
 * The sandbox's shop: orders in Shopify's REST JSON with the fulfilment orders, fulfilments and
 * refunds Shopify keeps for them, answering each endpoint as Shopify does. No HTTP here: the
 * sandbox server routes to it.
 */
export class SandboxShop {
  private readonly orders = new Map<string, ShopOrder>();
  private lastId = 5_000_000_000;

  constructor(private readonly settings: { pageSize: number; locations: number; now: () => number }) {}

  /**
   * Adds an order (bare or under `order`, as the fixtures hold it): stamped as created and updated
   * now unless it says when, line items given ids and unfulfilled counts where they have none,
   * fulfilment orders derived from the lines. Returns the order id.
   */
  addOrder(input: unknown): string {
    const wrapped = input as { order?: unknown; id?: unknown } | null;
    const source =
      wrapped !== null && typeof wrapped === 'object' && 'order' in wrapped && !('id' in wrapped)
        ? wrapped.order
        : input;
    if (source === null || typeof source !== 'object' || !Array.isArray((source as Json)['line_items']))
      throw new TypeError('a Shopify order is an object with a line_items list');
    const order = structuredClone(source) as Json;
    if (typeof order['id'] !== 'number') order['id'] = this.nextId();
    const orderId = String(order['id']);
    if (this.orders.has(orderId))
      throw new Error(`order ${orderId} is already in the sandbox; change it with updateOrder`);
    const now = this.settings.now();
    if (typeof order['created_at'] !== 'string') order['created_at'] = shopTime(now);
    if (typeof order['updated_at'] !== 'string') order['updated_at'] = shopTime(now);
    for (const line of lineItemsOf(order)) {
      if (typeof line['id'] !== 'number') line['id'] = this.nextId();
      if (typeof line['fulfillable_quantity'] !== 'number') line['fulfillable_quantity'] = line['quantity'];
      line['fulfillment_status'] ??= null;
    }
    order['fulfillment_status'] ??= null;
    order['financial_status'] ??= 'paid';
    order['cancelled_at'] ??= null;
    order['closed_at'] ??= null;
    order['fulfillments'] ??= [];
    order['refunds'] ??= [];
    const total =
      typeof order['total_price'] === 'string' && isDecimalString(order['total_price'])
        ? order['total_price']
        : '0';
    this.orders.set(orderId, {
      order,
      fulfillmentOrders: fulfillmentOrdersFor(order, this.settings.locations, () => this.nextId()),
      saleTransactionId: this.nextId(),
      refundable:
        PAID.has(String(order['financial_status'])) && compareDecimals(total, '0') > 0 ? total : '0',
    });
    return orderId;
  }

  /** Changes an order and stamps it as updated now (and later than before). */
  updateOrder(orderId: string, change: (order: Json) => void): void {
    const shopOrder = this.orders.get(orderId);
    if (shopOrder === undefined) throw new Error(`order ${orderId} is not in the sandbox`);
    change(shopOrder.order);
    touch(shopOrder.order, this.settings.now());
  }

  /** The order's JSON as a webhook sends it, or undefined. */
  orderJson(orderId: string): Json | undefined {
    return this.orders.get(orderId)?.order;
  }

  listOrders(query: Record<string, unknown>, ordersUrl: string): ShopAnswer {
    const all = [...this.orders.values()].map((o) => o.order);
    return listOrders(all, query, this.settings.pageSize, ordersUrl);
  }

  getOrder(orderId: string, fields: unknown): ShopAnswer {
    const order = this.orders.get(orderId)?.order;
    if (order === undefined) return notFound();
    return { status: 200, body: { order: pick(order, typeof fields === 'string' ? fields : undefined) } };
  }

  fulfillmentOrders(orderId: string): ShopAnswer {
    const shopOrder = this.orders.get(orderId);
    return shopOrder === undefined
      ? notFound()
      : { status: 200, body: { fulfillment_orders: shopOrder.fulfillmentOrders } };
  }

  fulfillments(orderId: string): ShopAnswer {
    const order = this.orders.get(orderId)?.order;
    return order === undefined ? notFound() : { status: 200, body: { fulfillments: order['fulfillments'] } };
  }

  createFulfillment(body: unknown): { answer: ShopAnswer; orderId?: string } {
    return createFulfillment(this.orders.values(), body, this.settings.now(), () => this.nextId());
  }

  cancelOrder(orderId: string, body: unknown): ShopAnswer {
    return cancelOrder(this.orders.get(orderId), body, this.settings.now(), () => this.nextId());
  }

  calculateRefund(orderId: string, body: unknown): ShopAnswer {
    return calculateRefund(this.orders.get(orderId), body);
  }

  createRefund(orderId: string, body: unknown): ShopAnswer {
    return createRefund(this.orders.get(orderId), body, this.settings.now(), () => this.nextId());
  }

  private nextId(): number {
    this.lastId += 1;
    return this.lastId;
  }
}
