import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { masterDataFor, purchaseOrderInterchange } from '../../scripts/generate-850s.mjs';
import { formatApiKey, hashSecret, newApiKeyParts } from '../../src/auth/index.js';
import { createRepositories, type OpenedStore } from '../../src/store/index.js';
import {
  freePort,
  makeGatewayFolders,
  spawnGateway,
  type GatewayFolders,
  type GatewayProcess,
} from '../integration/gateway/gateway-process.js';
import { PARTNER_ID, partnerYaml } from '../integration/pipeline/pipeline-harness.js';
import {
  dropSchemaAndClose,
  openPostgresStore,
  randomSchemaName,
  TEST_DATABASE_URL,
} from '../integration/store/postgres-test-schema.js';

const PRICE_LIST = 'acme-faults';
const LOCATION = 'DC-EAST';
// The variable the partner file names for the endpoint's token (`auth: { env }`).
const TOKEN_VARIABLE = 'FAULTS_PARTNER_TOKEN';
// The variable the partner file names for the SFTP password (`password: { env }`).
const SFTP_PASSWORD_VARIABLE = 'FAULTS_PARTNER_SFTP_PASSWORD';
// Posts to the intake route at a time, as a partner's ERP sending a backlog might.
const INTAKE_POSTS_AT_ONCE = 8;

/** One inbound file: one interchange (ISA13 = its number) of one or several purchase orders. */
export interface InboundFile {
  name: string;
  content: string;
  interchange: number;
  poNumbers: string[];
}

/** A file our gateway delivered to the partner, as the partner holds it. */
export interface ReceivedFile {
  name: string;
  content: string;
}

/** What the partner holds of our deliveries. */
export interface PartnerCopy {
  /** One per file name, the first copy that came. */
  files: ReceivedFile[];
  /** Copies of a file name the partner had, with other bytes: a duplicate no key can drop. */
  conflicts: number;
  notes: string[];
}

/** A partner endpoint our 997s and 855s are posted to (`transport: { type: http }`). */
export interface PartnerEndpoint {
  readonly url: string;
  /** The bearer token it expects. */
  readonly token: string;
  copy(): PartnerCopy;
}

/** A partner's SFTP server we poll and deliver to (`transport: { type: sftp }`), on loopback. */
export interface PartnerSftp {
  readonly host: string;
  readonly port: number;
  /** `SHA256:` fingerprint of its host key, pinned in the partner file. */
  readonly hostKey: string;
  readonly username: string;
  readonly password: string;
  /** Folders as the partner file names them (relative to the login's home). */
  readonly inbox: string;
  readonly outbox: string;
  /** Puts the files into the remote inbox as the partner would. */
  drop(files: readonly InboundFile[]): Promise<void>;
  /** The finished files in the remote outbox; temporary uploads left there are noted. */
  copy(): Promise<PartnerCopy>;
}

export interface WorldOptions {
  /**
   * The partner's transport becomes `http` to this endpoint; its files then come in through the
   * intake route (`POST /api/partners/:id/transmissions`) with a partner API key, as a partner on
   * HTTP has no inbox to poll. Without it, the partner is a folder partner.
   */
  endpoint?: PartnerEndpoint;
  /** The partner's transport becomes `sftp` to this server, whose inbox holds its files. */
  sftp?: PartnerSftp;
  /**
   * Files of this many purchase orders each (one interchange a file; the last one may have fewer
   * when `totalOrders` does not divide), instead of every third file four and the others one.
   */
  layout?: OrderLayout;
}

/** Purchase orders in all, and how many go into each file. */
export interface OrderLayout {
  totalOrders: number;
  ordersPerFile: number;
}

/**
 * What a fault scenario runs in: a PostgreSQL schema with the partner's catalog, prices and stock,
 * a queue prefix, the partner's folders with its inbound files, and a store the scenario reads
 * the outcome from. The gateway's processes get their whole configuration from {@link env}.
 */
