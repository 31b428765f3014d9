import { documentId, multiplyDecimals, type PurchaseOrder } from '../canonical/index.js';
import type { MappingContext, MarketplacePlatform } from './connector.js';

/** Whether a JSON value is text worth keeping: a string with something other than spaces. */
export function present(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * The calendar date of an ISO 8601 date-time as the marketplace wrote it (in its own offset: an
 * order placed at 23:30 in New York was placed that day, not the next UTC day), or undefined when
 * it is not a real date-time.
 *
 * @example
 * orderDateOf('2008-01-10T11:00:00-05:00'); // '2008-01-10'
 */
export function orderDateOf(value: string): string | undefined {
  const match = DATE_TIME.exec(value);
  if (match === null || Number.isNaN(Date.parse(value))) return undefined;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  // Date.UTC rolls 2024-02-30 over into March: such a date is not one.
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return undefined;
  return `${year}-${month}-${day}`;
}

/**
 * A rate sent as a fraction (0.06) as a percent decimal string ('6'), without binary noise.
 *
 * @example
 * percentOf(0.0725); // '7.25'
 */
export function percentOf(rate: number): string | undefined {
  if (!Number.isFinite(rate) || rate < 0) return undefined;
  const text = rate.toFixed(12).replace(/\.?0+$/, '');
  return multiplyDecimals(text === '' ? '0' : text, '100');
}

/** Epoch values below this are seconds: 1e11 seconds is the year 5138, 1e11 milliseconds is 1973. */
const SECONDS_BELOW = 1e11;

/**
 * Milliseconds since the epoch of a timestamp sent as a number or a string of digits, in
 * milliseconds or in seconds (told apart by size), or undefined when it is neither.
 *
 * @example
 * epochMillis('1484458949'); // 1484458949000
 */
export function epochMillis(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0) return undefined;
  const ms = number < SECONDS_BELOW ? number * 1000 : number;
  return Number.isNaN(new Date(ms).getTime()) ? undefined : ms;
}

/**
 * The UTC calendar date of an epoch timestamp (see {@link epochMillis}), or undefined.
 *
 * @example
 * epochDate(1484458949000); // '2017-01-15'
 * epochDate('1484458949');  // '2017-01-15'
 */
export function epochDate(value: number | string | null | undefined): string | undefined {
  const ms = epochMillis(value);
  return ms === undefined ? undefined : new Date(ms).toISOString().slice(0, 10);
}

/**
 * A JSON number as a decimal string: JavaScript prints a number read from JSON as its shortest
 * round-trip form, which is the text the marketplace sent ('19.99'), save exponents.
 *
 * @example
 * decimalOf(19.99); // '19.99'
 */
export function decimalOf(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}

/**
 * The fields every marketplace order starts with: its document id derived from the marketplace
 * and order id (the same order delivered twice is one document), its source, and the order id
 * as the PO number.
 *
 * @example
 * const order: PurchaseOrder = { ...orderHeader('shopify', '450789469', context, header), parties, lines, ... };
 */
export function orderHeader(
  channel: MarketplacePlatform,
  orderId: string,
  context: MappingContext,
  header: { orderDate: string; currency: string; cancellation: boolean },
): Pick<
  PurchaseOrder,
  'type' | 'id' | 'partnerId' | 'source' | 'poNumber' | 'orderDate' | 'purpose' | 'orderType' | 'currency'
> {
  return {
    type: 'purchase_order',
    id: documentId('purchase_order', context.partnerId, [channel, orderId]),
    partnerId: context.partnerId,
    source: {
      channel,
      externalId: orderId,
      ...(context.transmissionId === undefined ? {} : { transmissionId: context.transmissionId }),
    },
    poNumber: orderId,
    orderDate: header.orderDate,
    purpose: header.cancellation ? 'cancellation' : 'original',
    orderType: 'marketplace',
    currency: header.currency,
  };
}
