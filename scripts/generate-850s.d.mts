// Types of generate-850s.mjs, so that TypeScript tests can build their inputs with it.

export interface PurchaseOrderInterchangeOptions {
  /** ISA13 and GS06. */
  controlNumber: number;
  /** The number of the first order: PO number, ST02 and line contents follow from it. */
  firstOrder: number;
  orders: number;
  /** ISA06/GS02, as the partner config's `identity.theirs`. */
  sender: string;
  /** ISA08/GS03, as the partner config's `identity.ours`. */
  receiver: string;
  /** BEG05, CCYYMMDD. */
  orderDate?: string;
  /** DTM*002, the requested delivery date, CCYYMMDD. */
  deliveryDate?: string;
}

/** The unit price of item `SKU-<k>`: line `l` of order `n` orders `SKU-<n + l>` at `itemPrice(n + l)`. */
export function itemPrice(k: number): string;

export function purchaseOrderInterchange(options: PurchaseOrderInterchangeOptions): string;

export function generate850s(
  path: string,
  megabytes: number,
  setsPerGroup?: number,
): Promise<{ bytes: number; transactionSets: number; interchanges: number }>;

/** Catalog, prices and stock under which every generated order is accepted. */
export interface GeneratedMasterData {
  catalog: {
    itemId: string;
    status: 'active';
    units: { uom: string }[];
    crossReference: { vendorPartNumber: string[] };
  }[];
  priceList: { id: string; entries: { itemId: string; uom: string; unitPrice: string }[] };
  inventory: { itemId: string; locationId: string; kind: 'dc'; onHand: string }[];
}

export function masterDataFor(
  lastOrder: number,
  options: { priceListId: string; locationId: string },
): GeneratedMasterData;
