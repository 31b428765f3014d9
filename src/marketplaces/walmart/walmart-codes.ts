/**
 * The code lists of Walmart's Orders API (US) that a shipment or a cancellation must use: the
 * carrier names `trackingInfo.carrierName.carrier` accepts, the shipping methods of
 * `trackingInfo.methodCode`, and the five `cancellationReason` codes. Taken from the Orders API
 * reference (`POST /v3/orders/{purchaseOrderId}/shipping` and `/cancel`); Walmart adds carriers
 * from time to time, and a carrier missing here is refused before the call rather than sent as
 * `otherCarrier`, which Walmart only takes with a tracking URL.
 */

/** `carrierName.carrier` values, spelled as Walmart spells them. */
// prettier-ignore
export const WALMART_CARRIERS = [
  'UPS', 'USPS', 'FedEx', 'Airborne', 'OnTrac', 'DHL Ecommerce - US', 'DHL', 'LS', 'UDS', 'UPSMI',
  'FDX', 'PILOT', 'ESTES', 'SAIA', 'FDS Express', 'Seko Worldwide', 'HIT Delivery', 'FEDEXSP',
  'RL Carriers', 'Metropolitan Warehouse & Delivery', 'China Post', 'YunExpress', 'Yellow Freight Sys',
  'AIT Worldwide Logistics', 'Chukou1', 'Sendle', 'Landmark Global', 'Sunyou', 'Yanwen', '4PX', 'GLS',
  'OSM Worldwide', 'FIRST MILE', 'AM Trucking', 'CEVA', 'India Post', 'SF Express', 'CNE',
  'TForce Freight', 'AxleHire', 'LSO', 'Royal Mail', 'ABF Freight System', 'WanB', 'Roadrunner Freight',
  'Meyer Distribution', 'AAA Cooper', 'Canada Post', 'Southeastern Freight Lines', 'Japan Post',
  'Correos de Mexico', 'XPO Logistics', 'JD Logistics', 'YDH', 'JCEX', 'Flyt', 'Deutsche Post',
  'Better Trucks', 'Asendia', 'SFC', 'UBI', 'ePost Global', 'YF Logistics', 'RXO', 'Estes Express',
  'Shypmax', 'WIN.IT America', 'PITT OHIO', 'PostNord Sweden', 'Equick', 'Whistl', 'Tusou',
  'Shiprocket', 'DTDC', 'PTS',
] as const;

/** Long names people write for the carriers Walmart names by an abbreviation. */
const CARRIER_ALIASES: Readonly<Record<string, string>> = {
  'fedex smartpost': 'FEDEXSP',
  'ups mail innovations': 'UPSMI',
  lasership: 'LS',
  'united delivery service': 'UDS',
};

/** `trackingInfo.methodCode` values. */
export const WALMART_SHIP_METHODS = [
  'Standard',
  'Express',
  'OneDay',
  'Freight',
  'WhiteGlove',
  'Value',
] as const;

/**
 * `cancellationReason` values (US). Each has a consequence, so none is assumed: Walmart asks that
 * `CUSTOMER_REQUESTED_SELLER_TO_CANCEL` be used only when the customer asked, and
 * `SELLER_CANCEL_OUT_OF_STOCK` marks the item out of stock in the warehouse.
 */
export const WALMART_CANCEL_REASONS = [
  'CUSTOMER_REQUESTED_SELLER_TO_CANCEL',
  'SELLER_CANCEL_PRICING_ERROR',
  'SELLER_CANCEL_OUT_OF_STOCK',
  'SELLER_CANCEL_FRAUD_STOP_SHIPMENT',
  'SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE',
] as const;

export type WalmartCancelReason = (typeof WALMART_CANCEL_REASONS)[number];

/** Words the gateway and its partners use for each reason (case, spaces and dashes aside). */
const REASON_WORDS: Readonly<Record<string, WalmartCancelReason>> = {
  customer_requested: 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL',
  customer_cancel: 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL',
  customerinitiatedcancel: 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL',
  pricing_error: 'SELLER_CANCEL_PRICING_ERROR',
  price_error: 'SELLER_CANCEL_PRICING_ERROR',
  priceerror: 'SELLER_CANCEL_PRICING_ERROR',
  out_of_stock: 'SELLER_CANCEL_OUT_OF_STOCK',
  no_inventory: 'SELLER_CANCEL_OUT_OF_STOCK',
  noinventory: 'SELLER_CANCEL_OUT_OF_STOCK',
  fraud: 'SELLER_CANCEL_FRAUD_STOP_SHIPMENT',
  address_not_serviceable: 'SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE',
  undeliverable_address: 'SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE',
  undeliverableshippingaddress: 'SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE',
};

const fold = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * The carrier as Walmart spells it (`fedex` gives `FedEx`), or undefined when Walmart has no such
 * carrier name.
 *
 * @example
 * walmartCarrier('fedex smartpost'); // 'FEDEXSP'
 */
export function walmartCarrier(name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  const alias = CARRIER_ALIASES[wanted];
  if (alias !== undefined) return alias;
  return WALMART_CARRIERS.find((carrier) => carrier.toLowerCase() === wanted);
}

/**
 * The shipping method as Walmart spells it (`value` gives `Value`, `one day` gives `OneDay`), or
 * undefined when it is none of Walmart's.
 */
export function walmartShipMethod(method: string): string | undefined {
  const wanted = method.replace(/[\s_-]+/g, '').toLowerCase();
  return WALMART_SHIP_METHODS.find((code) => code.toLowerCase() === wanted);
}

/**
 * A cancellation reason as Walmart's code: the code itself, or a word for it (`out_of_stock`,
 * `Out of stock`, `pricing_error`, `fraud`...); undefined otherwise.
 *
 * @example
 * walmartCancelReason('out of stock'); // 'SELLER_CANCEL_OUT_OF_STOCK'
 */
export function walmartCancelReason(reason: string): WalmartCancelReason | undefined {
  const code = WALMART_CANCEL_REASONS.find((known) => known === reason.trim().toUpperCase());
  return code ?? REASON_WORDS[fold(reason)];
}
