import { EntitySchema } from '@mikro-orm/core';

/**
 * Stock one order line holds at one location. Written in the transaction that raises
 * `committed`, and deleted in the one that lowers it, so each unit is reserved and given back once.
 */
export interface InventoryReservation {
  orderId: string;
  lineNumber: string;
  locationId: string;
  itemId: string;
  quantity: string;
  createdAt: Date;
}

export const InventoryReservationSchema = new EntitySchema<InventoryReservation>({
  name: 'InventoryReservation',
  tableName: 'inventory_reservation',
  properties: {
    orderId: { type: 'string', length: 128, primary: true },
    lineNumber: { type: 'string', length: 64, primary: true },
    locationId: { type: 'string', length: 64, primary: true },
    itemId: { type: 'string', length: 64 },
    quantity: { type: 'decimal' },
    createdAt: { type: 'datetime' },
  },
});
