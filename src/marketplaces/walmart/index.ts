export { mapWalmartOrder } from './map-order.js';
export { WALMART_ORDER_SCHEMA, type WalmartOrder } from './order-schema.js';
export { createWalmartConnector, type WalmartConnectorOptions } from './client.js';
export { walmartUpdatedAt } from './pull-cursor.js';
