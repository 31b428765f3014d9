import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import { loadConfig, type GatewayConfig } from '../config/index.js';
import { defaultMappingsDir } from '../mapping/index.js';
import {
  createGatewayMetrics,
  createLogger,
  type GatewayMetrics,
  type Logger,
} from '../observability/index.js';
import { PartnerRegistry } from '../partners/index.js';
import { as2CertificateFiles, certificateNotices } from '../transports/as2/index.js';
import {
  startPipeline,
  unsupportedSettings,
  type PartnerTransports,
  type Pipeline,
} from '../pipeline/index.js';
import { createRepositories, openStore, type OpenedStore, type Repositories } from '../store/index.js';
import { CliError } from './cli-error.js';
import type { CliOutput } from './output.js';

export { osUserName } from './os-user-name.js';

/** How long Redis has to answer at start before the command gives up. */
const REDIS_CHECK_MS = 3_000;

/**
 * A URL fit for a log line: the password, if any, replaced by `***`.
 *
 * @example
 * redactUrl('redis://:s3cret@cache:6379'); // 'redis://:***@cache:6379'
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

/** Which database the configuration points at, in words for a log line. */
export function describeDatabase(
  config: Pick<GatewayConfig, 'DATABASE_URL' | 'DATABASE_SCHEMA' | 'DATA_DIR'>,
): string {
  if (config.DATABASE_URL === undefined) return `embedded database ${resolve(config.DATA_DIR, 'gateway.db')}`;
  const schema = config.DATABASE_SCHEMA === undefined ? '' : ` (schema ${config.DATABASE_SCHEMA})`;
  return `PostgreSQL at ${redactUrl(config.DATABASE_URL)}${schema}`;
}

/**
 * Opens (and migrates) the configured database; a failure becomes one line naming it.
 *
 * @example
 * const store = await openConfiguredStore(loadConfig(process.env));
 */
export async function openConfiguredStore(
  config: GatewayConfig,
  options: { existing?: boolean } = {},
): Promise<OpenedStore> {
  if (options.existing === true) refuseMissingEmbedded(config);
  try {
    return await openStore(
      config,
      config.DATABASE_SCHEMA === undefined ? {} : { schema: config.DATABASE_SCHEMA },
    );
  } catch (error) {
    throw new CliError(`${describeDatabase(config)} cannot be opened: ${oneLine(error)}`);
  }
}

/**
 * Support commands work on the gateway's data: run from another folder, they must not quietly
 * create an empty embedded database and report that nothing is there.
 */
function refuseMissingEmbedded(config: GatewayConfig): void {
  if (config.DATABASE_URL !== undefined) return;
  const file = resolve(config.DATA_DIR, 'gateway.db');
  if (existsSync(file)) return;
  throw new CliError(
    `no gateway database at ${file}: run this where the gateway runs, or set DATA_DIR (or DATABASE_URL) to its database`,
  );
}

/**
 * Fails with one line naming the URL when Redis does not answer PING within a few seconds.
 * Without it the workers would wait for Redis forever, silently. Returns the warnings about its
 * settings (see {@link redisSettingWarnings}).
 *
 * @example
 * for (const warning of await checkRedis(config.REDIS_URL)) say(`warning: ${warning}`);
 */
export async function checkRedis(url: string, timeoutMs = REDIS_CHECK_MS): Promise<string[]> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // The event carries the cause (ECONNREFUSED...); the rejected connect only says "closed".
  let cause: unknown;
  redis.on('error', (error) => (cause ??= error));
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([redis.connect().then(() => redis.ping()), timeout]);
    return redisSettingWarnings(await Promise.race([readRedisSettings(redis), timeout]));
  } catch (error) {
    throw new CliError(
      `Redis at ${redactUrl(url)} does not answer: ${oneLine(cause ?? error)} (set REDIS_URL)`,
    );
  } finally {
    clearTimeout(timer);
    redis.disconnect();
  }
}

/** The Redis settings the queues depend on, or why they could not be read. */
export type RedisSettings =
  { maxmemoryPolicy: string; appendonly: string; appendfsync: string } | { refused: string };

async function readRedisSettings(redis: Redis): Promise<RedisSettings> {
  try {
    const read = async (name: string) => ((await redis.config('GET', name)) as string[])[1] ?? '';
    return {
      maxmemoryPolicy: await read('maxmemory-policy'),
      appendonly: await read('appendonly'),
      appendfsync: await read('appendfsync'),
    };
  } catch (error) {
    // Managed Redis services often refuse CONFIG.
    return { refused: oneLine(error) };
  }
}

