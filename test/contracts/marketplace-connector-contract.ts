import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateCanonical } from '../../src/canonical/index.js';
import {
  MarketplaceError,
  type ApiClientOptions,
  type ConnectorSettings,
  type MarketplaceConnector,
  type MarketplaceOrderPayload,
  type MarketplaceSandbox,
  type ShipmentConfirmation,
} from '../../src/marketplaces/index.js';

/** The page size every contract sandbox is started with, so that five orders take several pages. */
export const CONTRACT_PAGE_SIZE = 2;

/** How one marketplace's sandbox wants its orders, and which shipment it takes. */
export interface MarketplaceFixtureKit {
  /** Order `n` in the marketplace's JSON, with its items where the marketplace serves them apart. */
  newOrder(n: number): { order: unknown; items?: unknown[] };
  /** The change, for `sandbox.updateOrder`, that cancels an order as the marketplace shows it. */
  cancel(order: Record<string, unknown>): void;
  /** A shipment of a whole added order that the sandbox accepts, naming the marketplace's line ids. */
  shipmentFor(orderId: string): ShipmentConfirmation;
  /** What must happen before the marketplace takes a shipment (Walmart: the acknowledgement). */
  prepareShipment(connector: MarketplaceConnector, orderId: string): Promise<void>;
  /** An order id in the marketplace's own form that the sandbox does not hold. */
  unknownOrderId: string;
  /**
   * Whether access tokens expire and the connector fetches new ones. False for Shopify: a custom
   * app's token never expires, so `expireTokens()` revokes it, and the contract then expects the
   * 401 to be a permanent `marketplace-auth` error rather than a silent refresh.
   */
  tokensExpire: boolean;
}

/** What one test gets: a fresh sandbox, the connector factory under test and the fixture kit. */
export interface MarketplaceContractSetup {
  /** Started with `pageSize: CONTRACT_PAGE_SIZE`; closed by the suite after the test. */
  sandbox: MarketplaceSandbox;
  /** Builds the connector; the suite passes settings read from the sandbox and small backoffs. */
  createConnector: (settings: ConnectorSettings, options: ApiClientOptions) => MarketplaceConnector;
  kit: MarketplaceFixtureKit;
}

const FAST: ApiClientOptions = { backoffBaseMs: 5, backoffMaxMs: 20, maxAttempts: 4 };

interface Sweep {
  orders: MarketplaceOrderPayload[];
  cursor: string | undefined;
}

/** Pulls page after page until the connector says no more wait. */
async function pullAll(connector: MarketplaceConnector, cursor?: string): Promise<Sweep> {
  const orders: MarketplaceOrderPayload[] = [];
  let next = cursor;
  for (let pages = 1; pages <= 50; pages += 1) {
    const page = await connector.pullOrders(next);
    orders.push(...page.orders);
    next = page.nextCursor;
    if (!page.more) return { orders, cursor: next };
  }
  throw new Error('the pull still had more pages after 50');
}

const idsOf = (orders: MarketplaceOrderPayload[]): string[] => orders.map((o) => o.orderId);

/** The message of an error and of each error in its `cause` chain. */
function messagesOf(error: unknown): string[] {
  const messages: string[] = [];
  for (let at = error, depth = 0; at !== undefined && at !== null && depth < 5; depth += 1) {
    messages.push(at instanceof Error ? at.message : typeof at === 'string' ? at : JSON.stringify(at));
    at = at instanceof Error ? at.cause : undefined;
  }
  return messages;
}

/**
 * The behaviour every `MarketplaceConnector` shows against its marketplace's sandbox: pulling
 * every order once across pages and resuming from a stored cursor, updates that come again
 * later, mapping into canonical purchase orders, 429/401/5xx handled as the API asks, shipments
 * that reach the marketplace, and errors that are typed and never quote a credential.
 *
 * @example
 * describeMarketplaceConnectorContract('walmart', async () => ({
 *   sandbox: await startWalmartSandbox({ pageSize: CONTRACT_PAGE_SIZE }),
 *   createConnector: createWalmartConnector,
 *   kit: walmartKit,
 * }));
 */
