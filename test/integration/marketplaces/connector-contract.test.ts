import { createAmazonConnector } from '../../../src/marketplaces/amazon/index.js';
import {
  startAmazonSandbox,
  startShopifySandbox,
  startWalmartSandbox,
  type ShopifySandbox,
} from '../../../src/marketplaces/index.js';
import { createShopifyConnector } from '../../../src/marketplaces/shopify/index.js';
import { createWalmartConnector } from '../../../src/marketplaces/walmart/index.js';
import {
  CONTRACT_PAGE_SIZE,
  describeMarketplaceConnectorContract,
  type MarketplaceFixtureKit,
} from '../../contracts/marketplace-connector-contract.js';
import { marketplaceFixture } from '../../unit/marketplaces/mapped-order.js';

type Json = Record<string, unknown>;

const TRACKING = '1Z999AA10123456784';

/** An instant as SP-API writes it (to the second), `minutes` before now. */
const amazonAgo = (minutes: number): string =>
  new Date(Date.now() - minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Unshipped seller-fulfilled orders with two items each, last updated an hour ago: SP-API stamps
 * to the second, so a change made in the test must read as later than the order's first version.
 */
function amazonKit(): MarketplaceFixtureKit {
  const itemIds = new Map<string, string[]>();
  const item = (orderItemId: string): Json => ({
    ASIN: 'B00551Q3CS',
    SellerSKU: `SKU-${orderItemId}`,
    OrderItemId: orderItemId,
    Title: 'Card book',
    QuantityOrdered: 1,
    QuantityShipped: 0,
    ItemPrice: { CurrencyCode: 'USD', Amount: '10.00' },
  });
  return {
    newOrder(n) {
      const orderId = `902-${String(n).padStart(7, '0')}-1000000`;
      const ids = [`${n}01`, `${n}02`];
      itemIds.set(orderId, ids);
      const order = {
        AmazonOrderId: orderId,
        PurchaseDate: amazonAgo(61),
        LastUpdateDate: amazonAgo(60),
        OrderStatus: 'Unshipped',
        FulfillmentChannel: 'MFN',
        OrderTotal: { CurrencyCode: 'USD', Amount: '20.00' },
      };
      return { order, items: ids.map(item) };
    },
    cancel: (order) => void (order['OrderStatus'] = 'Canceled'),
    shipmentFor: (orderId) => ({
      orderId,
      carrier: 'UPS',
      trackingNumber: TRACKING,
      shippedAt: new Date(Date.now() - 60_000).toISOString(),
      method: 'Ground',
      lines: (itemIds.get(orderId) ?? []).map((lineId) => ({ lineId, quantity: '1' })),
    }),
    prepareShipment: () => Promise.resolve(),
    unknownOrderId: '902-9999999-9999999',
    tokensExpire: true,
  };
}

/** The shopify-api-ruby order as a new paid one; the sandbox gives its line items numeric ids. */
function shopifyKit(shop: ShopifySandbox): MarketplaceFixtureKit {
  const fixture = (marketplaceFixture('shopify', 'shopify-api-ruby__order.json') as { order: Json }).order;
  return {
    newOrder(n) {
      const order = structuredClone(fixture);
      order['id'] = 9_000 + n;
      order['financial_status'] = 'paid';
      delete order['updated_at'];
      for (const line of order['line_items'] as Json[]) delete line['id'];
      return { order };
    },
    cancel(order) {
      order['cancelled_at'] = new Date().toISOString();
      order['cancel_reason'] = 'customer';
    },
    shipmentFor: (orderId) => ({
      orderId,
      carrier: 'UPS',
      trackingNumber: TRACKING,
      shippedAt: new Date().toISOString(),
      lines: ((shop.order(orderId)?.['line_items'] as Json[] | undefined) ?? []).map((line) => ({
        lineId: String(line['id']),
        quantity: String(line['quantity']),
      })),
    }),
    prepareShipment: () => Promise.resolve(),
    unknownOrderId: '424242',
    // A custom app's Admin API token never expires; expireTokens() revokes it.
    tokensExpire: false,
  };
}

/** The walmart-partner-api order as Walmart releases a new one: one line of one unit, `Created`. */
function walmartKit(): MarketplaceFixtureKit {
  const fixture = (marketplaceFixture('walmart', 'walmart-partner-api__test_order.json') as { order: Json })
    .order as Json & { orderLines: { orderLine: Json[] } };
  return {
    newOrder(n) {
      const { orderLines, ...order } = structuredClone(fixture);
      const { item, charges } = orderLines.orderLine[0] as Json;
      const orderLine = [
        { lineNumber: '1', item, charges, orderLineQuantity: { unitOfMeasurement: 'EACH', amount: '1' } },
      ];
      const purchaseOrderId = String(4_792_000_000_000 + n);
      return { order: { ...order, purchaseOrderId, orderDate: Date.now(), orderLines: { orderLine } } };
    },
    cancel(order) {
      for (const line of (order['orderLines'] as { orderLine: Json[] }).orderLine)
        line['orderLineStatuses'] = {
          orderLineStatus: [
            {
              status: 'Cancelled',
              statusQuantity: line['orderLineQuantity'],
              cancellationReason: 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL',
            },
          ],
        };
    },
    shipmentFor: (orderId) => ({
      orderId,
      carrier: 'UPS',
      trackingNumber: TRACKING,
      shippedAt: new Date().toISOString(),
      method: 'Standard',
      lines: [{ lineId: '1', quantity: '1' }],
    }),
    // Walmart ships only acknowledged quantity.
    prepareShipment: (connector, orderId) => connector.acknowledgeOrder(orderId),
    unknownOrderId: '4792999999999',
    tokensExpire: true,
  };
}

describeMarketplaceConnectorContract('amazon', async () => ({
  sandbox: await startAmazonSandbox({ pageSize: CONTRACT_PAGE_SIZE }),
  createConnector: createAmazonConnector,
  kit: amazonKit(),
}));

describeMarketplaceConnectorContract('shopify', async () => {
  const sandbox = await startShopifySandbox({ pageSize: CONTRACT_PAGE_SIZE });
  return { sandbox, createConnector: createShopifyConnector, kit: shopifyKit(sandbox) };
});

describeMarketplaceConnectorContract('walmart', async () => ({
  sandbox: await startWalmartSandbox({ pageSize: CONTRACT_PAGE_SIZE }),
  createConnector: createWalmartConnector,
  kit: walmartKit(),
}));
