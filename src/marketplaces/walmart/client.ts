import { MarketplaceApi, type ApiClientOptions, type RateLimit } from '../api-client.js';
import type {
  ConnectorSettings,
  LineCancellation,
  MappedOrder,
  MappingContext,
  MarketplaceConnector,
  MarketplaceOrderPayload,
  OrderPage,
  ShipmentConfirmation,
} from '../connector.js';
import { isMarketplaceError, MarketplaceError } from '../marketplace-error.js';
import { WalmartAccessTokens } from './access-token.js';
import { mapWalmartOrder } from './map-order.js';
import { cancellationBody, checkShipment, shipmentBody, shipMethodCode } from './order-line-updates.js';
import {
  formatWalmartCursor,
  parseWalmartCursor,
  walmartUpdatedAt,
  type WalmartPullCursor,
} from './pull-cursor.js';

const WALMART_API_URL = 'https://marketplace.walmartapis.com';

const perMinute = (requests: number): RateLimit => ({ ratePerSecond: requests / 60, burst: requests });

/**
 * Limits per seller as quoted from Walmart's Marketplace rate-limiting page: the orders GETs 5000
 * a minute, acknowledge and shipping 60 a minute. Cancel is not quoted and is taken to share the
 * write limit. A 429 still holds the operation until its Retry-After.
 */
const WALMART_LIMITS: Record<string, RateLimit> = {
  getOrders: perMinute(5000),
  getOrder: perMinute(5000),
  acknowledgeOrder: perMinute(60),
  confirmShipment: perMinute(60),
  cancelLines: perMinute(60),
};

/** Walmart serves the orders of the last 180 days; a day is kept in hand. */
const OLDEST_CREATED_MS = 179 * 24 * 3_600_000;

export interface WalmartConnectorOptions extends ApiClientOptions {
  /** Orders per page (`limit`), 1 to 200. Default 100. */
  pageLimit?: number;
  /**
   * How long before the last window started the next one begins, for Walmart's clock and for
   * changes it indexes late. Default 5 minutes; an order changed in the overlap comes twice.
   */
  overlapMs?: number;
}

/** `GET /v3/orders`, as far as paging reads it. */
interface OrderList {
  list?: { meta?: { nextCursor?: string | null }; elements?: { order?: unknown[] } };
}

/**
 * The Walmart Marketplace connector (Orders API v3): pulls orders by last modification with a
 * JSON cursor, acknowledges, ships and cancels order lines, and maps with `mapWalmartOrder`.
 * Settings: `credentials.clientId` and `credentials.clientSecret`; `apiUrl` (default the
 * production API) and `authUrl` (default `/v3/token` on the API).
 *
 * @example
 * const walmart = createWalmartConnector({ partnerId: 'walmart-us', platform: 'walmart', account: '10000000754',
 *   credentials: { clientId, clientSecret }, firstPullHours: 24 });
 * const page = await walmart.pullOrders(storedCursor); // store page.orders, then page.nextCursor
 */
export function createWalmartConnector(
  settings: ConnectorSettings,
  options: WalmartConnectorOptions = {},
): MarketplaceConnector {
  return new WalmartConnector(settings, options);
}

class WalmartConnector implements MarketplaceConnector {
  readonly platform = 'walmart' as const;
  private readonly label: string;
  private readonly api: MarketplaceApi;
  private readonly now: () => number;
  private readonly pageLimit: number;
  private readonly overlapMs: number;

  constructor(
    private readonly settings: ConnectorSettings,
    options: WalmartConnectorOptions,
  ) {
    this.label = `partner ${settings.partnerId}`;
    const clientId = settings.credentials['clientId'] ?? '';
    const clientSecret = settings.credentials['clientSecret'] ?? '';
    if (clientId.trim() === '' || clientSecret.trim() === '')
      throw MarketplaceError.auth(
        `${this.label}: Walmart needs the credentials clientId and clientSecret (from Seller Center, API Key Management); the partner file gives ${clientId.trim() === '' ? 'no clientId' : 'no clientSecret'}`,
      );
    this.pageLimit = options.pageLimit ?? 100;
    if (!Number.isInteger(this.pageLimit) || this.pageLimit < 1 || this.pageLimit > 200)
      throw new RangeError(`pageLimit ${this.pageLimit} is not a whole number from 1 to 200`);
    this.overlapMs = options.overlapMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
    const baseUrl = (settings.apiUrl ?? WALMART_API_URL).replace(/\/+$/, '');
    const tokens = new WalmartAccessTokens(
      { label: this.label, baseUrl, tokenPath: settings.authUrl ?? '/v3/token', clientId, clientSecret },
      options,
    );
    this.api = new MarketplaceApi(
      { label: this.label, baseUrl, authorize: (refresh) => tokens.headers(refresh), limits: WALMART_LIMITS },
      options,
    );
  }

  mapOrder(payload: MarketplaceOrderPayload, context: MappingContext): MappedOrder {
    return mapWalmartOrder(payload, context);
  }

