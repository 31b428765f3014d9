/**
 * The canonical model: one JSON Schema per document type, built with TypeBox so that each
 * TypeScript type is derived from its schema and the two cannot drift. No I/O.
 */
export * from './allowance-charge.js';
export * from './carrier.js';
export * from './dates.js';
export * from './decimal.js';
export * from './document.js';
export * from './document-id.js';
export * from './extension.js';
export * from './functional-ack.js';
export * from './invoice.js';
export * from './line-parts.js';
export * from './note.js';
export * from './party.js';
export * from './payment-terms.js';
export * from './primitives.js';
export * from './product-ids.js';
export * from './purchase-order.js';
export * from './purchase-order-ack.js';
export * from './purpose.js';
export * from './reference.js';
export * from './remittance.js';
export * from './ship-notice.js';
export * from './source.js';
export * from './tax.js';
export * from './validate.js';
export * from './with-empty-arrays.js';
export { shipNoticeStructure } from './ship-notice-structure.js';
