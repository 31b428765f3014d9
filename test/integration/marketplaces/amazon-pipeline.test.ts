import { afterEach, describe, expect, it } from 'vitest';
import type { MarketplaceSandbox } from '../../../src/marketplaces/index.js';
import { startAmazonSandbox } from '../../../src/marketplaces/index.js';
import { waitFor } from '../pipeline/pipeline-harness.js';
import { confirmShipment, startMarketplaceHarness, type MarketplaceHarness } from './marketplace-harness.js';

const ORDER_ID = '902-3159896-1390916';

function amazonOrder(minutesAgo: number, status = 'Unshipped'): Record<string, unknown> {
  const at = (minutes: number) =>
    new Date(Date.now() - minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    AmazonOrderId: ORDER_ID,
    PurchaseDate: at(minutesAgo + 5),
    LastUpdateDate: at(minutesAgo),
    OrderStatus: status,
    FulfillmentChannel: 'MFN',
    MarketplaceId: 'ATVPDKIKX0DER',
    OrderTotal: { CurrencyCode: 'USD', Amount: '25.00' },
    ShippingAddress: {
      Name: 'Jane Buyer',
      AddressLine1: '1 Main St',
      City: 'Seattle',
      StateOrRegion: 'WA',
      PostalCode: '98101',
      CountryCode: 'US',
    },
  };
}

const ITEMS = [
  {
    ASIN: 'B00551Q3CS',
    SellerSKU: 'CARD-BOOK',
    OrderItemId: '68828574383266',
    Title: 'Card book',
    QuantityOrdered: 2,
    QuantityShipped: 0,
    ItemPrice: { CurrencyCode: 'USD', Amount: '25.00' },
  },
];

describe('an Amazon account through the whole pipeline', () => {
  let sandbox: MarketplaceSandbox | undefined;
  let harness: MarketplaceHarness | undefined;
  afterEach(async () => {
    await harness?.dispose();
    await sandbox?.close();
    harness = undefined;
    sandbox = undefined;
  });

  it('pulls an order into a stored, allocated order, pulls it again as nothing new, and confirms its shipment on Amazon', async () => {
    sandbox = await startAmazonSandbox();
    const h = (harness = await startMarketplaceHarness(sandbox, {
      stock: { 'CARD-BOOK': '10' },
      prices: { 'CARD-BOOK': '12.50' },
    }));
    sandbox.addOrder(amazonOrder(10), ITEMS);

    const first = await h.pull();
    expect(first.stored).toHaveLength(1);
    const [transmissionId] = first.stored;
    const order = await waitFor('the order to be acknowledged', async () => {
      const [found] = await h.repositories.orders.list({ partnerId: h.partner.id });
      return found?.status === 'acknowledged' ? found : undefined;
    });
    expect(order).toMatchObject({ poNumber: ORDER_ID, kind: 'order' });
    expect(order.lines.map((line) => line.quantity)).toEqual(['2']);
    // Support finds the stored payload by the marketplace order id.
    const found = await h.repositories.transmissions.list({ marketplaceOrder: ORDER_ID });
    expect(found.map((t) => t.id)).toContain(transmissionId);
    expect((await h.repositories.transmissions.summary(transmissionId!))?.status).toBe('processed');
    expect((await h.repositories.marketplaceCursors.get(h.partner.id))?.cursor).toBeTruthy();

    // The same order again (an overlapping window) is the same transmission: nothing new.
    await h.pull();
    expect(await h.repositories.orders.list({ partnerId: h.partner.id })).toHaveLength(1);

    const outcome = await confirmShipment(h, {
      shipmentId: 'SHIP-1',
      poNumber: ORDER_ID,
      scac: 'UPSN',
      tracking: '1Z999AA10123456784',
      items: [['1', 'CARD-BOOK', '2']],
    });
    expect(outcome).toMatchObject({ accepted: true });
    const call = await waitFor('the shipment confirmation', () =>
      Promise.resolve(sandbox!.received.find((c) => c.operation === 'confirmShipment')),
    );
    expect(call.orderId).toBe(ORDER_ID);
    expect(call.body).toMatchObject({
      marketplaceId: 'ATVPDKIKX0DER',
      packageDetail: {
        carrierCode: 'UPS',
        trackingNumber: '1Z999AA10123456784',
        orderItems: [{ orderItemId: '68828574383266', quantity: 2 }],
      },
    });
    const sent = await waitFor('the confirmation to be marked sent', async () => {
      const [t] = await h.repositories.transmissions.list({
        marketplaceOrder: ORDER_ID,
        direction: 'outbound',
      });
      return t?.status === 'sent' ? t : undefined;
    });
    expect(sent.channel).toBe('marketplace');
  });

  it('applies a cancellation pulled after the order was taken, giving its stock back', async () => {
    sandbox = await startAmazonSandbox();
    const h = (harness = await startMarketplaceHarness(sandbox, {
      stock: { 'CARD-BOOK': '10' },
      prices: { 'CARD-BOOK': '12.50' },
    }));
    sandbox.addOrder(amazonOrder(10), ITEMS);
    await h.pull();
    await waitFor('the order to be acknowledged', async () => {
      const [found] = await h.repositories.orders.list({ partnerId: h.partner.id, kind: 'order' });
      return found?.status === 'acknowledged' ? found : undefined;
    });
    sandbox.updateOrder(ORDER_ID, (placed) => {
      placed['OrderStatus'] = 'Canceled';
    });
    const second = await h.pull();
    expect(second.stored).toHaveLength(1);
    await waitFor('the order to be cancelled', async () => {
      const [found] = await h.repositories.orders.list({ partnerId: h.partner.id, kind: 'order' });
      return found?.status === 'cancelled' ? found : undefined;
    });
    const [level] = await h.repositories.inventory.levels(['ITEM-CARD-BOOK']);
    expect(level?.committed).toBe('0');
  });

  it('rejects an order Amazon ships itself with the reason, and keeps it findable', async () => {
    sandbox = await startAmazonSandbox();
    const h = (harness = await startMarketplaceHarness(sandbox, {
      stock: { 'CARD-BOOK': '10' },
      prices: { 'CARD-BOOK': '12.50' },
    }));
    sandbox.addOrder({ ...amazonOrder(10), FulfillmentChannel: 'AFN' }, ITEMS);
    const { stored } = await h.pull();
    const rejected = await waitFor('the transmission to be rejected', async () => {
      const t = await h.repositories.transmissions.summary(stored[0]!);
      return t?.status === 'rejected' ? t : undefined;
    });
    expect(rejected.lastError ?? '').toContain(
      '/order/FulfillmentChannel AFN: Amazon fulfils this order itself',
    );
    expect(await h.repositories.orders.list({ partnerId: h.partner.id })).toEqual([]);
  });
});