export function describeMarketplaceConnectorContract(
  name: string,
  setup: () => Promise<MarketplaceContractSetup>,
): void {
  describe(`MarketplaceConnector contract: ${name}`, () => {
    /** Every error the suite caught, with the credential values of the test that caught it. */
    const caught: { error: unknown; secrets: ReadonlySet<string> }[] = [];
    let sandbox: MarketplaceSandbox;
    let kit: MarketplaceFixtureKit;
    let createConnector: MarketplaceContractSetup['createConnector'];
    let secrets: Set<string>;

    beforeEach(async () => {
      ({ sandbox, kit, createConnector } = await setup());
      secrets = new Set();
      remember(sandbox.credentials);
    });
    afterEach(async () => {
      await sandbox.close();
    });

    function remember(credentials: Readonly<Record<string, string>>): void {
      for (const value of Object.values(credentials)) if (value !== '') secrets.add(value);
    }

    function connect(
      options: ApiClientOptions = {},
      credentials: Readonly<Record<string, string>> = sandbox.credentials,
    ): MarketplaceConnector {
      const settings: ConnectorSettings = {
        partnerId: `${name}-contract`,
        platform: sandbox.platform,
        account: sandbox.account,
        apiUrl: sandbox.url,
        ...(sandbox.authUrl === undefined ? {} : { authUrl: sandbox.authUrl }),
        ...(sandbox.marketplaceIds === undefined ? {} : { marketplaceIds: [...sandbox.marketplaceIds] }),
        credentials: { ...credentials },
        firstPullHours: 24,
      };
      return createConnector(settings, { ...FAST, ...options });
    }

    function addOrders(count: number): string[] {
      return Array.from({ length: count }, (_, index) => {
        const { order, items } = kit.newOrder(index + 1);
        return sandbox.addOrder(order, items);
      });
    }

    /** The error the call failed with, kept for the credential check; a success fails the test. */
    async function failure(promise: Promise<unknown>): Promise<MarketplaceError> {
      const error = await promise.then(
        () => new Error('expected the call to fail, but it succeeded'),
        (rejection: unknown) => rejection,
      );
      caught.push({ error, secrets });
      if (!(error instanceof MarketplaceError))
        throw new Error(`expected a MarketplaceError, got ${messagesOf(error).join(' <- ')}`);
      return error;
    }

    it('pulls every added order exactly once across pages, also when a new connector resumes from a stored cursor, and a new connector given the last cursor pulls nothing new', async () => {
      const added = addOrders(5);
      const firstPage = await connect().pullOrders(undefined);
      expect(firstPage.more).toBe(true);
      // The process stops after storing the first page's cursor; a new one resumes the sweep.
      const rest = await pullAll(connect(), firstPage.nextCursor);
      const first = { orders: [...firstPage.orders, ...rest.orders], cursor: rest.cursor };
      expect(idsOf(first.orders).sort()).toEqual([...added].sort());

      const again = await pullAll(connect(), first.cursor);
      // A connector may start its next window a little early (Walmart's overlap, SP-API's settling
      // delay, Shopify's inclusive updated_at_min): an order may come again, but only unchanged,
      // so that storage deduplicates it by orderId and updatedAt.
      const seen = new Map(first.orders.map((o) => [o.orderId, o.updatedAt]));
      const repeated = again.orders.map((o) => [o.orderId, o.updatedAt]);
      expect(repeated).toEqual(again.orders.map((o) => [o.orderId, seen.get(o.orderId)]));
      for (const [, updatedAt] of repeated) expect(updatedAt).toEqual(expect.any(String) as unknown);
    });

    it('pulls an order changed after its pull again, with a strictly later updatedAt', async () => {
      const [changed] = addOrders(2) as [string, string];
      const connector = connect();
      const before = await pullAll(connector);
      const pulled = before.orders.find((o) => o.orderId === changed);
      sandbox.updateOrder(changed, (order) => kit.cancel(order));
      const after = await pullAll(connector, before.cursor);
      const again = after.orders.filter((o) => o.orderId === changed);
      expect(again).not.toHaveLength(0);
      for (const payload of again)
        expect(Date.parse(payload.updatedAt ?? '')).toBeGreaterThan(Date.parse(pulled?.updatedAt ?? ''));
    });

    it('maps every pulled payload into a valid canonical purchase order numbered with the order id', async () => {
      const added = addOrders(3);
      const connector = connect();
      const { orders } = await pullAll(connector);
      const mapped = orders.map((payload) => {
        const result = connector.mapOrder(payload, { partnerId: `${name}-contract` });
        if (!result.ok) return { orderId: payload.orderId, problems: result.problems };
        const validation = validateCanonical(result.order);
        return {
          orderId: payload.orderId,
          type: result.order.type,
          poNumber: result.order.poNumber,
          errors: validation.valid ? [] : validation.errors,
        };
      });
      expect(mapped).toEqual(
        [...added]
          .sort()
          .map((orderId) => ({ orderId, type: 'purchase_order', poNumber: orderId, errors: [] })),
      );
    });

    it('waits out a 429 with Retry-After 1 on the pull, then the pull succeeds', async () => {
      const [id] = addOrders(1);
      sandbox.failNext(1, { status: 429, retryAfterSeconds: 1, operation: 'getOrders' });
      const startedAt = Date.now();
      const { orders } = await pullAll(connect());
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(950);
      expect(idsOf(orders)).toEqual([id]);
      expect(sandbox.requests['getOrders']).toBe(2);
    });

    it('refreshes expired access tokens transparently (a revoked Shopify token is a permanent marketplace-auth error)', async () => {
      const [id] = addOrders(1);
      const connector = connect();
      await pullAll(connector);
      const calls = sandbox.requests['getOrders'] ?? 0;
      sandbox.expireTokens();
      remember(sandbox.credentials);
      if (kit.tokensExpire) {
        expect(idsOf((await pullAll(connector)).orders)).toEqual([id]);
        // The refused call and the same call with a new token.
        expect(sandbox.requests['getOrders']).toBe(calls + 2);
        return;
      }
      const error = await failure(connector.pullOrders(undefined));
      expect({ code: error.code, permanent: error.permanent }).toEqual({
        code: 'marketplace-auth',
        permanent: true,
      });
      expect(sandbox.requests['getOrders']).toBe(calls + 1);
      expect(idsOf((await pullAll(connect())).orders)).toEqual([id]);
    });

    it('retries two 5xx answers and succeeds on the third attempt', async () => {
      const [id] = addOrders(1);
      sandbox.failNext(2, { status: 500, operation: 'getOrders' });
      expect(idsOf((await pullAll(connect())).orders)).toEqual([id]);
      expect(sandbox.requests['getOrders']).toBe(3);
    });

    it('a 5xx on every attempt is a retryable MarketplaceError after maxAttempts', async () => {
      sandbox.failNext(10, { status: 503, operation: 'getOrders' });
      const error = await failure(connect({ maxAttempts: 3 }).pullOrders(undefined));
      expect({ code: error.code, permanent: error.permanent }).toEqual({
        code: 'marketplace-unavailable',
        permanent: false,
      });
      expect(sandbox.requests['getOrders']).toBe(3);
    });

    it('confirms the shipment of a pulled order, and the sandbox receives it', async () => {
      const [id] = addOrders(1) as [string];
      const connector = connect();
      expect(idsOf((await pullAll(connector)).orders)).toEqual([id]);
      await kit.prepareShipment(connector, id);
      await connector.confirmShipment(kit.shipmentFor(id));
      expect(sandbox.received.filter((call) => call.operation === 'confirmShipment')).toEqual([
        expect.objectContaining({ operation: 'confirmShipment', orderId: id }),
      ]);
    });

    it('a shipment of an order the marketplace does not know is a permanent MarketplaceError', async () => {
      const [id] = addOrders(1) as [string];
      const shipment = { ...kit.shipmentFor(id), orderId: kit.unknownOrderId };
      const error = await failure(connect().confirmShipment(shipment));
      expect({ code: error.code, permanent: error.permanent }).toEqual({
        code: 'marketplace-refused',
        permanent: true,
      });
      expect(sandbox.received.filter((call) => call.operation === 'confirmShipment')).toEqual([]);
    });

    // Runs last: it also reads the errors the tests above caught.
    it('never puts a credential value in an error message', async () => {
      const [id] = addOrders(1) as [string];
      let refused = 0;
      for (const credential of Object.keys(sandbox.credentials)) {
        const wrong = { ...sandbox.credentials, [credential]: `wrong-${credential}-${randomUUID()}` };
        remember(wrong);
        // A credential the pull does not use (Shopify's webhookSecret) lets it succeed.
        await connect({}, wrong)
          .pullOrders(undefined)
          .catch((error: unknown) => {
            refused += 1;
            caught.push({ error, secrets });
          });
      }
      expect(refused).toBeGreaterThan(0);
      sandbox.failNext(2, { status: 503, operation: 'getOrders' });
      await failure(connect({ maxAttempts: 2 }).pullOrders(undefined));
      await failure(connect().confirmShipment({ ...kit.shipmentFor(id), orderId: kit.unknownOrderId }));
      const leaks = caught.flatMap(({ error, secrets: values }) =>
        [...values]
          .filter((value) => messagesOf(error).some((message) => message.includes(value)))
          .map((value) => `${messagesOf(error)[0]} (quotes ${value.slice(0, 4)}…)`),
      );
      expect(leaks).toEqual([]);
    });
  });
}
