import type { ShipNotice, ShipNoticeOrder, ShipNoticeTare } from '../../../src/canonical/index.js';

/** A pallet of two cartons. */
export const pallet: ShipNoticeTare = {
  packagingCode: 'PLT94',
  ladingQuantity: '1',
  weights: [{ qualifier: 'G', value: '400', uom: 'LB' }],
  marks: [{ qualifier: 'GM', value: '00012345600000000012' }],
  sscc: '012345600000000012',
  packs: [
    {
      marks: [{ qualifier: 'GM', value: '00012345600000000029' }],
      sscc: '012345600000000029',
      items: [
        {
          lineNumber: '1',
          ids: { upc: '012345678905' },
          productIds: [{ qualifier: 'UP', value: '012345678905' }],
          quantityShipped: '12',
          uom: 'EA',
        },
        {
          lineNumber: '2',
          ids: { upc: '012345678912' },
          productIds: [{ qualifier: 'UP', value: '012345678912' }],
          quantityShipped: '6',
          uom: 'EA',
        },
      ],
    },
    {
      marks: [{ qualifier: 'GM', value: '00012345600000000036' }],
      sscc: '012345600000000036',
      items: [
        {
          lineNumber: '1',
          ids: { upc: '012345678905' },
          productIds: [{ qualifier: 'UP', value: '012345678905' }],
          quantityShipped: '12',
          uom: 'EA',
        },
      ],
    },
  ],
  items: [],
};

/** One order: the pallet, and a loose carton beside it. */
export const order: ShipNoticeOrder = {
  poNumber: '4500012345',
  poDate: '2024-02-20',
  references: [
    { qualifier: 'IA', value: '778899' },
    { qualifier: 'DP', value: '042' },
    { qualifier: 'IV', value: 'INV-1' },
  ],
  parties: [
    { role: 'mark_for', roleCode: 'Z7', name: 'Store 12', identifiers: [{ qualifier: '92', value: '0012' }] },
  ],
  tares: [pallet],
  packs: [
    {
      packagingCode: 'CTN25',
      ladingQuantity: '1',
      weights: [{ qualifier: 'G', value: '12.5', uom: 'LB' }],
      marks: [{ qualifier: 'GM', value: '00012345600000000043' }],
      sscc: '012345600000000043',
      items: [
        {
          lineNumber: '3',
          ids: { upc: '012345678929', vendorPartNumber: 'W-3' },
          productIds: [
            { qualifier: 'UP', value: '012345678929' },
            { qualifier: 'VP', value: 'W-3' },
          ],
          quantityShipped: '4',
          uom: 'EA',
          quantityOrdered: '6',
          orderedUom: 'EA',
          description: 'GREEN WIDGET',
        },
      ],
    },
  ],
  items: [],
};

/** A pick-and-pack shipment with tares: S/O/T/P/I. */
export const notice: ShipNotice = {
  id: 'asn-1',
  partnerId: 'partner',
  source: { channel: 'api' },
  type: 'ship_notice',
  shipmentId: 'SH-77',
  purpose: 'original',
  purposeCode: '00',
  shipmentDate: '2024-03-05',
  shipmentTime: '14:30',
  structure: 'S/O/T/P/I',
  packagingCode: 'PLT94',
  ladingQuantity: '1',
  weights: [{ qualifier: 'G', value: '412.500', uom: 'LB' }],
  carriers: [{ scac: 'ABFS', modeCode: 'M', mode: 'motor' }],
  parties: [
    {
      role: 'ship_from',
      roleCode: 'SF',
      name: 'Acme Supply',
      identifiers: [{ qualifier: '1', value: '123456789' }],
      duns: '123456789',
    },
    {
      role: 'ship_to',
      roleCode: 'ST',
      name: 'Bigbox DC 6006',
      identifiers: [{ qualifier: '92', value: '6006' }],
    },
  ],
  references: [
    { qualifier: 'BM', value: 'BOL-4410' },
    { qualifier: 'CN', value: 'PRO-99812' },
  ],
  dates: [{ type: 'shipped', qualifier: '011', date: '2024-03-05' }],
  notes: [],
  orders: [order],
  totals: { lineCount: 10 },
};
