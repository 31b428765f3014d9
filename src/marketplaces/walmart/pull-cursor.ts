import { epochMillis } from '../map-helpers.js';
import { MarketplaceError } from '../marketplace-error.js';

/**
 * Where a Walmart pull stands, stored as JSON after each page. Orders are asked for by last
 * modification (`lastModifiedStartDate`), not by creation in the `Created` state: a customer's
 * cancellation, a line cancelled by Walmart or a changed quantity moves the order's modification
 * time, so the changed order comes again; a `Created` filter would never show an order once it
 * is acknowledged, nor one cancelled whole.
 *
 * - `createdFrom`: the gateway takes orders created from here on, fixed at the first pull (Walmart
 *   would otherwise apply its default of 7 days back, and hide changes to older orders).
 * - `modifiedFrom`: the window asks for orders modified from here on.
 * - `windowStartedAt`, `page`: while a window is being paged, when it started and Walmart's
 *   `nextCursor` for its next page; the next window starts at `windowStartedAt` less an overlap.
 */
export interface WalmartPullCursor {
  v: 1;
  createdFrom: string;
  modifiedFrom: string;
  windowStartedAt?: string;
  page?: string;
}

/**
 * The cursor as stored.
 *
 * @example
 * formatWalmartCursor({ v: 1, createdFrom: '2026-12-04T10:00:00.000Z', modifiedFrom: '2026-12-05T09:55:00.000Z' });
 */
export function formatWalmartCursor(cursor: WalmartPullCursor): string {
  return JSON.stringify(cursor);
}

/** A stored cursor read back; a cursor this connector did not write is refused, naming the fix. */
export function parseWalmartCursor(text: string, label: string): WalmartPullCursor {
  const refuse = (why: string): MarketplaceError =>
    MarketplaceError.refused(
      `${label}: the stored Walmart pull cursor ${why}; clear the partner's cursor to pull again from firstPullHours back`,
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw refuse('is not JSON');
  }
  if (typeof value !== 'object' || value === null || (value as { v?: unknown }).v !== 1)
    throw refuse('is not a version 1 Walmart cursor');
  const record = value as Record<string, unknown>;
  const time = (name: string, required: boolean): string | undefined => {
    const field = record[name];
    if (field === undefined && !required) return undefined;
    if (typeof field !== 'string' || Number.isNaN(Date.parse(field)))
      throw refuse(`has no ISO 8601 time in ${name}`);
    return field;
  };
  const createdFrom = time('createdFrom', true) ?? '';
  const modifiedFrom = time('modifiedFrom', true) ?? '';
  const windowStartedAt = time('windowStartedAt', false);
  const page = record['page'];
  if (page !== undefined && (typeof page !== 'string' || windowStartedAt === undefined))
    throw refuse('has a page without the time its window started');
  return {
    v: 1,
    createdFrom,
    modifiedFrom,
    ...(windowStartedAt === undefined ? {} : { windowStartedAt }),
    ...(typeof page === 'string' ? { page } : {}),
  };
}

/**
 * When Walmart last changed an order, as far as the order shows it: the latest of its order date
 * and each line's `statusDate` (stamped when a line's status changes: acknowledged, shipped,
 * cancelled). Walmart serves no modification time on the order itself, so a change that moves no
 * line status (a corrected address) keeps the same `updatedAt`. Undefined when no date reads.
 *
 * @example
 * walmartUpdatedAt({ orderDate: 1484458949000, orderLines: { orderLine: [{ statusDate: 1487888747000 }] } });
 * // '2017-02-23T22:25:47.000Z'
 */
export function walmartUpdatedAt(order: unknown): string | undefined {
  if (typeof order !== 'object' || order === null) return undefined;
  const record = order as { orderDate?: unknown; orderLines?: { orderLine?: unknown } };
  const lines = Array.isArray(record.orderLines?.orderLine) ? (record.orderLines.orderLine as unknown[]) : [];
  const times = [
    record.orderDate,
    ...lines.map((line) => (line as { statusDate?: unknown } | null)?.statusDate),
  ]
    .map(epochMillis)
    .filter((time): time is number => time !== undefined);
  return times.length === 0 ? undefined : new Date(Math.max(...times)).toISOString();
}
