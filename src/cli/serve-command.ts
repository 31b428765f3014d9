import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkIntakeSettings, startServer } from '../api/index.js';
import { computeKpis } from '../kpis/index.js';
import {
  createPartnerTransports,
  flagDueMarketplaceAcks,
  preparePartnerFolders,
  startSchedulers,
} from '../pipeline/index.js';
import { CliError } from './cli-error.js';
import { nextStopSignal, oneLine, startWorkers } from './gateway-runtime.js';
import type { CliOutput } from './output.js';
import type { As2SentMessages } from '../transports/as2/index.js';

/**
 * `edi-gateway serve`: the whole gateway in one process. Starts, printing one line per component:
 * the database (PostgreSQL at DATABASE_URL, else the embedded file under DATA_DIR), the partners,
 * the workers on REDIS_URL, the HTTP API on PORT, and the schedulers (folder polls, the recovery
 * sweep of work whose job Redis lost, every RECOVERY_SWEEP_MS; overdue acknowledgements). Redis or
 * the database not answering stops it at once with one line. SIGINT/SIGTERM stop intake first (schedulers), then HTTP, then let running jobs
 * finish, then close the database; a second signal ends the process at once.
 *
 * @example
 * PORT=9000 DATABASE_URL=postgres://edi@db/edi edi-gateway serve
 */
export async function serveCommand(output: CliOutput): Promise<number> {
  const say = (line: string) => output.out(`${line}\n`);
  // The store opens after the transports are made: AS2 transports find it here when first opened.
  const opened: { as2Messages?: As2SentMessages } = {};
  const transports = createPartnerTransports({ as2Messages: () => opened.as2Messages });
  // Listened for from the start: a signal while the gateway is still starting (schedulers are
  // written to Redis after the HTTP server listens) must stop it cleanly, not kill it.
  const stopSignal = nextStopSignal();
  const { config, mappingsDir, partners, store, repositories, pipeline, logger, metrics } =
    await startWorkers(output, { transports });
  opened.as2Messages = repositories.as2Messages;
  const closeWorkers = async () => {
    await pipeline.close();
    await transports.close();
    await store.close();
  };

  const intakeProblems = checkIntakeSettings(partners, config);
  if (intakeProblems.length > 0) {
    await closeWorkers();
    throw new CliError(intakeProblems.join('\n'));
  }

  let server: Server;
  try {
    server = await startServer(config, config.HOST, {
      mappingsDir,
      partners,
      logger,
      metrics,
      services: { repositories, partners, queues: pipeline.queues, mappingsDir, logger, metrics },
      kpis: (query) => computeKpis(query, { orm: store.orm }),
    });
  } catch (error) {
    await closeWorkers();
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'EADDRINUSE'
        ? `port ${config.PORT} is already in use on ${config.HOST} (set PORT or HOST)`
        : `cannot listen on ${config.HOST} port ${config.PORT}: ${oneLine(error)}`,
    );
  }
  const { port } = server.address() as AddressInfo;
  const scheme = config.TLS_CERT_FILE === undefined ? 'http' : 'https';
  const url = `${scheme}://${urlHost(config.HOST)}:${port}`;
  say(`edi-gateway listening on ${url}`);
  say(reachFrom(config.HOST));
  logger.info({ step: 'http', host: config.HOST, port, scheme }, `HTTP listening on ${url}`);

  const folders = await preparePartnerFolders(partners, config.DATA_DIR);
  for (const line of [...folders.created, ...folders.removed]) say(`folders: ${line}`);
  const schedulers = await startSchedulers({
    partners,
    repositories,
    queues: pipeline.queues,
    ...(config.RECOVERY_SWEEP_MS === undefined ? {} : { recoveryIntervalMs: config.RECOVERY_SWEEP_MS }),
    ...(config.RECOVERY_AFTER_MS === undefined ? {} : { recoveryAfterMs: config.RECOVERY_AFTER_MS }),
    overdueAcks: { repositories },
    logger,
    log: say,
    extraTasks: [
      {
        name: 'marketplace acknowledgement deadlines',
        intervalMs: 5 * 60_000,
        run: async (now) => {
          const raised = await flagDueMarketplaceAcks({ partners, repositories }, now);
          if (raised.length > 0)
            say(`marketplace: ${raised.length} order(s) near their acknowledgement deadline`);
        },
      },
    ],
  });
  say(`schedulers: ${schedulers.tasks.join(', ')}`);
  logger.info({ step: 'schedulers', tasks: schedulers.tasks }, `schedulers: ${schedulers.tasks.join(', ')}`);
  for (const line of schedulers.skipped) say(`schedulers: ${line}`);

  const signal = await stopSignal;
  say(`edi-gateway stopping (${signal})`);
  logger.info({ step: 'stopping', signal }, `edi-gateway stopping (${signal})`);
  await schedulers.close();
  await pipeline.stopPolls();
  say('schedulers stopped');
  await closeServer(server);
  say('http stopped');
  await pipeline.close();
  await transports.close();
  say('workers stopped');
  await store.close();
  say('store closed');
  logger.info({ step: 'stopped' }, 'edi-gateway stopped');
  return 0;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error === undefined ? resolve() : reject(error)));
    // Idle keep-alive connections would hold close() open until they time out.
    server.closeIdleConnections();
  });
}

const EVERY_INTERFACE = new Set(['0.0.0.0', '::']);
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** The host to print in the API's address: `localhost` when that reaches it. */
function urlHost(host: string): string {
  if (EVERY_INTERFACE.has(host) || LOOPBACK.has(host)) return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** Who can reach the API, said once at start, since exposing it is a choice to make knowingly. */
function reachFrom(host: string): string {
  if (EVERY_INTERFACE.has(host))
    return `HOST=${host}: the API takes connections on every interface; set HOST=127.0.0.1 to take them from this machine only`;
  if (LOOPBACK.has(host)) return `HOST=${host}: the API takes connections from this machine only`;
  return `HOST=${host}: the API takes connections on ${host} only`;
}
