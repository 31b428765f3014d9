import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { SHOPIFY_API_VERSION } from '../shopify/rest.js';
import type { ShopAnswer } from '../shopify/sandbox/shop-order.js';
import { SandboxShop } from '../shopify/sandbox/shop.js';
import { deliverWebhook } from '../shopify/sandbox/webhooks.js';
import type { MarketplaceSandbox, SandboxCall, SandboxFault } from './sandbox.js';

export interface ShopifySandboxOptions {
  /** The shop's domain, the connector's `account`. Default `sandbox-shop.myshopify.com`. */
  shop?: string;
  /** The most orders a page holds, whatever `limit` asks. Default 50 (Shopify's default limit). */
  pageSize?: number;
  /** The REST bucket: calls it holds, leaking `size / 20` a second (40 at 2/s, Plus 80 at 4/s). */
  bucketSize?: number;
  /** Locations an order's lines are spread over, 1 to 4: one fulfilment order per location. Default 1. */
  locations?: number;
  /** Retries of a webhook answered other than 2xx (Shopify: 8, over 4 hours). Default 8. */
  webhookRetries?: number;
  /** The wait before each webhook retry. Default 50 ms. */
  webhookRetryDelayMs?: number;
  /** How long a webhook's answer is waited for (Shopify: 5 s). Default 5000 ms. */
  webhookTimeoutMs?: number;
  now?: () => number;
}

/** How `deliverWebhook` goes wrong on purpose. */
export interface ShopifyWebhookOptions {
  /** Signs the body with another secret: the receiver must refuse it. */
  badHmac?: boolean;
  /** Deliveries of the same webhook (same webhook and event ids) after the first succeeds. */
  duplicates?: number;
}

/** The Shopify sandbox: the `MarketplaceSandbox` API, and Shopify's order webhooks. */
export interface ShopifySandbox extends MarketplaceSandbox {
  /** A copy of an order's JSON as the API serves it now, or undefined. */
  order(orderId: string): Record<string, unknown> | undefined;
  /**
   * Sends the order as the `topic` webhook (`orders/create`, `orders/updated`...) to
   * `targetUrl`, signed with `credentials.webhookSecret`, retrying an answer other than 2xx;
   * returns every answer's status in order (0 for none).
   */
  deliverWebhook(
    targetUrl: string,
    topic: string,
    orderId: string,
    options?: ShopifyWebhookOptions,
  ): Promise<number[]>;
}

