import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  verifyShopifyWebhook,
  type ConnectorSettings,
  type MarketplaceConnector,
  type MarketplaceOrderPayload,
} from '../../../src/marketplaces/index.js';
import { MarketplaceError } from '../../../src/marketplaces/marketplace-error.js';
import {
  startShopifySandbox,
  type ShopifySandbox,
  type ShopifySandboxOptions,
} from '../../../src/marketplaces/sandbox/shopify-sandbox.js';
import {
  createShopifyConnector,
  type ShopifyConnectorOptions,
} from '../../../src/marketplaces/shopify/client.js';

type Json = Record<string, unknown>;

const rubyOrder = (
  JSON.parse(
    readFileSync(
      new URL('../../../fixtures/marketplace/shopify/shopify-api-ruby__order.json', import.meta.url),
      'utf8',
    ),
  ) as { order: Json }
).order;

/**
 * The shopify-api-ruby order as a new one: its own id, updated now (the sandbox stamps it), line
 * items without ids (the sandbox gives each its own), paid unless told otherwise.
 */
function newOrder(id: number, change: (order: Json) => void = () => undefined): Json {
  const order = structuredClone(rubyOrder);
  order['id'] = id;
  order['financial_status'] = 'paid';
  delete order['updated_at'];
  for (const line of order['line_items'] as Json[]) delete line['id'];
  change(order);
  return order;
}

const sandboxes: ShopifySandbox[] = [];
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()));
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeAllConnections();
        }),
    ),
  );
});

async function sandbox(options: ShopifySandboxOptions = {}): Promise<ShopifySandbox> {
  const started = await startShopifySandbox({ webhookRetryDelayMs: 5, ...options });
  sandboxes.push(started);
  return started;
}

function connector(
  shop: ShopifySandbox,
  options: ShopifyConnectorOptions = {},
  credentials: Record<string, string> = shop.credentials,
): MarketplaceConnector {
  const settings: ConnectorSettings = {
    partnerId: 'acme-shop',
    platform: 'shopify',
    account: shop.account,
    apiUrl: shop.url,
    credentials,
    firstPullHours: 1,
  };
  return createShopifyConnector(settings, { backoffBaseMs: 5, maxAttempts: 3, ...options });
}

/** The Shopify line item ids of a sandbox order, in order. */
function lineIds(shop: ShopifySandbox, orderId: string): string[] {
  return ((shop.order(orderId)?.['line_items'] as Json[] | undefined) ?? []).map((line) =>
    String(line['id']),
  );
}

async function failure(promise: Promise<unknown>): Promise<MarketplaceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MarketplaceError);
  return error as MarketplaceError;
}

async function pullAll(shop: MarketplaceConnector, cursor?: string) {
  const orders: MarketplaceOrderPayload[] = [];
  let next = cursor;
  for (let pages = 0; pages < 50; pages += 1) {
    const page = await shop.pullOrders(next);
    orders.push(...page.orders);
    next = page.nextCursor;
    if (!page.more) break;
  }
  return { orders, cursor: next };
}

