import { MarketplaceApi, type ApiAnswer, type ApiClientOptions, type ApiRequest } from '../api-client.js';
import type { ConnectorSettings, MarketplaceConnector } from '../connector.js';
import { MarketplaceError } from '../marketplace-error.js';
import { ShopifyCallLimit } from './call-limit.js';
import { cancelShopifyLines } from './cancel-lines.js';
import { confirmShopifyShipment } from './confirm-shipment.js';
import { mapShopifyOrder } from './map-order.js';
import { pullShopifyOrders } from './pull-orders.js';
import { SHOPIFY_API_VERSION, type ShopifyRest } from './rest.js';

/** The REST Admin API's largest page of orders. */
export const SHOPIFY_MAX_PAGE_SIZE = 250;

/** The shared client's options, and what only the Shopify connector is told. */
export interface ShopifyConnectorOptions extends ApiClientOptions {
  /** Orders per page of a pull, 1 to 250. Default 250. */
  pageSize?: number;
  /**
   * Whether Shopify emails the buyer about a fulfilment (with its tracking link), a cancellation
   * or a refund the gateway sends. Default true: the gateway is how the shop learns of these, so
   * nothing else would tell the buyer.
   */
  notifyCustomer?: boolean;
}

const SHOP_DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/**
 * The Shopify connector over the REST Admin API (2024-10) of one shop, with a custom app's Admin
 * API access token (credential `accessToken`, sent as `X-Shopify-Access-Token`). Orders reach
 * the gateway by webhook (`verifyShopifyWebhook`); `pullOrders` is the reconciliation pull that
 * catches the ones a webhook missed. Calls share the shop's REST bucket (40 calls leaking 2 a
 * second, larger on Plus, as each answer's `X-Shopify-Shop-Api-Call-Limit` says).
 *
 * - `acknowledgeOrder`: Shopify has no order acknowledgement; it resolves without a call.
 * - `confirmShipment`: fulfilments of the order's open fulfilment orders, with tracking.
 * - `cancelLines`: the whole order cancelled when every unfulfilled unit is, else a refund of
 *   the lines with `restock_type: "cancel"`.
 *
 * A custom app's token does not expire, so there is nothing to refresh: a 401 means it was
 * revoked or the app uninstalled, and is a `marketplace-auth` error at once. The app needs the
 * scopes `read_orders` (Shopify serves the last 60 days of orders without `read_all_orders`),
 * `write_merchant_managed_fulfillment_orders` (fulfilment orders and fulfilments) and
 * `write_orders` (cancellations and refunds); a missing one answers 403, also `marketplace-auth`.
 *
 * @example
 * const shop = createShopifyConnector({ partnerId: 'acme-shop', platform: 'shopify',
 *   account: 'acme.myshopify.com', credentials: { accessToken }, firstPullHours: 24 });
 * const page = await shop.pullOrders(storedCursor);
 */
export function createShopifyConnector(
  settings: ConnectorSettings,
  options: ShopifyConnectorOptions = {},
): MarketplaceConnector {
  const label = `partner ${settings.partnerId}`;
  const shop = settings.account.trim();
  if (!SHOP_DOMAIN.test(shop))
    throw MarketplaceError.auth(
      `${label}: account ${JSON.stringify(settings.account.slice(0, 100))} is not a shop domain; give the shop's myshopify domain, e.g. acme.myshopify.com, without https:// or a path`,
    );
  const token = settings.credentials['accessToken'];
  if (token === undefined || token.trim() === '')
    throw MarketplaceError.auth(
      `${label}: credential accessToken is missing; the partner file must name the custom app's Admin API access token`,
    );
  const pageSize = options.pageSize ?? SHOPIFY_MAX_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > SHOPIFY_MAX_PAGE_SIZE)
    throw new RangeError(
      `pageSize must be a whole number from 1 to ${SHOPIFY_MAX_PAGE_SIZE}, not ${pageSize}`,
    );
  const now = options.now ?? Date.now;
  const api = new MarketplaceApi(
    {
      label,
      baseUrl: (settings.apiUrl ?? `https://${shop}/admin/api/${SHOPIFY_API_VERSION}`).replace(/\/+$/, ''),
      authorize: (refresh) => {
        if (refresh)
          return Promise.reject(
            MarketplaceError.auth(
              `${label}: Shopify answered 401 to the access token of ${shop}; a custom app's token does not expire, so it was revoked or the app uninstalled: install the app again and put its new token where the partner file's accessToken points`,
            ),
          );
        return Promise.resolve({ 'X-Shopify-Access-Token': token });
      },
    },
    options,
  );
  const limit = new ShopifyCallLimit(undefined, now, options.sleep);
  const rest: ShopifyRest = {
    label,
    async call<T>(request: ApiRequest): Promise<ApiAnswer<T>> {
      await limit.acquire();
      const answer = await api.call<T>(request);
      limit.observe(answer.headers['x-shopify-shop-api-call-limit']);
      return answer;
    },
  };
  const actions = { notifyCustomer: options.notifyCustomer ?? true };
  return {
    platform: 'shopify',
    mapOrder: mapShopifyOrder,
    pullOrders: (cursor) =>
      pullShopifyOrders(rest, cursor, { firstPullHours: settings.firstPullHours, pageSize, now }),
    // Shopify has no acknowledgement: an order is the shop's once it is placed.
    acknowledgeOrder: () => Promise.resolve(),
    confirmShipment: (shipment) => confirmShopifyShipment(rest, shipment, actions),
    cancelLines: (cancellation) => cancelShopifyLines(rest, cancellation, actions),
  };
}
