export { mapShopifyOrder } from './map-order.js';
export { SHOPIFY_ORDER_SCHEMA, type ShopifyOrder } from './order-schema.js';
