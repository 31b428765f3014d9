import type { PurchaseOrder } from '../../canonical/index.js';
import { findCatalogItem, type Catalog } from '../../core/index.js';

/**
 * Our item for each line the catalog identifies, by line number. Lines that match nothing, or
 * several items, are left out: the unknown-SKU rule holds them.
 *
 * @example
 * matchItems(order, catalog).get('1'); // 'W-1'
 */
export function matchItems(order: PurchaseOrder, catalog: Catalog): Map<string, string> {
  const items = new Map<string, string>();
  for (const line of order.lines) {
    const match = findCatalogItem(line, catalog);
    if (match.kind === 'found') items.set(line.lineNumber, match.item.itemId);
  }
  return items;
}
