import {
  isDecimalString,
  type AllowanceCharge,
  type Note,
  type Party,
  type PurchaseOrder,
  type PurchaseOrderLine,
  type Tax,
} from '../../canonical/index.js';
import type { MappedOrder, MappingContext, MarketplaceOrderPayload } from '../connector.js';
import { orderDateOf, percentOf, present, orderHeader } from '../map-helpers.js';
import { payloadProblems } from '../payload-schema.js';
import { SHOPIFY_ORDER_SCHEMA, type ShopifyOrder } from './order-schema.js';

type ShopifyAddress = NonNullable<ShopifyOrder['shipping_address']>;
type ShopifyLine = ShopifyOrder['line_items'][number];

/**
 * A Shopify order (REST Admin API or order webhook, bare or under `order`) as a canonical purchase
 * order: the order id is the PO number (its `name`, `#1001`, is a `CO` reference), lines carry
 * the SKU and Shopify's line, variant and product ids, prices, taxes, discounts and shipping are
 * decimal strings as Shopify sends them. A cancelled order (`cancelled_at`) is a cancellation.
 *
 * @example
 * const mapped = mapShopifyOrder({ orderId: '450789469', body }, { partnerId: 'my-shop' });
 * if (mapped.ok) store(mapped.order);
 */
export function mapShopifyOrder(payload: MarketplaceOrderPayload, context: MappingContext): MappedOrder {
  const body = unwrap(payload.body);
  const problems = payloadProblems(SHOPIFY_ORDER_SCHEMA, body);
  if (problems.length > 0) return { ok: false, problems };
  const order = body as ShopifyOrder;
  const orderDate = orderDateOf(order.created_at);
  if (orderDate === undefined)
    return {
      ok: false,
      problems: [{ path: '/created_at', message: `${order.created_at} is not a date-time` }],
    };
  const orderId = String(order.id);
  const document: PurchaseOrder = {
    ...orderHeader('shopify', orderId, context, {
      orderDate,
      currency: order.currency,
      cancellation: Boolean(order.cancelled_at),
    }),
    parties: parties(order),
    lines: order.line_items.map(line),
    references: present(order.name) ? [{ qualifier: 'CO', value: order.name }] : [],
    dates: [{ type: 'purchase_order', date: orderDate }],
    notes: present(order.note) ? [{ type: 'general', text: order.note } satisfies Note] : [],
  };
  const charges = orderCharges(order);
  if (charges.length > 0) document.allowancesCharges = charges;
  const taxes = taxesOf(order.tax_lines);
  if (taxes.length > 0) document.taxes = taxes;
  document.totals = {
    lineCount: order.line_items.length,
    ...(order.total_price === undefined ? {} : { amount: order.total_price }),
    ...(order.total_line_items_price === undefined ? {} : { lineItemsAmount: order.total_line_items_price }),
  };
  return { ok: true, order: document };
}

/** Webhooks send the order bare; the REST API wraps it in `{ "order": ... }`. */
function unwrap(body: unknown): unknown {
  if (body !== null && typeof body === 'object' && 'order' in body && !('id' in body)) return body.order;
  return body;
}

function parties(order: ShopifyOrder): Party[] {
  const list: Party[] = [];
  const customer = order.customer;
  const buyerName = [customer?.first_name, customer?.last_name].filter(present).join(' ');
  const email = customer?.email ?? order.email;
  if (customer || present(email)) {
    list.push({
      role: 'buyer',
      ...(buyerName === '' ? {} : { name: buyerName }),
      ...(customer?.id ? { identifiers: [{ qualifier: '92', value: String(customer.id) }] } : {}),
      ...(present(email) ? { contacts: [{ email }] } : {}),
    });
  }
  if (order.shipping_address) list.push(addressParty('ship_to', order.shipping_address));
  if (order.billing_address) list.push(addressParty('bill_to', order.billing_address));
  return list;
}

