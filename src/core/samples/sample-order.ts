import { documentId, type IsoDate, type PurchaseOrder } from '../../canonical/index.js';

/**
 * A purchase order to try a partner's replies on when no sample 850 is at hand: a store-numbered
 * ship-to, a department and a vendor number, two lines with the buyer's item number, the vendor's
 * part number and a UPC. Pure.
 *
 * @example
 * sampleOrder('acme-stores', '2024-03-01').poNumber; // 'SAMPLE-0001'
 */
export function sampleOrder(partnerId: string, date: IsoDate): PurchaseOrder {
  const line = (n: number, upc: string, quantity: string, unitPrice: string) => ({
    lineNumber: String(n),
    quantity,
    uom: 'EA',
    unitPrice,
    ids: { buyerPartNumber: `7700${n}`, vendorPartNumber: `W-${n}`, upc },
    productIds: [
      { qualifier: 'IN', value: `7700${n}` },
      { qualifier: 'VN', value: `W-${n}` },
      { qualifier: 'UP', value: upc },
    ],
    description: `SAMPLE ITEM ${n}`,
  });
  return {
    type: 'purchase_order',
    id: documentId('purchase_order', partnerId, ['SAMPLE-0001']),
    partnerId,
    source: { channel: 'api' },
    poNumber: 'SAMPLE-0001',
    orderDate: date,
    purpose: 'original',
    purposeCode: '00',
    orderType: 'stand_alone',
    orderTypeCode: 'SA',
    currency: 'USD',
    parties: [
      {
        role: 'ship_to',
        roleCode: 'ST',
        name: 'STORE 0123',
        identifiers: [{ qualifier: '92', value: '0123' }],
        addressLines: ['100 MAIN ST'],
        city: 'SOLON',
        state: 'OH',
        postalCode: '44139',
        country: 'US',
      },
      {
        role: 'bill_to',
        roleCode: 'BT',
        name: 'ACCOUNTS PAYABLE',
        identifiers: [{ qualifier: '92', value: '9000' }],
      },
    ],
    lines: [line(1, '012345678905', '24', '4.25'), line(2, '012345678912', '12', '10.50')],
    references: [
      { qualifier: 'DP', value: '042' },
      { qualifier: 'IA', value: '778899' },
    ],
    dates: [],
    notes: [],
  };
}