describe('Shopify connector: reconciliation pull', () => {
  it('pages with the Link header and resumes from a stored cursor in a new connector', async () => {
    const shop = await sandbox({ pageSize: 2 });
    for (let n = 1; n <= 5; n += 1) shop.addOrder(newOrder(1000 + n));
    const first = connector(shop);
    const page1 = await first.pullOrders(undefined);
    const page2 = await first.pullOrders(page1.nextCursor);
    expect([page1.more, page2.more]).toEqual([true, true]);
    expect(JSON.parse(page2.nextCursor)).toMatchObject({ pageInfo: expect.any(String) as unknown });

    // A restarted process resumes after the stored page.
    const restarted = connector(shop);
    const page3 = await restarted.pullOrders(page2.nextCursor);
    expect(page3.more).toBe(false);
    const seen = [...page1.orders, ...page2.orders, ...page3.orders];
    expect(seen.map((o) => o.orderId)).toEqual(['1001', '1002', '1003', '1004', '1005']);
    for (const payload of seen) {
      expect(payload.updatedAt).toBe((payload.body as Json)['updated_at']);
      const mapped = restarted.mapOrder(payload, { partnerId: 'acme-shop' });
      expect(mapped.ok && mapped.order.poNumber).toBe(payload.orderId);
    }
    expect(shop.requests['getOrders']).toBe(3);
  });

  it('brings an order updated after the pull again, with a later updatedAt', async () => {
    const shop = await sandbox({ pageSize: 2 });
    for (let n = 1; n <= 3; n += 1) shop.addOrder(newOrder(2000 + n));
    const shopify = connector(shop);
    const { orders, cursor } = await pullAll(shopify);
    const before = orders.find((o) => o.orderId === '2001');
    shop.updateOrder('2001', (order) => {
      order['note'] = 'gift wrap';
    });
    const again = await pullAll(shopify, cursor);
    const after = again.orders.find((o) => o.orderId === '2001');
    expect(after).toBeDefined();
    expect(Date.parse(after?.updatedAt ?? '')).toBeGreaterThan(Date.parse(before?.updatedAt ?? ''));
    expect((after?.body as Json)['note']).toBe('gift wrap');
  });

  // Shopify writes Retry-After as decimal seconds ("2.0"), which the sandbox copies: this test
  // needs the shared retryAfterMs (rate-limit.ts) to read that form, not only whole seconds.
  it('waits out a 429 for its Retry-After', async () => {
    const shop = await sandbox();
    shop.addOrder(newOrder(3001));
    shop.failNext(1, { status: 429, retryAfterSeconds: 1, operation: 'getOrders' });
    const started = Date.now();
    const page = await connector(shop, { backoffBaseMs: 1 }).pullOrders(undefined);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(page.orders.map((o) => o.orderId)).toEqual(['3001']);
    expect(shop.requests['getOrders']).toBe(2);
  });

  it('paces its calls by the bucket the X-Shopify-Shop-Api-Call-Limit header gives, without a 429', async () => {
    const shop = await sandbox({ pageSize: 1, bucketSize: 20 });
    for (let n = 1; n <= 22; n += 1) shop.addOrder(newOrder(3100 + n));
    const { orders } = await pullAll(connector(shop, { maxAttempts: 1 }));
    expect(orders).toHaveLength(22);
    expect(shop.requests['getOrders']).toBe(22);
  });

  it('a refused token is marketplace-auth and permanent at once, with no refresh', async () => {
    const shop = await sandbox();
    const error = await failure(connector(shop, {}, { accessToken: 'shpat_wrong' }).pullOrders(undefined));
    expect(error.code).toBe('marketplace-auth');
    expect(error.permanent).toBe(true);
    expect(error.message).toContain('partner acme-shop');
    expect(error.message).not.toContain('shpat_wrong');
    expect(shop.requests['getOrders']).toBe(1);

    // Revoked: the old token answers 401, the new one works.
    const before = connector(shop);
    shop.expireTokens();
    expect((await failure(before.pullOrders(undefined))).code).toBe('marketplace-auth');
    await expect(connector(shop).pullOrders(undefined)).resolves.toMatchObject({ more: false });
  });

  it('retries a 500 and succeeds', async () => {
    const shop = await sandbox();
    shop.addOrder(newOrder(4001));
    shop.failNext(1, { status: 500 });
    const page = await connector(shop).pullOrders(undefined);
    expect(page.orders).toHaveLength(1);
    expect(shop.requests['getOrders']).toBe(2);
  });

  it('a 503 on every attempt is retryable after maxAttempts', async () => {
    const shop = await sandbox();
    shop.failNext(3, { status: 503 });
    const error = await failure(connector(shop, { maxAttempts: 3 }).pullOrders(undefined));
    expect(error.code).toBe('marketplace-unavailable');
    expect(error.permanent).toBe(false);
    expect(shop.requests['getOrders']).toBe(3);
  });

  it('refuses settings it cannot use, naming them', () => {
    const settings: ConnectorSettings = {
      partnerId: 'acme-shop',
      platform: 'shopify',
      account: 'https://acme.myshopify.com/admin',
      credentials: { accessToken: 'shpat_x' },
      firstPullHours: 1,
    };
    expect(() => createShopifyConnector(settings)).toThrow(/is not a shop domain/);
    expect(() =>
      createShopifyConnector({ ...settings, account: 'acme.myshopify.com', credentials: {} }),
    ).toThrow(/credential accessToken is missing/);
  });
});

