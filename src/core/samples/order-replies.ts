import {
  addDecimals,
  documentId,
  multiplyDecimals,
  roundDecimal,
  type Invoice,
  type IsoDate,
  type PurchaseOrder,
  type PurchaseOrderAck,
  type ShipNotice,
  type ShipNoticePack,
} from '../../canonical/index.js';
import { acknowledgeOrder } from '../acknowledge-order.js';
import { withSsccCheckDigit } from '../ship-notice/sscc.js';

/** What every reply built here starts with: its type, an id from the order's partner and `key`. */
function replyBase<T extends 'ship_notice' | 'invoice'>(type: T, order: PurchaseOrder, key: string) {
  return {
    type,
    id: documentId(type, order.partnerId, [key]),
    partnerId: order.partnerId,
    source: { channel: 'api' as const },
  };
}

/**
 * The 855 of an order that passed every rule and was allocated in full: what the partner gets
 * when nothing goes wrong. Pure.
 *
 * @example
 * fullAcceptance(po, '2024-03-02').ackTypeCode; // 'AD'
 */
export function fullAcceptance(order: PurchaseOrder, date: IsoDate): PurchaseOrderAck {
  return acknowledgeOrder({
    order,
    findings: [],
    allocation: order.lines.map((line) => ({
      lineNumber: line.lineNumber,
      allocated: line.quantity,
      backordered: '0',
      locationId: 'SAMPLE',
    })),
    ackDate: date,
  });
}

/**
 * A shipment of the whole order, one carton per line, each labelled with an SSCC-18 under the
 * GS1 company prefix `0000000` (valid check digits, numbered from 1), the ship-to and bill of
 * lading filled in, posted as an ERP would post it: shape it to the partner's hierarchy before
 * sending. Pure.
 *
 * @example
 * completeShipment(po, '2024-03-05').orders[0].packs.length; // one per line
 */
export function completeShipment(order: PurchaseOrder, date: IsoDate): ShipNotice {
  const packs: ShipNoticePack[] = order.lines.map((line, index) => ({
    sscc: withSsccCheckDigit(`0000000000${String(index + 1).padStart(7, '0')}`),
    packagingCode: 'CTN25',
    ladingQuantity: '1',
    items: [
      {
        lineNumber: line.lineNumber,
        ids: line.ids,
        ...(line.productIds === undefined ? {} : { productIds: line.productIds }),
        quantityShipped: line.quantity,
        uom: line.uom,
        quantityOrdered: line.quantity,
        orderedUom: line.uom,
      },
    ],
  }));
  const shipmentId = `SH-${order.poNumber}`;
  return {
    ...replyBase('ship_notice', order, shipmentId),
    shipmentId,
    purpose: 'original',
    purposeCode: '00',
    shipmentDate: date,
    shipmentTime: '12:00',
    structure: 'S/O/P/I',
    packagingCode: 'CTN25',
    ladingQuantity: String(packs.length),
    carriers: [{ scac: 'SAMP', modeCode: 'M', mode: 'motor' }],
    parties: order.parties.filter((party) => party.role === 'ship_to'),
    references: [{ qualifier: 'BM', value: `BOL-${order.poNumber}` }],
    dates: [{ type: 'shipped', qualifier: '011', date }],
    notes: [],
    orders: [
      {
        poNumber: order.poNumber,
        ...(order.orderDate === undefined ? {} : { poDate: order.orderDate }),
        tares: [],
        packs,
        items: [],
      },
    ],
  };
}

/**
 * The invoice for the whole order at the ordered prices (a line without a price is invoiced at
 * 0.00), with its total. Pure.
 *
 * @example
 * invoiceInFull(po, '2024-03-06').totals.amount; // '1234.50'
 */
export function invoiceInFull(order: PurchaseOrder, date: IsoDate): Invoice {
  const lines = order.lines.map((line) => ({
    lineNumber: line.lineNumber,
    quantity: line.quantity,
    uom: line.uom,
    unitPrice: line.unitPrice ?? '0.00',
    ids: line.ids,
    ...(line.productIds === undefined ? {} : { productIds: line.productIds }),
  }));
  const amount = roundDecimal(
    addDecimals('0', ...lines.map((line) => multiplyDecimals(line.quantity, line.unitPrice))),
    2,
  );
  const invoiceNumber = `INV-${order.poNumber}`;
  return {
    ...replyBase('invoice', order, invoiceNumber),
    invoiceNumber,
    invoiceDate: date,
    poNumber: order.poNumber,
    ...(order.orderDate === undefined ? {} : { poDate: order.orderDate }),
    currency: order.currency,
    parties: order.parties.filter((party) => party.role === 'bill_to' || party.role === 'remit_to'),
    lines,
    references: [],
    dates: [],
    notes: [],
    totals: { amount, lineCount: lines.length },
  };
}
