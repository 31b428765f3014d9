import type { ProductIds, ShipNotice, ShipNoticeItem, ShipNoticeOrder } from '../canonical/index.js';

/** What one ship notice shipped against one purchase order. */
export interface ShippedItem {
  lineNumber?: string;
  ids: ProductIds;
  quantityShipped: string;
}

function itemsOf(order: ShipNoticeOrder): ShipNoticeItem[] {
  return [
    ...order.items,
    ...order.packs.flatMap((pack) => pack.items),
    ...order.tares.flatMap((tare) => [...tare.items, ...tare.packs.flatMap((pack) => pack.items)]),
  ];
}

/**
 * The items a ship notice shipped for each PO number it names, wherever they sit in its
 * hierarchy (under the order, in packs, on tares).
 */
export function shippedByPoNumber(notice: ShipNotice): Map<string, ShippedItem[]> {
  const byPo = new Map<string, ShippedItem[]>();
  for (const order of notice.orders) {
    if (order.poNumber === undefined) continue;
    const items = itemsOf(order).map((item) => ({
      ...(item.lineNumber === undefined ? {} : { lineNumber: item.lineNumber }),
      ids: item.ids,
      quantityShipped: item.quantityShipped,
    }));
    byPo.set(order.poNumber, [...(byPo.get(order.poNumber) ?? []), ...items]);
  }
  return byPo;
}

/** The ids both sides may carry, most specific first. */
const MATCHING_IDS: readonly (keyof ProductIds)[] = [
  'gtin',
  'upc',
  'ean',
  'buyerPartNumber',
  'vendorPartNumber',
  'sku',
  'asin',
  'manufacturerPartNumber',
];

/** An ordered line as the KPI arithmetic needs it. */
export interface OrderedLine {
  lineNumber: string;
  quantity: string;
  ids: ProductIds;
}

/**
 * The ordered line a shipped item belongs to: by the buyer's line number (LIN01) when the notice
 * gives one, else by the first product id both carry. Undefined when nothing ties it to a line.
 */
export function lineOfItem(item: ShippedItem, lines: readonly OrderedLine[]): OrderedLine | undefined {
  if (item.lineNumber !== undefined) return lines.find((line) => line.lineNumber === item.lineNumber);
  for (const key of MATCHING_IDS) {
    const value = item.ids[key];
    if (value === undefined) continue;
    const line = lines.find((candidate) => candidate.ids[key] === value);
    if (line !== undefined) return line;
  }
  return undefined;
}
