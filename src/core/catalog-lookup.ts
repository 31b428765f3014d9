import type { PurchaseOrderLine } from '../canonical/index.js';
import type { Catalog, CatalogItem, ItemCrossReference } from './context.js';

/** How a line's ids resolved against the catalog. */
export type CatalogMatch =
  | { kind: 'found'; item: CatalogItem; matchedBy: string }
  | { kind: 'unknown'; triedIds: string[] }
  | { kind: 'ambiguous'; items: CatalogItem[] };

type IdKind = keyof ItemCrossReference;

// UPC-A, EAN-13 and GTIN-14 are one numbering scheme: padded to 14 digits they compare equal,
// so a buyer who sends a UPC finds the item the catalog lists by GTIN.
const BARCODE_KINDS = new Set<IdKind>(['upc', 'gtin']);

function keyOf(kind: IdKind, value: string): string {
  const trimmed = value.trim();
  if (BARCODE_KINDS.has(kind) && /^\d{8,14}$/.test(trimmed)) return `barcode:${trimmed.padStart(14, '0')}`;
  return `${kind}:${trimmed.toUpperCase()}`;
}

const indexes = new WeakMap<Catalog, Map<string, CatalogItem[]>>();

// Built once per catalog object: an order of many lines against a large catalog stays linear.
function indexOf(catalog: Catalog): Map<string, CatalogItem[]> {
  let index = indexes.get(catalog);
  if (index) return index;
  index = new Map();
  for (const item of catalog.items) {
    for (const [kind, values] of Object.entries(item.crossReference) as [IdKind, readonly string[]][]) {
      for (const value of values) {
        const key = keyOf(kind, value);
        const items = index.get(key) ?? [];
        if (!items.includes(item)) items.push(item);
        index.set(key, items);
      }
    }
  }
  indexes.set(catalog, index);
  return index;
}

/** The line's ids that can name a catalog item, in the order a match is reported by. */
function lineIds(line: PurchaseOrderLine): [IdKind, string][] {
  const { ids } = line;
  const pairs: [IdKind, string | undefined][] = [
    ['sku', ids.sku],
    ['vendorPartNumber', ids.vendorPartNumber],
    ['upc', ids.upc],
    ['gtin', ids.gtin ?? ids.ean],
    ['buyerPartNumber', ids.buyerPartNumber],
  ];
  return pairs.filter((pair): pair is [IdKind, string] => pair[1] !== undefined && pair[1].trim() !== '');
}

/**
 * Finds the catalog item a line orders. Every id the line carries is tried; ids that name two
 * different items make the match ambiguous rather than silently picking one.
 *
 * @example
 * const match = findCatalogItem(line, context.catalog);
 * if (match.kind === 'found') console.log(match.item.itemId, 'by', match.matchedBy);
 */
export function findCatalogItem(line: PurchaseOrderLine, catalog: Catalog): CatalogMatch {
  const index = indexOf(catalog);
  const tried = lineIds(line);
  const found = new Map<string, { item: CatalogItem; matchedBy: string }>();
  for (const [kind, value] of tried) {
    for (const item of index.get(keyOf(kind, value)) ?? []) {
      if (!found.has(item.itemId)) found.set(item.itemId, { item, matchedBy: `${kind} ${value}` });
    }
  }
  const matches = [...found.values()];
  const [first] = matches;
  if (!first) return { kind: 'unknown', triedIds: tried.map(([kind, value]) => `${kind} ${value}`) };
  if (matches.length > 1) return { kind: 'ambiguous', items: matches.map((m) => m.item) };
  return { kind: 'found', ...first };
}

/** The item a line orders, or `undefined` where the unknown-SKU rule has already said why not. */
export function catalogItemFor(line: PurchaseOrderLine, catalog: Catalog): CatalogItem | undefined {
  const match = findCatalogItem(line, catalog);
  return match.kind === 'found' ? match.item : undefined;
}

/** The unit the line is ordered in, where the item is sold in it. Unit codes compare case-blind. */
export function sellingUnitFor(item: CatalogItem, uom: string) {
  return item.units.find((unit) => unit.uom.toUpperCase() === uom.toUpperCase());
}