/**
 * What to warn about in Redis's settings at start. BullMQ needs `maxmemory-policy noeviction`:
 * under any other policy Redis may drop queued jobs when memory runs short. Without an append-only
 * file (`appendonly yes`, `appendfsync everysec` recommended) a restart of Redis loses every
 * queued job. The database keeps the work either way, but jobs lost are only queued again by the
 * sweeps, late.
 *
 * @example
 * redisSettingWarnings({ maxmemoryPolicy: 'noeviction', appendonly: 'yes', appendfsync: 'everysec' }); // []
 */
export function redisSettingWarnings(settings: RedisSettings): string[] {
  if ('refused' in settings)
    return [
      `cannot read the Redis settings (${settings.refused}): make sure maxmemory-policy is noeviction and appendonly is yes`,
    ];
  const warnings: string[] = [];
  if (settings.maxmemoryPolicy !== 'noeviction')
    warnings.push(
      `Redis maxmemory-policy is ${settings.maxmemoryPolicy || 'unset'}: BullMQ needs noeviction, or Redis may drop queued jobs when memory runs short`,
    );
  if (settings.appendonly !== 'yes')
    warnings.push(
      'Redis keeps no append-only file (appendonly no): a restart of Redis loses the queued jobs; appendonly yes with appendfsync everysec is recommended',
    );
  else if (settings.appendfsync === 'no')
    warnings.push(
      'Redis appendfsync is no: a crash of its machine may lose recent jobs; everysec is recommended',
    );
  return warnings;
}

/**
 * How long a job's lock lasts and how often lapsed ones are looked for, where the configuration
 * sets them (QUEUE_LOCK_MS, QUEUE_STALLED_CHECK_MS); the pipeline's defaults otherwise.
 *
 * @example
 * startPipeline({ ...options, ...jobLockOptions(config) });
 */
export function jobLockOptions(config: Pick<GatewayConfig, 'QUEUE_LOCK_MS' | 'QUEUE_STALLED_CHECK_MS'>): {
  lockDurationMs?: number;
  stalledIntervalMs?: number;
} {
  return {
    ...(config.QUEUE_LOCK_MS === undefined ? {} : { lockDurationMs: config.QUEUE_LOCK_MS }),
    ...(config.QUEUE_STALLED_CHECK_MS === undefined
      ? {}
      : { stalledIntervalMs: config.QUEUE_STALLED_CHECK_MS }),
  };
}

/** The partners in PARTNERS_DIR; none when the folder does not exist. A bad file stops the command. */
export function loadPartnerRegistry(
  config: Pick<GatewayConfig, 'PARTNERS_DIR'>,
  mappingsDir: string,
): PartnerRegistry {
  return existsSync(config.PARTNERS_DIR)
    ? PartnerRegistry.fromDirectory(config.PARTNERS_DIR, { mappingsDir })
    : new PartnerRegistry([]);
}

/**
 * Stops the command when an enabled partner asks for something the gateway cannot do yet (an
 * AS2 transport, a marketplace account), naming each partner and setting: a partner that looks
 * served but is not would lose its files silently.
 */
export function refuseUnsupported(partners: PartnerRegistry): void {
  const problems = partners
    .all()
    .filter((partner) => partner.enabled)
    .flatMap((partner) => unsupportedSettings(partner))
    .map((setting) => `partner ${setting.partnerId}: ${setting.pointer} ${setting.message}`);
  if (problems.length > 0) throw new CliError(problems.join('\n'));
}

/**
 * Checks the certificates of every enabled AS2 partner at start. A file that cannot be read or
 * is no certificate stops the command (every message of that partner would fail); one that has
 * expired, is not valid yet or expires within 30 days is printed and logged, and the gateway
 * starts: the other partners are served, and a rollover list may hold an old certificate on
 * purpose.
 *
 * @example
 * checkCertificates(partners, say, logger, new Date());
 */
export function checkCertificates(
  partners: PartnerRegistry,
  say: (line: string) => void,
  logger: Logger,
  now: Date,
): void {
  const unusable: string[] = [];
  for (const partner of partners.all()) {
    if (!partner.enabled || partner.kind !== 'x12' || partner.transport.type !== 'as2') continue;
    for (const notice of certificateNotices(as2CertificateFiles(partner.transport), now)) {
      const line = `partner ${partner.id}: ${notice.pointer} ${notice.message}`;
      if (notice.kind === 'unusable') {
        unusable.push(line);
      } else if (notice.severity === 'warning') {
        say(`certificates: warning: ${line}`);
        logger.warn({ step: 'certificates', partnerId: partner.id, pointer: notice.pointer }, line);
      } else {
        say(`certificates: error: ${line}`);
        logger.error({ step: 'certificates', partnerId: partner.id, pointer: notice.pointer }, line);
      }
    }
  }
  if (unusable.length > 0) throw new CliError(unusable.join('\n'));
}

/** How often a process started through npm looks whether its launcher is still there. */
const LAUNCHER_CHECK_MS = 1_000;

