import { CatalogItemRecordSchema, CatalogReferenceSchema } from './catalog-item-record.js';
import { InventoryLevelSchema } from './inventory-level.js';
import { InventoryReservationSchema } from './inventory-reservation.js';
import { OrderLineRecordSchema } from './order-line-record.js';
import { OrderRecordSchema } from './order-record.js';
import { PriceEntryRecordSchema } from './price-entry-record.js';

export * from './catalog-item-record.js';
export * from './inventory-level.js';
export * from './inventory-reservation.js';
export * from './order-line-record.js';
export * from './order-record.js';
export * from './price-entry-record.js';

/** The entities of order processing: orders, inventory, catalog and price lists. */
export const orderEntities = [
  OrderRecordSchema,
  OrderLineRecordSchema,
  InventoryLevelSchema,
  InventoryReservationSchema,
  CatalogItemRecordSchema,
  CatalogReferenceSchema,
  PriceEntryRecordSchema,
];