const INVALID_TOKEN = '[API] Invalid API key or access token (unrecognized login or wrong password)';
const ANSWERS: Record<number, string> = {
  429: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * A Shopify shop's REST Admin API (2024-10) on loopback for the integration tests and `npm run
 * demo`: orders with `Link` header paging, fulfilment orders derived from each order's lines,
 * fulfilments, cancellations and refunds checked as Shopify checks them, the REST call bucket with
 * its `X-Shopify-Shop-Api-Call-Limit` header and 429s (`Retry-After` in Shopify's `2.0` form),
 * and order webhooks signed with the app's secret.
 *
 * Operations, for `failNext` and `requests`: `getOrders`, `getOrder`, `getFulfillmentOrders`,
 * `getFulfillments`, `createFulfillment`, `cancelOrder`, `calculateRefund`, `createRefund`.
 * Fulfilments are recorded in `received` as `confirmShipment`, cancellations and refunds as
 * `cancelLines`.
 *
 * A custom app's Admin API token never expires on Shopify; it stops working when it is revoked.
 * `expireTokens()` does that: it issues a new token in `credentials.accessToken`, and the old one
 * answers 401 from then on.
 *
 * @example
 * const sandbox = await startShopifySandbox({ pageSize: 2 });
 * const id = sandbox.addOrder(fixture);
 * const shop = createShopifyConnector({ partnerId: 'p', platform: 'shopify', account: sandbox.account,
 *   apiUrl: sandbox.url, credentials: sandbox.credentials, firstPullHours: 1 });
 */
export async function startShopifySandbox(options: ShopifySandboxOptions = {}): Promise<ShopifySandbox> {
  const now = options.now ?? Date.now;
  const account = options.shop ?? 'sandbox-shop.myshopify.com';
  const bucketSize = options.bucketSize ?? 40;
  const pageSize = options.pageSize ?? 50;
  const locations = options.locations ?? 1;
  for (const [name, value, most] of [
    ['bucketSize', bucketSize, Infinity],
    ['pageSize', pageSize, 250],
    ['locations', locations, 4],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > most)
      throw new RangeError(`${name} ${value} is not a whole number from 1 to ${most}`);
  }
  const shop = new SandboxShop({ pageSize, locations, now });
  const webhookSecret = randomBytes(24).toString('hex');
  let accessToken = `shpat_${randomBytes(16).toString('hex')}`;
  const received: SandboxCall[] = [];
  const requests: Record<string, number> = {};
  const faults: { left: number; fault: SandboxFault }[] = [];
  const bucket = { level: 0, at: now() };
  let url = '';

  /** One more call in the bucket, or false when it is full (the call is answered 429). */
  const fillBucket = (): boolean => {
    const at = now();
    bucket.level = Math.max(0, bucket.level - ((at - bucket.at) / 1000) * (bucketSize / 20));
    bucket.at = at;
    if (bucket.level + 1 > bucketSize) return false;
    bucket.level += 1;
    return true;
  };

  const send = (res: Response, answer: ShopAnswer): void => {
    for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
    res.status(answer.status).json(answer.body);
  };

  /** The gate every call passes: counted, bucketed, faulted on request, authenticated. */
  const route =
    (operation: string, handle: (req: Request) => ShopAnswer) =>
    (req: Request, res: Response): void => {
      requests[operation] = (requests[operation] ?? 0) + 1;
      const fits = fillBucket();
      res.setHeader(
        'X-Shopify-Shop-Api-Call-Limit',
        `${fits ? Math.ceil(bucket.level) : bucketSize}/${bucketSize}`,
      );
      if (!fits) {
        res.setHeader('Retry-After', '1.0');
        send(res, { status: 429, body: { errors: ANSWERS[429] } });
        return;
      }
      const planned = faults.find((f) => f.left > 0 && (f.fault.operation ?? operation) === operation);
      if (planned !== undefined) {
        planned.left -= 1;
        if (planned.fault.retryAfterSeconds !== undefined)
          res.setHeader('Retry-After', planned.fault.retryAfterSeconds.toFixed(1));
        send(res, {
          status: planned.fault.status,
          body: { errors: ANSWERS[planned.fault.status] ?? 'Error' },
        });
        return;
      }
      if (req.get('X-Shopify-Access-Token') !== accessToken) {
        send(res, { status: 401, body: { errors: INVALID_TOKEN } });
        return;
      }
      send(res, handle(req));
    };

  const record = (operation: SandboxCall['operation'], orderId: string | undefined, body: unknown): void => {
    if (orderId !== undefined) received.push({ operation, orderId, body, at: new Date(now()) });
  };

  const id = (req: Request): string => String(req.params['id']);
  const api = express.Router();
  api.get(
    '/orders.json',
    route('getOrders', (req) => shop.listOrders(req.query, `${url}/orders.json`)),
  );
  api.get(
    '/orders/:id.json',
    route('getOrder', (req) => shop.getOrder(id(req), req.query['fields'])),
  );
  api.get(
    '/orders/:id/fulfillment_orders.json',
    route('getFulfillmentOrders', (req) => shop.fulfillmentOrders(id(req))),
  );
  api.get(
    '/orders/:id/fulfillments.json',
    route('getFulfillments', (req) => shop.fulfillments(id(req))),
  );
  api.post(
    '/fulfillments.json',
    route('createFulfillment', (req) => {
      const { answer, orderId } = shop.createFulfillment(req.body);
      if (answer.status === 201) record('confirmShipment', orderId, req.body);
      return answer;
    }),
  );
  api.post(
    '/orders/:id/cancel.json',
    route('cancelOrder', (req) => {
      const answer = shop.cancelOrder(id(req), req.body);
      if (answer.status === 200) record('cancelLines', id(req), req.body);
      return answer;
    }),
  );
  api.post(
    '/orders/:id/refunds/calculate.json',
    route('calculateRefund', (req) => shop.calculateRefund(id(req), req.body)),
  );
  api.post(
    '/orders/:id/refunds.json',
    route('createRefund', (req) => {
      const answer = shop.createRefund(id(req), req.body);
      if (answer.status === 201) record('cancelLines', id(req), req.body);
      return answer;
    }),
  );

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '1mb' }));
  app.use(`/admin/api/${SHOPIFY_API_VERSION}`, api);
  app.use((_req: Request, res: Response) => {
    res.status(404).json({ errors: 'Not Found' });
  });
  // No logging: a body that is not JSON is the caller's mistake, anything else an opaque 500.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const parseFailed = (error as { type?: unknown } | null)?.type === 'entity.parse.failed';
    res.status(parseFailed ? 400 : 500).json({ errors: parseFailed ? 'The body is not JSON' : ANSWERS[500] });
  });

  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin/api/${SHOPIFY_API_VERSION}`;

  return {
    platform: 'shopify',
    url,
    account,
    get credentials() {
      return { accessToken, webhookSecret };
    },
    received,
    requests,
    addOrder: (order) => shop.addOrder(order),
    order: (orderId) => {
      const order = shop.orderJson(orderId);
      return order === undefined ? undefined : structuredClone(order);
    },
    updateOrder: (orderId, change) => shop.updateOrder(orderId, change),
    failNext(count, fault) {
      faults.push({ left: count, fault });
    },
    expireTokens() {
      accessToken = `shpat_${randomBytes(16).toString('hex')}`;
    },
    deliverWebhook(targetUrl, topic, orderId, webhook = {}) {
      const order = shop.orderJson(orderId);
      if (order === undefined) return Promise.reject(new Error(`order ${orderId} is not in the sandbox`));
      return deliverWebhook({
        targetUrl,
        topic,
        shopDomain: account,
        secret: webhookSecret,
        order,
        badHmac: webhook.badHmac ?? false,
        duplicates: webhook.duplicates ?? 0,
        retries: options.webhookRetries ?? 8,
        retryDelayMs: options.webhookRetryDelayMs ?? 50,
        timeoutMs: options.webhookTimeoutMs ?? 5000,
      });
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
