import {
  addDecimals,
  compareDecimals,
  divideDecimals,
  isDecimalString,
  multiplyDecimals,
  roundDecimal,
  subtractDecimals,
} from '../../../canonical/index.js';
import { SANDBOX_LOCATION_IDS } from './fulfillments.js';
import {
  countOf,
  lineItemsOf,
  notFound,
  numberOf,
  recordRefund,
  textOf,
  touch,
  unprocessable,
  type Json,
  type ShopAnswer,
  type ShopOrder,
} from './shop-order.js';

const RESTOCK_TYPES = ['no_restock', 'cancel', 'return'];

interface RefundLine {
  line_item_id: number;
  quantity: number;
  restock_type: string;
  location_id: number | null;
  subtotal: string;
  total_tax: string;
}

/**
 * `POST /orders/{id}/refunds/calculate.json`: what refunding these lines (and the shipping) would
 * give back, with the restock location of each line and the suggested transaction on the sale.
 */
export function calculateRefund(shopOrder: ShopOrder | undefined, body: unknown): ShopAnswer {
  if (shopOrder === undefined) return notFound();
  const parsed = refundLinesOf(shopOrder, body, false);
  if ('status' in parsed) return parsed;
  const total = roundDecimal(
    addDecimals(parsed.shipping, ...parsed.lines.flatMap((l) => [l.subtotal, l.total_tax])),
    2,
  );
  const amount = compareDecimals(total, shopOrder.refundable) > 0 ? shopOrder.refundable : total;
  const currency = textOf(shopOrder.order['currency']);
  const transactions =
    compareDecimals(amount, '0') > 0
      ? [
          {
            order_id: numberOf(shopOrder.order['id']),
            kind: 'suggested_refund',
            gateway: textOf(shopOrder.order['gateway']) || 'bogus',
            parent_id: shopOrder.saleTransactionId,
            amount,
            currency,
            maximum_refundable: shopOrder.refundable,
          },
        ]
      : [];
  return {
    status: 200,
    body: {
      refund: {
        currency,
        shipping: { amount: parsed.shipping, tax: '0.00', maximum_refundable: parsed.shipping },
        refund_line_items: parsed.lines,
        transactions,
      },
    },
  };
}

/**
 * `POST /orders/{id}/refunds.json`: a refund of lines (restocked as cancelled, returned or not
 * at all) and money on the sale transaction. Cancelled units leave the order's unfulfilled count
 * and its fulfilment orders. A restocked line must name its location, as the calculation gives.
 */
export function createRefund(
  shopOrder: ShopOrder | undefined,
  body: unknown,
  now: number,
  nextId: () => number,
): ShopAnswer {
  if (shopOrder === undefined) return notFound();
  const parsed = refundLinesOf(shopOrder, body, true);
  if ('status' in parsed) return parsed;
  const refund = (body as { refund: Json }).refund;
  const currency = refund['currency'];
  if (currency !== undefined && currency !== shopOrder.order['currency'])
    return unprocessable('currency', `must be the order's currency ${String(shopOrder.order['currency'])}`);
  const rawTransactions = refund['transactions'] ?? [];
  if (!Array.isArray(rawTransactions)) return unprocessable('transactions', 'must be a list');
  let refunded = '0';
  for (const transaction of rawTransactions as Json[]) {
    const amount = transaction['amount'];
    if (transaction['kind'] !== 'refund') return unprocessable('transactions', 'kind must be refund');
    if (transaction['parent_id'] !== shopOrder.saleTransactionId)
      return unprocessable(
        'transactions',
        `parent_id ${String(transaction['parent_id'])} is not a sale of this order`,
      );
    if (typeof amount !== 'string' || !isDecimalString(amount) || compareDecimals(amount, '0') <= 0)
      return unprocessable('transactions', 'amount must be a positive decimal');
    refunded = addDecimals(refunded, amount);
  }
  if (compareDecimals(refunded, shopOrder.refundable) > 0)
    return unprocessable(
      'transactions',
      `amount ${refunded} is more than the ${shopOrder.refundable} refundable`,
    );
  for (const line of parsed.lines) {
    if (line.restock_type === 'cancel') removeUnits(shopOrder, line.line_item_id, line.quantity);
  }
  const record = recordRefund(shopOrder, refunded, rawTransactions as Json[], now, nextId);
  record['note'] = typeof refund['note'] === 'string' ? refund['note'] : null;
  record['refund_line_items'] = parsed.lines.map((line) => ({ id: nextId(), ...line }));
  touch(shopOrder.order, now);
  return { status: 201, body: { refund: record } };
}

