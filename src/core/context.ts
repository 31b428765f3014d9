import type { DecimalString, IsoDate } from '../canonical/index.js';

/**
 * Everything the rules know besides the order itself. The caller (a worker that has read the
 * store) fills it in; rules never fetch anything, so the same order and context always give the
 * same findings.
 */
export interface OrderContext {
  partner: PartnerBusinessSettings;
  catalog: Catalog;
  priceList: PriceList;
  /** The partner's purchase orders already on file, whatever their status. */
  existingOrders: readonly ExistingOrder[];
  /** The business day the order is evaluated on; "past" is relative to it, never to the clock. */
  today: IsoDate;
}

/** The partner's business terms, as far as the rules need them. */
export interface PartnerBusinessSettings {
  partnerId: string;
  /**
   * How far the buyer's unit price may stray from ours, in percent of ours, as a decimal string.
   * A partner file's YAML number converts with `String(n)`, which is exact for the values people write.
   */
  priceTolerancePercent: DecimalString;
  /** Applies to lines whose catalog unit sets no minimum of its own. */
  minimumOrderQuantity?: DecimalString;
  /** ISO 4217: the currency the partner's orders must be in. */
  currency: string;
}

export type CatalogItemStatus = 'active' | 'discontinued';

/** A unit of measure an item is sold in, with its ordering constraints in that unit. */
export interface SellingUnit {
  /** X12 unit code (`EA`, `CA`, `CS`...). */
  uom: string;
  /** Ordered quantities must be whole multiples of it (e.g. 6 EA per inner pack). */
  packSize?: DecimalString;
  minimumOrderQuantity?: DecimalString;
}

/** The ids under which a partner may order an item; any one of them identifies it. */
export interface ItemCrossReference {
  upc?: readonly string[];
  gtin?: readonly string[];
  vendorPartNumber?: readonly string[];
  /** Buyer part numbers are the partner's own, so the caller passes the partner's only. */
  buyerPartNumber?: readonly string[];
  sku?: readonly string[];
}

export interface CatalogItem {
  /** Our item number: the key of the price list and of inventory. */
  itemId: string;
  description?: string;
  status: CatalogItemStatus;
  /** Where a discontinued item has a successor, support can offer it to the buyer. */
  replacementItemId?: string;
  units: readonly SellingUnit[];
  crossReference: ItemCrossReference;
}

export interface Catalog {
  items: readonly CatalogItem[];
}

/** One price: list price when `partnerId` is absent, a contract price for that partner otherwise. */
export interface PriceEntry {
  itemId: string;
  uom: string;
  unitPrice: DecimalString;
  partnerId?: string;
  /** Contract reference, quoted back to support so they can check the agreement. */
  contractNumber?: string;
}

export interface PriceList {
  entries: readonly PriceEntry[];
}

export type ExistingOrderStatus =
  | 'open'
  | 'on_hold'
  | 'acknowledged'
  | 'partially_shipped'
  | 'shipped'
  | 'invoiced'
  | 'cancelled'
  | 'rejected';

export interface ExistingOrder {
  poNumber: string;
  status: ExistingOrderStatus;
  /** The canonical document id it was stored from: the same document seen again is not a duplicate. */
  documentId?: string;
}
