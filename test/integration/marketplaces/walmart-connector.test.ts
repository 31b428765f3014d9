import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MarketplaceError,
  type MarketplaceConnector,
  type MarketplaceErrorCode,
  type MarketplaceSandbox,
} from '../../../src/marketplaces/index.js';
import {
  startWalmartSandbox,
  type WalmartSandboxOptions,
} from '../../../src/marketplaces/sandbox/walmart-sandbox.js';
import {
  createWalmartConnector,
  type WalmartConnectorOptions,
} from '../../../src/marketplaces/walmart/client.js';
import { marketplaceFixture, validOrder } from '../../unit/marketplaces/mapped-order.js';

type Json = Record<string, unknown>;

const sandboxes: MarketplaceSandbox[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((sandbox) => sandbox.close()));
});

async function sandbox(options: WalmartSandboxOptions = {}): Promise<MarketplaceSandbox> {
  const started = await startWalmartSandbox(options);
  sandboxes.push(started);
  return started;
}

function connect(
  walmart: MarketplaceSandbox,
  options: WalmartConnectorOptions = {},
  credentials: Readonly<Record<string, string>> = walmart.credentials,
): MarketplaceConnector {
  return createWalmartConnector(
    {
      partnerId: 'walmart-us',
      platform: 'walmart',
      account: walmart.account,
      apiUrl: walmart.url,
      credentials,
      firstPullHours: 24,
    },
    { backoffBaseMs: 5, backoffMaxMs: 20, ...options },
  );
}

const fixture = (name: string): unknown => marketplaceFixture('walmart', name);
const fixtureOrder = (): Json => (fixture('walmart-partner-api__test_order.json') as { order: Json }).order;

/** The fixture order as Walmart releases a new one: its lines `Created`, with the quantities given. */
function newOrder(purchaseOrderId: string, quantities: string[] = ['1']): Json {
  const { orderLines, ...order } = fixtureOrder() as Json & { orderLines: { orderLine: Json[] } };
  const { item, charges } = orderLines.orderLine[0] as Json;
  const orderLine = quantities.map((amount, i) => ({
    lineNumber: String(i + 1),
    item,
    charges,
    orderLineQuantity: { unitOfMeasurement: 'EACH', amount },
  }));
  return { ...order, purchaseOrderId, orderDate: Date.now(), orderLines: { orderLine } };
}

async function failure(promise: Promise<unknown>): Promise<MarketplaceError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof MarketplaceError))
    throw new Error(`expected a MarketplaceError, got ${String(error)}`);
  return error;
}

async function expectFailure(
  promise: Promise<unknown>,
  code: MarketplaceErrorCode,
  permanent: boolean,
  says: string,
): Promise<void> {
  const error = await failure(promise);
  expect({ code: error.code, permanent: error.permanent }).toEqual({ code, permanent });
  expect(error.message).toContain('partner walmart-us');
  expect(error.message).toContain(says);
}

const statusesOf = (order: unknown, line: number): { status: string; amount: string }[] =>
  (
    order as {
      orderLines: {
        orderLine: {
          orderLineStatuses: { orderLineStatus: { status: string; statusQuantity: { amount: string } }[] };
        }[];
      };
    }
  ).orderLines.orderLine[line]!.orderLineStatuses.orderLineStatus.map((s) => ({
    status: s.status,
    amount: s.statusQuantity.amount,
  }));

