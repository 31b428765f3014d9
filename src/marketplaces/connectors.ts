import type { ApiClientOptions } from './api-client.js';
import { createAmazonConnector } from './amazon/index.js';
import type { ConnectorSettings, MarketplaceConnector } from './connector.js';
import { createShopifyConnector } from './shopify/index.js';
import { createWalmartConnector } from './walmart/index.js';

/**
 * The connector of a seller account's platform, talking to its API (or to the `apiUrl` the
 * partner file gives, a sandbox).
 *
 * @example
 * const connector = createMarketplaceConnector({ partnerId: 'acme-walmart', platform: 'walmart', account: '10000000754', credentials, firstPullHours: 24 });
 */
export function createMarketplaceConnector(
  settings: ConnectorSettings,
  options: ApiClientOptions = {},
): MarketplaceConnector {
  switch (settings.platform) {
    case 'amazon':
      return createAmazonConnector(settings, options);
    case 'shopify':
      return createShopifyConnector(settings, options);
    case 'walmart':
      return createWalmartConnector(settings, options);
  }
}
