import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { addDecimals, compareDecimals } from '../../canonical/index.js';
import { lineStatuses, moveQuantity, quantityIn } from '../walmart/line-status.js';
import {
  dateOf,
  gatewayErrorBody,
  listProblem,
  nextCursorOf,
  orderErrorBody,
  readLineUpdates,
  sandboxOrderOf,
  type SandboxOrder,
} from '../walmart/sandbox-rules.js';
import type { MarketplaceSandbox, SandboxCall, SandboxFault } from './sandbox.js';

export interface WalmartSandboxOptions {
  /** The most orders a page holds whatever `limit` asks (Walmart's ceiling is 200). Default 200. */
  pageSize?: number;
  /** Lifetime of an access token. Default 900 s, as Walmart's. */
  tokenTtlSeconds?: number;
  /** The sandbox's clock; the stamps it gives orders always move forward. */
  now?: () => number;
}

interface StoredOrder {
  order: SandboxOrder;
  createdAt: number;
  modifiedAt: number;
}

const ACCOUNT = '10000012345';
const CREDENTIALS = { clientId: 'sandbox-walmart-client', clientSecret: 'sandbox-walmart-secret' };
const DAY_MS = 86_400_000;

/**
 * Walmart's Orders API v3 on loopback: `POST /v3/token` (client credentials, expiring tokens),
 * `GET /v3/orders` (created and last-modified filters, status, `limit` with a `nextCursor` query
 * string, 404 `CONTENT_NOT_FOUND` when nothing matches, `createdStartDate` 7 days back when
 * unset), `GET /v3/orders/{id}`, acknowledge, shipping (acknowledged quantity only: Walmart asks
 * that orders be acknowledged before shipping) and cancel (nothing shipped), with Walmart's
 * error shapes. `addOrder` takes Walmart's order JSON, bare or as `{ order }`; its `orderDate` is
 * kept (set when absent), and the order is stamped created and modified now for the filters.
 *
 * @example
 * const walmart = await startWalmartSandbox({ pageSize: 2 });
 * walmart.addOrder(fixture.order);
 * const connector = createWalmartConnector({ ...settings, apiUrl: walmart.url, credentials: walmart.credentials });
 */
