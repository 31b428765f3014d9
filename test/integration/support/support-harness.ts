import type { HarnessOptions, HarnessSeed } from '../pipeline/pipeline-harness.js';

/** The sample orders' business day. */
export const TODAY = new Date('2025-03-02T12:00:00Z');

/** One item in stock at one price: enough for an order to be accepted and answered. */
export const SEED: HarnessSeed = {
  catalog: [
    {
      itemId: 'WIDGET',
      status: 'active',
      units: [{ uom: 'EA' }],
      crossReference: { vendorPartNumber: ['WID-1'] },
    },
  ],
  priceList: { id: 'acme-2025', entries: [{ itemId: 'WIDGET', uom: 'EA', unitPrice: '10.00' }] },
  inventory: [{ itemId: 'WIDGET', locationId: 'DC-EAST', kind: 'dc', onHand: '1000' }],
};

/** A partner taking 855s, with the seed above, on the sample orders' day. */
export const ORDER_OPTIONS: HarnessOptions = {
  business: {
    priceList: 'acme-2025',
    priceTolerancePercent: 0,
    allocation: { strategy: 'single-location-first', locations: ['DC-EAST'] },
  },
  seed: SEED,
  now: () => TODAY,
};