function addressParty(role: 'ship_to' | 'bill_to', address: ShopifyAddress): Party {
  const person = present(address.name)
    ? address.name
    : [address.first_name, address.last_name].filter(present).join(' ');
  const name = present(address.company) ? address.company : person;
  const lines = [address.address1, address.address2].filter(present);
  const contact = {
    ...(present(person) && person !== name ? { name: person } : {}),
    ...(present(address.phone) ? { phone: address.phone } : {}),
  };
  return {
    role,
    ...(present(name) ? { name } : {}),
    ...(lines.length > 0 ? { addressLines: lines } : {}),
    ...(present(address.city) ? { city: address.city } : {}),
    ...(present(address.province_code) ? { state: address.province_code } : {}),
    ...(present(address.zip) ? { postalCode: address.zip } : {}),
    ...(present(address.country_code) ? { country: address.country_code } : {}),
    ...(Object.keys(contact).length > 0 ? { contacts: [contact] } : {}),
  };
}

function line(item: ShopifyLine, index: number): PurchaseOrderLine {
  const sku = present(item.sku) ? item.sku : undefined;
  const productIds = [
    ...(sku === undefined ? [] : [{ qualifier: 'SK', value: sku }]),
    ...(item.variant_id ? [{ qualifier: 'VA', value: String(item.variant_id) }] : []),
  ];
  const description = present(item.name) ? item.name : present(item.title) ? item.title : undefined;
  const mapped: PurchaseOrderLine = {
    lineNumber: String(index + 1),
    quantity: String(item.quantity),
    uom: 'EA',
    unitPrice: item.price,
    ids: sku === undefined ? {} : { sku },
    references: [{ qualifier: 'LI', value: String(item.id), description: 'shopify line item id' }],
  };
  if (productIds.length > 0) mapped.productIds = productIds;
  if (description !== undefined) mapped.description = description;
  const taxes = taxesOf(item.tax_lines);
  if (taxes.length > 0) mapped.taxes = taxes;
  if (item.total_discount !== undefined && Number(item.total_discount) !== 0)
    mapped.allowancesCharges = [discount(item.total_discount, 'line discount')];
  const notes = (item.properties ?? []).flatMap((p): Note[] => {
    const value = propertyText(p.value);
    return present(p.name) && value !== '' ? [{ type: 'product', text: `${p.name}: ${value}` }] : [];
  });
  if (notes.length > 0) mapped.notes = notes;
  return mapped;
}

/** A line item property's value as text: objects (some apps store them) as JSON. */
function propertyText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function orderCharges(order: ShopifyOrder): AllowanceCharge[] {
  const charges: AllowanceCharge[] = [];
  for (const shipping of order.shipping_lines ?? []) {
    charges.push({
      indicator: 'charge',
      indicatorCode: 'C',
      code: 'G830',
      amount: shipping.price,
      ...(present(shipping.title) ? { description: shipping.title } : {}),
      ...(present(shipping.code) ? { referenceId: shipping.code } : {}),
    });
  }
  for (const code of order.discount_codes ?? []) {
    charges.push({
      ...discount(code.amount, present(code.type) ? `${code.type} discount` : 'discount'),
      ...(present(code.code) ? { referenceId: code.code } : {}),
    });
  }
  return charges;
}

/** A Shopify discount as an allowance: SAC `A`, code `C310` (discount). */
function discount(amount: string, description: string): AllowanceCharge {
  return { indicator: 'allowance', indicatorCode: 'A', code: 'C310', amount, description };
}

/** Shopify tax lines as `TX` (all taxes) lines, their title as the jurisdiction, the rate as a percent. */
function taxesOf(lines: ShopifyOrder['tax_lines']): Tax[] {
  return (lines ?? [])
    .filter((tax) => isDecimalString(tax.price))
    .map((tax) => {
      const percent = tax.rate === undefined ? undefined : percentOf(tax.rate);
      return {
        typeCode: 'TX',
        amount: tax.price,
        ...(percent === undefined ? {} : { percent }),
        ...(present(tax.title) ? { jurisdiction: tax.title } : {}),
      };
    });
}