describe('Shopify connector: shipments', () => {
  const shipment = (
    orderId: string,
    lines: { lineId: string; quantity: string }[],
    trackingNumber = '1Z999AA10123456784',
  ) => ({
    orderId,
    carrier: 'UPS',
    trackingNumber,
    shippedAt: '2024-05-01T10:00:00Z',
    lines,
  });

  it('acknowledgeOrder makes no call: Shopify has no acknowledgement', async () => {
    const shop = await sandbox();
    await connector(shop).acknowledgeOrder('5001');
    expect(shop.requests).toEqual({});
  });

  it('fulfils the whole order from its fulfilment order, with the tracking', async () => {
    const shop = await sandbox();
    const orderId = shop.addOrder(newOrder(5002));
    const lines = lineIds(shop, orderId);
    await connector(shop).confirmShipment(
      shipment(
        orderId,
        lines.map((lineId) => ({ lineId, quantity: '1' })),
      ),
    );
    expect(shop.received).toHaveLength(1);
    const call = shop.received[0];
    expect(call?.operation).toBe('confirmShipment');
    expect(call?.orderId).toBe(orderId);
    const fulfillment = (call?.body as { fulfillment: Json }).fulfillment;
    expect(fulfillment['tracking_info']).toEqual({ company: 'UPS', number: '1Z999AA10123456784' });
    expect(fulfillment['notify_customer']).toBe(true);
    const groups = fulfillment['line_items_by_fulfillment_order'] as {
      fulfillment_order_id: number;
      fulfillment_order_line_items: { id: number; quantity: number }[];
    }[];
    expect(groups).toHaveLength(1);
    expect(groups[0]?.fulfillment_order_line_items.map((l) => l.quantity)).toEqual([1, 1, 1]);
    expect(shop.order(orderId)?.['fulfillment_status']).toBe('fulfilled');
  });

  it('fulfils part of the lines, then the rest, then refuses what is left of nothing', async () => {
    const shop = await sandbox();
    const orderId = shop.addOrder(
      newOrder(5003, (order) => {
        (order['line_items'] as Json[])[0]!['quantity'] = 3;
      }),
    );
    const [first, second, third] = lineIds(shop, orderId) as [string, string, string];
    const shopify = connector(shop);
    await shopify.confirmShipment(shipment(orderId, [{ lineId: first, quantity: '2.000' }], 'TRACK-1'));
    const sent = (shop.received[0]?.body as { fulfillment: Json }).fulfillment;
    expect(sent['line_items_by_fulfillment_order']).toEqual([
      {
        fulfillment_order_id: expect.any(Number) as unknown,
        fulfillment_order_line_items: [{ id: expect.any(Number) as unknown, quantity: 2 }],
      },
    ]);
    await shopify.confirmShipment(
      shipment(
        orderId,
        [
          { lineId: first, quantity: '1' },
          { lineId: second, quantity: '1' },
          { lineId: third, quantity: '1' },
        ],
        'TRACK-2',
      ),
    );
    expect(shop.received.map((c) => c.operation)).toEqual(['confirmShipment', 'confirmShipment']);
    const error = await failure(
      shopify.confirmShipment(shipment(orderId, [{ lineId: first, quantity: '1' }], 'TRACK-3')),
    );
    expect(error.code).toBe('marketplace-refused');
    expect(error.message).toContain(`line ${first} is on no open fulfilment order`);
  });

  it('sends one fulfilment per location when the lines are at two', async () => {
    const shop = await sandbox({ locations: 2 });
    const orderId = shop.addOrder(newOrder(5004));
    const lines = lineIds(shop, orderId);
    await connector(shop).confirmShipment(
      shipment(
        orderId,
        lines.map((lineId) => ({ lineId, quantity: '1' })),
      ),
    );
    expect(shop.received).toHaveLength(2);
    expect(shop.requests['createFulfillment']).toBe(2);
  });

  it('does not ship twice when the same shipment is confirmed again', async () => {
    const shop = await sandbox();
    const orderId = shop.addOrder(newOrder(5005));
    const lines = lineIds(shop, orderId).map((lineId) => ({ lineId, quantity: '1' }));
    const shopify = connector(shop);
    await shopify.confirmShipment(shipment(orderId, lines));
    await shopify.confirmShipment(shipment(orderId, lines));
    expect(shop.received).toHaveLength(1);
  });

  it('refuses an unknown line id, naming it, and sends nothing', async () => {
    const shop = await sandbox();
    const orderId = shop.addOrder(newOrder(5006));
    const [known] = lineIds(shop, orderId) as [string];
    const error = await failure(
      connector(shop).confirmShipment(
        shipment(orderId, [
          { lineId: known, quantity: '1' },
          { lineId: '999999', quantity: '1' },
        ]),
      ),
    );
    expect(error.code).toBe('marketplace-refused');
    expect(error.permanent).toBe(true);
    expect(error.message).toContain('line 999999 is on no open fulfilment order');
    expect(shop.requests['createFulfillment']).toBeUndefined();
  });

  it('refuses a fractional quantity and an unknown order', async () => {
    const shop = await sandbox();
    const orderId = shop.addOrder(newOrder(5007));
    const [line] = lineIds(shop, orderId) as [string];
    const fractional = await failure(
      connector(shop).confirmShipment(shipment(orderId, [{ lineId: line, quantity: '1.5' }])),
    );
    expect(fractional.message).toContain('is not a whole number');
    expect(shop.requests).toEqual({});
    const unknown = await failure(
      connector(shop).confirmShipment(shipment('424242', [{ lineId: line, quantity: '1' }])),
    );
    expect(unknown.code).toBe('marketplace-refused');
    expect(unknown.message).toContain('404');
  });
});

