import {
  addDecimals,
  compareDecimals,
  divideDecimals,
  roundDecimal,
  type AllowanceCharge,
  type DateEntry,
  type DateType,
  type Note,
  type Party,
  type PurchaseOrder,
  type PurchaseOrderLine,
  type Tax,
} from '../../canonical/index.js';
import type {
  MappedOrder,
  MappingContext,
  MarketplaceOrderPayload,
  MarketplaceProblem,
} from '../connector.js';
import { orderDateOf, present, orderHeader } from '../map-helpers.js';
import { payloadProblems } from '../payload-schema.js';
import {
  AMAZON_ORDER_ITEM_SCHEMA,
  AMAZON_ORDER_SCHEMA,
  type AmazonMoney,
  type AmazonOrder,
  type AmazonOrderItem,
} from './order-schema.js';

/** Decimals kept of a unit price worked out from a line total (Amazon sends price x quantity). */
const UNIT_PRICE_PLACES = 4;

/** Dates before this are the SP-API sandbox's epoch seconds read as milliseconds (1970-01-19...). */
const EARLIEST_REAL = '2000-01-01';

/**
 * An Amazon SP-API order with its items as a canonical purchase order: the Amazon order id is the
 * PO number (the buyer's own PO number, for business orders, a `PO` reference), each line keeps
 * its `OrderItemId` (what `confirmShipment` names), the ASIN and the seller SKU. Amazon's
 * `ItemPrice` is the line total, so the unit price is that divided by the quantity. Refused with
 * their reason: orders still `Pending` (payment not authorised, no address), orders Amazon fulfils
 * itself (`AFN`), items of another order, and the sandbox's 1970 dates.
 *
 * @example
 * const mapped = mapAmazonOrder({ orderId, body: { order, items } }, { partnerId: 'amazon-us' });
 */
export function mapAmazonOrder(payload: MarketplaceOrderPayload, context: MappingContext): MappedOrder {
  const body = (payload.body ?? {}) as { order?: unknown; items?: unknown };
  const order = unwrap(body.order);
  const items = itemsOf(body.items);
  const problems = [
    ...payloadProblems(AMAZON_ORDER_SCHEMA, order).map(under('/order')),
    ...(items === undefined
      ? [{ path: '/items', message: 'is missing: getOrderItems must be stored with the order' }]
      : items.flatMap((item, i) =>
          payloadProblems(AMAZON_ORDER_ITEM_SCHEMA, item).map(under(`/items/${i}`)),
        )),
  ];
  if (problems.length > 0 || items === undefined) return { ok: false, problems };
  const amazon = order as AmazonOrder;
  const lines = items as AmazonOrderItem[];
  const refused = refusal(amazon, body.items, lines);
  if (refused !== undefined) return { ok: false, problems: [refused] };
  const orderDate = orderDateOf(amazon.PurchaseDate) ?? '';
  const currency = amazon.OrderTotal?.CurrencyCode ?? lines.find((l) => l.ItemPrice)?.ItemPrice?.CurrencyCode;
  if (currency === undefined)
    return {
      ok: false,
      problems: [{ path: '/order/OrderTotal', message: 'is missing, and no item has a price' }],
    };
  const mixed = mixedCurrency(lines, currency);
  if (mixed !== undefined) return { ok: false, problems: [mixed] };
  const open = lines.filter((l) => l.QuantityOrdered > 0);
  const cancellation = amazon.OrderStatus === 'Canceled' || open.length === 0;
  const document: PurchaseOrder = {
    ...orderHeader('amazon', amazon.AmazonOrderId, context, {
      orderDate: orderDate,
      currency: currency,
      cancellation: cancellation,
    }),
    parties: parties(amazon),
    lines: (cancellation ? lines : open).map(line),
    references: references(amazon),
    dates: dates(amazon),
    notes: [],
  };
  const level = amazon.ShipmentServiceLevelCategory;
  if (present(level)) document.carriers = [{ serviceLevel: level, routing: `amazon ${level}` }];
  document.totals = {
    lineCount: document.lines.length,
    ...(amazon.OrderTotal === undefined ? {} : { amount: amazon.OrderTotal.Amount }),
  };
  return { ok: true, order: document };
}

function unwrap(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && 'payload' in value) return value.payload;
  return value;
}

