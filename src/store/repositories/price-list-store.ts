import type { PriceList } from '../../core/index.js';

/** One price as loaded into a price list. */
export interface PriceListEntryInput {
  itemId: string;
  uom: string;
  unitPrice: string;
  /** A contract price for this partner; absent for the list price. */
  partnerId?: string;
  contractNumber?: string;
}

/** The store's port for price lists. */
export interface PriceListStore {
  /**
   * Creates or replaces prices of a list, in one transaction: one per item, unit and partner
   * (the list price being the one without a partner). Prices not given are kept.
   */
  upsertEntries(priceListId: string, entries: readonly PriceListEntryInput[], at?: Date): Promise<void>;
  /**
   * A partner's view of a list: the list prices and that partner's contract prices, for the
   * items given (every item when `itemIds` is absent).
   *
   * @example
   * const priceList = await priceLists.priceListFor('bigbox-2024', 'bigbox-retail', ['W-1']);
   */
  priceListFor(priceListId: string, partnerId: string, itemIds?: readonly string[]): Promise<PriceList>;
}
