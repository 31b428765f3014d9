import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { PartnerRegistry, type X12PartnerConfig } from '../../../src/partners/index.js';
import {
  createPartnerTransports,
  openQueues,
  pollInboxOnce,
  startPipeline,
  type Pipeline,
  type PartnerTransportOptions,
  type PartnerTransports,
} from '../../../src/pipeline/index.js';
import {
  CanonicalDocumentRecordSchema,
  createRepositories,
  TransmissionSchema,
  type CatalogItemInput,
  type InventoryLevelInput,
  type OpenedStore,
  type PriceListEntryInput,
  type Repositories,
} from '../../../src/store/index.js';
import { dropSchemaAndClose, openPostgresStore, randomSchemaName } from '../store/postgres-test-schema.js';
import { testLogger } from '../test-logger.js';

export const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
export const PARTNER_ID = 'acme-retail';

export interface HarnessOptions {
  duplicatePolicy?: 'reject' | 'accept-and-flag';
  /** `missing`: the outbox folder does not exist (transient); `file`: it is a file (permanent). */
  brokenOutbox?: 'missing' | 'file';
  /**
   * `none`: only the queues are opened, for workers that run in another process (they find the
   * partner in `partnersDir`, the tables in `schema`, the queues under `prefix`). Default `in-process`.
   */
  workers?: 'in-process' | 'none';
  /** The partner's `business` section (price list, tolerance, allocation...), as its file has it. */
  business?: Record<string, unknown>;
  /** The sets we send the partner. Default `['855']`. */
  outbound?: string[];
  /** The sets the partner sends us. Default `['850']`. */
  inbound?: string[];
  /** The partner's `documents.options` (e.g. the 856 hierarchy), as its file has it. */
  documentOptions?: Record<string, unknown>;
  /** The partner's `acknowledgements` section. Default `{ functional: '997' }`. */
  acknowledgements?: Record<string, unknown>;
  /** Catalog, price list and stock, loaded before the pipeline starts. */
  seed?: HarnessSeed;
  /** The pipeline's clock: the 855's date and the "today" of the order rules. */
  now?: () => Date;
  /** Jobs each worker runs at once. Default 4. */
  concurrency?: number;
  /** How long a batch of 855s waits for its last order. Default the pipeline's. */
  batchDeadlineMs?: number;
  /**
   * The partner's `identity` section. Default: they are ACMERETAIL and we are OURGATEWAY; a
   * gateway that plays the partner's side swaps them.
   */
  identity?: { theirs: Record<string, string>; ours: Record<string, string> };
  /** The partner's `transport` section instead of the `inbox`/`outbox` folders. */
  transport?: Record<string, unknown>;
  /** Options of the partners' transports (settle times, SFTP timeouts). */
  transportOptions?: PartnerTransportOptions;
  /** The partner's `limits` section (file size, segments per set, HL depth). */
  limits?: Record<string, unknown>;
}

/** What orders are checked and allocated against. */
export interface HarnessSeed {
  catalog?: CatalogItemInput[];
  priceList?: { id: string; entries: PriceListEntryInput[] };
  inventory?: InventoryLevelInput[];
}

