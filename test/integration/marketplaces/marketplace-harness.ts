import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { stringify } from 'yaml';
import type { MarketplaceSandbox } from '../../../src/marketplaces/index.js';
import { PartnerRegistry, type MarketplacePartnerConfig } from '../../../src/partners/index.js';
import {
  createPartnerTransports,
  receiveBusinessEvent,
  startPipeline,
  type Pipeline,
  type PartnerTransports,
} from '../../../src/pipeline/index.js';
import { pullMarketplaceOnce } from '../../../src/pipeline/marketplaces/pull-orders.js';
import type { InboxPass } from '../../../src/pipeline/intake.js';
import { createRepositories, type OpenedStore, type Repositories } from '../../../src/store/index.js';
import { dropSchemaAndClose, openPostgresStore, randomSchemaName } from '../store/postgres-test-schema.js';
import { testLogger } from '../test-logger.js';
import { REDIS_URL } from '../pipeline/pipeline-harness.js';

const PRICE_LIST = 'MARKETPLACE';

/** A marketplace account on a sandbox, its own schema and queue prefix, and a running pipeline. */
export interface MarketplaceHarness {
  partner: MarketplacePartnerConfig;
  partners: PartnerRegistry;
  repositories: Repositories;
  store: OpenedStore;
  transports: PartnerTransports;
  pipeline: Pipeline;
  /** The environment the partner's credentials are read from. */
  env: Record<string, string>;
  /** One pull of the account, as the `polls` worker runs it. */
  pull(): Promise<InboxPass>;
  dispose(): Promise<void>;
}

export interface MarketplaceHarnessOptions {
  /** SKUs in the catalog, each with this much stock. */
  stock?: Record<string, string>;
  /** List prices by SKU (each EA), on the account's price list. */
  prices?: Record<string, string>;
  /** Extra transport settings (webhook secret reference...). */
  transport?: Record<string, unknown>;
  /** Environment beside the sandbox's credentials. */
  env?: Record<string, string>;
}

/**
 * Writes the account's partner file as an integration engineer would (credentials from the
 * environment, `apiUrl` on the sandbox), seeds a catalog and stock for the SKUs the orders name,
 * and starts the pipeline's workers on a fresh PostgreSQL schema and queue prefix.
 */
export async function startMarketplaceHarness(
  sandbox: MarketplaceSandbox,
  options: MarketplaceHarnessOptions = {},
): Promise<MarketplaceHarness> {
  const root = await mkdtemp(join(tmpdir(), 'edi-marketplace-'));
  const partnersDir = join(root, 'partners');
  await mkdir(partnersDir);
  const id = `${sandbox.platform}-seller`;
  const env: Record<string, string> = { ...options.env };
  const credentials: Record<string, { env: string }> = {};
  for (const [name, value] of Object.entries(sandbox.credentials)) {
    const variable = `${sandbox.platform}_${name}`.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
    env[variable] = value;
    credentials[name] = { env: variable };
  }
  const file = {
    id,
    name: `Our ${sandbox.platform} account`,
    kind: 'marketplace',
    transport: {
      type: 'marketplace',
      platform: sandbox.platform,
      account: sandbox.account,
      apiUrl: sandbox.url,
      ...(sandbox.authUrl === undefined ? {} : { authUrl: sandbox.authUrl }),
      ...(sandbox.marketplaceIds === undefined ? {} : { marketplaceIds: [...sandbox.marketplaceIds] }),
      credentials,
      ...options.transport,
    },
    ...(options.prices === undefined ? {} : { business: { priceList: PRICE_LIST } }),
  };
  await writeFile(join(partnersDir, `${id}.yaml`), stringify(file));
  const partners = PartnerRegistry.fromDirectory(partnersDir);
  const partner = partners.get(id) as MarketplacePartnerConfig;
  const store = await openPostgresStore(randomSchemaName('marketplace'), { poolSize: 4 });
  const repositories = createRepositories(store.orm);
  const skus = Object.entries(options.stock ?? {});
  if (skus.length > 0) {
    await repositories.catalog.upsertItems(
      skus.map(([sku]) => ({
        itemId: `ITEM-${sku}`,
        status: 'active' as const,
        units: [{ uom: 'EA' }],
        crossReference: { sku: [sku] },
      })),
    );
    await repositories.inventory.upsertLevels(
      skus.map(([sku, onHand]) => ({
        itemId: `ITEM-${sku}`,
        locationId: 'DC1',
        kind: 'dc' as const,
        onHand,
      })),
    );
  }
  if (options.prices !== undefined) {
    await repositories.priceLists.upsertEntries(
      PRICE_LIST,
      Object.entries(options.prices).map(([sku, unitPrice]) => ({
        itemId: `ITEM-${sku}`,
        uom: 'EA',
        unitPrice,
      })),
    );
  }
  const transports = createPartnerTransports({
    env,
    marketplace: { backoffBaseMs: 5, backoffMaxMs: 20, maxAttempts: 3 },
  });
  const prefix = `{edi-test-${randomBytes(6).toString('hex')}}`;
  const pipeline = startPipeline({
    redisUrl: REDIS_URL,
    prefix,
    repositories,
    partners,
    transports,
    retry: { attempts: 3, backoffMs: 50 },
    logger: testLogger(),
  });
  return {
    partner,
    partners,
    repositories,
    store,
    transports,
    pipeline,
    env,
    pull: () =>
      pullMarketplaceOnce(transports.marketplaceFor(partner), partner, {
        transmissions: repositories.transmissions,
        references: repositories.references,
        marketplaceCursors: repositories.marketplaceCursors,
        queues: pipeline.queues,
      }),
    async dispose() {
      await pipeline.close();
      await transports.close();
      const redis = new Redis(REDIS_URL);
      try {
        const keys = await redis.keys(`${prefix}:*`);
        if (keys.length > 0) await redis.del(...keys);
      } finally {
        await redis.quit();
      }
      await dropSchemaAndClose(store);
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** What the ERP says it shipped of one order. */
export interface ShippedOrder {
  shipmentId: string;
  poNumber: string;
  scac: string;
  tracking: string;
  /** Line number, SKU and quantity of each shipped item. */
  items: [lineNumber: string, sku: string, quantity: string][];
}

/**
 * Posts the ERP's shipment of an order as `POST /api/events/shipment-confirmed` would take it (a
 * canonical ship notice), and returns the outcome.
 */
export function confirmShipment(h: MarketplaceHarness, shipped: ShippedOrder) {
  const notice = {
    type: 'ship_notice',
    partnerId: h.partner.id,
    source: { channel: 'api' },
    shipmentId: shipped.shipmentId,
    purpose: 'original',
    shipmentDate: new Date().toISOString().slice(0, 10),
    shipmentTime: '14:30',
    structure: 'S/O/I',
    carriers: [{ scac: shipped.scac }],
    trackingNumbers: [shipped.tracking],
    parties: [],
    references: [],
    dates: [],
    notes: [],
    orders: [
      {
        poNumber: shipped.poNumber,
        tares: [],
        packs: [],
        items: shipped.items.map(([lineNumber, sku, quantityShipped]) => ({
          lineNumber,
          ids: { sku },
          quantityShipped,
          uom: 'EA',
        })),
      },
    ],
  };
  return receiveBusinessEvent('shipment-confirmed', Buffer.from(JSON.stringify(notice)), {
    repositories: h.repositories,
    partners: h.partners,
    queues: h.pipeline.queues,
  });
}
