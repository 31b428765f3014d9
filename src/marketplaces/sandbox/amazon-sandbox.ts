import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { AMAZON_RATE_LIMITS } from '../amazon/client.js';
import { amazonInstant } from '../amazon/pull-cursor.js';
import { OrderSearch } from '../amazon/sandbox/order-search.js';
import { confirmShipment } from '../amazon/sandbox/shipment-check.js';
import {
  invalidInput,
  isRecord,
  NEXT_TOKEN_UNREADABLE,
  nextTokenText,
  spErrors,
  type Json,
  type SpAnswer,
  type StoredOrder,
} from '../amazon/sandbox/sp-answer.js';
import type { MarketplaceSandbox, SandboxCall, SandboxFault } from './sandbox.js';

export interface AmazonSandboxOptions {
  /** `getOrders` page size when the request sets no `MaxResultsPerPage` (Amazon's is 100). */
  pageSize?: number;
  /** `getOrderItems` page size (Amazon publishes none). Default 100. */
  itemsPageSize?: number;
  /**
   * How long a change takes to show in `getOrders`, and how far before now `LastUpdatedBefore`
   * must be. SP-API's is 2 minutes (120000); default 0, so that an order added now is pulled now.
   */
  dataDelayMs?: number;
  /** Access token lifetime (`expires_in`). Default 3600, as Login with Amazon's. */
  tokenTtlSeconds?: number;
  /** The status of a call with an expired token: SP-API answers 403 `Unauthorized` (the default). */
  expiredTokenStatus?: 401 | 403;
  /** The marketplaces the seller sells in. Default `['ATVPDKIKX0DER']` (amazon.com). */
  marketplaceIds?: string[];
  /** The seller id, as `account`. */
  sellerId?: string;
}

/** The token endpoint's operation name, for `failNext` and `requests`. */
const TOKEN_OPERATION = 'getAccessToken';

/**
 * The Amazon Selling Partner API on loopback: a Login with Amazon token endpoint
 * (`${url}/auth/o2/token`, refresh-token grants), and Orders API v0 `getOrders` (see
 * `OrderSearch`), `getOrder`, `getOrderItems` (paged by `NextToken`) and `confirmShipment`
 * (validated, recorded in `received`, the order marked shipped). Answers carry
 * `x-amzn-RateLimit-Limit`. A missing, revoked or expired access token answers 403 `Unauthorized`
 * as SP-API does (`expiredTokenStatus: 401` for an expired one, to exercise a client's 401
 * refresh). A fault without an operation fails the SP-API operations, not the token endpoint
 * (another host at Amazon): name `getAccessToken` to fail that.
 *
 * @example
 * const sandbox = await startAmazonSandbox({ pageSize: 2 });
 * const orderId = sandbox.addOrder({ OrderStatus: 'Unshipped', FulfillmentChannel: 'MFN' }, [item]);
 */
