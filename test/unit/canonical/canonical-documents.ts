import type {
  FunctionalAck,
  Invoice,
  PurchaseOrder,
  PurchaseOrderAck,
  Remittance,
  ShipNotice,
} from '../../../src/canonical/index.js';

/** Smallest valid documents of each type, typed so that the compiler checks them against the schemas' types. */
const base = { id: 'doc-1', partnerId: 'acme', source: { channel: 'api' as const } };

export const purchaseOrder: PurchaseOrder = {
  ...base,
  type: 'purchase_order',
  poNumber: 'PO-1',
  orderDate: '2024-01-02',
  purpose: 'original',
  currency: 'USD',
  parties: [
    {
      role: 'ship_to',
      name: 'Store 12',
      addressLines: ['1 Main St'],
      city: 'Solon',
      state: 'OH',
      postalCode: '44139',
    },
  ],
  lines: [
    { lineNumber: '1', quantity: '120', uom: 'EA', unitPrice: '9.25', ids: { sku: 'W-1', asin: 'B000123' } },
  ],
  references: [],
  dates: [{ type: 'requested_delivery', date: '2024-01-10' }],
  notes: [{ type: 'gift_message', text: 'Happy birthday' }],
};

export const purchaseOrderAck: PurchaseOrderAck = {
  ...base,
  type: 'purchase_order_ack',
  poNumber: 'PO-1',
  purpose: 'original',
  ackType: 'accepted_with_changes',
  ackTypeCode: 'AC',
  parties: [],
  lines: [
    { lineNumber: '1', ids: {}, statuses: [{ status: 'backordered', statusCode: 'IB', quantity: '20' }] },
  ],
  references: [],
  dates: [],
  notes: [],
};

export const shipNotice: ShipNotice = {
  ...base,
  type: 'ship_notice',
  shipmentId: 'SH-1',
  purpose: 'original',
  shipmentDate: '2024-01-03',
  structure: 'S/O/P/I',
  parties: [],
  references: [],
  dates: [],
  notes: [],
  orders: [
    {
      poNumber: 'PO-1',
      tares: [],
      packs: [
        {
          sscc: '000715670002152360',
          items: [{ ids: { upc: '012345678905' }, quantityShipped: '12', uom: 'EA' }],
        },
      ],
      items: [],
    },
  ],
};

export const invoice: Invoice = {
  ...base,
  type: 'invoice',
  invoiceNumber: 'INV-1',
  invoiceDate: '2024-01-04',
  currency: 'USD',
  parties: [],
  lines: [{ lineNumber: '1', quantity: '2', uom: 'EA', unitPrice: '99.99', ids: {} }],
  references: [],
  dates: [],
  notes: [],
  totals: { amount: '199.98' },
};

export const remittance: Remittance = {
  ...base,
  type: 'remittance',
  payment: { handlingCode: 'C', amount: '199.98', creditDebit: 'credit', method: 'ach', methodCode: 'ACH' },
  parties: [],
  references: [],
  dates: [],
  entities: [],
  items: [{ referenceQualifier: 'IV', referenceId: 'INV-1', invoiceNumber: 'INV-1', amountPaid: '199.98' }],
  adjustments: [],
  notes: [],
};

export const functionalAck: FunctionalAck = {
  ...base,
  type: 'functional_ack',
  standard: '997',
  group: { functionalId: 'IN', controlNumber: '12' },
  sets: [
    {
      transactionSetId: '810',
      controlNumber: '0001',
      status: 'accepted',
      statusCode: 'A',
      errorCodes: [],
      segmentErrors: [],
    },
  ],
  groupStatus: 'accepted',
  groupStatusCode: 'A',
  setsIncluded: 1,
  setsReceived: 1,
  setsAccepted: 1,
  groupErrorCodes: [],
};
