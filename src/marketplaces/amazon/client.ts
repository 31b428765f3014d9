import { GatewayError } from '../../errors/index.js';
import {
  MarketplaceApi,
  type ApiAnswer,
  type ApiClientOptions,
  type ApiRequest,
  type RateLimit,
} from '../api-client.js';
import type {
  ConnectorSettings,
  LineCancellation,
  MarketplaceConnector,
  ShipmentConfirmation,
} from '../connector.js';
import { isMarketplaceError, MarketplaceError } from '../marketplace-error.js';
import { confirmAmazonShipment } from './confirm-shipment.js';
import { LwaTokenSource } from './lwa-token.js';
import { mapAmazonOrder } from './map-order.js';
import { pullAmazonOrders } from './order-pull.js';

/** The SP-API endpoint for North America; Europe and the Far East have their own (`apiUrl`). */
export const SP_API_NA_URL = 'https://sellingpartnerapi-na.amazon.com';

/** The Orders API v0 usage plans as published (requests per second, burst). */
export const AMAZON_RATE_LIMITS: Readonly<Record<string, RateLimit>> = {
  getOrders: { ratePerSecond: 0.0167, burst: 20 },
  getOrder: { ratePerSecond: 0.5, burst: 30 },
  getOrderItems: { ratePerSecond: 0.5, burst: 30 },
  confirmShipment: { ratePerSecond: 2, burst: 10 },
};

/**
 * The Amazon Selling Partner API (Orders API v0) behind the `MarketplaceConnector` port: orders
 * pulled with `getOrders` and `getOrderItems`, shipments confirmed with `confirmShipment`, with
 * Login with Amazon access tokens (`x-amz-access-token`). SP-API answers an expired or revoked
 * access token with 403 `Unauthorized`, not 401: a call refused so with a token cached from
 * earlier is sent once more with a new token; refused again, it is a permanent `marketplace-auth`.
 *
 * @example
 * const amazon = createAmazonConnector({
 *   partnerId: 'amazon-us', platform: 'amazon', account: 'A1SELLER', marketplaceIds: ['ATVPDKIKX0DER'],
 *   credentials: { refreshToken, clientId, clientSecret }, firstPullHours: 24,
 * });
 * const page = await amazon.pullOrders(storedCursor);
 */
export function createAmazonConnector(
  settings: ConnectorSettings,
  options: ApiClientOptions = {},
): MarketplaceConnector {
  const label = `partner ${settings.partnerId}`;
  const lwa = new LwaTokenSource(
    { label, credentials: settings.credentials, ...(settings.authUrl ? { authUrl: settings.authUrl } : {}) },
    options,
  );
  const api = new MarketplaceApi(
    {
      label,
      baseUrl: (settings.apiUrl ?? SP_API_NA_URL).replace(/\/+$/, ''),
      authorize: (refresh) => lwa.headers(refresh),
      limits: { ...AMAZON_RATE_LIMITS },
      rateHeader: 'x-amzn-RateLimit-Limit',
    },
    options,
  );
  const call = async <T>(request: ApiRequest): Promise<ApiAnswer<T>> => {
    const fetchesBefore = lwa.fetches;
    try {
      return await api.call<T>(request);
    } catch (error) {
      const tokenFromBefore = lwa.fetches === fetchesBefore;
      if (
        !isMarketplaceError(error) ||
        error.code !== 'marketplace-auth' ||
        lwa.threw(error) ||
        !tokenFromBefore
      )
        throw error;
      lwa.invalidate();
      return api.call<T>(request);
    }
  };
  const marketplaceIds = settings.marketplaceIds ?? [];
  return {
    platform: 'amazon',
    mapOrder: mapAmazonOrder,

    pullOrders(cursor) {
      if (marketplaceIds.length === 0)
        return Promise.reject(
          new GatewayError(
            'config-invalid',
            `${label}: no marketplaceIds: Amazon getOrders only answers for named marketplaces; add marketplaceIds (such as ATVPDKIKX0DER for amazon.com) to the partner file's transport`,
            { permanent: true, status: 500 },
          ),
        );
      return pullAmazonOrders(
        {
          label,
          marketplaceIds,
          firstPullHours: settings.firstPullHours,
          now: options.now ?? Date.now,
          call,
        },
        cursor,
      );
    },

    /**
     * Resolves without a call: the Orders API has no acknowledgement for seller-fulfilled orders. An
     * order is `Unshipped` once Amazon has authorised the payment, and the seller's next word is the
     * shipment confirmation (the order-acknowledgement feed only serves to cancel, see `cancelLines`).
     */
    acknowledgeOrder() {
      return Promise.resolve();
    },

    confirmShipment(shipment: ShipmentConfirmation) {
      return confirmAmazonShipment({ label, marketplaceIds, call }, shipment);
    },

    /** Always refused: Amazon takes line cancellations only as a Feeds API feed, which the gateway does not send. */
    cancelLines(cancellation: LineCancellation) {
      const lines = cancellation.lines.map((line) => line.lineId).join(', ');
      return Promise.reject(
        MarketplaceError.unsupported(
          `${label}: Amazon cancels order lines only through the Feeds API (order acknowledgement feed), which the gateway does not send: cancel order items ${lines} of order ${cancellation.orderId} in Seller Central (Orders > Manage Orders > Cancel order)`,
        ),
      );
    },
  };
}
