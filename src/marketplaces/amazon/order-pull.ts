import type { ApiAnswer, ApiRequest } from '../api-client.js';
import type { MarketplaceOrderPayload, OrderPage } from '../connector.js';
import { isMarketplaceError, MarketplaceError } from '../marketplace-error.js';
import {
  amazonInstant,
  isInstant,
  laterInstant,
  readPullCursor,
  writePullCursor,
  type AmazonPullCursor,
} from './pull-cursor.js';

/**
 * SP-API shows a change in `getOrders` about two minutes after it happens and refuses dates later
 * than that; 30 s more cover a clock apart from Amazon's. A window never starts later than this
 * before now.
 */
const SETTLE_MS = 150_000;

/** What a pull needs of the connector: who it is for, what to ask, and a way to call. */
export interface PullContext {
  label: string;
  marketplaceIds: readonly string[];
  firstPullHours: number;
  now: () => number;
  call<T>(request: ApiRequest): Promise<ApiAnswer<T>>;
}

interface SpApiPage {
  payload?: { Orders?: unknown; OrderItems?: unknown; NextToken?: unknown; LastUpdatedBefore?: unknown };
}

/**
 * One page of `getOrders` (orders changed since the cursor, in the named marketplaces) with the
 * items of each order from `getOrderItems`, as `{ order, items }` payloads. A window is read through
 * `NextToken`, each page sent with the first page's filters as the Orders API asks; after its last
 * page the next window starts at the answer's `LastUpdatedBefore` (else the latest `LastUpdateDate`
 * seen), so a change made meanwhile is in the next window. A stored `NextToken` that Amazon no
 * longer takes restarts its window: orders already stored come again, and are deduplicated by id
 * and update time.
 *
 * @example
 * const page = await pullAmazonOrders(context, storedCursor);
 */
export async function pullAmazonOrders(context: PullContext, cursor: string | undefined): Promise<OrderPage> {
  const start: AmazonPullCursor =
    cursor === undefined
      ? { updatedAfter: amazonInstant(context.now() - context.firstPullHours * 3_600_000) }
      : readPullCursor(context.label, cursor);
  try {
    return await readPage(context, start);
  } catch (error) {
    const staleToken =
      start.nextToken !== undefined && isMarketplaceError(error) && error.code === 'marketplace-refused';
    if (!staleToken) throw error;
    return readPage(context, { updatedAfter: start.updatedAfter });
  }
}

async function readPage(context: PullContext, state: AmazonPullCursor): Promise<OrderPage> {
  const settled = amazonInstant(context.now() - SETTLE_MS);
  const after =
    state.nextToken === undefined && Date.parse(state.updatedAfter) > Date.parse(settled)
      ? settled
      : state.updatedAfter;
  const { data } = await context.call<SpApiPage>({
    operation: 'getOrders',
    method: 'GET',
    path: '/orders/v0/orders',
    params: {
      MarketplaceIds: context.marketplaceIds.join(','),
      LastUpdatedAfter: after,
      NextToken: state.nextToken,
    },
  });
  const payload = data?.payload;
  if (!Array.isArray(payload?.Orders)) throw malformed(context, 'getOrders', 'payload.Orders');
  const orders: MarketplaceOrderPayload[] = [];
  let latestUpdate = state.latestUpdate;
  for (const order of payload.Orders as unknown[]) {
    const { AmazonOrderId: orderId, LastUpdateDate: updatedAt } = (order ?? {}) as Record<string, unknown>;
    if (typeof orderId !== 'string' || orderId === '')
      throw malformed(context, 'getOrders', 'an AmazonOrderId on every order');
    const items = await orderItems(context, orderId);
    orders.push({ orderId, ...(isInstant(updatedAt) ? { updatedAt } : {}), body: { order, items } });
    if (isInstant(updatedAt)) latestUpdate = laterInstant(latestUpdate, updatedAt);
  }
  const updatedBefore = isInstant(payload.LastUpdatedBefore)
    ? payload.LastUpdatedBefore
    : state.updatedBefore;
  const nextToken = nonEmpty(payload.NextToken);
  if (nextToken !== undefined) {
    const reading: AmazonPullCursor = {
      updatedAfter: after,
      nextToken,
      ...(updatedBefore === undefined ? {} : { updatedBefore }),
      ...(latestUpdate === undefined ? {} : { latestUpdate }),
    };
    return { orders, nextCursor: writePullCursor(reading), more: true };
  }
  const next: AmazonPullCursor = { updatedAfter: updatedBefore ?? latestUpdate ?? after };
  return { orders, nextCursor: writePullCursor(next), more: false };
}

/** Every item of one order, through `getOrderItems`' own `NextToken` pages. */
async function orderItems(context: PullContext, orderId: string): Promise<unknown[]> {
  const items: unknown[] = [];
  let nextToken: string | undefined;
  do {
    const { data } = await context.call<SpApiPage>({
      operation: 'getOrderItems',
      method: 'GET',
      path: `/orders/v0/orders/${encodeURIComponent(orderId)}/orderItems`,
      params: { NextToken: nextToken },
      subject: orderId,
    });
    const payload = data?.payload;
    if (!Array.isArray(payload?.OrderItems))
      throw malformed(context, `getOrderItems of ${orderId}`, 'payload.OrderItems');
    items.push(...(payload.OrderItems as unknown[]));
    nextToken = nonEmpty(payload.NextToken);
  } while (nextToken !== undefined);
  return items;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function malformed(context: PullContext, operation: string, expected: string): MarketplaceError {
  return MarketplaceError.unavailable(
    `${context.label}: ${operation} answered 200 without ${expected}; will retry later`,
  );
}
