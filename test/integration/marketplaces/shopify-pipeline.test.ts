import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/api/index.js';
import { startShopifySandbox, type ShopifySandbox } from '../../../src/marketplaces/index.js';
import { ORDER_CHANGED_KIND } from '../../../src/pipeline/index.js';
import { waitFor } from '../pipeline/pipeline-harness.js';
import { testLogger } from '../test-logger.js';
import { confirmShipment, startMarketplaceHarness, type MarketplaceHarness } from './marketplace-harness.js';

const SKUS = ['IPOD2008GREEN', 'IPOD2008RED', 'IPOD2008BLACK'];

/** The Shopify fixture order, as the shop holds it. */
function shopOrder(): Record<string, unknown> {
  const file = JSON.parse(
    readFileSync('fixtures/marketplace/shopify/shopify-api-ruby__order.json', 'utf8'),
  ) as Record<string, unknown>;
  const order = (file['order'] ?? file) as Record<string, unknown>;
  // The fixture was placed in 2008: the order rules would hold it as past its date otherwise.
  return { ...order, created_at: new Date().toISOString(), updated_at: undefined, fulfillments: [] };
}

interface Running {
  sandbox: ShopifySandbox;
  harness: MarketplaceHarness;
  server: Server;
  webhookUrl: string;
}

async function start(): Promise<Running> {
  const sandbox = await startShopifySandbox({ webhookRetries: 2, webhookRetryDelayMs: 20 });
  const harness = await startMarketplaceHarness(sandbox, {
    stock: Object.fromEntries(SKUS.map((sku) => [sku, '5'])),
    prices: Object.fromEntries(SKUS.map((sku) => [sku, '199.00'])),
  });
  const app = createApp({
    env: harness.env,
    services: {
      repositories: harness.repositories,
      partners: harness.partners,
      queues: harness.pipeline.queues,
      logger: testLogger(),
    },
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    sandbox,
    harness,
    server,
    webhookUrl: `http://127.0.0.1:${port}/webhooks/shopify/${harness.partner.id}`,
  };
}

describe('a Shopify account through the whole pipeline', () => {
  let running: Running | undefined;
  afterEach(async () => {
    if (running === undefined) return;
    await new Promise((resolve) => running!.server.close(resolve));
    await running.harness.dispose();
    await running.sandbox.close();
    running = undefined;
  });

  it('takes a webhook delivered three times as one order, finds it unchanged by the reconciliation pull, and fulfils it with tracking', async () => {
    const { sandbox, harness: h, webhookUrl } = (running = await start());
    const orderId = sandbox.addOrder(shopOrder());
    const statuses = await sandbox.deliverWebhook(webhookUrl, 'orders/create', orderId, { duplicates: 2 });
    expect(statuses).toEqual([200, 200, 200]);
    const inbound = await h.repositories.transmissions.list({
      marketplaceOrder: orderId,
      direction: 'inbound',
    });
    expect(inbound).toHaveLength(1);
    expect(inbound[0]?.channel).toBe('marketplace');

    const order = await waitFor('the order to be acknowledged', async () => {
      const [found] = await h.repositories.orders.list({ partnerId: h.partner.id });
      return found?.status === 'acknowledged' ? found : undefined;
    });
    expect(order.lines.map((line) => line.quantity)).toEqual(['1', '1', '1']);

    // The pull that catches missed webhooks stores what it pulled, and reads it as the same order.
    const pulled = await h.pull();
    expect(pulled.stored).toHaveLength(1);
    const again = await waitFor('the pulled copy to be read', async () => {
      const t = await h.repositories.transmissions.summary(pulled.stored[0]!);
      return t?.status === 'processed' ? t : undefined;
    });
    expect(again.status).toBe('processed');
    expect(await h.repositories.orders.list({ partnerId: h.partner.id })).toHaveLength(1);

    const outcome = await confirmShipment(h, {
      shipmentId: 'SHIP-9',
      poNumber: orderId,
      scac: 'FDEG',
      tracking: '794698123456',
      items: [
        ['1', SKUS[0]!, '1'],
        ['2', SKUS[1]!, '1'],
      ],
    });
    expect(outcome).toMatchObject({ accepted: true });
    const fulfilment = await waitFor('the fulfilment', () =>
      Promise.resolve(sandbox.received.find((call) => call.operation === 'confirmShipment')),
    );
    expect(fulfilment.body).toMatchObject({
      fulfillment: { tracking_info: { company: 'FedEx', number: '794698123456' } },
    });
    const lines = (
      fulfilment.body as {
        fulfillment: { line_items_by_fulfillment_order: { fulfillment_order_line_items: unknown[] }[] };
      }
    ).fulfillment.line_items_by_fulfillment_order.flatMap((group) => group.fulfillment_order_line_items);
    expect(lines).toHaveLength(2);
  });

  it('refuses a webhook with a bad signature and stores nothing, and raises an exception when a taken order is edited', async () => {
    const { sandbox, harness: h, webhookUrl } = (running = await start());
    const orderId = sandbox.addOrder(shopOrder());
    const refused = await sandbox.deliverWebhook(webhookUrl, 'orders/create', orderId, { badHmac: true });
    expect(refused).toEqual([401, 401, 401]);
    expect(await h.repositories.transmissions.list({ marketplaceOrder: orderId })).toEqual([]);

    await sandbox.deliverWebhook(webhookUrl, 'orders/create', orderId);
    const taken = await waitFor('the order to be acknowledged', async () => {
      const [found] = await h.repositories.orders.list({ partnerId: h.partner.id });
      return found?.status === 'acknowledged' ? found : undefined;
    });
    sandbox.updateOrder(orderId, (order) => {
      const [first] = order['line_items'] as Record<string, unknown>[];
      first!['quantity'] = 3;
    });
    expect(await sandbox.deliverWebhook(webhookUrl, 'orders/updated', orderId)).toEqual([200]);
    const exception = await waitFor('the change exception', async () => {
      const [found] = await h.repositories.exceptions.list({ kind: ORDER_CHANGED_KIND });
      return found;
    });
    expect(exception).toMatchObject({ subjectId: taken.id, status: 'open' });
    expect(exception.message).toContain('line 1 quantity 1 → 3');
    expect((await h.repositories.orders.get(taken.id))?.status).toBe('acknowledged');
  });
});
