export { mapAmazonOrder } from './map-order.js';
export {
  AMAZON_ORDER_ITEM_SCHEMA,
  AMAZON_ORDER_SCHEMA,
  type AmazonOrder,
  type AmazonOrderItem,
} from './order-schema.js';
export { AMAZON_RATE_LIMITS, createAmazonConnector, SP_API_NA_URL } from './client.js';
