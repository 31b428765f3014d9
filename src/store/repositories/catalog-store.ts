import type { Catalog, CatalogItem, ItemCrossReference } from '../../core/index.js';

/**
 * A catalog item as loaded: the core's item, except that buyer part numbers are each partner's
 * own and are given per partner.
 */
export interface CatalogItemInput extends Omit<CatalogItem, 'crossReference'> {
  crossReference: Omit<ItemCrossReference, 'buyerPartNumber'>;
  /** Partner id to that partner's part numbers for the item. */
  buyerPartNumbers?: Readonly<Record<string, readonly string[]>>;
}

/** The store's port for the catalog. */
export interface CatalogStore {
  /** Creates or replaces items (with all their ids), in one transaction. */
  upsertItems(items: readonly CatalogItemInput[], at?: Date): Promise<void>;
  get(itemId: string): Promise<CatalogItemInput | null>;
  /**
   * The catalog as one partner sees it (only its own buyer part numbers), holding at least every
   * item that one of `ids` could name, so that the core's match against it is the same as against
   * the whole catalog.
   *
   * @example
   * const catalog = await catalogs.catalogFor('acme', ['012345678905', 'VP-1']);
   */
  catalogFor(partnerId: string, ids: readonly string[]): Promise<Catalog>;
}
