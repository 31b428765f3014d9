import type { PurchaseOrder, PurchaseOrderLine } from '../../../src/canonical/index.js';
import type { CatalogItem, OrderContext } from '../../../src/core/index.js';

/** Test builders: a valid order and a context in which it passes every rule. */

export function line(overrides: Partial<PurchaseOrderLine> = {}): PurchaseOrderLine {
  return {
    lineNumber: '1',
    quantity: '12',
    uom: 'EA',
    unitPrice: '10.00',
    ids: { upc: '012345678905' },
    ...overrides,
  };
}

export function order(overrides: Partial<PurchaseOrder> = {}): PurchaseOrder {
  return {
    type: 'purchase_order',
    id: 'purchase_order:abc',
    partnerId: 'acme',
    source: { channel: 'x12' },
    poNumber: 'PO-100',
    orderDate: '2024-03-01',
    purpose: 'original',
    purposeCode: '00',
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
    lines: [line()],
    references: [],
    dates: [{ type: 'requested_delivery', date: '2024-03-10' }],
    notes: [],
    ...overrides,
  };
}

export const widget: CatalogItem = {
  itemId: 'W-1',
  status: 'active',
  units: [
    { uom: 'EA', packSize: '6' },
    { uom: 'CA', minimumOrderQuantity: '2' },
  ],
  crossReference: {
    upc: ['012345678905'],
    vendorPartNumber: ['VP-1'],
    buyerPartNumber: ['B-1'],
    sku: ['W-1'],
  },
};

export const oldGadget: CatalogItem = {
  itemId: 'G-9',
  status: 'discontinued',
  replacementItemId: 'G-10',
  units: [{ uom: 'EA' }],
  crossReference: { vendorPartNumber: ['VP-9'] },
};

export function context(overrides: Partial<OrderContext> = {}): OrderContext {
  return {
    partner: { partnerId: 'acme', priceTolerancePercent: '0', currency: 'USD' },
    catalog: { items: [widget, oldGadget] },
    priceList: {
      entries: [
        { itemId: 'W-1', uom: 'EA', unitPrice: '10.00' },
        { itemId: 'W-1', uom: 'CA', unitPrice: '110.00' },
        { itemId: 'G-9', uom: 'EA', unitPrice: '3.00' },
      ],
    },
    existingOrders: [],
    today: '2024-03-01',
    ...overrides,
  };
}
