import { badRequest, numberOf, textOf, type Json, type ShopAnswer } from './shop-order.js';

/** The filters of `GET /orders.json` the sandbox knows, carried inside each `page_info`. */
interface ListFilters {
  status: 'open' | 'closed' | 'cancelled' | 'any';
  order: string;
  updated_at_min?: string;
  updated_at_max?: string;
  created_at_min?: string;
  created_at_max?: string;
}

/** A page token: the filters, and the sort key the page starts after (`a`) or ends before (`b`). */
interface PageToken {
  f: ListFilters;
  a?: [number, number];
  b?: [number, number];
}

const ORDERS = ['created_at', 'updated_at', 'processed_at', 'id'] as const;
const TIME_FILTERS = ['updated_at_min', 'updated_at_max', 'created_at_min', 'created_at_max'] as const;
const FILTER_PARAMS = new Set<string>(['status', 'order', ...TIME_FILTERS]);
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 250;

/**
 * `GET /orders.json` as Shopify pages it: the filters and sort on the first request, then the
 * `Link` header's `page_info` URLs (`rel="previous"`, `rel="next"`), with which only `limit` and
 * `fields` may be sent. A page holds `limit` orders (default 50, at most 250) or the sandbox's
 * page size, whichever is smaller, so tests page through a few orders.
 */
export function listOrders(
  orders: readonly Json[],
  query: Record<string, unknown>,
  pageSize: number,
  ordersUrl: string,
): ShopAnswer {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (typeof value !== 'string') return badRequest(`${name} must be given once, as text`);
    params[name] = value;
  }
  const limitText = params['limit'];
  const limit = limitText === undefined ? DEFAULT_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    return badRequest(`limit must be a whole number from 1 to ${MAX_LIMIT}`);
  const fields = params['fields'];
  let token: PageToken;
  if (params['page_info'] !== undefined) {
    const extra = Object.keys(params).filter((name) => !['page_info', 'limit', 'fields'].includes(name));
    if (extra.length > 0)
      return badRequest(
        `page_info cannot be combined with ${extra.join(', ')}: only limit and fields may go with it`,
      );
    const decoded = readToken(params['page_info']);
    if (decoded === undefined) return badRequest('page_info is not a page this API gave');
    token = decoded;
  } else {
    const unknown = Object.keys(params).filter(
      (name) => !FILTER_PARAMS.has(name) && !['limit', 'fields'].includes(name),
    );
    if (unknown.length > 0)
      return badRequest(`the sandbox does not know the parameter(s) ${unknown.join(', ')}`);
    const filters = filtersOf(params);
    if (typeof filters === 'string') return badRequest(filters);
    token = { f: filters };
  }
  const [field, direction] = token.f.order.split(' ') as [string, string];
  const keyOf = (order: Json): [number, number] => [
    field === 'id' ? numberOf(order['id']) : Date.parse(textOf(order[field])),
    numberOf(order['id']),
  ];
  const sign = direction === 'desc' ? -1 : 1;
  const compare = (x: [number, number], y: [number, number]) => sign * (x[0] - y[0] || x[1] - y[1]);
  const all = orders.filter((order) => matches(order, token.f)).sort((x, y) => compare(keyOf(x), keyOf(y)));
  const size = Math.min(limit, pageSize);
  let start = 0;
  let end: number;
  if (token.b !== undefined) {
    const before = token.b;
    end = all.findIndex((order) => compare(keyOf(order), before) >= 0);
    if (end < 0) end = all.length;
    start = Math.max(0, end - size);
  } else {
    const after = token.a;
    if (after !== undefined) start = all.findIndex((order) => compare(keyOf(order), after) > 0);
    if (start < 0) start = all.length;
    end = Math.min(all.length, start + size);
  }
  const page = all.slice(start, end);
  const links: string[] = [];
  const linkTo = (next: PageToken, rel: string) =>
    `<${ordersUrl}?limit=${limit}${fields === undefined ? '' : `&fields=${encodeURIComponent(fields)}`}&page_info=${writeToken(next)}>; rel="${rel}"`;
  const first = page[0];
  const last = page[page.length - 1];
  if (params['page_info'] !== undefined && start > 0 && first !== undefined)
    links.push(linkTo({ f: token.f, b: keyOf(first) }, 'previous'));
  if (end < all.length && last !== undefined) links.push(linkTo({ f: token.f, a: keyOf(last) }, 'next'));
  return {
    status: 200,
    body: { orders: page.map((order) => pick(order, fields)) },
    ...(links.length === 0 ? {} : { headers: { Link: links.join(', ') } }),
  };
}

/** The order with only the top-level `fields` asked for (all when none). */
export function pick(order: Json, fields: string | undefined): Json {
  if (fields === undefined || fields.trim() === '') return order;
  const wanted = new Set(fields.split(',').map((f) => f.trim()));
  return Object.fromEntries(Object.entries(order).filter(([key]) => wanted.has(key)));
}

function filtersOf(params: Record<string, string>): ListFilters | string {
  const status = params['status'] ?? 'open';
  if (!['open', 'closed', 'cancelled', 'any'].includes(status))
    return `status must be open, closed, cancelled or any, not ${status}`;
  const order = params['order'] ?? 'created_at desc';
  const [field, direction, ...rest] = order.split(' ');
  if (
    !ORDERS.includes(field as (typeof ORDERS)[number]) ||
    !['asc', 'desc'].includes(direction ?? '') ||
    rest.length > 0
  )
    return `order must be one of ${ORDERS.join(', ')} followed by asc or desc, not ${order}`;
  const filters: ListFilters = { status: status as ListFilters['status'], order };
  for (const name of TIME_FILTERS) {
    const value = params[name];
    if (value === undefined) continue;
    if (Number.isNaN(Date.parse(value))) return `${name} ${value} is not an ISO 8601 date-time`;
    filters[name] = value;
  }
  return filters;
}

function matches(order: Json, filters: ListFilters): boolean {
  const set = (field: string) => typeof order[field] === 'string' && order[field] !== '';
  if (filters.status === 'open' && (set('cancelled_at') || set('closed_at'))) return false;
  if (filters.status === 'closed' && !set('closed_at')) return false;
  if (filters.status === 'cancelled' && !set('cancelled_at')) return false;
  for (const name of TIME_FILTERS) {
    const bound = filters[name];
    if (bound === undefined) continue;
    const at = Date.parse(textOf(order[name.replace(/_(min|max)$/, '')]));
    if (Number.isNaN(at)) return false;
    if (name.endsWith('_min') ? at < Date.parse(bound) : at > Date.parse(bound)) return false;
  }
  return true;
}

function writeToken(token: PageToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function readToken(text: string): PageToken | undefined {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as PageToken;
    const key = (k: unknown) => Array.isArray(k) && k.length === 2 && k.every((n) => typeof n === 'number');
    const filters = filtersOf(token.f as unknown as Record<string, string>);
    if (
      typeof filters === 'string' ||
      (token.a !== undefined && !key(token.a)) ||
      (token.b !== undefined && !key(token.b))
    )
      return undefined;
    return {
      f: filters,
      ...(token.a === undefined ? {} : { a: token.a }),
      ...(token.b === undefined ? {} : { b: token.b }),
    };
  } catch {
    return undefined;
  }
}
