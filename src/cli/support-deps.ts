import { Redis } from 'ioredis';
import { loadConfig } from '../config/index.js';
import { defaultMappingsDir } from '../mapping/index.js';
import {
  openQueues,
  type PipelineQueues,
  type QueueingSupportDeps,
  type SupportDeps,
} from '../pipeline/index.js';
import { createRepositories } from '../store/index.js';
import { checkRedis, loadPartnerRegistry, openConfiguredStore } from './gateway-runtime.js';

/**
 * Opens the configured store (and queues when asked), runs one support operation, closes
 * everything. Shared by `transmissions` and `orders`.
 *
 * @example
 * const view = await withDeps(false, (deps) => showTransmission(id, actor, deps));
 */
export async function withDeps<T>(queueing: true, run: (deps: QueueingSupportDeps) => Promise<T>): Promise<T>;
export async function withDeps<T>(queueing: false, run: (deps: SupportDeps) => Promise<T>): Promise<T>;
export async function withDeps<T>(
  queueing: boolean,
  run: (deps: QueueingSupportDeps) => Promise<T>,
): Promise<T> {
  const config = loadConfig(process.env);
  const mappingsDir = defaultMappingsDir();
  const partners = loadPartnerRegistry(config, mappingsDir);
  if (queueing) await checkRedis(config.REDIS_URL);
  const store = await openConfiguredStore(config, { existing: true });
  let redis: Redis | undefined;
  let queues: PipelineQueues | undefined;
  try {
    if (queueing) {
      redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
      queues = openQueues(redis, config.QUEUE_PREFIX);
    }
    const deps = { repositories: createRepositories(store.orm), partners, mappingsDir };
    // Reading needs no queues: a `show` works while Redis is down. The overloads above keep a
    // caller that asked for no queues from using them.
    return await run((queues === undefined ? deps : { ...deps, queues }) as QueueingSupportDeps);
  } finally {
    await queues?.close();
    if (redis !== undefined) await redis.quit().catch(() => redis?.disconnect());
    await store.close();
  }
}
