/**
 * Marketplaces: the `MarketplaceConnector` port and, one folder each, the connectors that map
 * marketplace orders into canonical purchase orders.
 */
export type {
  ConnectorSettings,
  LineCancellation,
  MappedOrder,
  MappingContext,
  MarketplaceConnector,
  MarketplaceOrderPayload,
  MarketplacePlatform,
  MarketplaceProblem,
  OrderPage,
  ShipmentConfirmation,
} from './connector.js';
export {
  mapShopifyOrder,
  SHOPIFY_ORDER_SCHEMA,
  SHOPIFY_ORDER_TOPICS,
  verifyShopifyWebhook,
  type ShopifyOrder,
  type ShopifyWebhook,
  type WebhookCheck,
} from './shopify/index.js';
export { mapWalmartOrder, WALMART_ORDER_SCHEMA, type WalmartOrder } from './walmart/index.js';
export { mapAmazonOrder, type AmazonOrder, type AmazonOrderItem } from './amazon/index.js';
export { backoffMs, retryAfterMs, TokenBucket } from './rate-limit.js';
export {
  MarketplaceApi,
  type ApiClientOptions,
  type ApiClientSettings,
  type RateLimit,
} from './api-client.js';
export { isMarketplaceError, MarketplaceError, type MarketplaceErrorCode } from './marketplace-error.js';
export type { MarketplaceSandbox, SandboxCall, SandboxFault } from './sandbox/sandbox.js';
export { mapMarketplaceOrder, orderVersionOf, type OrderVersion } from './orders.js';
export { createMarketplaceConnector } from './connectors.js';
export { startAmazonSandbox, type AmazonSandboxOptions } from './sandbox/amazon-sandbox.js';
export {
  startShopifySandbox,
  type ShopifySandbox,
  type ShopifySandboxOptions,
  type ShopifyWebhookOptions,
} from './sandbox/shopify-sandbox.js';
export { startWalmartSandbox, type WalmartSandboxOptions } from './sandbox/walmart-sandbox.js';