describe('Shopify connector: line cancellations', () => {
  it('cancels the whole order when every line is cancelled in full, refunding what was paid', async () => {
    const shop = await sandbox();
    const orderId = shop.addOrder(newOrder(6001));
    const lines = lineIds(shop, orderId).map((lineId) => ({ lineId, quantity: '1' }));
    await connector(shop).cancelLines({ orderId, lines, reason: 'OUT_OF_STOCK' });
    expect(shop.received.map((c) => c.operation)).toEqual(['cancelLines']);
    expect(shop.received[0]?.body).toEqual({
      reason: 'inventory',
      email: true,
      restock: true,
      amount: '409.94',
      currency: 'USD',
    });
    expect(shop.requests['createRefund']).toBeUndefined();
    expect(shop.order(orderId)?.['cancelled_at']).toEqual(expect.any(String) as unknown);
    // Cancelled already: nothing more to send.
    await connector(shop).cancelLines({ orderId, lines, reason: 'inventory' });
    expect(shop.received).toHaveLength(1);
  });

  it('cancels part of the lines by a refund with restock_type cancel, after calculating it', async () => {
    const shop = await sandbox();
    const orderId = shop.addOrder(newOrder(6002));
    const [first] = lineIds(shop, orderId) as [string];
    const shopify = connector(shop);
    await shopify.cancelLines({ orderId, lines: [{ lineId: first, quantity: '1' }], reason: 'inventory' });
    expect(shop.requests['calculateRefund']).toBe(1);
    const refund = (shop.received[0]?.body as { refund: Json }).refund;
    expect(refund['refund_line_items']).toEqual([
      {
        line_item_id: Number(first),
        quantity: 1,
        restock_type: 'cancel',
        location_id: expect.any(Number) as unknown,
      },
    ]);
    expect(refund['transactions']).toEqual([
      {
        parent_id: expect.any(Number) as unknown,
        amount: '199.00',
        kind: 'refund',
        gateway: 'authorize_net',
      },
    ]);
    expect(refund).toMatchObject({ currency: 'USD', notify: true });
    // The unit is gone: it cannot be shipped, nor cancelled again.
    const again = await failure(
      shopify.cancelLines({ orderId, lines: [{ lineId: first, quantity: '1' }], reason: 'inventory' }),
    );
    expect(again.message).toContain(`line ${first}: 1 to cancel but only 0 unfulfilled`);
    const ship = await failure(
      shopify.confirmShipment({
        orderId,
        carrier: 'UPS',
        trackingNumber: 'T',
        shippedAt: '2024-05-01T10:00:00Z',
        lines: [{ lineId: first, quantity: '1' }],
      }),
    );
    expect(ship.message).toContain(`line ${first} is on no open fulfilment order`);
  });

  it('cancels the rest of a partly shipped order by a refund, not by cancelling the order', async () => {
    const shop = await sandbox();
    const orderId = shop.addOrder(newOrder(6003, (order) => (order['financial_status'] = 'pending')));
    const [first, second, third] = lineIds(shop, orderId) as [string, string, string];
    const shopify = connector(shop, { notifyCustomer: false });
    await shopify.confirmShipment({
      orderId,
      carrier: 'UPS',
      trackingNumber: 'T1',
      shippedAt: '2024-05-01T10:00:00Z',
      lines: [{ lineId: first, quantity: '1' }],
    });
    await shopify.cancelLines({
      orderId,
      lines: [
        { lineId: second, quantity: '1' },
        { lineId: third, quantity: '1' },
      ],
      reason: 'customer',
    });
    expect(shop.requests['cancelOrder']).toBeUndefined();
    const refund = (shop.received[1]?.body as { refund: Json }).refund;
    expect(refund['transactions']).toEqual([]);
    expect(refund['notify']).toBe(false);
  });

  it('refuses an unknown reason or line before sending anything', async () => {
    const shop = await sandbox();
    const orderId = shop.addOrder(newOrder(6004));
    const [first] = lineIds(shop, orderId) as [string];
    const reason = await failure(
      connector(shop).cancelLines({ orderId, lines: [{ lineId: first, quantity: '1' }], reason: 'bored' }),
    );
    expect(reason.message).toContain('is not a Shopify cancellation reason');
    const line = await failure(
      connector(shop).cancelLines({ orderId, lines: [{ lineId: '77', quantity: '1' }], reason: 'other' }),
    );
    expect(line.message).toContain('line 77 is not on the order');
    expect(shop.received).toEqual([]);
  });
});

