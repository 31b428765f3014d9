import { afterEach, describe, expect, it } from 'vitest';
import type { ApiClientOptions } from '../../../src/marketplaces/api-client.js';
import { createAmazonConnector } from '../../../src/marketplaces/amazon/client.js';
import type {
  ConnectorSettings,
  MarketplaceConnector,
  MarketplaceSandbox,
  OrderPage,
} from '../../../src/marketplaces/index.js';
import {
  startAmazonSandbox,
  type AmazonSandboxOptions,
} from '../../../src/marketplaces/sandbox/amazon-sandbox.js';
import { marketplaceFixture, problems } from '../../unit/marketplaces/mapped-order.js';

const US = 'ATVPDKIKX0DER';
const CA = 'A2EUQ1WTGCTBG2';
const FAST: ApiClientOptions = { backoffBaseMs: 5, backoffMaxMs: 20, maxAttempts: 4 };

let sandbox: MarketplaceSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(options: AmazonSandboxOptions = {}): Promise<MarketplaceSandbox> {
  sandbox = await startAmazonSandbox(options);
  return sandbox;
}

function connectorFor(
  api: MarketplaceSandbox,
  settings: Partial<ConnectorSettings> = {},
  options: ApiClientOptions = FAST,
): MarketplaceConnector {
  return createAmazonConnector(
    {
      partnerId: 'amazon-us',
      platform: 'amazon',
      account: api.account,
      apiUrl: api.url,
      authUrl: api.authUrl,
      marketplaceIds: [US],
      credentials: api.credentials,
      firstPullHours: 24,
      ...settings,
    },
    options,
  );
}

