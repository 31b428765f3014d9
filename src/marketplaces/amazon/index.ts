export { mapAmazonOrder } from './map-order.js';
export {
  AMAZON_ORDER_ITEM_SCHEMA,
  AMAZON_ORDER_SCHEMA,
  type AmazonOrder,
  type AmazonOrderItem,
} from './order-schema.js';
