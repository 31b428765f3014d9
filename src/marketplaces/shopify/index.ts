export { mapShopifyOrder } from './map-order.js';
export {
  SHOPIFY_ORDER_TOPICS,
  verifyShopifyWebhook,
  type ShopifyOrderTopic,
  type ShopifyWebhook,
  type WebhookCheck,
} from './webhook.js';
export { SHOPIFY_ORDER_SCHEMA, type ShopifyOrder } from './order-schema.js';