/** The items, whether stored as a list or as `getOrderItems`' answer (`payload.OrderItems`). */
function itemsOf(value: unknown): unknown[] | undefined {
  const inner = unwrap(value);
  if (Array.isArray(inner)) return inner as unknown[];
  if (inner !== null && typeof inner === 'object' && 'OrderItems' in inner && Array.isArray(inner.OrderItems))
    return inner.OrderItems as unknown[];
  return undefined;
}

function under(prefix: string): (problem: MarketplaceProblem) => MarketplaceProblem {
  return (problem) => ({ ...problem, path: problem.path === '/' ? prefix : `${prefix}${problem.path}` });
}

/** Why an order that reads well is still not one to fulfil, if it is not. */
function refusal(
  order: AmazonOrder,
  rawItems: unknown,
  items: AmazonOrderItem[],
): MarketplaceProblem | undefined {
  if (order.OrderStatus === 'Pending')
    return {
      path: '/order/OrderStatus',
      message: 'Pending: Amazon has not authorised the payment yet; the order is taken once it is Unshipped',
    };
  if (order.FulfillmentChannel === 'AFN')
    return { path: '/order/FulfillmentChannel', message: 'AFN: Amazon fulfils this order itself' };
  for (const [field, value] of Object.entries(order)) {
    if (!/Date$/.test(field) || typeof value !== 'string') continue;
    const day = orderDateOf(value);
    if (day === undefined) return { path: `/order/${field}`, message: `${value} is not a date-time` };
    if (day < EARLIEST_REAL)
      return {
        path: `/order/${field}`,
        message: `${value} is before 2000: an SP-API sandbox date (epoch seconds read as milliseconds), not a real order`,
      };
  }
  const itemsOrder = (unwrap(rawItems) as { AmazonOrderId?: unknown } | undefined)?.AmazonOrderId;
  if (typeof itemsOrder === 'string' && itemsOrder !== order.AmazonOrderId)
    return {
      path: '/items/AmazonOrderId',
      message: `the items are those of order ${itemsOrder}, not of ${order.AmazonOrderId}`,
    };
  if (items.length === 0) return { path: '/items', message: 'the order has no items' };
  return undefined;
}

function mixedCurrency(items: AmazonOrderItem[], currency: string): MarketplaceProblem | undefined {
  for (const [i, item] of items.entries()) {
    for (const field of MONEY_FIELDS) {
      const money = item[field];
      if (money !== undefined && money.CurrencyCode !== currency)
        return {
          path: `/items/${i}/${field}/CurrencyCode`,
          message: `${money.CurrencyCode} differs from the order's ${currency}`,
        };
    }
  }
  return undefined;
}

const MONEY_FIELDS = [
  'ItemPrice',
  'ItemTax',
  'ShippingPrice',
  'ShippingTax',
  'ShippingDiscount',
  'PromotionDiscount',
] as const;

function line(item: AmazonOrderItem, index: number): PurchaseOrderLine {
  const sku = present(item.SellerSKU) ? item.SellerSKU : undefined;
  const quantity = String(item.QuantityOrdered);
  const mapped: PurchaseOrderLine = {
    lineNumber: String(index + 1),
    quantity,
    uom: 'EA',
    ...(item.ItemPrice === undefined || item.QuantityOrdered === 0
      ? {}
      : { unitPrice: unitPriceOf(item.ItemPrice.Amount, quantity) }),
    ids: { asin: item.ASIN, ...(sku === undefined ? {} : { sku }) },
    productIds: [
      ...(sku === undefined ? [] : [{ qualifier: 'SK', value: sku }]),
      { qualifier: 'AS', value: item.ASIN },
    ],
    references: [{ qualifier: 'LI', value: item.OrderItemId, description: 'amazon order item id' }],
    ...(present(item.Title) ? { description: item.Title } : {}),
  };
  const charges = lineCharges(item);
  if (charges.length > 0) mapped.allowancesCharges = charges;
  const taxes = [item.ItemTax, item.ShippingTax]
    .filter((tax): tax is AmazonMoney => tax !== undefined && compareDecimals(tax.Amount, '0') !== 0)
    .map((tax): Tax => ({ typeCode: 'TX', amount: tax.Amount }));
  if (taxes.length > 0)
    mapped.taxes = [{ typeCode: 'TX', amount: addDecimals(...taxes.map((t) => t.amount ?? '0')) }];
  const gift = item.BuyerInfo?.GiftMessageText;
  if (present(gift)) mapped.notes = [{ type: 'gift_message', text: gift } satisfies Note];
  return mapped;
}