export interface FaultWorld {
  readonly schema: string;
  readonly prefix: string;
  readonly folders: GatewayFolders;
  readonly store: OpenedStore;
  readonly files: readonly InboundFile[];
  /** Every PO number the files carry. */
  readonly poNumbers: readonly string[];
  /** The `application_name` of the gateway's database connections (PGAPPNAME). */
  readonly applicationName: string;
  /**
   * Writes the files into the partner's inbox, or, with an endpoint, posts them to the intake
   * route of the `serve` started last (`Idempotency-Key` = file name).
   */
  dropFiles(): Promise<void>;
  /** What the partner holds: the outbox folder, or what the endpoint kept. */
  received(): Promise<PartnerCopy>;
  /** Starts `edi-gateway serve` (listening on loopback) or `worker` against `redisUrl`. */
  start(command: 'serve' | 'worker', redisUrl: string): Promise<GatewayProcess>;
  /** SQL on the world's schema (`$schema` is replaced); rows as the driver gives them. */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  dispose(): Promise<void>;
}

/**
 * The inbound files of a scenario: every third file an interchange of four purchase orders, the
 * others a single one, or with a `layout` its count of orders in files of its size; all of them
 * acceptable (items, prices, stock, delivery date).
 */
export function inboundFiles(count: number, layout?: OrderLayout): InboundFile[] {
  const inAMonth = new Date(Date.now() + 30 * 24 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  const files: InboundFile[] = [];
  for (let i = 1, firstOrder = 1; i <= count; i++) {
    const orders =
      layout === undefined
        ? i % 3 === 0
          ? 4
          : 1
        : Math.min(layout.ordersPerFile, layout.totalOrders - firstOrder + 1);
    if (orders <= 0) break;
    const content = purchaseOrderInterchange({
      controlNumber: i,
      firstOrder,
      orders,
      sender: 'ACMERETAIL',
      receiver: 'OURGATEWAY',
      deliveryDate: inAMonth,
    });
    const poNumbers = Array.from(
      { length: orders },
      (_, k) => `PO${String(firstOrder + k).padStart(9, '0')}`,
    );
    files.push({ name: `po-${String(i).padStart(4, '0')}.x12`, content, interchange: i, poNumbers });
    firstOrder += orders;
  }
  return files;
}

/**
 * Prepares a world of `fileCount` inbound files (with a `layout`, as many as its orders fill).
 *
 * @example
 * const world = await prepareWorld(300);
 * const serve = await world.start('serve', redis.url);
 */
export async function prepareWorld(fileCount: number, options: WorldOptions = {}): Promise<FaultWorld> {
  const { endpoint, sftp, layout } = options;
  const files = inboundFiles(fileCount, layout);
  const poNumbers = files.flatMap((file) => file.poNumbers);
  const folders = await makeGatewayFolders();
  await writeFile(
    join(folders.partnersDir, `${PARTNER_ID}.yaml`),
    partnerYaml(folders.inbox, folders.outbox, {
      business: {
        priceList: PRICE_LIST,
        allocation: { strategy: 'single-location-first', locations: [LOCATION] },
      },
      transport: partnerTransport(folders, endpoint, sftp),
    }),
  );
  const schema = randomSchemaName('faults');
  const store = await openPostgresStore(schema, { poolSize: 4 });
  const repositories = createRepositories(store.orm);
  const seed = masterDataFor(poNumbers.length, { priceListId: PRICE_LIST, locationId: LOCATION });
  await repositories.catalog.upsertItems(seed.catalog);
  await repositories.priceLists.upsertEntries(seed.priceList.id, seed.priceList.entries);
  await repositories.inventory.upsertLevels(seed.inventory);
  const keyParts = newApiKeyParts();
  await repositories.apiKeys.create({
    id: keyParts.id,
    name: 'acme ERP (faults)',
    role: 'partner',
    partnerId: PARTNER_ID,
    secretHash: hashSecret(keyParts.secret),
  });
  let serveUrl: string | undefined;
  const prefix = `{edi-faults-${randomBytes(6).toString('hex')}}`;
  const applicationName = `edi-faults-${schema}`;
  return {
    schema,
    prefix,
    folders,
    store,
    files,
    poNumbers,
    applicationName,
    dropFiles: async () => {
      if (sftp !== undefined) {
        await sftp.drop(files);
        return;
      }
      if (endpoint === undefined) {
        await Promise.all(files.map((file) => writeFile(join(folders.inbox, file.name), file.content)));
        return;
      }
      if (serveUrl === undefined) throw new Error('start serve before posting the files');
      await postToIntake(
        `${serveUrl}/api/partners/${PARTNER_ID}/transmissions`,
        formatApiKey(keyParts),
        files,
      );
    },
    received: async () =>
      (await sftp?.copy()) ??
      endpoint?.copy() ?? { files: await outboxFiles(folders.outbox), conflicts: 0, notes: [] },
    start: async (command, redisUrl) => {
      const env: Record<string, string> = {
        DATABASE_URL: TEST_DATABASE_URL,
        DATABASE_SCHEMA: schema,
        PGAPPNAME: applicationName,
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: prefix,
        PARTNERS_DIR: folders.partnersDir,
        DATA_DIR: folders.dataDir,
        // A dead worker's jobs come back once their lock lapses: seconds here, not BullMQ's 30 s.
        QUEUE_LOCK_MS: '4000',
        QUEUE_STALLED_CHECK_MS: '1000',
        RECOVERY_SWEEP_MS: '1000',
        RECOVERY_AFTER_MS: '3000',
        ...(endpoint === undefined ? {} : { [TOKEN_VARIABLE]: endpoint.token }),
        ...(sftp === undefined ? {} : { [SFTP_PASSWORD_VARIABLE]: sftp.password }),
      };
      if (command === 'serve') {
        const port = await freePort();
        const gateway = spawnGateway(['serve'], { ...env, HOST: '127.0.0.1', PORT: String(port) });
        await gateway.line(/^schedulers: /, 60_000);
        serveUrl = `http://127.0.0.1:${port}`;
        return gateway;
      }
      const gateway = spawnGateway(['worker'], env);
      await gateway.line(/^workers: /, 60_000);
      return gateway;
    },
    query: async <T>(sql: string, params: unknown[] = []) =>
      (await store.orm.em
        .getConnection()
        .execute(sql.replaceAll('$schema', `"${schema}"`), params, 'all')) as T[],
    dispose: async () => {
      await dropSchemaAndClose(store);
      await rm(folders.root, { recursive: true, force: true });
    },
  };
}

/** The partner file's `transport`: its folders, its endpoint or its SFTP server. */
function partnerTransport(
  folders: GatewayFolders,
  endpoint: PartnerEndpoint | undefined,
  sftp: PartnerSftp | undefined,
): Record<string, unknown> {
  if (sftp !== undefined) {
    const { host, port, username, hostKey, inbox, outbox } = sftp;
    return {
      type: 'sftp',
      host,
      port,
      username,
      password: { env: SFTP_PASSWORD_VARIABLE },
      hostKey,
      inbox,
      outbox,
      // The partner uploads under `.part` and renames: a finished name is taken at the next poll.
      completion: 'rename',
      pollSeconds: 5,
    };
  }
  if (endpoint !== undefined) {
    return { type: 'http', url: endpoint.url, auth: { env: TOKEN_VARIABLE }, timeoutSeconds: 5 };
  }
  return { type: 'folder', inbox: folders.inbox, outbox: folders.outbox, pollSeconds: 5 };
}

/** Posts the files as the partner's ERP would, a few at a time; anything but 202 is a broken world. */
async function postToIntake(url: string, apiKey: string, files: readonly InboundFile[]): Promise<void> {
  const waiting = [...files];
  const post = async () => {
    for (let file = waiting.shift(); file !== undefined; file = waiting.shift()) {
      const answer = await fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${apiKey}`,
          'content-type': 'application/edi-x12',
          'idempotency-key': file.name,
        },
        body: file.content,
      });
      const text = await answer.text();
      if (answer.status !== 202) throw new Error(`posting ${file.name}: ${answer.status} ${text}`);
    }
  };
  await Promise.all(Array.from({ length: INTAKE_POSTS_AT_ONCE }, post));
}

async function outboxFiles(outbox: string): Promise<ReceivedFile[]> {
  const names = (await readdir(outbox)).filter((name) => !name.startsWith('.')).sort();
  return Promise.all(
    names.map(async (name) => ({ name, content: await readFile(join(outbox, name), 'utf8') })),
  );
}