describe('Shopify sandbox: order webhooks', () => {
  /** A receiver that verifies each delivery and answers the next status of `script` (then 200). */
  async function receiver(secret: string, script: number[] = []) {
    const seen: { headers: IncomingHttpHeaders; verified: boolean; key?: string }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const check = verifyShopifyWebhook(Buffer.concat(chunks), req.headers, secret);
        seen.push({
          headers: req.headers,
          verified: check.ok,
          ...(check.ok ? { key: check.idempotencyKey } : {}),
        });
        res.statusCode = check.ok ? (script.shift() ?? 200) : check.status;
        res.end();
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/shopify`, seen };
  }

  it('signs the raw body so that verifyShopifyWebhook accepts it', async () => {
    const shop = await sandbox();
    const orderId = shop.addOrder(newOrder(7001));
    const { url, seen } = await receiver(shop.credentials['webhookSecret'] ?? '');
    expect(await shop.deliverWebhook(url, 'orders/create', orderId)).toEqual([200]);
    expect(seen[0]?.verified).toBe(true);
    expect(seen[0]?.headers).toMatchObject({
      'x-shopify-topic': 'orders/create',
      'x-shopify-shop-domain': shop.account,
      'x-shopify-api-version': '2024-10',
    });
    expect(seen[0]?.headers['x-shopify-triggered-at']).toEqual(expect.any(String) as unknown);
  });

  it('a bad signature is refused, and Shopify retries it 8 times', async () => {
    const shop = await sandbox();
    const orderId = shop.addOrder(newOrder(7002));
    const { url, seen } = await receiver(shop.credentials['webhookSecret'] ?? '');
    const statuses = await shop.deliverWebhook(url, 'orders/updated', orderId, { badHmac: true });
    expect(statuses).toEqual(Array<number>(9).fill(401));
    expect(seen.every((s) => !s.verified)).toBe(true);
  });

  it('retries until the receiver answers 200; duplicates carry the same webhook id', async () => {
    const shop = await sandbox();
    const orderId = shop.addOrder(newOrder(7003));
    const { url, seen } = await receiver(shop.credentials['webhookSecret'] ?? '', [500, 503]);
    const statuses = await shop.deliverWebhook(url, 'orders/updated', orderId, { duplicates: 2 });
    expect(statuses).toEqual([500, 503, 200, 200, 200]);
    expect(new Set(seen.map((s) => s.headers['x-shopify-webhook-id'])).size).toBe(1);
    expect(new Set(seen.map((s) => s.key)).size).toBe(1);
  });
});
