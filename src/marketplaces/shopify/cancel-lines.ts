import { addDecimals, compareDecimals, isDecimalString } from '../../canonical/index.js';
import type { LineCancellation } from '../connector.js';
import { MarketplaceError } from '../marketplace-error.js';
import { wholeQuantities } from './line-quantities.js';
import { idText, type ShopifyActionSettings, type ShopifyRest } from './rest.js';

/** The cancellation reasons `POST /orders/{id}/cancel.json` takes. */
export const SHOPIFY_CANCEL_REASONS = ['customer', 'inventory', 'fraud', 'declined', 'other'] as const;
export type ShopifyCancelReason = (typeof SHOPIFY_CANCEL_REASONS)[number];

/** Words for "the seller cannot fill it" that are Shopify's `inventory`, and a customer's request. */
const REASON_WORDS: Record<string, ShopifyCancelReason> = {
  out_of_stock: 'inventory',
  no_inventory: 'inventory',
  customer_request: 'customer',
};

interface OrderLine {
  id: number;
  fulfillable_quantity?: number;
}

interface CalculatedRefund {
  currency?: string;
  refund_line_items?: {
    line_item_id: number;
    quantity: number;
    restock_type?: string;
    location_id?: number | null;
  }[];
  transactions?: { parent_id?: number; amount?: string; kind?: string; gateway?: string }[];
}

/**
 * Lines the seller cannot fill, cancelled on Shopify. Shopify cancels whole orders only, so:
 *
 * - every unfulfilled unit of an order with nothing fulfilled cancelled: `POST
 *   /orders/{id}/cancel.json` with the reason, `restock: true`, and the `amount` the refund
 *   calculation gives for all lines and the shipping, so a paid order is refunded (voided when
 *   only authorised) as it is cancelled;
 * - anything less: a refund of those lines with `restock_type: "cancel"` (unfulfilled units go
 *   back to stock and leave the order). Shopify asks for `refunds/calculate.json` first: it gives
 *   the restock location of each line and the transactions (parent, gateway, amount) the refund
 *   must name; those transactions are sent as `kind: "refund"`, nothing when the order was not
 *   paid. The reason becomes the refund's note.
 *
 * A line not on the order, or cancelled beyond its unfulfilled quantity (shipped units are a
 * return, not a cancellation), is refused before anything is sent. An order already cancelled
 * has every line cancelled: nothing is sent. The reason is one of Shopify's (`customer`,
 * `inventory`, `fraud`, `declined`, `other`, any case) or `OUT_OF_STOCK`/`NO_INVENTORY`
 * (`inventory`) or `CUSTOMER_REQUEST` (`customer`).
 *
 * @example
 * await cancelShopifyLines(rest, { orderId: '450789469', reason: 'inventory',
 *   lines: [{ lineId: '466157049', quantity: '1' }] }, { notifyCustomer: true });
 */