export async function startWalmartSandbox(options: WalmartSandboxOptions = {}): Promise<MarketplaceSandbox> {
  const sandbox = new WalmartOrdersSandbox(options);
  const server = createServer(sandbox.app());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    platform: 'walmart',
    url: `http://127.0.0.1:${port}`,
    account: ACCOUNT,
    credentials: CREDENTIALS,
    addOrder: (order) => sandbox.addOrder(order),
    updateOrder: (orderId, change) => sandbox.updateOrder(orderId, change),
    failNext: (count, fault) => void sandbox.faults.push({ left: count, fault }),
    expireTokens: () => sandbox.tokens.clear(),
    received: sandbox.received,
    requests: sandbox.requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

class WalmartOrdersSandbox {
  readonly tokens = new Map<string, number>();
  readonly faults: { left: number; fault: SandboxFault }[] = [];
  readonly received: SandboxCall[] = [];
  readonly requests: Record<string, number> = {};
  private readonly orders = new Map<string, StoredOrder>();
  private readonly pageSize: number;
  private readonly tokenTtlSeconds: number;
  private readonly clock: () => number;
  private lastStamp = 0;

  constructor(options: WalmartSandboxOptions) {
    this.pageSize = options.pageSize ?? 200;
    this.tokenTtlSeconds = options.tokenTtlSeconds ?? 900;
    this.clock = options.now ?? Date.now;
  }

  app(): Express {
    const app = express();
    app.disable('x-powered-by');
    const form = express.urlencoded({ extended: false });
    const json = express.json();
    app.post(
      '/v3/token',
      form,
      this.guard('getToken', false, (req, res) => this.token(req, res)),
    );
    app.get(
      '/v3/orders',
      this.guard('getOrders', true, (req, res) => this.list(req, res)),
    );
    app.get(
      '/v3/orders/:purchaseOrderId',
      this.guard('getOrder', true, (req, res) => this.getOrder(req, res)),
    );
    app.post(
      '/v3/orders/:purchaseOrderId/acknowledge',
      json,
      this.guard('acknowledgeOrder', true, (req, res) => this.acknowledge(req, res)),
    );
    app.post(
      '/v3/orders/:purchaseOrderId/shipping',
      json,
      this.guard('confirmShipment', true, (req, res) => this.changeLines(req, res, 'Shipped')),
    );
    app.post(
      '/v3/orders/:purchaseOrderId/cancel',
      json,
      this.guard('cancelLines', true, (req, res) => this.changeLines(req, res, 'Cancelled')),
    );
    app.use((_req: Request, res: Response) => {
      res.status(404).json(orderErrorBody('CONTENT_NOT_FOUND', 'no such resource'));
    });
    // Walmart's shape for an unreadable body, and no logging (express's own handler logs).
    app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
      const unreadable = (error as { type?: unknown } | null)?.type === 'entity.parse.failed';
      res
        .status(unreadable ? 400 : 500)
        .json(
          unreadable
            ? orderErrorBody('INVALID_REQUEST_CONTENT', 'the body is not JSON')
            : orderErrorBody('SYSTEM_ERROR', 'sandbox failure'),
        );
    });
    return app;
  }

  addOrder(input: unknown): string {
    const order = sandboxOrderOf(input);
    if (this.orders.has(order.purchaseOrderId))
      throw new Error(`the sandbox already holds order ${order.purchaseOrderId}`);
    const at = this.stamp();
    order['orderDate'] ??= at;
    for (const line of order.orderLines.orderLine) {
      lineStatuses(line);
      line.statusDate ??= at;
    }
    this.orders.set(order.purchaseOrderId, { order, createdAt: at, modifiedAt: at });
    return order.purchaseOrderId;
  }

  /** A change made on Walmart's side; a line whose statuses it changes gets a new `statusDate`. */
  updateOrder(orderId: string, change: (order: Record<string, unknown>) => void): void {
    const stored = this.orders.get(orderId);
    if (stored === undefined) throw new Error(`the sandbox holds no order ${orderId}`);
    const statusesOf = (order: SandboxOrder): Map<string, string> =>
      new Map(order.orderLines.orderLine.map((l) => [l.lineNumber, JSON.stringify(l.orderLineStatuses)]));
    const before = statusesOf(stored.order);
    change(stored.order);
    const at = this.stamp();
    for (const line of stored.order.orderLines.orderLine)
      if (before.get(line.lineNumber) !== JSON.stringify(line.orderLineStatuses)) line.statusDate = at;
    stored.modifiedAt = at;
  }

  /** Counts the request, answers a queued fault, checks Walmart's headers and the access token. */
  private guard(operation: string, authorized: boolean, handler: (req: Request, res: Response) => void) {
    return (req: Request, res: Response): void => {
      this.requests[operation] = (this.requests[operation] ?? 0) + 1;
      const queued = this.faults.find((f) => f.left > 0 && (f.fault.operation ?? operation) === operation);
      if (queued !== undefined) {
        queued.left -= 1;
        const { status, retryAfterSeconds } = queued.fault;
        if (retryAfterSeconds !== undefined) res.set('Retry-After', String(retryAfterSeconds));
        res
          .status(status)
          .json(
            status === 429
              ? gatewayErrorBody('REQUEST_THRESHOLD_VIOLATED', 'Too Many Requests')
              : orderErrorBody('SYSTEM_ERROR', `sandbox fault ${status}`),
          );
        return;
      }
      const missing = ['WM_SVC.NAME', 'WM_QOS.CORRELATION_ID'].find((header) => !req.get(header));
      if (missing !== undefined) {
        res.status(400).json(gatewayErrorBody('INVALID_REQUEST_HEADER', `${missing} is required`));
        return;
      }
      const expiresAt = this.tokens.get(req.get('WM_SEC.ACCESS_TOKEN') ?? '');
      if (authorized && (expiresAt === undefined || expiresAt <= this.clock())) {
        res.status(401).json(gatewayErrorBody('UNAUTHORIZED', 'Unauthorized token or invalid token'));
        return;
      }
      handler(req, res);
    };
  }

  private token(req: Request, res: Response): void {
    const basic = Buffer.from(`${CREDENTIALS.clientId}:${CREDENTIALS.clientSecret}`).toString('base64');
    if (req.get('Authorization') !== `Basic ${basic}`) {
      res
        .status(401)
        .json(gatewayErrorBody('UNAUTHORIZED', 'Unauthorized token or incorrect authorization header'));
      return;
    }
    if ((req.body as Record<string, unknown> | undefined)?.['grant_type'] !== 'client_credentials') {
      res
        .status(400)
        .json(gatewayErrorBody('INVALID_REQUEST_CONTENT', 'grant_type must be client_credentials'));
      return;
    }
    const token = `sandbox-${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, this.clock() + this.tokenTtlSeconds * 1000);
    res.json({ access_token: token, token_type: 'Bearer', expires_in: this.tokenTtlSeconds });
  }

  private list(req: Request, res: Response): void {
    const query = new URL(req.originalUrl, 'http://sandbox').searchParams;
    const problem = listProblem(query, ACCOUNT);
    if (problem !== undefined) {
      res.status(400).json(orderErrorBody('INVALID_REQUEST_CONTENT', problem));
      return;
    }
    const between = (at: number, from: string, to: string, fromDefault: number): boolean =>
      at >= (query.has(from) ? dateOf(query.get(from)) : fromDefault) &&
      at <= (query.has(to) ? dateOf(query.get(to)) : Infinity);
    const status = query.get('status');
    const matches = [...this.orders.values()].filter(
      (s) =>
        between(s.createdAt, 'createdStartDate', 'createdEndDate', this.clock() - 7 * DAY_MS) &&
        between(s.modifiedAt, 'lastModifiedStartDate', 'lastModifiedEndDate', 0) &&
        (query.get('shipNodeType') ?? 'SellerFulfilled') === 'SellerFulfilled' &&
        (status === null || s.order.orderLines.orderLine.some((l) => quantityIn(l, [status]) !== '0')) &&
        ['purchaseOrderId', 'customerOrderId'].every(
          (name) => !query.has(name) || s.order[name] === query.get(name),
        ),
    );
    const limit = Math.min(Number(query.get('limit') ?? 10), this.pageSize);
    const offset = Number(query.get('poIndex') ?? 0);
    const page = matches.slice(offset, offset + limit);
    if (page.length === 0) {
      const nothing = 'Failed when called getAllOrders. Orders not found for given search parameters';
      res.status(404).json(orderErrorBody('CONTENT_NOT_FOUND', nothing));
      return;
    }
    const next = offset + limit;
    const nextCursor =
      next < matches.length
        ? nextCursorOf(query, { limit, total: matches.length, next, account: ACCOUNT })
        : null;
    res.json({
      list: {
        meta: { totalCount: matches.length, limit, nextCursor },
        elements: { order: page.map((s) => s.order) },
      },
    });
  }

  private getOrder(req: Request, res: Response): void {
    const stored = this.known(req, res);
    if (stored !== undefined) res.json({ order: stored.order });
  }

  /** Every `Created` quantity becomes `Acknowledged`; acknowledging again changes nothing. */
  private acknowledge(req: Request, res: Response): void {
    const stored = this.known(req, res);
    if (stored === undefined) return;
    const at = this.stamp();
    for (const line of stored.order.orderLines.orderLine) {
      const created = quantityIn(line, ['Created']);
      if (created === '0') continue;
      moveQuantity(line, ['Created'], created, { status: 'Acknowledged' });
      line.statusDate = at;
      stored.modifiedAt = at;
    }
    this.record('acknowledgeOrder', stored, req.body ?? null);
    res.json({ order: stored.order });
  }

  /** Ships acknowledged quantity, or cancels what is not shipped; all lines or none. */
  private changeLines(req: Request, res: Response, status: 'Shipped' | 'Cancelled'): void {
    const stored = this.known(req, res);
    if (stored === undefined) return;
    const refuse = (description: string): void =>
      void res.status(400).json(orderErrorBody('INVALID_REQUEST_CONTENT', description));
    const updates = readLineUpdates(req.body, status);
    if (typeof updates === 'string') return refuse(updates);
    const from = status === 'Shipped' ? ['Acknowledged'] : ['Created', 'Acknowledged'];
    const lines = stored.order.orderLines.orderLine;
    const wanted = new Map<string, string>();
    for (const { lineNumber, amount } of updates)
      wanted.set(lineNumber, addDecimals(wanted.get(lineNumber) ?? '0', amount));
    for (const [lineNumber, amount] of wanted) {
      const line = lines.find((l) => l.lineNumber === lineNumber);
      if (line === undefined)
        return refuse(
          `lineNumber ${lineNumber} is not a line of purchase order ${stored.order.purchaseOrderId}`,
        );
      const open = quantityIn(line, from);
      if (compareDecimals(open, amount) >= 0) continue;
      if (status === 'Shipped' && quantityIn(line, ['Created']) !== '0')
        return refuse(`line ${lineNumber} is not acknowledged; acknowledge the order before shipping it`);
      return refuse(
        `line ${lineNumber} has ${open} to ${status === 'Shipped' ? 'ship' : 'cancel'}, not ${amount}`,
      );
    }
    const at = this.stamp();
    for (const update of updates) {
      const line = lines.find((l) => l.lineNumber === update.lineNumber);
      if (line === undefined) continue;
      const { cancellationReason = null, trackingInfo = null } = update;
      moveQuantity(line, from, update.amount, { status, cancellationReason, trackingInfo });
      line.statusDate = at;
    }
    stored.modifiedAt = at;
    this.record(status === 'Shipped' ? 'confirmShipment' : 'cancelLines', stored, req.body);
    res.json({ order: stored.order });
  }

  private known(req: Request, res: Response): StoredOrder | undefined {
    const orderId = String(req.params['purchaseOrderId']);
    const stored = this.orders.get(orderId);
    if (stored === undefined)
      res.status(404).json(orderErrorBody('CONTENT_NOT_FOUND', `purchase order ${orderId} not found`));
    return stored;
  }

  private record(operation: SandboxCall['operation'], stored: StoredOrder, body: unknown): void {
    const copy = structuredClone(body);
    this.received.push({ operation, orderId: stored.order.purchaseOrderId, body: copy, at: new Date() });
  }

  /** Now, but always later than the last stamp, so that every change shows as later. */
  private stamp(): number {
    this.lastStamp = Math.max(this.clock(), this.lastStamp + 1);
    return this.lastStamp;
  }
}
