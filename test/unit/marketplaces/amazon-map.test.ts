import { describe, expect, it } from 'vitest';
import { mapAmazonOrder, type MappedOrder } from '../../../src/marketplaces/index.js';
import { marketplaceFixture, problems, validOrder } from './mapped-order.js';

type Json = Record<string, unknown>;

function fixture(name: string): { payload: Json } {
  return marketplaceFixture('amazon', `selling-partner-api-models__ordersV0.${name}.json`) as {
    payload: Json;
  };
}

function map(order: unknown, items: unknown): MappedOrder {
  return mapAmazonOrder(
    { orderId: 'x', body: { order, items } },
    { partnerId: 'amazon-us', transmissionId: 't-1' },
  );
}

const valid = validOrder;

const PENDING =
  '/order/OrderStatus Pending: Amazon has not authorised the payment yet; the order is taken once it is Unshipped';
const SANDBOX_DATE =
  '/order/PurchaseDate 1970-01-19T03:58:30Z is before 2000: an SP-API sandbox date (epoch seconds read as milliseconds), not a real order';

/** sandbox1's order and items, with its 1970 dates moved to the 2019 days they stand for. */
function sandboxOrderWithRealDates(): { order: Json; items: unknown } {
  const order = { ...fixture('getOrder.200.sandbox1').payload };
  for (const [field, value] of Object.entries(order))
    if (typeof value === 'string' && value.startsWith('1970-01-19T'))
      order[field] = new Date(Date.parse(value) * 1000).toISOString();
  return { order, items: fixture('getOrderItems.200.sandbox1') };
}

describe('Amazon SP-API orders as canonical purchase orders', () => {
  it('an Unshipped order with its items: ASIN, SKU, order item id, unit price, tax, buyer and ship-to', () => {
    const { order, items } = sandboxOrderWithRealDates();
    // sandbox1 holds no address (a restricted field): the example order's buyer and address stand in.
    const { ShippingAddress, BuyerInfo } = fixture('getOrder.200.example').payload;
    const po = valid(map({ ...order, ShippingAddress, BuyerInfo }, items));
    expect(po.parties).toEqual([
      { role: 'buyer', name: 'John Doe', contacts: [{ email: 'user@example.com' }] },
      {
        role: 'ship_to',
        name: 'Michigan address',
        addressLines: ['1 Cross St.'],
        city: 'Canton',
        state: 'MI',
        postalCode: '48817',
        country: 'US',
      },
    ]);
    expect(po.references).toEqual([
      { qualifier: 'PO', value: '1234567890123', description: "buyer's purchase order number" },
      { qualifier: 'ZZ', value: 'ATVPDKIKX0DER', description: 'amazon marketplace id' },
    ]);
    expect(po).toMatchObject({
      poNumber: '902-1845936-5435065',
      orderDate: '2019-09-26',
      purpose: 'original',
      orderType: 'marketplace',
      currency: 'USD',
      source: { channel: 'amazon', externalId: '902-1845936-5435065', transmissionId: 't-1' },
      totals: { lineCount: 1, amount: '11.01' },
    });
    expect(po.lines).toEqual([
      {
        lineNumber: '1',
        quantity: '1',
        uom: 'EA',
        unitPrice: '10.00',
        ids: { asin: 'B00551Q3CS', sku: 'NABetaASINB00551Q3CS' },
        productIds: [
          { qualifier: 'SK', value: 'NABetaASINB00551Q3CS' },
          { qualifier: 'AS', value: 'B00551Q3CS' },
        ],
        references: [{ qualifier: 'LI', value: '05015851154158', description: 'amazon order item id' }],
        description: 'B00551Q3CS [Card Book]',
        taxes: [{ typeCode: 'TX', amount: '1.01' }],
      },
    ]);
    expect(po.dates.map((d) => d.type)).toContain('ship_not_after');
  });

  it('divides Amazon’s line total by the quantity for the unit price', () => {
    const { order, items } = sandboxOrderWithRealDates();
    const list = (items as { payload: { OrderItems: Json[] } }).payload.OrderItems;
    const two = [{ ...list[0], QuantityOrdered: 2, ItemPrice: { CurrencyCode: 'USD', Amount: '25.98' } }];
    const three = [{ ...list[0], QuantityOrdered: 3, ItemPrice: { CurrencyCode: 'USD', Amount: '10.00' } }];
    expect(valid(map(order, two)).lines[0]?.unitPrice).toBe('12.99');
    expect(valid(map(order, three)).lines[0]?.unitPrice).toBe('3.3333');
  });

  it('getOrder example: refused while Pending', () => {
    expect(problems(map(fixture('getOrder.200.example'), fixture('getOrderItems.200.example')))).toEqual([
      PENDING,
    ]);
  });

  it('getOrder sandbox1: refused for its 1970 dates, naming the field', () => {
    expect(problems(map(fixture('getOrder.200.sandbox1'), fixture('getOrderItems.200.sandbox1')))).toEqual([
      SANDBOX_DATE,
    ]);
  });

  it('getOrder sandbox2: refused, Amazon fulfils it (AFN)', () => {
    expect(problems(map(fixture('getOrder.200.sandbox2'), []))).toEqual([
      '/order/FulfillmentChannel AFN: Amazon fulfils this order itself',
    ]);
  });

  it.each([
    ['getOrders.200.example', [PENDING]],
    ['getOrders.200.sandbox1', [SANDBOX_DATE, SANDBOX_DATE]],
    ['getOrders.200.sandbox2', [PENDING]],
    ['getOrders.200.sandbox3', [PENDING]],
  ])('%s: every order of the page reads, each refused for its own reason', (name, reasons) => {
    const orders = (fixture(name).payload['Orders'] ?? []) as unknown[];
    expect(orders.map((order) => problems(map(order, [])).join('; '))).toEqual(reasons);
  });

  it('getOrderItems example: refused as the items of another order, and for a second currency', () => {
    const { order } = sandboxOrderWithRealDates();
    expect(problems(map(order, fixture('getOrderItems.200.example')))).toEqual([
      '/items/AmazonOrderId the items are those of order 903-1671087-0812628, not of 902-1845936-5435065',
    ]);
    const items = (fixture('getOrderItems.200.example').payload['OrderItems'] as unknown[]).slice(0, 1);
    expect(problems(map(order, items))).toEqual([
      "/items/0/ItemPrice/CurrencyCode JPY differs from the order's USD",
    ]);
  });

  it('refuses an order stored without its items, and items that are not items, naming each place', () => {
    const { order } = sandboxOrderWithRealDates();
    expect(problems(map(order, undefined))).toEqual([
      '/items is missing: getOrderItems must be stored with the order',
    ]);
    expect(problems(map(order, [{ ASIN: 'B1', QuantityOrdered: 'two' }]))).toEqual([
      '/items/0/OrderItemId is missing',
      '/items/0/QuantityOrdered must be integer',
    ]);
  });

  it('reads a Canceled order as the cancellation of its PO number', () => {
    const { order, items } = sandboxOrderWithRealDates();
    const po = valid(map({ ...order, OrderStatus: 'Canceled' }, items));
    expect([po.purpose, po.poNumber]).toEqual(['cancellation', '902-1845936-5435065']);
  });
});