export async function cancelShopifyLines(
  rest: ShopifyRest,
  cancellation: LineCancellation,
  settings: ShopifyActionSettings,
): Promise<void> {
  const doing = `${rest.label}: cancelLines of ${cancellation.orderId}`;
  const wanted = wholeQuantities(cancellation.lines, doing);
  const reason = shopifyCancelReason(cancellation.reason, doing);
  const orderPath = `/orders/${encodeURIComponent(cancellation.orderId)}`;
  const order = await readOrder(rest, orderPath, cancellation.orderId, doing);
  if (typeof order['cancelled_at'] === 'string' && order['cancelled_at'] !== '') return;
  const lines = Array.isArray(order['line_items']) ? (order['line_items'] as OrderLine[]) : [];
  const unfulfilled = new Map<string, number>();
  for (const line of lines) {
    const lineId = idText(line.id);
    if (lineId === undefined) continue;
    // What is left to cancel, and whether the whole order is, hangs on every line's count.
    if (typeof line.fulfillable_quantity !== 'number')
      throw MarketplaceError.refused(
        `${doing}: Shopify's order gives line ${lineId} no fulfillable_quantity`,
      );
    unfulfilled.set(lineId, line.fulfillable_quantity);
  }
  const problems: string[] = [];
  for (const [lineId, quantity] of wanted) {
    const left = unfulfilled.get(lineId);
    if (left === undefined) problems.push(`line ${lineId} is not on the order`);
    else if (quantity > left)
      problems.push(
        `line ${lineId}: ${quantity} to cancel but only ${left} unfulfilled (shipped units are returned, not cancelled)`,
      );
  }
  if (problems.length > 0) throw MarketplaceError.refused(`${doing}: ${problems.join('; ')}`);
  const wholeOrder =
    (order['fulfillment_status'] ?? null) === null &&
    [...unfulfilled].every(([lineId, left]) => left === 0 || wanted.get(lineId) === left);
  const refundLines = [...wanted].map(([lineId, quantity]) => ({
    line_item_id: Number(lineId),
    quantity,
    restock_type: 'cancel',
  }));
  const calculated = await calculateRefund(
    rest,
    orderPath,
    cancellation.orderId,
    refundLines,
    wholeOrder,
    doing,
  );
  const transactions = (calculated.transactions ?? []).filter(
    (t) => typeof t.amount === 'string' && compareDecimals(t.amount, '0') > 0,
  );
  const currency =
    calculated.currency ?? (typeof order['currency'] === 'string' ? order['currency'] : undefined);
  if (wholeOrder) {
    const amount = addDecimals(...transactions.map((t) => t.amount ?? '0'));
    await rest.call<unknown>({
      operation: 'cancelOrder',
      method: 'POST',
      path: `${orderPath}/cancel.json`,
      subject: cancellation.orderId,
      data: {
        reason,
        email: settings.notifyCustomer,
        restock: true,
        ...(compareDecimals(amount, '0') > 0
          ? { amount, ...(currency === undefined ? {} : { currency }) }
          : {}),
      },
    });
    return;
  }
  await rest.call<unknown>({
    operation: 'createRefund',
    method: 'POST',
    path: `${orderPath}/refunds.json`,
    subject: cancellation.orderId,
    data: {
      refund: {
        ...(currency === undefined ? {} : { currency }),
        notify: settings.notifyCustomer,
        note: `Lines cancelled by the seller (${reason})`,
        refund_line_items: (calculated.refund_line_items ?? refundLines).map((line) => ({
          line_item_id: line.line_item_id,
          quantity: line.quantity,
          restock_type: 'cancel',
          ...('location_id' in line && line.location_id != null ? { location_id: line.location_id } : {}),
        })),
        transactions: transactions.map((t) => ({
          ...(t.parent_id === undefined ? {} : { parent_id: t.parent_id }),
          amount: t.amount,
          kind: 'refund',
          ...(t.gateway === undefined ? {} : { gateway: t.gateway }),
        })),
      },
    },
  });
}

/** A cancellation reason in Shopify's words, or a refusal listing them. */
export function shopifyCancelReason(reason: string, doing: string): ShopifyCancelReason {
  const word = reason
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const known = SHOPIFY_CANCEL_REASONS.find((r) => r === word) ?? REASON_WORDS[word];
  if (known === undefined)
    throw MarketplaceError.refused(
      `${doing}: reason ${JSON.stringify(reason)} is not a Shopify cancellation reason (${SHOPIFY_CANCEL_REASONS.join(', ')}, or OUT_OF_STOCK, NO_INVENTORY, CUSTOMER_REQUEST)`,
    );
  return known;
}

async function readOrder(
  rest: ShopifyRest,
  orderPath: string,
  orderId: string,
  doing: string,
): Promise<Record<string, unknown>> {
  const answer = await rest.call<unknown>({
    operation: 'getOrder',
    method: 'GET',
    path: `${orderPath}.json`,
    params: { fields: 'id,currency,cancelled_at,fulfillment_status,line_items' },
    subject: orderId,
  });
  const order = (answer.data as { order?: unknown } | null)?.order;
  if (order === null || typeof order !== 'object')
    throw MarketplaceError.unavailable(`${doing}: the answer has no "order"; will retry later`);
  return order as Record<string, unknown>;
}

async function calculateRefund(
  rest: ShopifyRest,
  orderPath: string,
  orderId: string,
  refundLines: { line_item_id: number; quantity: number; restock_type: string }[],
  wholeOrder: boolean,
  doing: string,
): Promise<CalculatedRefund> {
  const answer = await rest.call<unknown>({
    operation: 'calculateRefund',
    method: 'POST',
    path: `${orderPath}/refunds/calculate.json`,
    subject: orderId,
    data: {
      refund: {
        ...(wholeOrder ? { shipping: { full_refund: true } } : {}),
        refund_line_items: refundLines,
      },
    },
  });
  const refund = (answer.data as { refund?: unknown } | null)?.refund;
  if (refund === null || typeof refund !== 'object')
    throw MarketplaceError.unavailable(`${doing}: the refund calculation has no "refund"; will retry later`);
  const calculated = refund as CalculatedRefund;
  for (const transaction of calculated.transactions ?? []) {
    if (typeof transaction.amount !== 'string' || !isDecimalString(transaction.amount))
      throw MarketplaceError.refused(
        `${doing}: the refund calculation gives a transaction amount that is not a decimal`,
      );
  }
  return calculated;
}
