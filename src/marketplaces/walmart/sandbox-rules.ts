import type { StatusedLine } from './line-status.js';
import { WALMART_CANCEL_REASONS, WALMART_CARRIERS, WALMART_SHIP_METHODS } from './walmart-codes.js';

/**
 * What Walmart's Orders API takes, as the Walmart sandbox (`sandbox/walmart-sandbox.ts`) checks
 * it: the query of `GET /v3/orders` and its `nextCursor`, the shipping and cancel bodies, and
 * Walmart's two error shapes. Kept beside the connector because it is Walmart's contract, read
 * from the same Orders API reference as `walmart-codes.ts`.
 */

type Json = Record<string, unknown>;

/** An order as the sandbox holds it: Walmart's JSON with the fields it reads checked. */
export type SandboxOrder = Json & { purchaseOrderId: string; orderLines: { orderLine: StatusedLine[] } };

/** One line's share of a shipment or cancellation, read from the request body. */
export interface LineUpdate {
  lineNumber: string;
  amount: string;
  trackingInfo?: unknown;
  cancellationReason?: string;
}

export const LINE_STATUSES = ['Created', 'Acknowledged', 'Shipped', 'Delivered', 'Cancelled'];

/** Query parameters of `GET /v3/orders`; the last five only come back in a `nextCursor`. */
const LIST_PARAMETERS = new Set([
  ...['limit', 'status', 'createdStartDate', 'createdEndDate', 'lastModifiedStartDate'],
  ...['lastModifiedEndDate', 'productInfo', 'shipNodeType', 'purchaseOrderId', 'customerOrderId'],
  ...['hasMoreElements', 'soIndex', 'poIndex', 'partnerId', 'sellerId'],
]);

/** Walmart's gateway errors (token, 401, 429): a top-level `error` array. */
export function gatewayErrorBody(code: string, description: string): Json {
  return { error: [errorEntry(`${code}.GMP_GATEWAY_API`, description, 'ERROR')] };
}

/** The Orders API's errors, `errors.error[]`; a search that finds nothing is severity `INFO`. */
export function orderErrorBody(code: string, description: string): Json {
  const severity = code === 'CONTENT_NOT_FOUND' ? 'INFO' : 'ERROR';
  return { errors: { error: [errorEntry(`${code}.GMP_ORDER_API`, description, severity)] } };
}

function errorEntry(code: string, description: string, severity: string): Json {
  return {
    code,
    field: 'data',
    description,
    info: description,
    severity,
    category: 'DATA',
    causes: [],
    errorIdentifiers: {},
  };
}

/** What is wrong with a `GET /v3/orders` query, or undefined. */
export function listProblem(query: URLSearchParams, account: string): string | undefined {
  for (const name of new Set(query.keys())) {
    if (!LIST_PARAMETERS.has(name)) return `unknown query parameter ${name}`;
    if (query.getAll(name).length > 1) return `query parameter ${name} is given twice`;
  }
  const limit = query.get('limit');
  if (limit !== null && !(/^\d+$/.test(limit) && Number(limit) >= 1 && Number(limit) <= 200))
    return `limit ${limit} is not from 1 to 200`;
  const poIndex = query.get('poIndex');
  if (poIndex !== null && !/^\d+$/.test(poIndex)) return `poIndex ${poIndex} is not a whole number`;
  for (const name of ['partnerId', 'sellerId'])
    if (query.has(name) && query.get(name) !== account) return `${name} is not this seller's`;
  for (const name of ['createdStartDate', 'createdEndDate', 'lastModifiedStartDate', 'lastModifiedEndDate']) {
    const value = query.get(name);
    if (value !== null && Number.isNaN(dateOf(value)))
      return `${name} ${value} is not an ISO 8601 UTC date or date-time`;
  }
  const status = query.get('status');
  if (status !== null && !LINE_STATUSES.includes(status))
    return `status ${status} is none of ${LINE_STATUSES.join(', ')}`;
  const node = query.get('shipNodeType');
  if (node !== null && !['SellerFulfilled', 'WFSFulfilled', '3PLFulfilled'].includes(node))
    return `shipNodeType ${node} is not SellerFulfilled, WFSFulfilled or 3PLFulfilled`;
  const productInfo = query.get('productInfo');
  if (productInfo !== null && productInfo !== 'true' && productInfo !== 'false')
    return 'productInfo must be true or false';
  return undefined;
}

const QUERY_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** `2026-12-05` (midnight UTC) or `2026-12-05T10:30:15Z` as epoch ms; NaN otherwise. */
export function dateOf(value: string | null): number {
  if (value === null || !QUERY_DATE.test(value)) return NaN;
  return Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
}

/** The query string Walmart answers as `nextCursor`: the same search, from the next order. */
export function nextCursorOf(
  query: URLSearchParams,
  page: { limit: number; total: number; next: number; account: string },
): string {
  const cursor = new URLSearchParams({
    limit: String(page.limit),
    hasMoreElements: 'true',
    soIndex: String(page.total),
    poIndex: String(page.next),
    partnerId: page.account,
    sellerId: page.account,
  });
  for (const [name, value] of query) if (!cursor.has(name)) cursor.set(name, value);
  return `?${cursor.toString()}`;
}

