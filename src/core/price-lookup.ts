import type { CatalogItem, PriceEntry, PriceList } from './context.js';

/**
 * Our price for an item in a unit for a partner: the partner's contract price where there is
 * one, the list price otherwise. A contract always wins, whether it is above or below the list.
 *
 * @example
 * const price = priceFor(item, 'EA', 'acme', context.priceList);
 * // { itemId: 'W-1', uom: 'EA', unitPrice: '9.25', partnerId: 'acme', contractNumber: 'C-7' }
 */
export function priceFor(
  item: CatalogItem,
  uom: string,
  partnerId: string,
  priceList: PriceList,
): PriceEntry | undefined {
  const candidates = priceList.entries.filter(
    (entry) => entry.itemId === item.itemId && entry.uom.toUpperCase() === uom.toUpperCase(),
  );
  return (
    candidates.find((entry) => entry.partnerId === partnerId) ??
    candidates.find((entry) => entry.partnerId === undefined)
  );
}
