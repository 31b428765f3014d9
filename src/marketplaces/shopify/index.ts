export { mapShopifyOrder } from './map-order.js';
export {
  SHOPIFY_ORDER_TOPICS,
  verifyShopifyWebhook,
  type ShopifyOrderTopic,
  type ShopifyWebhook,
  type WebhookCheck,
} from './webhook.js';
export { SHOPIFY_ORDER_SCHEMA, type ShopifyOrder } from './order-schema.js';
export { createShopifyConnector, SHOPIFY_MAX_PAGE_SIZE, type ShopifyConnectorOptions } from './client.js';
export { SHOPIFY_API_VERSION } from './rest.js';
export { SHOPIFY_CANCEL_REASONS, type ShopifyCancelReason } from './cancel-lines.js';