  async pullOrders(cursor: string | undefined): Promise<OrderPage> {
    const now = this.now();
    const state = cursor === undefined ? this.firstCursor(now) : parseWalmartCursor(cursor, this.label);
    if (state.page !== undefined && state.windowStartedAt !== undefined) {
      let list: OrderList | undefined;
      try {
        list = await this.listOrders(`/v3/orders${asQuery(state.page)}`);
      } catch (error) {
        // Walmart's nextCursor is not promised to outlive a long stop: the window starts over
        // from the same time, which only repeats orders.
        if (!isMarketplaceError(error) || error.code !== 'marketplace-refused') throw error;
      }
      if (list !== undefined) return this.pageOf(list, state, state.windowStartedAt);
    }
    const createdFrom = Math.max(Date.parse(state.createdFrom), now - OLDEST_CREATED_MS);
    const list = await this.listOrders('/v3/orders', {
      limit: this.pageLimit,
      productInfo: 'false',
      shipNodeType: 'SellerFulfilled',
      createdStartDate: new Date(createdFrom).toISOString(),
      lastModifiedStartDate: state.modifiedFrom,
    });
    return this.pageOf(list, state, new Date(now).toISOString());
  }

  async acknowledgeOrder(orderId: string): Promise<void> {
    await this.api.call({
      operation: 'acknowledgeOrder',
      method: 'POST',
      path: `${orderPath(orderId)}/acknowledge`,
      subject: orderId,
    });
  }

  async confirmShipment(shipment: ShipmentConfirmation): Promise<void> {
    const checked = checkShipment(shipment, this.label);
    const method = shipment.method ?? (await this.orderedMethod(shipment.orderId));
    const body = shipmentBody(checked, shipMethodCode(method, this.label, shipment.orderId));
    await this.api.call({
      operation: 'confirmShipment',
      method: 'POST',
      path: `${orderPath(shipment.orderId)}/shipping`,
      data: body,
      subject: shipment.orderId,
    });
  }

  async cancelLines(cancellation: LineCancellation): Promise<void> {
    const body = cancellationBody(cancellation, this.label);
    await this.api.call({
      operation: 'cancelLines',
      method: 'POST',
      path: `${orderPath(cancellation.orderId)}/cancel`,
      data: body,
      subject: cancellation.orderId,
    });
  }

  private firstCursor(now: number): WalmartPullCursor {
    const from = new Date(now - this.settings.firstPullHours * 3_600_000).toISOString();
    return { v: 1, createdFrom: from, modifiedFrom: from };
  }

  /** `GET /v3/orders`, a search or a `nextCursor`; Walmart's 404 for no match is an empty list. */
  private async listOrders(path: string, params?: Record<string, string | number>): Promise<OrderList> {
    try {
      const { data } = await this.api.call<OrderList>({
        operation: 'getOrders',
        method: 'GET',
        path,
        params,
      });
      return data;
    } catch (error) {
      if (isNoOrderFound(error)) return {};
      throw error;
    }
  }

  /** One page of a window; the cursor after it points at the next page, or at the next window. */
  private pageOf(list: OrderList, state: WalmartPullCursor, windowStartedAt: string): OrderPage {
    const orders = (list.list?.elements?.order ?? []).map((order, index) => this.payloadOf(order, index));
    const next = list.list?.meta?.nextCursor;
    const base = { v: 1 as const, createdFrom: state.createdFrom };
    if (typeof next === 'string' && next.trim() !== '' && orders.length > 0) {
      const cursor = { ...base, modifiedFrom: state.modifiedFrom, windowStartedAt, page: next.trim() };
      return { orders, nextCursor: formatWalmartCursor(cursor), more: true };
    }
    const modifiedFrom = new Date(Date.parse(windowStartedAt) - this.overlapMs).toISOString();
    return { orders, nextCursor: formatWalmartCursor({ ...base, modifiedFrom }), more: false };
  }

  private payloadOf(order: unknown, index: number): MarketplaceOrderPayload {
    const orderId = (order as { purchaseOrderId?: unknown } | null)?.purchaseOrderId;
    if (typeof orderId !== 'string' || orderId === '')
      throw MarketplaceError.refused(
        `${this.label}: getOrders answered an order without a purchaseOrderId (element ${index} of the page); it cannot be stored`,
      );
    const updatedAt = walmartUpdatedAt(order);
    return { orderId, ...(updatedAt === undefined ? {} : { updatedAt }), body: order };
  }

  /** The shipping method the order was placed with, for a shipment that names none. */
  private async orderedMethod(orderId: string): Promise<string> {
    const { data } = await this.api.call<{ order?: { shippingInfo?: { methodCode?: unknown } } }>({
      operation: 'getOrder',
      method: 'GET',
      path: orderPath(orderId),
      subject: orderId,
    });
    const method = data.order?.shippingInfo?.methodCode;
    if (typeof method === 'string' && method.trim() !== '') return method;
    throw MarketplaceError.refused(
      `${this.label}: confirmShipment of ${orderId} cannot be sent: the shipment names no method and the order shows none; give the shipment a Walmart shipping method`,
    );
  }
}

function orderPath(orderId: string): string {
  return `/v3/orders/${encodeURIComponent(orderId)}`;
}

/** Walmart's nextCursor is a query string to append to `/v3/orders` (`?limit=10&soIndex=...`). */
function asQuery(page: string): string {
  return page.startsWith('?') ? page : `?${page}`;
}

/**
 * `GET /v3/orders` answers 404 `CONTENT_NOT_FOUND.GMP_ORDER_API` when no order matches: an empty
 * page, not a failure. The shared client makes it a refusal whose message carries the status and
 * Walmart's code, which is all it keeps of the answer.
 */
function isNoOrderFound(error: unknown): boolean {
  return (
    isMarketplaceError(error) &&
    error.code === 'marketplace-refused' &&
    / refused with 404\b/.test(error.message) &&
    error.message.includes('CONTENT_NOT_FOUND')
  );
}
