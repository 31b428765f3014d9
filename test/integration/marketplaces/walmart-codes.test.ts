import { describe, expect, it } from 'vitest';
import { MarketplaceError } from '../../../src/marketplaces/index.js';
import { cancellationBody, checkShipment } from '../../../src/marketplaces/walmart/order-line-updates.js';
import { parseWalmartCursor, walmartUpdatedAt } from '../../../src/marketplaces/walmart/pull-cursor.js';
import {
  walmartCancelReason,
  walmartCarrier,
  walmartShipMethod,
} from '../../../src/marketplaces/walmart/walmart-codes.js';

const label = 'partner walmart-us';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof MarketplaceError && error.code === 'marketplace-refused') return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('Walmart codes, cursor and updatedAt (pure)', () => {
  it('reads updatedAt from epoch milliseconds, seconds or digit strings, the latest line status winning', () => {
    const order = {
      orderDate: 1484458949,
      orderLines: { orderLine: [{ statusDate: '1487888747000' }, { statusDate: 1485549015 }, {}] },
    };
    expect(walmartUpdatedAt(order)).toBe('2017-02-23T22:25:47.000Z');
    expect(walmartUpdatedAt({ orderDate: 'soon', orderLines: { orderLine: [] } })).toBeUndefined();
  });

  it('refuses a stored cursor it did not write, saying to clear it', () => {
    const at = '2026-12-05T10:00:00.000Z';
    expect(parseWalmartCursor(JSON.stringify({ v: 1, createdFrom: at, modifiedFrom: at }), label)).toEqual({
      v: 1,
      createdFrom: at,
      modifiedFrom: at,
    });
    for (const stored of [
      '{"after":"2026-12-05T09:00:00Z"}',
      JSON.stringify({ v: 1, createdFrom: at }),
      JSON.stringify({ v: 1, createdFrom: at, modifiedFrom: 'yesterday' }),
      JSON.stringify({ v: 1, createdFrom: at, modifiedFrom: at, page: '?poIndex=2' }),
    ])
      expect(refusal(() => parseWalmartCursor(stored, label))).toMatch(/^partner walmart-us: .*clear/);
  });

  it('names carriers, methods and reasons as Walmart does, and nothing Walmart lacks', () => {
    expect(['fedex', ' UPS ', 'FedEx SmartPost', 'lasership', 'Bob'].map(walmartCarrier)).toEqual([
      'FedEx',
      'UPS',
      'FEDEXSP',
      'LS',
      undefined,
    ]);
    expect(['value', 'one day', 'White-Glove', 'TwoDay'].map(walmartShipMethod)).toEqual([
      'Value',
      'OneDay',
      'WhiteGlove',
      undefined,
    ]);
    expect(
      ['seller_cancel_pricing_error', 'Out of stock', 'noInventory', 'fraud', 'changed my mind'].map(
        walmartCancelReason,
      ),
    ).toEqual([
      'SELLER_CANCEL_PRICING_ERROR',
      'SELLER_CANCEL_OUT_OF_STOCK',
      'SELLER_CANCEL_OUT_OF_STOCK',
      'SELLER_CANCEL_FRAUD_STOP_SHIPMENT',
      undefined,
    ]);
  });

  it('sends a line named twice once with the sum, and refuses quantities Walmart cannot count', () => {
    const body = cancellationBody(
      {
        orderId: '1',
        reason: 'pricing_error',
        lines: [
          { lineId: '1', quantity: '1' },
          { lineId: '1', quantity: '2.0' },
        ],
      },
      label,
    );
    const [line] = body.orderCancellation.orderLines.orderLine;
    expect([body.orderCancellation.orderLines.orderLine.length, line?.orderLineStatuses]).toEqual([
      1,
      {
        orderLineStatus: [
          {
            status: 'Cancelled',
            cancellationReason: 'SELLER_CANCEL_PRICING_ERROR',
            statusQuantity: { unitOfMeasurement: 'EACH', amount: '3' },
          },
        ],
      },
    ]);
    const shipment = {
      orderId: '1',
      carrier: 'UPS',
      trackingNumber: '1Z',
      shippedAt: '2026-12-05T15:00:00Z',
    };
    expect(
      refusal(() => checkShipment({ ...shipment, lines: [{ lineId: '1', quantity: '0' }] }, label)),
    ).toContain('not a whole number above 0');
    expect(refusal(() => checkShipment({ ...shipment, lines: [] }, label))).toContain('names no line');
    expect(
      refusal(() =>
        checkShipment(
          { ...shipment, shippedAt: '05/12/2026', lines: [{ lineId: '1', quantity: '1' }] },
          label,
        ),
      ),
    ).toContain('not an ISO 8601 date-time');
  });
});