describe('Walmart connector against the Walmart sandbox', () => {
  it('pages with nextCursor, and a new connector resumes from the stored cursor', async () => {
    const walmart = await sandbox({ pageSize: 2 });
    for (const id of ['P1', 'P2', 'P3', 'P4', 'P5']) walmart.addOrder(newOrder(id));
    const first = await connect(walmart).pullOrders(undefined);
    expect(first.orders.map((o) => o.orderId)).toEqual(['P1', 'P2']);
    expect(first.more).toBe(true);
    const stored = JSON.parse(first.nextCursor) as { v?: number; page?: string };
    expect([stored.v, stored.page]).toEqual([1, expect.stringMatching(/^\?.*poIndex=2/) as unknown]);
    const second = await connect(walmart).pullOrders(first.nextCursor);
    expect([second.orders.map((o) => o.orderId), second.more]).toEqual([['P3', 'P4'], true]);
    const third = await connect(walmart).pullOrders(second.nextCursor);
    expect([third.orders.map((o) => o.orderId), third.more]).toEqual([['P5'], false]);
    expect(JSON.parse(third.nextCursor)).not.toHaveProperty('page');
    for (const payload of [...first.orders, ...second.orders, ...third.orders]) {
      expect((payload.body as Json)['purchaseOrderId']).toBe(payload.orderId);
      expect(payload.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
  });

  it('pulls an order again with a later updatedAt once the customer cancels it, and not the unchanged one', async () => {
    const walmart = await sandbox();
    walmart.addOrder(newOrder('A', ['2']));
    walmart.addOrder(newOrder('B'));
    await sleep(10);
    const connector = connect(walmart, { overlapMs: 0 });
    const first = await connector.pullOrders(undefined);
    expect(first.orders.map((o) => o.orderId)).toEqual(['A', 'B']);
    await sleep(10);
    walmart.updateOrder('A', (order) => {
      const [line] = (order['orderLines'] as { orderLine: Json[] }).orderLine;
      line!['orderLineStatuses'] = {
        orderLineStatus: [
          {
            status: 'Cancelled',
            statusQuantity: { unitOfMeasurement: 'EACH', amount: '2' },
            cancellationReason: 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL',
          },
        ],
      };
    });
    await sleep(10);
    const second = await connector.pullOrders(first.nextCursor);
    expect(second.orders.map((o) => o.orderId)).toEqual(['A']);
    const [before, after] = [first.orders[0]!, second.orders[0]!];
    expect(Date.parse(after.updatedAt!)).toBeGreaterThan(Date.parse(before.updatedAt!));
    expect(validOrder(connector.mapOrder(after, { partnerId: 'walmart-us' })).purpose).toBe('cancellation');
    await sleep(10);
    // Nothing changed since: Walmart answers 404 CONTENT_NOT_FOUND, an empty page.
    expect(await connector.pullOrders(second.nextCursor)).toMatchObject({ orders: [], more: false });
  });

  it("sees a change to an order older than Walmart's default 7-day creation window", async () => {
    let clock = Date.now();
    const now = (): number => clock;
    const walmart = await sandbox({ now });
    const connector = connect(walmart, { now, overlapMs: 0 });
    walmart.addOrder(newOrder('OLD', ['2']));
    clock += 1_000;
    const first = await connector.pullOrders(undefined);
    clock += 10 * 86_400_000;
    walmart.updateOrder('OLD', (order) => {
      const [line] = (order['orderLines'] as { orderLine: Json[] }).orderLine;
      const statuses = line!['orderLineStatuses'] as { orderLineStatus: Json[] };
      statuses.orderLineStatus = [
        { status: 'Created', statusQuantity: { unitOfMeasurement: 'EACH', amount: '1' } },
        { status: 'Cancelled', statusQuantity: { unitOfMeasurement: 'EACH', amount: '1' } },
      ];
    });
    clock += 1_000;
    const second = await connector.pullOrders(first.nextCursor);
    expect(second.orders.map((o) => o.orderId)).toEqual(['OLD']);
    const order = validOrder(connector.mapOrder(second.orders[0]!, { partnerId: 'walmart-us' }));
    expect(order.lines.map((line) => line.quantity)).toEqual(['1']);
  });

  it('waits out a 429 with Retry-After 1, then the same pull succeeds', async () => {
    const walmart = await sandbox();
    walmart.addOrder(newOrder('R1'));
    walmart.failNext(1, { status: 429, retryAfterSeconds: 1, operation: 'getOrders' });
    const started = Date.now();
    const page = await connect(walmart).pullOrders(undefined);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(page.orders.map((o) => o.orderId)).toEqual(['R1']);
    expect(walmart.requests['getOrders']).toBe(2);
  });

  it('keeps its token between calls, and fetches a new one when Walmart answers 401', async () => {
    const walmart = await sandbox();
    walmart.addOrder(newOrder('T1'));
    const connector = connect(walmart);
    await connector.pullOrders(undefined);
    await connector.pullOrders(undefined);
    expect(walmart.requests).toMatchObject({ getToken: 1, getOrders: 2 });
    walmart.expireTokens();
    const page = await connector.pullOrders(undefined);
    expect(page.orders.map((o) => o.orderId)).toEqual(['T1']);
    expect(walmart.requests).toMatchObject({ getToken: 2, getOrders: 4 });
  });

  it('refuses a wrong client secret as marketplace-auth without quoting it, and a missing one before any call', async () => {
    const walmart = await sandbox();
    const wrong = connect(walmart, {}, { ...walmart.credentials, clientSecret: 'not-the-secret' });
    const error = await failure(wrong.pullOrders(undefined));
    expect({ code: error.code, permanent: error.permanent }).toEqual({
      code: 'marketplace-auth',
      permanent: true,
    });
    expect(error.message).toMatch(/partner walmart-us: getToken was refused with 401/);
    expect(error.message).not.toContain('not-the-secret');
    expect(walmart.requests['getOrders']).toBeUndefined();
    expect(() => connect(walmart, {}, { clientId: 'x' })).toThrow(/no clientSecret/);
  });

  it('retries a 500 and succeeds; a 503 that lasts fails retryable after maxAttempts', async () => {
    const walmart = await sandbox();
    walmart.addOrder(newOrder('F1'));
    walmart.failNext(1, { status: 500, operation: 'getOrders' });
    expect((await connect(walmart).pullOrders(undefined)).orders).toHaveLength(1);
    expect(walmart.requests['getOrders']).toBe(2);
    walmart.failNext(100, { status: 503, operation: 'acknowledgeOrder' });
    await expectFailure(
      connect(walmart, { maxAttempts: 3 }).acknowledgeOrder('F1'),
      'marketplace-unavailable',
      false,
      'answered 503 3 times',
    );
    expect(walmart.requests['acknowledgeOrder']).toBe(3);
  });

  it('sends acknowledge, ship and cancel as Walmart documents them, and the order shows the result', async () => {
    const walmart = await sandbox();
    walmart.addOrder(newOrder('S1', ['3', '1']));
    const connector = connect(walmart);
    await connector.acknowledgeOrder('S1');
    await connector.confirmShipment({
      orderId: 'S1',
      carrier: 'fedex',
      trackingNumber: '3445435443441221',
      shippedAt: '2026-12-05T15:30:00Z',
      method: 'value',
      lines: [{ lineId: '1', quantity: '2' }],
    });
    await connector.cancelLines({
      orderId: 'S1',
      reason: 'out of stock',
      lines: [
        { lineId: '1', quantity: '1' },
        { lineId: '2', quantity: '1' },
      ],
    });
    expect(walmart.received.map((call) => [call.operation, call.orderId, call.body])).toEqual([
      ['acknowledgeOrder', 'S1', null],
      [
        'confirmShipment',
        'S1',
        {
          orderShipment: {
            orderLines: {
              orderLine: [
                {
                  lineNumber: '1',
                  orderLineStatuses: {
                    orderLineStatus: [
                      {
                        status: 'Shipped',
                        statusQuantity: { unitOfMeasurement: 'EACH', amount: '2' },
                        trackingInfo: {
                          shipDateTime: Date.parse('2026-12-05T15:30:00Z'),
                          carrierName: { carrier: 'FedEx' },
                          methodCode: 'Value',
                          trackingNumber: '3445435443441221',
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        },
      ],
      [
        'cancelLines',
        'S1',
        {
          orderCancellation: {
            orderLines: {
              orderLine: ['1', '2'].map((lineNumber) => ({
                lineNumber,
                orderLineStatuses: {
                  orderLineStatus: [
                    {
                      status: 'Cancelled',
                      cancellationReason: 'SELLER_CANCEL_OUT_OF_STOCK',
                      statusQuantity: { unitOfMeasurement: 'EACH', amount: '1' },
                    },
                  ],
                },
              })),
            },
          },
        },
      ],
    ]);
    const [pulled] = (await connector.pullOrders(undefined)).orders;
    expect(statusesOf(pulled!.body, 0)).toEqual([
      { status: 'Shipped', amount: '2' },
      { status: 'Cancelled', amount: '1' },
    ]);
    expect(statusesOf(pulled!.body, 1)).toEqual([{ status: 'Cancelled', amount: '1' }]);
    const order = validOrder(connector.mapOrder(pulled!, { partnerId: 'walmart-us' }));
    expect(order.lines.map((line) => [line.lineNumber, line.quantity])).toEqual([['1', '2']]);
  });

  it('ships with the method the order was placed with when the shipment names none', async () => {
    const walmart = await sandbox();
    walmart.addOrder(newOrder('M1'));
    const connector = connect(walmart);
    await connector.acknowledgeOrder('M1');
    await connector.confirmShipment({
      orderId: 'M1',
      carrier: 'USPS',
      trackingNumber: '9400100000000000000000',
      shippedAt: '2026-12-05T10:00:00-05:00',
      lines: [{ lineId: '1', quantity: '1' }],
    });
    expect(walmart.requests['getOrder']).toBe(1);
    const body = walmart.received[1]!.body as {
      orderShipment: { orderLines: { orderLine: Json[] } };
    };
    expect(JSON.stringify(body)).toContain('"methodCode":"Value"');
    expect(JSON.stringify(body)).toContain(`"shipDateTime":${Date.parse('2026-12-05T15:00:00Z')}`);
  });

  it('gets a permanent refusal for an unknown order or line, and for shipping before acknowledging', async () => {
    const walmart = await sandbox();
    walmart.addOrder(newOrder('U1'));
    const connector = connect(walmart);
    const shipment = {
      orderId: 'U1',
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
      shippedAt: '2026-12-05T15:30:00Z',
      method: 'Standard',
      lines: [{ lineId: '1', quantity: '1' }],
    };
    await expectFailure(connector.confirmShipment(shipment), 'marketplace-refused', true, 'acknowledge');
    await expectFailure(connector.acknowledgeOrder('NOPE'), 'marketplace-refused', true, 'refused with 404');
    await connector.acknowledgeOrder('U1');
    const unknownLine = { ...shipment, lines: [{ lineId: '9', quantity: '1' }] };
    await expectFailure(connector.confirmShipment(unknownLine), 'marketplace-refused', true, 'lineNumber 9');
    const cancellation = {
      orderId: 'NOPE',
      reason: 'SELLER_CANCEL_PRICING_ERROR',
      lines: [{ lineId: '1', quantity: '1' }],
    };
    await expectFailure(connector.cancelLines(cancellation), 'marketplace-refused', true, 'NOPE');
    expect(walmart.received.map((call) => call.operation)).toEqual(['acknowledgeOrder']);
  });

  it('refuses before calling Walmart a carrier, method, reason or quantity Walmart has no code for', async () => {
    const walmart = await sandbox();
    walmart.addOrder(newOrder('V1'));
    const connector = connect(walmart);
    const shipment = {
      orderId: 'V1',
      carrier: 'Bob Trucking',
      trackingNumber: 'BOB-1',
      shippedAt: '2026-12-05T15:30:00Z',
      method: 'Standard',
      lines: [{ lineId: '1', quantity: '1' }],
    };
    await expectFailure(connector.confirmShipment(shipment), 'marketplace-refused', true, '"Bob Trucking"');
    const { method: _method, ...noMethod } = shipment;
    await expectFailure(connector.confirmShipment(noMethod), 'marketplace-refused', true, '"Bob Trucking"');
    const ground = { ...shipment, carrier: 'UPS', method: 'Ground' };
    await expectFailure(connector.confirmShipment(ground), 'marketplace-refused', true, '"Ground"');
    const half = { ...shipment, carrier: 'UPS', lines: [{ lineId: '1', quantity: '1.5' }] };
    await expectFailure(connector.confirmShipment(half), 'marketplace-refused', true, 'whole number');
    const cancellation = {
      orderId: 'V1',
      reason: 'changed my mind',
      lines: [{ lineId: '1', quantity: '1' }],
    };
    await expectFailure(
      connector.cancelLines(cancellation),
      'marketplace-refused',
      true,
      'SELLER_CANCEL_OUT_OF_STOCK',
    );
    const calls = ['getOrder', 'confirmShipment', 'cancelLines'].map(
      (operation) => walmart.requests[operation],
    );
    expect(calls).toEqual([undefined, undefined, undefined]);
  });

  it('pulls the fixture orders, which map with mapOrder; an empty account is an empty page', async () => {
    const empty = await sandbox();
    expect(await connect(empty).pullOrders(undefined)).toMatchObject({ orders: [], more: false });
    const walmart = await sandbox();
    walmart.addOrder(fixture('walmart-partner-api__test_order.json'));
    const list = fixture('walmart-partner-api__test_order_list_res.json') as {
      list: { elements: { order: unknown[] } };
    };
    for (const order of list.list.elements.order) walmart.addOrder(order);
    const connector = connect(walmart);
    const page = await connector.pullOrders(undefined);
    expect(page.orders.map((o) => [o.orderId, o.updatedAt])).toEqual([
      ['1577684050862', '2017-02-23T22:25:47.000Z'],
      ['11', '2017-08-07T14:07:19.000Z'],
      ['21', '2017-04-10T15:51:47.000Z'],
    ]);
    const orders = page.orders.map((o) => validOrder(connector.mapOrder(o, { partnerId: 'walmart-us' })));
    expect(orders.map((o) => [o.poNumber, o.purpose])).toEqual([
      ['1577684050862', 'original'],
      ['11', 'original'],
      ['21', 'cancellation'],
    ]);
  });

  it('starts the window over when Walmart no longer takes a stored page, and refuses a cursor it did not write', async () => {
    const walmart = await sandbox();
    walmart.addOrder(newOrder('C1'));
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const stale = JSON.stringify({
      v: 1,
      createdFrom: hourAgo,
      modifiedFrom: hourAgo,
      windowStartedAt: hourAgo,
      page: '?limit=2&poIndex=gone',
    });
    const page = await connect(walmart).pullOrders(stale);
    expect([page.orders.map((o) => o.orderId), page.more]).toEqual([['C1'], false]);
    expect(walmart.requests['getOrders']).toBe(2);
    await expectFailure(connect(walmart).pullOrders('page-2'), 'marketplace-refused', true, 'clear');
  });
});
