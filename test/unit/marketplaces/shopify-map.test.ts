import { describe, expect, it } from 'vitest';
import type { PurchaseOrder } from '../../../src/canonical/index.js';
import { mapShopifyOrder } from '../../../src/marketplaces/index.js';
import { marketplaceFixture, problems, validOrder } from './mapped-order.js';

const fixture = (name: string) => marketplaceFixture('shopify', name);

function mapped(body: unknown, orderId = 'x'): PurchaseOrder {
  return validOrder(mapShopifyOrder({ orderId, body }, { partnerId: 'my-shop', transmissionId: 't-1' }));
}

describe('Shopify orders as canonical purchase orders', () => {
  it('shopify-api-ruby order.json: the whole order, decimals as sent', () => {
    const order = mapped(fixture('shopify-api-ruby__order.json'));
    expect(order).toMatchObject({
      type: 'purchase_order',
      partnerId: 'my-shop',
      poNumber: '450789469',
      orderDate: '2008-01-10',
      purpose: 'original',
      orderType: 'marketplace',
      currency: 'USD',
      source: { channel: 'shopify', externalId: '450789469', transmissionId: 't-1' },
      references: [{ qualifier: 'CO', value: '#1001' }],
    });
    expect(order.id).toMatch(/^purchase_order:[0-9a-f]{32}$/);
    expect(order.lines.map((l) => [l.lineNumber, l.quantity, l.uom, l.unitPrice, l.ids.sku])).toEqual([
      ['1', '1', 'EA', '199.00', 'IPOD2008GREEN'],
      ['2', '1', 'EA', '199.00', 'IPOD2008RED'],
      ['3', '1', 'EA', '199.00', 'IPOD2008BLACK'],
    ]);
    expect(order.lines[0]?.productIds).toEqual([
      { qualifier: 'SK', value: 'IPOD2008GREEN' },
      { qualifier: 'VA', value: '39072856' },
    ]);
    expect(order.parties.find((p) => p.role === 'buyer')).toEqual({
      role: 'buyer',
      name: 'Bob Norman',
      identifiers: [{ qualifier: '92', value: '207119551' }],
      contacts: [{ email: 'bob.norman@hostmail.com' }],
    });
    expect(order.lines[0]?.references).toEqual([
      { qualifier: 'LI', value: '466157049', description: 'shopify line item id' },
    ]);
    expect(order.parties.find((p) => p.role === 'ship_to')).toEqual({
      role: 'ship_to',
      name: 'Bob Norman',
      addressLines: ['Chestnut Street 92'],
      city: 'Louisville',
      state: 'KY',
      postalCode: '40202',
      country: 'US',
      contacts: [{ phone: '555-625-1199' }],
    });
    expect(order.allowancesCharges).toEqual([
      {
        indicator: 'charge',
        indicatorCode: 'C',
        code: 'G830',
        amount: '0.00',
        description: 'Free Shipping',
        referenceId: 'Free Shipping',
      },
      {
        indicator: 'allowance',
        indicatorCode: 'A',
        code: 'C310',
        amount: '10.00',
        description: 'discount',
        referenceId: 'TENOFF',
      },
    ]);
    expect(order.taxes).toEqual([
      { typeCode: 'TX', amount: '11.94', percent: '6', jurisdiction: 'State Tax' },
    ]);
    // Totals are kept as sent (3 x 199.00 is not 398.00 in this sample): checking them is a business rule.
    expect(order.totals).toEqual({ lineCount: 3, amount: '409.94', lineItemsAmount: '398.00' });
  });

  it('shopify-api-ruby order_with_properties.json: line item properties become product notes, odd values as JSON', () => {
    const order = mapped(fixture('shopify-api-ruby__order_with_properties.json'));
    expect(order.lines[0]?.notes?.map((n) => n.text)).toEqual([
      '1st Coffee: Coffee1',
      '2nd Coffee: Coffee2',
      '3rd Coffee: Coffee3',
      'Select Your Grind: Ground',
    ]);
    const odd = order.lines[1]?.notes?.[0];
    expect(odd?.type).toBe('product');
    expect(odd?.text).toMatch(/^By default may label with "Roasted for : \{"Your First Name":/);
  });

  it('shopify-api-ruby orders.json: every order of a list maps', () => {
    const list = fixture('shopify-api-ruby__orders.json') as { orders: unknown[] };
    const orders = list.orders.map((body) => mapped(body));
    expect(orders.length).toBeGreaterThan(0);
    expect(new Set(orders.map((o) => o.id)).size).toBe(orders.length);
  });

  it('shopify_python_api order.json: the REST answer wrapped in "order"', () => {
    const order = mapped(fixture('shopify_python_api__order.json'));
    expect(order.source.channel).toBe('shopify');
    expect(order.lines.length).toBeGreaterThan(0);
    expect(order.lines.every((l) => /^\d+(\.\d+)?$/.test(l.unitPrice ?? ''))).toBe(true);
  });

  it('shopify_python_api orders.json: a list answer without line items is refused, saying so', () => {
    const list = fixture('shopify_python_api__orders.json') as { orders: unknown[] };
    for (const body of list.orders)
      expect(problems(mapShopifyOrder({ orderId: '1', body }, { partnerId: 'p' }))).toEqual([
        '/line_items is missing',
      ]);
  });

  it('gives the same document id for the same order, whatever transmission carried it', () => {
    const body = fixture('shopify-api-ruby__order.json');
    const a = mapShopifyOrder({ orderId: '1', body }, { partnerId: 'my-shop', transmissionId: 't-1' });
    const b = mapShopifyOrder({ orderId: '1', body }, { partnerId: 'my-shop', transmissionId: 't-2' });
    expect(a.ok && b.ok && a.order.id === b.order.id).toBe(true);
  });

  it('maps a cancelled order as a cancellation of the same PO number', () => {
    const body = { ...(fixture('shopify-api-ruby__order.json') as { order: object }).order };
    const order = mapped({ ...body, cancelled_at: '2008-01-11T09:00:00-05:00' });
    expect(order.purpose).toBe('cancellation');
    expect(order.poNumber).toBe('450789469');
  });

  it('refuses an order without line items, a fractional quantity and a price that is not a decimal, naming each place', () => {
    const body = (fixture('shopify-api-ruby__order.json') as { order: Record<string, unknown> }).order;
    expect(
      problems(mapShopifyOrder({ orderId: '1', body: { ...body, line_items: [] } }, { partnerId: 'p' })),
    ).toEqual(['/line_items must NOT have fewer than 1 items']);
    const item = (body['line_items'] as Record<string, unknown>[])[0];
    const bad = { ...body, line_items: [{ ...item, quantity: 1.5, price: '19,99' }] };
    expect(problems(mapShopifyOrder({ orderId: '1', body: bad }, { partnerId: 'p' }))).toEqual([
      '/line_items/0/quantity must be integer',
      '/line_items/0/price "19,99" is not in the expected form',
    ]);
  });

  it('refuses a payload that is not an order, and an impossible order date', () => {
    expect(problems(mapShopifyOrder({ orderId: '1', body: { hello: 1 } }, { partnerId: 'p' }))).toEqual([
      '/id is missing',
      '/created_at is missing',
      '/currency is missing',
      '/line_items is missing',
    ]);
    const body = (fixture('shopify-api-ruby__order.json') as { order: Record<string, unknown> }).order;
    const result = mapShopifyOrder(
      { orderId: '1', body: { ...body, created_at: '2024-02-30T10:00:00Z' } },
      { partnerId: 'p' },
    );
    expect(problems(result)).toEqual(['/created_at 2024-02-30T10:00:00Z is not a date-time']);
  });
});