/**
 * Resolves on the first SIGINT or SIGTERM (a second one ends the process at once, Node's
 * default), with the signal's name. Started through npm (`npx edi-gateway serve`, `npm run`),
 * it also resolves when the launcher goes away: npm does not pass a SIGTERM on to the command it
 * runs, which would otherwise go on as an orphan holding its port.
 *
 * @example
 * const stopped = nextStopSignal();
 * say(`stopping (${await stopped})`);
 */
export function nextStopSignal(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve) => {
    const launcher = process.ppid;
    const watch =
      env['npm_command'] === undefined
        ? undefined
        : setInterval(() => {
            if (process.ppid !== launcher) stop('its npm launcher exited');
          }, LAUNCHER_CHECK_MS).unref();
    function stop(reason: string): void {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      clearInterval(watch);
      resolve(reason);
    }
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** An error's message on one line, as the CLI prints it. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * Starts a component once the store is open; if it cannot start (a refused QUEUE_PREFIX), the
 * store is closed before the error goes up, so the process can end.
 */
export async function startOrClose<T>(store: OpenedStore, start: () => T): Promise<T> {
  try {
    return start();
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** What `serve` and `worker` both run: the partners, the store and the queue workers. */
export interface RunningWorkers {
  config: GatewayConfig;
  mappingsDir: string;
  partners: PartnerRegistry;
  store: OpenedStore;
  repositories: Repositories;
  pipeline: Pipeline;
  /** JSON lines on stderr at LOG_LEVEL. */
  logger: Logger;
  metrics: GatewayMetrics;
}

/**
 * Loads the configuration and partners, checks Redis, opens the store and starts the workers,
 * printing one line per component. Partner files are checked first: a bad one stops the command
 * with every problem listed. `notes` prints lines of the caller's own after the store's.
 *
 * @example
 * const { pipeline, store } = await startWorkers(output, { transports });
 */
export async function startWorkers(
  output: CliOutput,
  options: { transports?: PartnerTransports; notes?: (config: GatewayConfig) => void } = {},
): Promise<RunningWorkers> {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.LOG_LEVEL });
  const say = (line: string) => output.out(`${line}\n`);
  const mappingsDir = defaultMappingsDir();
  const partners = loadPartnerRegistry(config, mappingsDir);
  refuseUnsupported(partners);
  checkCertificates(partners, say, logger, new Date());
  const redisWarnings = await checkRedis(config.REDIS_URL);
  const store = await openConfiguredStore(config);
  // Logged once both answered: a start that fails says so in one line, not after a log of steps.
  logger.info(
    { step: 'redis', redis: redactUrl(config.REDIS_URL) },
    `Redis at ${redactUrl(config.REDIS_URL)} answers`,
  );
  logger.info({ step: 'database', dialect: store.dialect }, `database opened: ${describeDatabase(config)}`);
  await logMigrations(store, logger);
  say(`store: ${describeDatabase(config)}`);
  for (const warning of redisWarnings) {
    say(`warning: ${warning}`);
    logger.warn({ step: 'redis' }, warning);
  }
  options.notes?.(config);
  say(`partners: ${partners.all().length} from ${config.PARTNERS_DIR}`);
  logger.info(
    { step: 'partners', count: partners.all().length, dir: config.PARTNERS_DIR },
    `partners loaded: ${partners.all().length} from ${config.PARTNERS_DIR}`,
  );
  const repositories = createRepositories(store.orm);
  const metrics = createGatewayMetrics({ stats: repositories.stats, logger });
  const pipeline = await startOrClose(store, () =>
    startPipeline({
      redisUrl: config.REDIS_URL,
      prefix: config.QUEUE_PREFIX,
      repositories,
      partners,
      mappingsDir,
      ...(options.transports === undefined ? {} : { transports: options.transports }),
      ...jobLockOptions(config),
      logger,
      metrics,
      log: say,
    }),
  );
  const workers = `inbound, documents, outbound on ${redactUrl(config.REDIS_URL)} (queue prefix ${config.QUEUE_PREFIX})`;
  say(`workers: ${workers}`);
  logger.info({ step: 'workers', prefix: config.QUEUE_PREFIX }, `workers started: ${workers}`);
  return { config, mappingsDir, partners, store, repositories, pipeline, logger, metrics };
}

/** Which migrations the database has run; `openStore` has just applied the missing ones. */
async function logMigrations(store: OpenedStore, logger: Logger): Promise<void> {
  try {
    const executed = await store.orm.getMigrator().getExecutedMigrations();
    const last = executed.at(-1)?.name ?? 'none';
    logger.info(
      { step: 'migrations', executed: executed.length, last },
      `migrations: ${executed.length} applied, the last ${last}`,
    );
  } catch (error) {
    // Only a log line depends on it; the store was opened and migrated.
    logger.warn({ step: 'migrations', err: error }, `migrations could not be listed: ${oneLine(error)}`);
  }
}
