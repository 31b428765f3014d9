import { mapAmazonOrder } from './amazon/index.js';
import { epochMillis } from './map-helpers.js';
import type {
  MappedOrder,
  MappingContext,
  MarketplaceOrderPayload,
  MarketplacePlatform,
} from './connector.js';
import { mapShopifyOrder } from './shopify/index.js';
import { mapWalmartOrder, walmartUpdatedAt } from './walmart/index.js';

const MAPPERS: Record<
  MarketplacePlatform,
  (payload: MarketplaceOrderPayload, context: MappingContext) => MappedOrder
> = {
  amazon: mapAmazonOrder,
  shopify: mapShopifyOrder,
  walmart: mapWalmartOrder,
};

/**
 * Maps a stored marketplace order with its platform's mapping; pure, no credentials.
 *
 * @example
 * const mapped = mapMarketplaceOrder('shopify', { orderId: '450789469', body }, { partnerId: 'acme-shop' });
 */
export function mapMarketplaceOrder(
  platform: MarketplacePlatform,
  payload: MarketplaceOrderPayload,
  context: MappingContext,
): MappedOrder {
  return MAPPERS[platform](payload, context);
}

/** Which order a stored payload is and which version of it, read without mapping it. */
export interface OrderVersion {
  orderId: string;
  /** The marketplace's last change to the order, ISO 8601; undefined where the payload has none. */
  updatedAt?: string;
}

/**
 * The order id and last-update time of a stored payload (Shopify `id`/`updated_at`, Amazon
 * `order.AmazonOrderId`/`order.LastUpdateDate`, Walmart `purchaseOrderId` and the newest of its
 * order date and its lines' status dates), or undefined when the payload does not carry an id: the mapping then says why.
 *
 * @example
 * orderVersionOf('shopify', { id: 450789469, updated_at: '2008-01-10T11:00:00-05:00' });
 * // { orderId: '450789469', updatedAt: '2008-01-10T16:00:00.000Z' }
 */
export function orderVersionOf(platform: MarketplacePlatform, body: unknown): OrderVersion | undefined {
  const record = recordOf(body);
  if (record === undefined) return undefined;
  switch (platform) {
    case 'shopify': {
      const order = recordOf(record['order']) ?? record;
      return version(order['id'], order['updated_at']);
    }
    case 'amazon': {
      const order = recordOf(record['order']);
      return order === undefined ? undefined : version(order['AmazonOrderId'], order['LastUpdateDate']);
    }
    case 'walmart': {
      const order = recordOf(record['order']) ?? record;
      return version(order['purchaseOrderId'], walmartUpdatedAt(order));
    }
  }
}

function version(id: unknown, updatedAt: unknown): OrderVersion | undefined {
  if ((typeof id !== 'string' && typeof id !== 'number') || String(id).trim() === '') return undefined;
  const at = isoOf(updatedAt);
  return { orderId: String(id), ...(at === undefined ? {} : { updatedAt: at }) };
}

/** An ISO 8601 date-time or an epoch (see `epochMillis`) as UTC ISO 8601. */
function isoOf(value: unknown): string | undefined {
  const ms = typeof value === 'string' && !/^\d+$/.test(value) ? Date.parse(value) : epochMillis(value);
  return ms !== undefined && Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

function recordOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