export async function startAmazonSandbox(options: AmazonSandboxOptions = {}): Promise<MarketplaceSandbox> {
  const marketplaceIds = options.marketplaceIds ?? ['ATVPDKIKX0DER'];
  const credentials = {
    clientId: `amzn1.application-oa2-client.${randomBytes(16).toString('hex')}`,
    clientSecret: randomBytes(32).toString('hex'),
    refreshToken: `Atzr|${randomBytes(48).toString('base64url')}`,
  };
  const orders = new Map<string, StoredOrder>();
  const search = new OrderSearch(orders, {
    marketplaceIds,
    pageSize: options.pageSize ?? 100,
    dataDelayMs: options.dataDelayMs ?? 0,
  });
  const tokens = new Map<string, { expiresAt: number; expired: boolean }>();
  const itemPages = new Map<string, { orderId: string; offset: number }>();
  const faults: { remaining: number; fault: SandboxFault }[] = [];
  const received: SandboxCall[] = [];
  const requests: Record<string, number> = {};

  /** Counts the request, then answers with a queued fault, an auth refusal, or the handler's answer. */
  const operation =
    (name: string, handler: (req: Request) => SpAnswer) =>
    (req: Request, res: Response): void => {
      requests[name] = (requests[name] ?? 0) + 1;
      const answer = faultFor(name, res) ?? (name === TOKEN_OPERATION ? undefined : authProblem(req));
      if (answer === undefined && name !== TOKEN_OPERATION) {
        const limit = AMAZON_RATE_LIMITS[name];
        if (limit !== undefined) res.setHeader('x-amzn-RateLimit-Limit', String(limit.ratePerSecond));
      }
      const { status, body } = answer ?? handler(req);
      if (body === undefined) res.status(status).end();
      else res.status(status).json(body);
    };

  function faultFor(name: string, res: Response): SpAnswer | undefined {
    const queued = faults.find(
      ({ fault }) => fault.operation === name || (fault.operation === undefined && name !== TOKEN_OPERATION),
    );
    if (queued === undefined) return undefined;
    queued.remaining -= 1;
    if (queued.remaining <= 0) faults.splice(faults.indexOf(queued), 1);
    const { status, retryAfterSeconds } = queued.fault;
    if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(retryAfterSeconds));
    const code = status === 429 ? 'QuotaExceeded' : status === 503 ? 'ServiceUnavailable' : 'InternalFailure';
    return spErrors(status, [{ code, message: `sandbox fault: ${status}` }]);
  }

  function authProblem(req: Request): SpAnswer | undefined {
    const token = req.get('x-amz-access-token');
    const issued = token === undefined ? undefined : tokens.get(token);
    let status = 403;
    let details: string;
    if (token === undefined || token === '') details = 'Access token is missing in the request header.';
    else if (issued === undefined)
      details = 'The access token you provided is revoked, malformed or invalid.';
    else if (issued.expired || Date.now() >= issued.expiresAt) {
      status = options.expiredTokenStatus ?? 403;
      details = 'The access token you provided has expired.';
    } else return undefined;
    return spErrors(status, [
      { code: 'Unauthorized', message: 'Access to requested resource is denied.', details },
    ]);
  }

  function issueToken(form: Json): SpAnswer {
    if (form.grant_type !== 'refresh_token')
      return {
        status: 400,
        body: { error: 'unsupported_grant_type', error_description: 'Unsupported grant type' },
      };
    if (form.client_id !== credentials.clientId || form.client_secret !== credentials.clientSecret)
      return {
        status: 401,
        body: { error: 'invalid_client', error_description: 'Client authentication failed' },
      };
    if (form.refresh_token !== credentials.refreshToken)
      return {
        status: 400,
        body: {
          error: 'invalid_grant',
          error_description: 'The request has an invalid grant parameter : refresh_token',
        },
      };
    const ttl = options.tokenTtlSeconds ?? 3600;
    const token = `Atza|${randomBytes(48).toString('base64url')}`;
    tokens.set(token, { expiresAt: Date.now() + ttl * 1000, expired: false });
    const body = {
      access_token: token,
      refresh_token: credentials.refreshToken,
      token_type: 'bearer',
      expires_in: ttl,
    };
    return { status: 200, body };
  }

  function orderItems(orderId: string, token: unknown): SpAnswer {
    const stored = orders.get(orderId);
    if (stored === undefined) return notFound(orderId);
    let offset = 0;
    if (token !== undefined) {
      const page = typeof token === 'string' ? itemPages.get(token) : undefined;
      if (page === undefined || page.orderId !== orderId) return invalidInput([NEXT_TOKEN_UNREADABLE]);
      offset = page.offset;
    }
    const size = options.itemsPageSize ?? 100;
    const payload: Json = {
      AmazonOrderId: orderId,
      OrderItems: structuredClone(stored.items.slice(offset, offset + size)),
    };
    if (offset + size < stored.items.length) {
      const next = nextTokenText();
      itemPages.set(next, { orderId, offset: offset + size });
      payload.NextToken = next;
    }
    return { status: 200, body: { payload } };
  }

  const app = express();
  app.disable('x-powered-by');
  app.post(
    '/auth/o2/token',
    express.urlencoded({ extended: false }),
    operation(TOKEN_OPERATION, (req) => issueToken(isRecord(req.body) ? req.body : {})),
  );
  app.get(
    '/orders/v0/orders',
    operation('getOrders', (req) => search.answer(req.query as Record<string, unknown>)),
  );
  app.get(
    '/orders/v0/orders/:orderId',
    operation('getOrder', (req) => {
      const stored = orders.get(String(req.params.orderId));
      if (stored === undefined) return notFound(String(req.params.orderId));
      return { status: 200, body: { payload: structuredClone(stored.order) } };
    }),
  );
  app.get(
    '/orders/v0/orders/:orderId/orderItems',
    operation('getOrderItems', (req) => orderItems(String(req.params.orderId), req.query.NextToken)),
  );
  app.post(
    '/orders/v0/orders/:orderId/shipmentConfirmation',
    express.json(),
    operation('confirmShipment', (req) => {
      const orderId = String(req.params.orderId);
      const answer = confirmShipment(orders.get(orderId), orderId, req.body);
      if (answer.status === 204)
        received.push({
          operation: 'confirmShipment',
          orderId,
          body: structuredClone(req.body as unknown),
          at: new Date(),
        });
      return answer;
    }),
  );
  app.use((_req: Request, res: Response) => {
    res.status(404).json(spErrors(404, [{ code: 'NotFound', message: 'Resource not found' }]).body);
  });
  app.use((_error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    res.status(400).json(invalidInput(['The request body could not be parsed']).body);
  });

  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    platform: 'amazon',
    url,
    authUrl: `${url}/auth/o2/token`,
    account: options.sellerId ?? 'A2SANDBOXSELLER',
    credentials,
    marketplaceIds,
    received,
    requests,
    addOrder(order: unknown, items: unknown[] = []): string {
      if (!isRecord(order) || !items.every(isRecord))
        throw new TypeError('addOrder takes an SP-API Order object and a list of OrderItem objects');
      const copy = structuredClone(order);
      const id = typeof copy.AmazonOrderId === 'string' ? copy.AmazonOrderId : newOrderId();
      if (orders.has(id))
        throw new Error(`order ${id} is already in the sandbox: change it with updateOrder`);
      const now = amazonInstant(Date.now());
      copy.AmazonOrderId = id;
      copy.PurchaseDate ??= now;
      copy.LastUpdateDate ??= now;
      copy.MarketplaceId ??= marketplaceIds[0];
      orders.set(id, { order: copy, items: structuredClone(items) });
      return id;
    },
    updateOrder(orderId, change) {
      const stored = orders.get(orderId);
      if (stored === undefined) throw new Error(`order ${orderId} is not in the sandbox`);
      change(stored.order);
      stored.order.LastUpdateDate = amazonInstant(Date.now());
    },
    failNext(count, fault) {
      if (count > 0) faults.push({ remaining: count, fault });
    },
    expireTokens() {
      for (const token of tokens.values()) token.expired = true;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function notFound(orderId: string): SpAnswer {
  return spErrors(404, [{ code: 'NotFound', message: `Order ${orderId} was not found for this seller` }]);
}

/** An order id in Amazon's 3-7-7 form. */
function newOrderId(): string {
  const digits = (count: number) => Array.from(randomBytes(count), (byte) => byte % 10).join('');
  return `${digits(3)}-${digits(7)}-${digits(7)}`;
}
