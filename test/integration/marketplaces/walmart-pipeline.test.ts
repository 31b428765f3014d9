import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startWalmartSandbox, type MarketplaceSandbox } from '../../../src/marketplaces/index.js';
import {
  ACK_DUE_KIND,
  flagDueMarketplaceAcks,
  resendTransmission,
  WALMART_ACK_WINDOW_MS,
} from '../../../src/pipeline/index.js';
import { waitFor } from '../pipeline/pipeline-harness.js';
import { confirmShipment, startMarketplaceHarness, type MarketplaceHarness } from './marketplace-harness.js';

const SKU = 'MGR_07_21_00100123';

/** The Walmart fixture order, placed now, its one line waiting to be acknowledged. */
function walmartOrder(purchaseOrderId: string, quantity = '2'): Record<string, unknown> {
  const file = JSON.parse(
    readFileSync('fixtures/marketplace/walmart/walmart-partner-api__test_order.json', 'utf8'),
  ) as Record<string, unknown>;
  const order = structuredClone((file['order'] ?? file) as Record<string, unknown>);
  const lines = (order['orderLines'] as { orderLine: Record<string, unknown>[] }).orderLine;
  for (const line of lines) {
    line['orderLineQuantity'] = { unitOfMeasurement: 'EACH', amount: quantity };
    line['statusDate'] = Date.now();
    line['orderLineStatuses'] = {
      orderLineStatus: [
        { status: 'Created', statusQuantity: { unitOfMeasurement: 'EACH', amount: quantity } },
      ],
    };
  }
  return { ...order, purchaseOrderId, orderDate: Date.now() };
}

describe('a Walmart account through the whole pipeline', () => {
  let sandbox: MarketplaceSandbox | undefined;
  let harness: MarketplaceHarness | undefined;
  afterEach(async () => {
    await harness?.dispose();
    await sandbox?.close();
    harness = undefined;
    sandbox = undefined;
  });

  it('pulls an order, acknowledges it on Walmart once it is allocated, and ships it with carrier and tracking', async () => {
    sandbox = await startWalmartSandbox();
    const h = (harness = await startMarketplaceHarness(sandbox, {
      stock: { [SKU]: '10' },
      prices: { [SKU]: '19.99' },
    }));
    sandbox.addOrder(walmartOrder('1796277083022'));
    // A token that expired since the last call is fetched again, unseen by the pipeline.
    sandbox.expireTokens();
    expect((await h.pull()).stored).toHaveLength(1);

    const ack = await waitFor('the acknowledgement', () =>
      Promise.resolve(sandbox!.received.find((call) => call.operation === 'acknowledgeOrder')),
    );
    expect(ack.orderId).toBe('1796277083022');
    const [order] = await h.repositories.orders.list({ partnerId: h.partner.id });
    expect(order?.status).toBe('acknowledged');
    // Delivered, so no deadline exception three hours on.
    await waitFor('the acknowledgement to be marked sent', async () => {
      const [t] = await h.repositories.transmissions.list({
        marketplaceOrder: '1796277083022',
        direction: 'outbound',
      });
      return t?.status === 'sent' ? t : undefined;
    });
    expect(await flagDueMarketplaceAcks(h, new Date(Date.now() + 3.5 * 3600_000))).toEqual([]);

    // Support finds the call by the order id and sends it again: the same request, audited.
    const [sentAck] = await h.repositories.transmissions.list({
      marketplaceOrder: '1796277083022',
      direction: 'outbound',
    });
    await resendTransmission(sentAck!.id, 'alice', {
      repositories: h.repositories,
      partners: h.partners,
      queues: h.pipeline.queues,
    });
    await waitFor('the acknowledgement sent again', () =>
      Promise.resolve(sandbox!.received.filter((call) => call.operation === 'acknowledgeOrder')[1]),
    );
    const audit = await h.repositories.audit.list({ type: 'transmission', id: sentAck!.id });
    expect(audit.map((event) => [event.actor, event.action])).toContainEqual([
      'alice',
      'transmission-resent',
    ]);

    const shipped = await confirmShipment(h, {
      shipmentId: 'WM-SHIP-1',
      poNumber: '1796277083022',
      scac: 'UPSN',
      tracking: '1Z12345E0205271688',
      items: [['1', SKU, '2']],
    });
    expect(shipped).toMatchObject({ accepted: true });
    const shipping = await waitFor('the shipping update', () =>
      Promise.resolve(sandbox!.received.find((call) => call.operation === 'confirmShipment')),
    );
    expect(JSON.stringify(shipping.body)).toContain('1Z12345E0205271688');
    expect(JSON.stringify(shipping.body)).toContain('"carrier":"UPS"');
  });

  it('raises an exception on a held order an hour before Walmart would cancel it, once', async () => {
    sandbox = await startWalmartSandbox();
    // No price on file: the order is held, so nothing acknowledges it.
    const h = (harness = await startMarketplaceHarness(sandbox, { stock: { [SKU]: '10' } }));
    sandbox.addOrder(walmartOrder('1796277083099'));
    await h.pull();
    const held = await waitFor('the order to be held', async () => {
      const [found] = await h.repositories.orders.list({ partnerId: h.partner.id });
      return found?.status === 'on_hold' ? found : undefined;
    });
    expect(await flagDueMarketplaceAcks(h, new Date(held.createdAt.getTime() + 2 * 3600_000))).toEqual([]);
    const dueAt = new Date(held.createdAt.getTime() + WALMART_ACK_WINDOW_MS - 30 * 60_000);
    expect(await flagDueMarketplaceAcks(h, dueAt)).toHaveLength(1);
    expect(await flagDueMarketplaceAcks(h, new Date(dueAt.getTime() + 60_000))).toEqual([]);
    const [exception] = await h.repositories.exceptions.list({ kind: ACK_DUE_KIND });
    expect(exception).toMatchObject({ subjectId: held.id, status: 'open' });
    expect(exception?.message).toContain('is on hold and not acknowledged');
    expect(sandbox.received).toEqual([]);
  });
});
