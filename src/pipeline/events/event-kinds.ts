/**
 * The ERP/WMS events the gateway turns into documents for partners: the canonical type each
 * carries, the X12 set it is sent as, and the field that identifies it for the partner (from which
 * a document id is derived when the event does not bring one).
 */
export const BUSINESS_EVENTS = {
  'shipment-confirmed': { type: 'ship_notice', set: '856', key: 'shipmentId' },
  'invoice-issued': { type: 'invoice', set: '810', key: 'invoiceNumber' },
} as const;

export type BusinessEventKind = keyof typeof BUSINESS_EVENTS;

export function isBusinessEventKind(value: string): value is BusinessEventKind {
  return Object.hasOwn(BUSINESS_EVENTS, value);
}