/** An instant as SP-API writes it, `minutes` before now. */
function ago(minutes: number): string {
  return new Date(Date.now() - minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function order(id: string, minutesAgo: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    AmazonOrderId: id,
    PurchaseDate: ago(minutesAgo + 1),
    LastUpdateDate: ago(minutesAgo),
    OrderStatus: 'Unshipped',
    FulfillmentChannel: 'MFN',
    MarketplaceId: US,
    OrderTotal: { CurrencyCode: 'USD', Amount: '20.00' },
    ...extra,
  };
}

function item(orderItemId: string, quantity = 1): Record<string, unknown> {
  return {
    ASIN: 'B00551Q3CS',
    SellerSKU: `SKU-${orderItemId}`,
    OrderItemId: orderItemId,
    Title: 'Card book',
    QuantityOrdered: quantity,
    QuantityShipped: 0,
    ItemPrice: { CurrencyCode: 'USD', Amount: '10.00' },
  };
}

const idsOf = (page: OrderPage) => page.orders.map((o) => o.orderId);

async function failure(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail');
}

describe('Amazon SP-API connector against the sandbox', () => {
  it('pulls a window page by page, resumes it after a restart from the stored cursor, then only what is new', async () => {
    const api = await start({ pageSize: 2, marketplaceIds: [US, CA] });
    const ids = [1, 2, 3, 4, 5].map((n) => `902-000000${n}-1000000`);
    const added = ids.map((id, n) => order(id, 10 - n));
    added.forEach((placed, n) => api.addOrder(placed, [item(`${n}1`)]));
    api.addOrder(order('902-0000009-1000000', 8, { MarketplaceId: CA }), [item('91')]);

    const first = connectorFor(api);
    const page1 = await first.pullOrders(undefined);
    const page2 = await first.pullOrders(page1.nextCursor);
    expect([idsOf(page1), page1.more, idsOf(page2), page2.more]).toEqual([
      ids.slice(0, 2),
      true,
      ids.slice(2, 4),
      true,
    ]);

    // The process stops here with page2's cursor stored; an order arrives meanwhile.
    const late = api.addOrder(order('902-0000006-1000000', 0), [item('61')]);
    const restarted = connectorFor(api);
    const page3 = await restarted.pullOrders(page2.nextCursor);
    expect([idsOf(page3), page3.more]).toEqual([ids.slice(4), false]);
    const page4 = await restarted.pullOrders(page3.nextCursor);
    expect([idsOf(page4), page4.more]).toEqual([[late], false]);

    const pulled = page1.orders[0];
    expect(pulled?.updatedAt).toBe(added[0]?.LastUpdateDate);
    expect(pulled?.body).toEqual({ order: added[0], items: [item('01')] });
    expect(restarted.mapOrder(pulled!, { partnerId: 'amazon-us' })).toMatchObject({
      ok: true,
      order: { poNumber: ids[0], lines: [{ quantity: '1', unitPrice: '10.00' }] },
    });
    expect(api.requests).toMatchObject({ getOrders: 4, getOrderItems: 6, getAccessToken: 2 });
  });

  it('pulls an order changed after its pull again, with a later updatedAt', async () => {
    const api = await start();
    const id = api.addOrder(order('902-1000001-1000000', 10), [item('11')]);
    const amazon = connectorFor(api);
    const before = await amazon.pullOrders(undefined);
    api.updateOrder(id, (changed) => (changed.OrderStatus = 'Canceled'));
    const after = await amazon.pullOrders(before.nextCursor);
    const [first] = before.orders;
    const again = after.orders.find((o) => o.orderId === id);
    expect(Date.parse(again?.updatedAt ?? '')).toBeGreaterThan(Date.parse(first?.updatedAt ?? ''));
    expect(amazon.mapOrder(again!, { partnerId: 'amazon-us' })).toMatchObject({
      ok: true,
      order: { purpose: 'cancellation', poNumber: id },
    });
  });

  it('reads every item of an order through the items NextToken', async () => {
    const api = await start({ itemsPageSize: 2 });
    const items = ['a', 'b', 'c', 'd', 'e'].map((id) => item(id));
    api.addOrder(order('902-1000002-1000000', 10), items);
    const page = await connectorFor(api).pullOrders(undefined);
    expect(page.orders[0]?.body).toMatchObject({ items });
    expect(api.requests.getOrderItems).toBe(3);
  });

  it('waits out a 429 for its Retry-After, then succeeds', async () => {
    const api = await start();
    api.addOrder(order('902-1000003-1000000', 10), [item('31')]);
    api.failNext(1, { status: 429, retryAfterSeconds: 1, operation: 'getOrders' });
    const startedAt = Date.now();
    const page = await connectorFor(api).pullOrders(undefined);
    expect(page.orders).toHaveLength(1);
    expect(api.requests.getOrders).toBe(2);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(950);
  });

  it.each([403, 401] as const)(
    'an access token SP-API calls expired (%i) is replaced once and the call succeeds',
    async (status) => {
      const api = await start({ expiredTokenStatus: status });
      api.addOrder(order('902-1000004-1000000', 10), [item('41')]);
      const amazon = connectorFor(api);
      const first = await amazon.pullOrders(undefined);
      api.expireTokens();
      const second = await amazon.pullOrders(first.nextCursor);
      expect(second.orders).toHaveLength(0);
      expect(api.requests).toMatchObject({ getAccessToken: 2, getOrders: 3 });
    },
  );

  it('a refused refresh token or client secret is a permanent marketplace-auth error naming the credentials', async () => {
    const api = await start();
    const revoked = 'Atzr|revoked-refresh-token';
    const grant = await failure(
      connectorFor(api, { credentials: { ...api.credentials, refreshToken: revoked } }).pullOrders(undefined),
    );
    expect([grant.code, grant.permanent]).toEqual(['marketplace-auth', true]);
    expect(grant.message).toMatch(/partner amazon-us: .*invalid_grant.*credential refreshToken/);
    expect(grant.message).not.toContain(revoked);

    const secret = 'not-the-client-secret';
    const client = await failure(
      connectorFor(api, { credentials: { ...api.credentials, clientSecret: secret } }).pullOrders(undefined),
    );
    expect([client.code, client.permanent]).toEqual(['marketplace-auth', true]);
    expect(client.message).toMatch(/invalid_client.*credentials clientId and clientSecret/);
    expect(client.message).not.toContain(secret);
    expect(api.requests.getOrders).toBeUndefined();
  });

  it('retries two 500s and succeeds on the third attempt', async () => {
    const api = await start();
    api.addOrder(order('902-1000005-1000000', 10), [item('51')]);
    api.failNext(2, { status: 500, operation: 'getOrders' });
    const page = await connectorFor(api).pullOrders(undefined);
    expect([idsOf(page), api.requests.getOrders]).toEqual([['902-1000005-1000000'], 3]);
  });

  it('a 503 on every attempt is a retryable error after maxAttempts', async () => {
    const api = await start();
    api.failNext(10, { status: 503, operation: 'getOrders' });
    const error = await failure(connectorFor(api, {}, { ...FAST, maxAttempts: 3 }).pullOrders(undefined));
    expect([error.code, error.permanent, api.requests.getOrders]).toEqual([
      'marketplace-unavailable',
      false,
      3,
    ]);
    expect(error.message).toContain('getOrders was answered 503 3 times');
  });

  it('confirms a shipment with the body the Orders API documents, answered 204', async () => {
    const api = await start();
    const id = api.addOrder(order('902-1000006-1000000', 10), [item('61', 2), item('62')]);
    const amazon = connectorFor(api);
    const shipment = {
      orderId: id,
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
      shippedAt: '2024-05-01T15:30:00.000Z',
      method: 'Ground',
      lines: [
        { lineId: '61', quantity: '2' },
        { lineId: '62', quantity: '1.0' },
      ],
    };
    await amazon.confirmShipment(shipment);
    expect(api.received).toHaveLength(1);
    expect(api.received[0]).toMatchObject({ operation: 'confirmShipment', orderId: id });
    const body = api.received[0]?.body as { packageDetail: { packageReferenceId: string } };
    expect(body).toEqual({
      marketplaceId: US,
      packageDetail: {
        packageReferenceId: expect.stringMatching(/^[1-9]\d*$/) as unknown,
        carrierCode: 'UPS',
        trackingNumber: '1Z999AA10123456784',
        shipDate: '2024-05-01T15:30:00Z',
        shippingMethod: 'Ground',
        orderItems: [
          { orderItemId: '61', quantity: 2 },
          { orderItemId: '62', quantity: 1 },
        ],
      },
    });
    // Sent again (a retried job), the package is the same one: Amazon refuses the quantity already shipped.
    const again = await failure(amazon.confirmShipment(shipment));
    expect([again.code, again.permanent]).toEqual(['marketplace-refused', true]);
    const other = api.addOrder(order('902-1000007-1000000', 10), [item('71')]);
    await amazon.confirmShipment({ ...shipment, orderId: other, lines: [{ lineId: '71', quantity: '1' }] });
    const reused = api.received[1]?.body as typeof body;
    expect(reused.packageDetail.packageReferenceId).toBe(body.packageDetail.packageReferenceId);
  });

  it('a shipment of an unknown order or order item is refused permanently, in Amazon’s words', async () => {
    const api = await start();
    const id = api.addOrder(order('902-1000008-1000000', 10), [item('81')]);
    const amazon = connectorFor(api);
    const shipment = { carrier: 'USPS', trackingNumber: '9400100000000000000000', shippedAt: ago(5) };
    const unknownOrder = await failure(
      amazon.confirmShipment({
        ...shipment,
        orderId: '902-9999999-9999999',
        lines: [{ lineId: '81', quantity: '1' }],
      }),
    );
    expect([unknownOrder.code, unknownOrder.permanent]).toEqual(['marketplace-refused', true]);
    expect(unknownOrder.message).toMatch(
      /confirmShipment of 902-9999999-9999999 was refused with 400: Order .* not found/,
    );
    const unknownItem = await failure(
      amazon.confirmShipment({ ...shipment, orderId: id, lines: [{ lineId: '99', quantity: '1' }] }),
    );
    expect([unknownItem.code, unknownItem.permanent]).toEqual(['marketplace-refused', true]);
    expect(unknownItem.message).toContain('order item 99 is not in this order');
    expect(api.received).toEqual([]);
  });

  it('refuses a shipment Amazon cannot take before calling: part of a unit', async () => {
    const api = await start();
    const id = api.addOrder(order('902-1000009-1000000', 10), [item('91', 2)]);
    const error = await failure(
      connectorFor(api).confirmShipment({
        orderId: id,
        carrier: 'UPS',
        trackingNumber: '1Z1',
        shippedAt: ago(1),
        lines: [{ lineId: '91', quantity: '1.5' }],
      }),
    );
    expect([error.code, error.permanent]).toEqual(['marketplace-refused', true]);
    expect(error.message).toContain('order item 91 has quantity 1.5: Amazon confirms whole units');
    expect(api.requests.confirmShipment).toBeUndefined();
  });

  it('with several marketplaces, confirms in the order’s own, read with getOrder', async () => {
    const api = await start({ marketplaceIds: [US, CA] });
    const id = api.addOrder(order('902-1000010-1000000', 10, { MarketplaceId: CA }), [item('101')]);
    await connectorFor(api, { marketplaceIds: [US, CA] }).confirmShipment({
      orderId: id,
      carrier: 'Canada Post',
      trackingNumber: 'CP123',
      shippedAt: ago(1),
      lines: [{ lineId: '101', quantity: '1' }],
    });
    expect(api.received[0]?.body).toMatchObject({ marketplaceId: CA });
    expect(api.requests.getOrder).toBe(1);
  });

  it('acknowledges without a call, and refuses line cancellations saying where to make them', async () => {
    const api = await start();
    const amazon = connectorFor(api);
    await amazon.acknowledgeOrder('902-1000011-1000000');
    expect(api.requests).toEqual({});
    const error = await failure(
      amazon.cancelLines({
        orderId: '902-1000011-1000000',
        lines: [{ lineId: '111', quantity: '1' }],
        reason: 'NoInventory',
      }),
    );
    expect([error.code, error.permanent]).toEqual(['marketplace-unsupported', true]);
    expect(error.message).toMatch(
      /Feeds API.*cancel order items 111 of order 902-1000011-1000000 in Seller Central/,
    );
  });

  it('refuses to pull without marketplaceIds, before any call', async () => {
    const api = await start();
    const error = await failure(connectorFor(api, { marketplaceIds: [] }).pullOrders(undefined));
    expect([error.code, error.permanent]).toEqual(['config-invalid', true]);
    expect(error.message).toContain('add marketplaceIds');
    expect(api.requests).toEqual({});
  });

  it('a stored NextToken Amazon no longer takes restarts its window', async () => {
    const api = await start();
    api.addOrder(order('902-1000012-1000000', 10), [item('121')]);
    const stale = JSON.stringify({ updatedAfter: ago(60), nextToken: 'c3RhbGU+dG9rZW4/==' });
    const page = await connectorFor(api).pullOrders(stale);
    expect([idsOf(page), page.more, api.requests.getOrders]).toEqual([['902-1000012-1000000'], false, 2]);
  });

  it('keeps to SP-API’s 2-minute delay: the window ends where Amazon says, a later cursor is moved back', async () => {
    const api = await start({ dataDelayMs: 120_000 });
    api.addOrder(order('902-1000013-1000000', 10), [item('131')]);
    api.addOrder(order('902-1000014-1000000', 0), [item('141')]);
    const amazon = connectorFor(api);
    const page = await amazon.pullOrders(undefined);
    expect(idsOf(page)).toEqual(['902-1000013-1000000']);
    const { updatedAfter } = JSON.parse(page.nextCursor) as { updatedAfter: string };
    expect(Math.abs(Date.parse(updatedAfter) - Date.parse(ago(2)))).toBeLessThan(5_000);
    const early = await amazon.pullOrders(JSON.stringify({ updatedAfter: ago(0) }));
    expect([idsOf(early), early.more]).toEqual([[], false]);
  });

  it.each([
    ['getOrders.200.example', ['pending']],
    ['getOrders.200.sandbox1', ['1970', '1970']],
    ['getOrders.200.sandbox2', ['pending']],
    ['getOrders.200.sandbox3', ['pending']],
  ])('%s: every order pulls and maps, or is refused as the mapping tests expect', async (name, reasons) => {
    const fixture = marketplaceFixture('amazon', `selling-partner-api-models__ordersV0.${name}.json`) as {
      payload: { Orders: Record<string, unknown>[] };
    };
    const api = await start();
    for (const { LastUpdateDate: _stamp, ...fixtureOrder } of fixture.payload.Orders)
      api.addOrder(fixtureOrder);
    const amazon = connectorFor(api);
    const page = await amazon.pullOrders(undefined);
    expect(idsOf(page)).toEqual(fixture.payload.Orders.map((o) => o.AmazonOrderId));
    const expected = { pending: PENDING, '1970': SANDBOX_DATE };
    expect(page.orders.map((o) => problems(amazon.mapOrder(o, { partnerId: 'amazon-us' })))).toEqual(
      reasons.map((reason) => [expected[reason as keyof typeof expected]]),
    );
  });

  it('the sandbox1 order with its 1970 dates moved to 2019 pulls with its items and maps', async () => {
    const fixture = (name: string) =>
      (
        marketplaceFixture('amazon', `selling-partner-api-models__ordersV0.${name}.json`) as {
          payload: Record<string, unknown>;
        }
      ).payload;
    const sandboxOrder = { ...fixture('getOrder.200.sandbox1') };
    for (const [field, value] of Object.entries(sandboxOrder))
      if (typeof value === 'string' && value.startsWith('1970-01-19T'))
        sandboxOrder[field] = new Date(Date.parse(value) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    delete sandboxOrder.LastUpdateDate;
    const api = await start();
    api.addOrder(sandboxOrder, fixture('getOrderItems.200.sandbox1').OrderItems as unknown[]);
    const amazon = connectorFor(api);
    const [pulled] = (await amazon.pullOrders(undefined)).orders;
    expect(amazon.mapOrder(pulled!, { partnerId: 'amazon-us' })).toMatchObject({
      ok: true,
      order: {
        poNumber: '902-1845936-5435065',
        orderDate: '2019-09-26',
        lines: [{ unitPrice: '10.00', references: [{ qualifier: 'LI', value: '05015851154158' }] }],
      },
    });
  });
});

const PENDING =
  '/order/OrderStatus Pending: Amazon has not authorised the payment yet; the order is taken once it is Unshipped';
const SANDBOX_DATE =
  '/order/PurchaseDate 1970-01-19T03:58:30Z is before 2000: an SP-API sandbox date (epoch seconds read as milliseconds), not a real order';
