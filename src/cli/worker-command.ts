import { loadConfig } from '../config/env.js';
import { defaultMappingsDir } from '../mapping/index.js';
import { startPipeline } from '../pipeline/index.js';
import { createRepositories } from '../store/index.js';
import {
  checkRedis,
  describeDatabase,
  jobLockOptions,
  loadPartnerRegistry,
  nextStopSignal,
  oneLine,
  openConfiguredStore,
  startOrClose,
  redactUrl,
} from './gateway-runtime.js';
import type { CliOutput } from './output.js';

/**
 * `edi-gateway worker`: the pipeline's workers alone, without HTTP or schedulers, so that any
 * number of processes share the work of one gateway through the same database and Redis. That
 * takes PostgreSQL (DATABASE_URL): the embedded database is a file for one process. SIGINT/SIGTERM
 * let running jobs finish, then close.
 *
 * @example
 * DATABASE_URL=postgres://edi@db/edi REDIS_URL=redis://cache:6379 edi-gateway worker
 */
export async function workerCommand(output: CliOutput): Promise<number> {
  const config = loadConfig(process.env);
  const say = (line: string) => output.out(`${line}\n`);
  const mappingsDir = defaultMappingsDir();
  const partners = loadPartnerRegistry(config, mappingsDir);
  await checkRedis(config.REDIS_URL);
  const store = await openConfiguredStore(config);
  say(`store: ${describeDatabase(config)}`);
  if (config.DATABASE_URL === undefined) {
    output.err(
      'warning: the embedded database serves one process; set DATABASE_URL to run several workers\n',
    );
  }
  say(`partners: ${partners.all().length} from ${config.PARTNERS_DIR}`);
  const pipeline = await startOrClose(store, () =>
    startPipeline({
      redisUrl: config.REDIS_URL,
      prefix: config.QUEUE_PREFIX,
      repositories: createRepositories(store.orm),
      partners,
      mappingsDir,
      ...jobLockOptions(config),
      onError: (error) => output.err(`workers: ${oneLine(error)}\n`),
    }),
  );
  say(
    `workers: inbound, documents, outbound on ${redactUrl(config.REDIS_URL)} (queue prefix ${config.QUEUE_PREFIX})`,
  );

  const signal = await nextStopSignal();
  say(`edi-gateway worker stopping (${signal})`);
  await pipeline.close();
  say('workers stopped');
  await store.close();
  say('store closed');
  return 0;
}
