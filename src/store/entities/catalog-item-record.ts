import { EntitySchema } from '@mikro-orm/core';
import type { CatalogItem } from '../../core/index.js';

/** A catalog item as stored: the core's item, with buyer part numbers kept per partner. */
export interface CatalogItemRecord {
  itemId: string;
  /** The core's `CatalogItem`, without buyer part numbers (they belong to one partner each). */
  item: CatalogItem;
  /** Partner id to the partner's own part numbers for the item. */
  buyerPartNumbers: Record<string, string[]> | null;
  updatedAt: Date;
}

export const CatalogItemRecordSchema = new EntitySchema<CatalogItemRecord>({
  name: 'CatalogItemRecord',
  tableName: 'catalog_item',
  properties: {
    itemId: { type: 'string', length: 64, primary: true },
    item: { type: 'json' },
    buyerPartNumbers: { type: 'json', nullable: true },
    updatedAt: { type: 'datetime' },
  },
});

/**
 * Every id an item can be ordered by, loosely normalised (trimmed, upper case, leading zeros of
 * numbers dropped), so that an order's lines load only the items they could name. The core then
 * matches exactly; the loose key only has to find a superset.
 */
export interface CatalogReference {
  reference: string;
  /** `''` for ids every partner may use; a partner id for that partner's buyer part numbers. */
  partnerId: string;
  itemId: string;
}

export const CatalogReferenceSchema = new EntitySchema<CatalogReference>({
  name: 'CatalogReference',
  tableName: 'catalog_reference',
  properties: {
    reference: { type: 'string', length: 128, primary: true },
    partnerId: { type: 'string', length: 64, primary: true },
    itemId: { type: 'string', length: 64, primary: true },
  },
});
