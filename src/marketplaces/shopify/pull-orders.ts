import type { MarketplaceOrderPayload, OrderPage } from '../connector.js';
import { MarketplaceError } from '../marketplace-error.js';
import { idText, listIn, type ShopifyRest } from './rest.js';

/**
 * Where a reconciliation pull stands, stored as JSON between pulls: the sweep's lower bound on
 * `updated_at`, the `page_info` of the next page while a sweep is under way, and the latest
 * `updated_at` seen so far in the sweep (the next sweep's lower bound).
 */
interface ShopifyCursor {
  updatedAtMin: string;
  pageInfo?: string;
  latestUpdatedAt?: string;
}

export interface PullSettings {
  firstPullHours: number;
  /** Orders per page, 1 to 250 (Shopify's maximum). */
  pageSize: number;
  now: () => number;
}

/**
 * One page of the orders changed since the cursor: `GET /orders.json?status=any&updated_at_min=…
 * &order=updated_at asc`, then the `Link` header's `rel="next"` page, sent with `page_info` and
 * `limit` only (Shopify refuses the filters beside a `page_info`, which carries them). After the
 * last page the next sweep starts at the latest `updated_at` seen: `updated_at_min` is inclusive,
 * so the orders of that second come again and are deduplicated downstream by id and updatedAt,
 * and an order changed meanwhile sorts after it and is not lost.
 *
 * @example
 * const page = await pullShopifyOrders(rest, undefined, { firstPullHours: 24, pageSize: 250, now: Date.now });
 */
export async function pullShopifyOrders(
  rest: ShopifyRest,
  cursorText: string | undefined,
  settings: PullSettings,
): Promise<OrderPage> {
  const cursor =
    cursorText === undefined
      ? { updatedAtMin: new Date(settings.now() - settings.firstPullHours * 3_600_000).toISOString() }
      : readCursor(cursorText, rest.label);
  const params =
    cursor.pageInfo === undefined
      ? {
          status: 'any',
          updated_at_min: cursor.updatedAtMin,
          order: 'updated_at asc',
          limit: settings.pageSize,
        }
      : { limit: settings.pageSize, page_info: cursor.pageInfo };
  const answer = await rest.call<unknown>({
    operation: 'getOrders',
    method: 'GET',
    path: '/orders.json',
    params,
  });
  const doing = `${rest.label}: getOrders`;
  const orders = listIn<unknown>(answer.data, 'orders', doing).map((order) => payloadOf(order, doing));
  let latest = cursor.latestUpdatedAt;
  for (const order of orders) {
    if (
      order.updatedAt !== undefined &&
      (latest === undefined || Date.parse(order.updatedAt) > Date.parse(latest))
    )
      latest = order.updatedAt;
  }
  const next = nextPageInfo(answer.headers['link'], doing);
  const nextCursor: ShopifyCursor =
    next === undefined
      ? { updatedAtMin: latest ?? cursor.updatedAtMin }
      : {
          updatedAtMin: cursor.updatedAtMin,
          pageInfo: next,
          ...(latest === undefined ? {} : { latestUpdatedAt: latest }),
        };
  return { orders, nextCursor: JSON.stringify(nextCursor), more: next !== undefined };
}

function payloadOf(order: unknown, doing: string): MarketplaceOrderPayload {
  const record = order !== null && typeof order === 'object' ? (order as Record<string, unknown>) : {};
  const orderId = idText(record['id']);
  if (orderId === undefined)
    throw MarketplaceError.refused(`${doing}: the answer holds an order without a numeric id`);
  const updatedAt = record['updated_at'];
  return {
    orderId,
    ...(typeof updatedAt === 'string' && !Number.isNaN(Date.parse(updatedAt)) ? { updatedAt } : {}),
    body: order,
  };
}

/**
 * The `page_info` of a `Link` header's `rel="next"` URL
 * (`<https://shop/admin/api/2024-10/orders.json?limit=250&page_info=eyJ…>; rel="next", <…>; rel="previous"`);
 * undefined on the last page. Only `page_info` is kept: the next request goes to the connector's
 * own base URL, so a cursor never sends the access token anywhere else.
 *
 * @example
 * nextPageInfo('<https://a.myshopify.com/admin/api/2024-10/orders.json?page_info=abc&limit=50>; rel="next"', 'getOrders'); // 'abc'
 */
export function nextPageInfo(link: string | undefined, doing: string): string | undefined {
  if (link === undefined) return undefined;
  for (const part of link.matchAll(/<([^>]*)>\s*;\s*rel="?([^",;\s]+)"?/g)) {
    if (part[2] !== 'next') continue;
    let pageInfo: string | null;
    try {
      pageInfo = new URL(part[1] ?? '').searchParams.get('page_info');
    } catch {
      pageInfo = null;
    }
    if (pageInfo === null || pageInfo === '')
      throw MarketplaceError.refused(`${doing}: the Link header's rel="next" URL has no page_info`);
    return pageInfo;
  }
  return undefined;
}

function readCursor(text: string, label: string): ShopifyCursor {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const record = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const { updatedAtMin, pageInfo, latestUpdatedAt } = record;
  const isTime = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
  if (
    !isTime(updatedAtMin) ||
    (pageInfo !== undefined && (typeof pageInfo !== 'string' || pageInfo === '')) ||
    (latestUpdatedAt !== undefined && !isTime(latestUpdatedAt))
  ) {
    throw MarketplaceError.refused(
      `${label}: the stored cursor ${JSON.stringify(text.slice(0, 120))} is not a Shopify cursor ({"updatedAtMin": "<ISO 8601>", "pageInfo"?: "…"}); clear it to pull from firstPullHours again`,
    );
  }
  return {
    updatedAtMin,
    ...(typeof pageInfo === 'string' ? { pageInfo } : {}),
    ...(latestUpdatedAt === undefined ? {} : { latestUpdatedAt }),
  };
}