/** The line updates of a shipping or cancel body, or the first thing wrong with it. */
export function readLineUpdates(body: unknown, status: 'Shipped' | 'Cancelled'): LineUpdate[] | string {
  const wrapper = status === 'Shipped' ? 'orderShipment' : 'orderCancellation';
  const root = (body ?? {}) as Record<string, { orderLines?: { orderLine?: unknown } } | undefined>;
  const lines = root[wrapper]?.orderLines?.orderLine;
  if (!Array.isArray(lines) || lines.length === 0)
    return `${wrapper}.orderLines.orderLine must list the lines`;
  const updates: LineUpdate[] = [];
  for (const [i, line] of (lines as Json[]).entries()) {
    const at = `${wrapper}.orderLines.orderLine[${i}]`;
    const lineNumber = line['lineNumber'];
    if (typeof lineNumber !== 'string' || lineNumber === '') return `${at}.lineNumber is required`;
    const entries = (line['orderLineStatuses'] as { orderLineStatus?: unknown } | undefined)?.orderLineStatus;
    if (!Array.isArray(entries) || entries.length === 0)
      return `${at}.orderLineStatuses.orderLineStatus is required`;
    for (const [j, entry] of (entries as Json[]).entries()) {
      const where = `${at}.orderLineStatuses.orderLineStatus[${j}]`;
      const update = lineUpdate(entry, status, lineNumber);
      if (typeof update === 'string') return `${where}.${update}`;
      updates.push(update);
    }
  }
  return updates;
}

function lineUpdate(entry: Json, status: 'Shipped' | 'Cancelled', lineNumber: string): LineUpdate | string {
  if (entry['status'] !== status) return `status must be ${status}`;
  const quantity = (entry['statusQuantity'] ?? {}) as { unitOfMeasurement?: unknown; amount?: unknown };
  const amount = quantity.amount;
  if (!['EACH', 'EA'].includes(String(quantity.unitOfMeasurement)) || typeof amount !== 'string')
    return 'statusQuantity needs a unitOfMeasurement EACH and an amount';
  if (!/^[1-9]\d*$/.test(amount)) return `statusQuantity.amount ${amount} is not a whole number above 0`;
  if (status === 'Cancelled') {
    const reason = entry['cancellationReason'];
    if (!WALMART_CANCEL_REASONS.some((known) => known === reason))
      return `cancellationReason must be one of ${WALMART_CANCEL_REASONS.join(', ')}`;
    return { lineNumber, amount, cancellationReason: String(reason) };
  }
  const problem = trackingProblem(entry['trackingInfo']);
  return problem === undefined ? { lineNumber, amount, trackingInfo: entry['trackingInfo'] } : problem;
}

function trackingProblem(value: unknown): string | undefined {
  const tracking = (value ?? {}) as Json;
  const shipped = tracking['shipDateTime'];
  if (typeof shipped !== 'number' || !Number.isInteger(shipped) || shipped < 1e11)
    return 'trackingInfo.shipDateTime must be epoch milliseconds';
  const carrierName = (tracking['carrierName'] ?? {}) as Json;
  const carrier = carrierName['carrier'];
  const other = carrierName['otherCarrier'];
  if (typeof carrier === 'string') {
    if (!WALMART_CARRIERS.some((known) => known === carrier))
      return `trackingInfo.carrierName.carrier ${carrier} is not a Walmart carrier name`;
  } else if (typeof other !== 'string' || other === '') {
    return 'trackingInfo.carrierName needs a carrier or an otherCarrier';
  } else if (typeof tracking['trackingURL'] !== 'string' || tracking['trackingURL'] === '') {
    return 'trackingInfo.trackingURL is required with an otherCarrier';
  }
  if (!WALMART_SHIP_METHODS.some((known) => known === tracking['methodCode']))
    return `trackingInfo.methodCode must be one of ${WALMART_SHIP_METHODS.join(', ')}`;
  if (typeof tracking['trackingNumber'] !== 'string' || tracking['trackingNumber'] === '')
    return 'trackingInfo.trackingNumber is required';
  return undefined;
}

/**
 * A copy of an order given to the sandbox, bare or as `GET /v3/orders/{id}` wraps it
 * (`{ order }`), checked for what the sandbox reads; a programming mistake in a test throws.
 */
export function sandboxOrderOf(input: unknown): SandboxOrder {
  const wrapped = input as { order?: unknown; purchaseOrderId?: unknown } | null;
  const order = structuredClone(wrapped?.purchaseOrderId === undefined ? wrapped?.order : input) as
    Json | null | undefined;
  const id = order?.['purchaseOrderId'];
  const lines = (order?.['orderLines'] as { orderLine?: unknown } | undefined)?.orderLine;
  if (typeof id !== 'string' || !Array.isArray(lines) || lines.length === 0)
    throw new Error('a Walmart order needs a purchaseOrderId and orderLines.orderLine');
  for (const line of lines as StatusedLine[]) {
    if (typeof line.lineNumber !== 'string' || typeof line.orderLineQuantity?.amount !== 'string')
      throw new Error(`order ${id}: each line needs a lineNumber and an orderLineQuantity.amount`);
    for (const entry of line.orderLineStatuses?.orderLineStatus ?? [])
      if (typeof entry.statusQuantity?.amount !== 'string')
        throw new Error(`order ${id} line ${line.lineNumber}: each status needs a statusQuantity.amount`);
  }
  return order as SandboxOrder;
}