/** The line total over the quantity, keeping at least the decimals Amazon sent ('25.98' / 2 = '12.99'). */
function unitPriceOf(total: string, quantity: string): string {
  const unit = divideDecimals(total, quantity, UNIT_PRICE_PLACES);
  return roundDecimal(unit, Math.max(scaleOf(total), scaleOf(unit)));
}

function scaleOf(value: string): number {
  return value.split('.')[1]?.length ?? 0;
}

function lineCharges(item: AmazonOrderItem): AllowanceCharge[] {
  const charges: AllowanceCharge[] = [];
  const nonZero = (money: AmazonMoney | undefined): money is AmazonMoney =>
    money !== undefined && compareDecimals(money.Amount, '0') !== 0;
  if (nonZero(item.ShippingPrice))
    charges.push({
      indicator: 'charge',
      indicatorCode: 'C',
      code: 'G830',
      amount: item.ShippingPrice.Amount,
    });
  if (nonZero(item.ShippingDiscount))
    charges.push({
      indicator: 'allowance',
      indicatorCode: 'A',
      code: 'C310',
      amount: item.ShippingDiscount.Amount,
      description: 'shipping discount',
    });
  if (nonZero(item.PromotionDiscount))
    charges.push({
      indicator: 'allowance',
      indicatorCode: 'A',
      code: 'C310',
      amount: item.PromotionDiscount.Amount,
      description: 'promotion discount',
      ...(item.PromotionIds?.length ? { referenceId: item.PromotionIds.join(' ') } : {}),
    });
  return charges;
}

function parties(order: AmazonOrder): Party[] {
  const list: Party[] = [];
  const buyer = order.BuyerInfo;
  if (buyer && (present(buyer.BuyerName) || present(buyer.BuyerEmail)))
    list.push({
      role: 'buyer',
      ...(present(buyer.BuyerName) ? { name: buyer.BuyerName } : {}),
      ...(present(buyer.BuyerEmail) ? { contacts: [{ email: buyer.BuyerEmail }] } : {}),
    });
  const address = order.ShippingAddress;
  if (address) {
    const lines = [address.AddressLine1, address.AddressLine2, address.AddressLine3].filter(present);
    list.push({
      role: 'ship_to',
      ...(present(address.Name) ? { name: address.Name } : {}),
      ...(lines.length > 0 ? { addressLines: lines } : {}),
      ...(present(address.City) ? { city: address.City } : {}),
      ...(present(address.StateOrRegion) ? { state: address.StateOrRegion } : {}),
      ...(present(address.PostalCode) ? { postalCode: address.PostalCode } : {}),
      ...(present(address.CountryCode) ? { country: address.CountryCode } : {}),
      ...(present(address.Phone) ? { contacts: [{ phone: address.Phone }] } : {}),
    });
  }
  return list;
}

function references(order: AmazonOrder): PurchaseOrder['references'] {
  const list: PurchaseOrder['references'] = [];
  const buyerPo = order.BuyerInfo?.PurchaseOrderNumber;
  if (present(buyerPo))
    list.push({ qualifier: 'PO', value: buyerPo, description: "buyer's purchase order number" });
  if (present(order.MarketplaceId))
    list.push({ qualifier: 'ZZ', value: order.MarketplaceId, description: 'amazon marketplace id' });
  return list;
}

function dates(order: AmazonOrder): DateEntry[] {
  const list: DateEntry[] = [];
  const add = (type: DateType, value: string | undefined) => {
    const date = value === undefined ? undefined : orderDateOf(value);
    if (date !== undefined) list.push({ type, date });
  };
  add('purchase_order', order.PurchaseDate);
  add('ship_not_before', order.EarliestShipDate);
  add('ship_not_after', order.LatestShipDate);
  add('deliver_not_before', order.EarliestDeliveryDate);
  add('deliver_not_after', order.LatestDeliveryDate);
  return list;
}