/** The refund's lines, checked against the order, with their amounts; or the 4xx answer. */
function refundLinesOf(
  shopOrder: ShopOrder,
  body: unknown,
  creating: boolean,
): { lines: RefundLine[]; shipping: string } | ShopAnswer {
  const refund = (body as { refund?: unknown } | null)?.refund as Json | undefined;
  if (refund === undefined || refund === null || typeof refund !== 'object')
    return { status: 400, body: { errors: { refund: 'Required parameter missing or invalid' } } };
  const rawLines = refund['refund_line_items'] ?? [];
  if (!Array.isArray(rawLines)) return unprocessable('refund_line_items', 'must be a list');
  const lines: RefundLine[] = [];
  for (const raw of rawLines as Json[]) {
    const line = lineItemsOf(shopOrder.order).find((l) => l['id'] === raw['line_item_id']);
    const quantity = countOf(raw['quantity']);
    const restockType = raw['restock_type'] ?? 'no_restock';
    if (line === undefined)
      return unprocessable(
        'refund_line_items',
        `line_item_id ${String(raw['line_item_id'])} is not on this order`,
      );
    if (typeof restockType !== 'string' || !RESTOCK_TYPES.includes(restockType))
      return unprocessable('refund_line_items', `restock_type must be one of ${RESTOCK_TYPES.join(', ')}`);
    const left =
      restockType === 'cancel'
        ? numberOf(line['fulfillable_quantity'])
        : numberOf(line['quantity']) - refundedUnits(shopOrder.order, numberOf(line['id']));
    if (quantity === undefined || quantity > left)
      return unprocessable(
        'refund_line_items',
        `quantity ${String(raw['quantity'])} of line ${String(line['id'])} is more than the ${left} that can be refunded that way`,
      );
    let location = typeof raw['location_id'] === 'number' ? raw['location_id'] : null;
    if (location !== null && !(SANDBOX_LOCATION_IDS as readonly number[]).includes(location))
      return unprocessable('refund_line_items', `location_id ${location} is not a location of this shop`);
    if (location === null && restockType !== 'no_restock') {
      if (creating)
        return unprocessable(
          'refund_line_items',
          `location_id is required to restock line ${String(line['id'])}`,
        );
      location = locationOf(shopOrder, numberOf(line['id']));
    }
    lines.push({
      line_item_id: numberOf(line['id']),
      quantity,
      restock_type: restockType,
      location_id: location,
      ...amountsOf(line, quantity),
    });
  }
  const shipping = refund['shipping'] as Json | undefined;
  const shippingLines = Array.isArray(shopOrder.order['shipping_lines'])
    ? (shopOrder.order['shipping_lines'] as Json[])
    : [];
  const fullShipping = addDecimals(
    ...shippingLines.map((s) => (typeof s['price'] === 'string' ? s['price'] : '0')),
  );
  const shippingAmount =
    shipping?.['full_refund'] === true
      ? fullShipping
      : typeof shipping?.['amount'] === 'string' && isDecimalString(shipping['amount'])
        ? shipping['amount']
        : '0';
  return { lines, shipping: roundDecimal(shippingAmount, 2) };
}

/** A line's price less its discount, and its tax, for `quantity` of its units. */
function amountsOf(line: Json, quantity: number): { subtotal: string; total_tax: string } {
  const units = Math.max(1, numberOf(line['quantity']));
  const price = typeof line['price'] === 'string' ? line['price'] : '0';
  const discount = typeof line['total_discount'] === 'string' ? line['total_discount'] : '0';
  const taxes = Array.isArray(line['tax_lines']) ? (line['tax_lines'] as Json[]) : [];
  const tax = addDecimals(...taxes.map((t) => (typeof t['price'] === 'string' ? t['price'] : '0')));
  const share = (amount: string) =>
    divideDecimals(multiplyDecimals(amount, String(quantity)), String(units), 2);
  return {
    subtotal: roundDecimal(subtractDecimals(multiplyDecimals(price, String(quantity)), share(discount)), 2),
    total_tax: roundDecimal(share(tax), 2),
  };
}

function refundedUnits(order: Json, lineId: number): number {
  const refunds = Array.isArray(order['refunds']) ? (order['refunds'] as Json[]) : [];
  let units = 0;
  for (const refund of refunds)
    for (const line of (refund['refund_line_items'] as Json[] | undefined) ?? [])
      if (line['line_item_id'] === lineId) units += numberOf(line['quantity']);
  return units;
}

function locationOf(shopOrder: ShopOrder, lineId: number): number {
  const holder = shopOrder.fulfillmentOrders.find((f) => f.line_items.some((l) => l.line_item_id === lineId));
  return holder?.assigned_location_id ?? SANDBOX_LOCATION_IDS[0];
}

/** Cancelled units leave the order line's unfulfilled count and the fulfilment orders holding them. */
function removeUnits(shopOrder: ShopOrder, lineId: number, quantity: number): void {
  const line = lineItemsOf(shopOrder.order).find((l) => l['id'] === lineId);
  if (line !== undefined) line['fulfillable_quantity'] = numberOf(line['fulfillable_quantity']) - quantity;
  let left = quantity;
  for (const fulfillmentOrder of shopOrder.fulfillmentOrders) {
    for (const item of fulfillmentOrder.line_items) {
      if (item.line_item_id !== lineId || left === 0) continue;
      const take = Math.min(left, item.fulfillable_quantity);
      item.fulfillable_quantity -= take;
      item.quantity -= take;
      left -= take;
    }
    if (
      fulfillmentOrder.status !== 'cancelled' &&
      fulfillmentOrder.line_items.every((l) => l.fulfillable_quantity === 0)
    )
      fulfillmentOrder.status = 'closed';
  }
}
