import {
  addDecimals,
  compareDecimals,
  subtractDecimals,
  type AllowanceCharge,
  type DateEntry,
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
import { decimalOf, epochDate, present, orderHeader } from '../map-helpers.js';
import { payloadProblems } from '../payload-schema.js';
import { WALMART_ORDER_SCHEMA, type WalmartOrder } from './order-schema.js';

type WalmartLine = WalmartOrder['orderLines']['orderLine'][number];

/**
 * A Walmart Marketplace order as a canonical purchase order. The purchase order id is the PO
 * number (the customer order id is a `CO` reference); each order line keeps Walmart's line number
 * (what acknowledgements, shipments and cancellations name) and orders what is not cancelled yet.
 * An order whose every line is cancelled is a cancellation. Dates are epoch milliseconds or
 * seconds, read as UTC days; amounts are JSON numbers, kept as the decimal text Walmart sent.
 *
 * @example
 * const mapped = mapWalmartOrder({ orderId: '1577684050862', body }, { partnerId: 'walmart-us' });
 */
export function mapWalmartOrder(payload: MarketplaceOrderPayload, context: MappingContext): MappedOrder {
  const body = unwrap(payload.body);
  const problems = payloadProblems(WALMART_ORDER_SCHEMA, body);
  if (problems.length > 0) return { ok: false, problems };
  const order = body as WalmartOrder;
  const orderDate = epochDate(order.orderDate);
  if (orderDate === undefined)
    return {
      ok: false,
      problems: [{ path: '/orderDate', message: `${String(order.orderDate)} is not an epoch time` }],
    };
  const currency = currencyOf(order);
  if (typeof currency !== 'string') return { ok: false, problems: [currency] };
  const all = order.orderLines.orderLine.map(line);
  const open = all.filter((l) => l !== undefined && !l.cancelled);
  const cancellation = open.length === 0;
  const document: PurchaseOrder = {
    ...orderHeader('walmart', order.purchaseOrderId, context, {
      orderDate: orderDate,
      currency: currency,
      cancellation: cancellation,
    }),
    parties: parties(order),
    lines: (cancellation ? all : open).map((l) => l.line),
    references: present(order.customerOrderId) ? [{ qualifier: 'CO', value: order.customerOrderId }] : [],
    dates: dates(order, orderDate),
    notes: [],
  };
  const method = order.shippingInfo?.methodCode;
  if (present(method)) document.carriers = [{ serviceLevel: method, routing: `walmart ${method}` }];
  document.totals = { lineCount: document.lines.length };
  return { ok: true, order: document };
}

/** `GET /v3/orders/{id}` wraps the order in `order`; the list gives it bare. */
function unwrap(body: unknown): unknown {
  if (body !== null && typeof body === 'object' && 'order' in body && !('purchaseOrderId' in body))
    return body.order;
  return body;
}

/** The one currency of every charge, or the problem of a second one. */
function currencyOf(order: WalmartOrder): string | MarketplaceProblem {
  let currency: string | undefined;
  for (const [i, orderLine] of order.orderLines.orderLine.entries()) {
    for (const [j, charge] of orderLine.charges.charge.entries()) {
      const own = charge.chargeAmount.currency;
      if (currency === undefined) currency = own;
      else if (own !== currency)
        return {
          path: `/orderLines/orderLine/${i}/charges/charge/${j}/chargeAmount/currency`,
          message: `${own} differs from the order's ${currency}`,
        };
    }
  }
  return (
    currency ?? { path: '/orderLines/orderLine/0/charges/charge', message: 'no charge gives a currency' }
  );
}

function line(orderLine: WalmartLine): { line: PurchaseOrderLine; cancelled: boolean } {
  const ordered = orderLine.orderLineQuantity.amount;
  const cancelledQuantity = (orderLine.orderLineStatuses?.orderLineStatus ?? [])
    .filter((s) => s.status === 'Cancelled')
    .reduce((sum, s) => (s.statusQuantity?.amount ? addDecimals(sum, s.statusQuantity.amount) : sum), '0');
  const open = subtractDecimals(ordered, cancelledQuantity);
  const cancelled = compareDecimals(open, '0') <= 0;
  const product = orderLine.charges.charge.find((c) => c.chargeType === 'PRODUCT');
  const sku = present(orderLine.item.sku) ? orderLine.item.sku : undefined;
  const mapped: PurchaseOrderLine = {
    lineNumber: orderLine.lineNumber,
    quantity: cancelled ? ordered : open,
    uom: uomOf(orderLine.orderLineQuantity.unitOfMeasurement),
    ...(product === undefined ? {} : { unitPrice: decimalOf(product.chargeAmount.amount) }),
    ids: sku === undefined ? {} : { sku },
    ...(sku === undefined ? {} : { productIds: [{ qualifier: 'SK', value: sku }] }),
    ...(present(orderLine.item.productName) ? { description: orderLine.item.productName } : {}),
  };
  const charges = orderLine.charges.charge
    .filter((c) => c.chargeType !== 'PRODUCT')
    .map((c): AllowanceCharge => {
      const amount = decimalOf(c.chargeAmount.amount);
      const allowance = compareDecimals(amount, '0') < 0;
      return {
        indicator: allowance ? 'allowance' : 'charge',
        indicatorCode: allowance ? 'A' : 'C',
        code: c.chargeType === 'SHIPPING' ? 'G830' : allowance ? 'C310' : 'ZZZZ',
        amount: allowance ? amount.slice(1) : amount,
        description: present(c.chargeName) ? c.chargeName : c.chargeType,
      };
    });
  if (charges.length > 0) mapped.allowancesCharges = charges;
  const taxes = orderLine.charges.charge.flatMap((c): Tax[] =>
    c.tax?.taxAmount === undefined
      ? []
      : [
          {
            typeCode: 'TX',
            amount: decimalOf(c.tax.taxAmount.amount),
            ...(present(c.tax.taxName) ? { jurisdiction: c.tax.taxName } : {}),
          },
        ],
  );
  if (taxes.length > 0) mapped.taxes = taxes;
  return { line: mapped, cancelled };
}

/** Walmart's unit names as X12 unit codes; an unknown one is kept as sent. */
function uomOf(unit: string | null | undefined): string {
  if (!present(unit) || unit === 'EACH') return 'EA';
  if (unit === 'POUND') return 'LB';
  if (unit === 'CASE') return 'CA';
  return unit;
}

function parties(order: WalmartOrder): Party[] {
  const list: Party[] = [];
  if (present(order.customerEmailId))
    list.push({ role: 'buyer', contacts: [{ email: order.customerEmailId }] });
  const shipping = order.shippingInfo;
  const address = shipping?.postalAddress;
  if (address) {
    const lines = [address.address1, address.address2].filter(present);
    const name = present(address.name) ? address.name.replace(/\s+/g, ' ').trim() : undefined;
    list.push({
      role: 'ship_to',
      ...(name === undefined ? {} : { name }),
      ...(lines.length > 0 ? { addressLines: lines } : {}),
      ...(present(address.city) ? { city: address.city } : {}),
      ...(present(address.state) ? { state: address.state } : {}),
      ...(present(address.postalCode) ? { postalCode: address.postalCode } : {}),
      ...(present(address.country) ? { country: address.country } : {}),
      ...(present(shipping?.phone) ? { contacts: [{ phone: shipping.phone }] } : {}),
    });
  }
  return list;
}

function dates(order: WalmartOrder, orderDate: string): DateEntry[] {
  const list: DateEntry[] = [{ type: 'purchase_order', date: orderDate }];
  // Walmart's estimated ship date is the date the seller must ship by.
  const shipBy = epochDate(order.shippingInfo?.estimatedShipDate);
  if (shipBy !== undefined) list.push({ type: 'ship_not_after', date: shipBy });
  const delivery = epochDate(order.shippingInfo?.estimatedDeliveryDate);
  if (delivery !== undefined) list.push({ type: 'estimated_delivery', date: delivery });
  return list;
}
