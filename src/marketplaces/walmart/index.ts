export { mapWalmartOrder } from './map-order.js';
export { WALMART_ORDER_SCHEMA, type WalmartOrder } from './order-schema.js';
