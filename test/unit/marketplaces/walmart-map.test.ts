import { describe, expect, it } from 'vitest';
import type { PurchaseOrder } from '../../../src/canonical/index.js';
import { mapWalmartOrder } from '../../../src/marketplaces/index.js';
import { marketplaceFixture, problems, validOrder } from './mapped-order.js';

const fixture = (name: string) => marketplaceFixture('walmart', name);

function mapped(body: unknown): PurchaseOrder {
  return validOrder(
    mapWalmartOrder({ orderId: 'x', body }, { partnerId: 'walmart-us', transmissionId: 't-1' }),
  );
}

const single = () =>
  (fixture('walmart-partner-api__test_order.json') as { order: Record<string, unknown> }).order;

describe('Walmart orders as canonical purchase orders', () => {
  it('walmart-partner-api test_order.json: the order, epoch dates as UTC days, amounts as sent', () => {
    const order = mapped(fixture('walmart-partner-api__test_order.json'));
    expect(order).toMatchObject({
      poNumber: '1577684050862',
      orderDate: '2017-01-15',
      purpose: 'original',
      orderType: 'marketplace',
      currency: 'USD',
      source: { channel: 'walmart', externalId: '1577684050862', transmissionId: 't-1' },
      references: [{ qualifier: 'CO', value: '2861700797280' }],
      carriers: [{ serviceLevel: 'Value', routing: 'walmart Value' }],
    });
    expect(order.dates).toEqual([
      { type: 'purchase_order', date: '2017-01-15' },
      { type: 'ship_not_after', date: '2017-01-17' },
      { type: 'estimated_delivery', date: '2017-01-28' },
    ]);
    expect(order.lines).toEqual([
      {
        lineNumber: '1',
        quantity: '1',
        uom: 'EA',
        unitPrice: '19.99',
        ids: { sku: 'MGR_07_21_00100123' },
        productIds: [{ qualifier: 'SK', value: 'MGR_07_21_00100123' }],
        description: "Kellogg's Rice Krispies Cereal, 24 oz",
        taxes: [{ typeCode: 'TX', amount: '1.7', jurisdiction: 'Tax1' }],
      },
    ]);
    expect(order.parties).toEqual([
      { role: 'buyer', contacts: [{ email: 'jsanthanam@walmartlabs.com' }] },
      {
        role: 'ship_to',
        name: 'Asha Chakre',
        addressLines: ['860 W California ave'],
        city: 'Sunnyvale',
        state: 'CA',
        postalCode: '94086',
        country: 'USA',
        contacts: [{ phone: '4151234567' }],
      },
    ]);
  });

  it('walmart-partner-api test_order_list_res.json: a shipped order maps, a wholly cancelled one is a cancellation', () => {
    const list = fixture('walmart-partner-api__test_order_list_res.json') as {
      list: { elements: { order: unknown[] } };
    };
    const [shipped, cancelled] = list.list.elements.order.map(mapped);
    expect(shipped).toMatchObject({ poNumber: '11', purpose: 'original', lines: [{ unitPrice: '39.99' }] });
    expect(cancelled).toMatchObject({ poNumber: '21', purpose: 'cancellation', lines: [{ quantity: '1' }] });
  });

  it('reads an epoch in seconds as the same day as in milliseconds', () => {
    const inSeconds = mapped({ ...single(), orderDate: 1484458949 });
    const asText = mapped({ ...single(), orderDate: '1484458949000' });
    expect([inSeconds.orderDate, asText.orderDate]).toEqual(['2017-01-15', '2017-01-15']);
  });

  it('orders only what is not cancelled of a partly cancelled line', () => {
    const order = single();
    const lines = (order['orderLines'] as { orderLine: Record<string, unknown>[] }).orderLine;
    const line = {
      ...lines[0],
      orderLineQuantity: { unitOfMeasurement: 'EACH', amount: '3' },
      orderLineStatuses: {
        orderLineStatus: [
          { status: 'Created', statusQuantity: { amount: '2' } },
          { status: 'Cancelled', statusQuantity: { amount: '1' } },
        ],
      },
    };
    const mappedOrder = mapped({ ...order, orderLines: { orderLine: [line] } });
    expect(mappedOrder.purpose).toBe('original');
    expect(mappedOrder.lines.map((l) => l.quantity)).toEqual(['2']);
  });

  it('refuses a quantity that is not a number, an impossible date and a second currency, naming each place', () => {
    const order = single();
    const lines = (order['orderLines'] as { orderLine: Record<string, unknown>[] }).orderLine;
    const bad = { ...lines[0], orderLineQuantity: { amount: 'one' } };
    expect(
      problems(
        mapWalmartOrder(
          { orderId: '1', body: { ...order, orderLines: { orderLine: [bad] } } },
          { partnerId: 'p' },
        ),
      ),
    ).toEqual(['/orderLines/orderLine/0/orderLineQuantity/amount "one" is not in the expected form']);
    expect(
      problems(mapWalmartOrder({ orderId: '1', body: { ...order, orderDate: 'soon' } }, { partnerId: 'p' })),
    ).toEqual(['/orderDate soon is not an epoch time']);
    const charges = (lines[0] as { charges: { charge: Record<string, unknown>[] } }).charges.charge;
    const shipping = { chargeType: 'SHIPPING', chargeAmount: { currency: 'CAD', amount: 5 } };
    const mixed = { ...lines[0], charges: { charge: [...charges, shipping] } };
    expect(
      problems(
        mapWalmartOrder(
          { orderId: '1', body: { ...order, orderLines: { orderLine: [mixed] } } },
          { partnerId: 'p' },
        ),
      ),
    ).toEqual([
      "/orderLines/orderLine/0/charges/charge/1/chargeAmount/currency CAD differs from the order's USD",
    ]);
  });
});