/** A partner in temporary folders, a fresh schema and queue prefix, and a running pipeline. */
export interface Harness {
  store: OpenedStore;
  repositories: Repositories;
  partner: X12PartnerConfig;
  partners: PartnerRegistry;
  transports: PartnerTransports;
  pipeline: Pipeline;
  inbox: string;
  outbox: string;
  partnersDir: string;
  /** The PostgreSQL schema that holds this harness's tables. */
  schema: string;
  /** The queue prefix, a hash tag such as `{edi-test-1a2b3c}`. */
  prefix: string;
  /** Puts a file in the inbox and runs intake until it is taken; returns the transmission ids. */
  drop(name: string, content: string): Promise<string[]>;
  outboxFiles(): Promise<{ name: string; content: string }[]>;
  count(entity: 'documents' | 'inbound' | 'outbound'): Promise<number>;
  dispose(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const root = await mkdtemp(join(tmpdir(), 'edi-pipeline-'));
  const [inbox, outbox, partnersDir] = ['inbox', 'outbox', 'partners'].map((d) => join(root, d)) as [
    string,
    string,
    string,
  ];
  await Promise.all([inbox, partnersDir].map((d) => mkdir(d)));
  if (options.brokenOutbox === undefined) await mkdir(outbox);
  if (options.brokenOutbox === 'file') await writeFile(outbox, 'not a folder');
  await writeFile(join(partnersDir, `${PARTNER_ID}.yaml`), partnerYaml(inbox, outbox, options));
  const partners = PartnerRegistry.fromDirectory(partnersDir);
  const partner = partners.get(PARTNER_ID) as X12PartnerConfig;

  const schema = randomSchemaName('pipeline');
  const store = await openPostgresStore(schema, { poolSize: 4 });
  const repositories = createRepositories(store.orm);
  await seedOrderData(repositories, options.seed);
  // settleMs 0: a file counts as complete on the second poll that sees it unchanged.
  const transports = createPartnerTransports({
    as2Messages: () => repositories.as2Messages,
    ...(options.transportOptions ?? { folder: { settleMs: 0 } }),
  });
  const prefix = `{edi-test-${randomBytes(6).toString('hex')}}`;
  const pipeline =
    options.workers === 'none'
      ? openQueuesOnly(prefix)
      : startPipeline({
          redisUrl: REDIS_URL,
          prefix,
          repositories,
          partners,
          transports,
          retry: { attempts: 3, backoffMs: 50 },
          logger: testLogger(),
          ...(options.now === undefined ? {} : { now: options.now }),
          ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
          ...(options.batchDeadlineMs === undefined ? {} : { batchDeadlineMs: options.batchDeadlineMs }),
        });
  const intakeDeps = { transmissions: repositories.transmissions, queues: pipeline.queues };

  return {
    store,
    repositories,
    partner,
    partners,
    transports,
    pipeline,
    inbox,
    outbox,
    partnersDir,
    schema,
    prefix,
    async drop(name, content) {
      await writeFile(join(inbox, name), content);
      const transport = transports.forPartner(partner);
      for (let poll = 0; poll < 5; poll++) {
        const { stored: ids } = await pollInboxOnce(transport, partner, intakeDeps);
        if (ids.length > 0) return ids;
      }
      throw new Error(`${name} was never taken from the inbox`);
    },
    async outboxFiles() {
      const names = (await readdir(outbox)).filter((n) => !n.startsWith('.')).sort();
      return Promise.all(
        names.map(async (name) => ({ name, content: await readFile(join(outbox, name), 'utf8') })),
      );
    },
    async count(entity) {
      const em = store.orm.em.fork();
      if (entity === 'documents') return em.count(CanonicalDocumentRecordSchema, {});
      return em.count(TransmissionSchema, { direction: entity });
    },
    async dispose() {
      await pipeline.close();
      await transports.close();
      await removeQueueKeys(prefix);
      await dropSchemaAndClose(store);
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it returns something other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The queues without workers: what intake needs to hand work to workers elsewhere. */
function openQueuesOnly(prefix: string): Pipeline {
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queues = openQueues(connection, prefix);
  return {
    queues,
    stopPolls: () => Promise.resolve(),
    close: async () => {
      await queues.close();
      await connection.quit();
    },
  };
}

async function seedOrderData(repositories: Repositories, seed: HarnessSeed = {}): Promise<void> {
  if (seed.catalog) await repositories.catalog.upsertItems(seed.catalog);
  if (seed.priceList) await repositories.priceLists.upsertEntries(seed.priceList.id, seed.priceList.entries);
  if (seed.inventory) await repositories.inventory.upsertLevels(seed.inventory);
}

async function removeQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}

/** The test partner `acme-retail` on folders `inbox` and `outbox`, as its YAML file says it. */
export function partnerYaml(inbox: string, outbox: string, options: HarnessOptions = {}): string {
  return `id: ${PARTNER_ID}
name: Acme Retail
kind: x12
identity: ${JSON.stringify(
    options.identity ?? {
      theirs: { isaQualifier: 'ZZ', isaId: 'ACMERETAIL', gsId: 'ACMERETAIL' },
      ours: { isaQualifier: 'ZZ', isaId: 'OURGATEWAY', gsId: 'OURGATEWAY' },
    },
  )}
x12:
  version: '004010'
documents:
  inbound: ${JSON.stringify(options.inbound ?? ['850'])}
  outbound: ${JSON.stringify(options.outbound ?? ['855'])}
${options.documentOptions === undefined ? '' : `  options: ${JSON.stringify(options.documentOptions)}\n`}acknowledgements: ${JSON.stringify(options.acknowledgements ?? { functional: '997' })}
duplicates: { windowDays: 30, policy: ${options.duplicatePolicy ?? 'reject'} }
transport: ${JSON.stringify(options.transport ?? { type: 'folder', inbox, outbox, pollSeconds: 5 })}
${options.business === undefined ? '' : `business: ${JSON.stringify(options.business)}\n`}${options.limits === undefined ? '' : `limits: ${JSON.stringify(options.limits)}\n`}`;
}
