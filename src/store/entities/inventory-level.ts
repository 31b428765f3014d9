import { EntitySchema } from '@mikro-orm/core';
import type { LocationKind } from '../../core/index.js';

export const LOCATION_KINDS = ['dc', '3pl', 'dropship'] as const satisfies readonly LocationKind[];

/**
 * Stock of one item at one location. `committed` is what orders have reserved; it only moves by a
 * conditional update that keeps it within `onHand`, so concurrent orders cannot oversell.
 */
export interface InventoryLevel {
  itemId: string;
  locationId: string;
  kind: LocationKind;
  onHand: string;
  committed: string;
  updatedAt: Date;
}

export const InventoryLevelSchema = new EntitySchema<InventoryLevel>({
  name: 'InventoryLevel',
  tableName: 'inventory_level',
  properties: {
    itemId: { type: 'string', length: 64, primary: true },
    locationId: { type: 'string', length: 64, primary: true },
    kind: { enum: true, items: () => [...LOCATION_KINDS] },
    onHand: { type: 'decimal' },
    committed: { type: 'decimal' },
    updatedAt: { type: 'datetime' },
  },
});
