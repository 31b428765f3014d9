import type { RequestHandler } from 'express';
import type { PipelineQueues, WorkerDeps } from '../pipeline/index.js';

/** How long each dependency has to answer before the gateway counts as not ready. */
export const READINESS_TIMEOUT_MS = 2_000;

// A primary-key lookup of an id no transmission has: it touches the database, costs nothing
// however many rows there are, and needs no statement the store's port does not already have.
const NO_SUCH_TRANSMISSION = '00000000-0000-0000-0000-000000000000';

/**
 * `GET /readyz`: 200 `{ status: 'ready' }` when the database answers a trivial query and Redis
 * answers PING, each within `timeoutMs`; otherwise 503 `{ status: 'not-ready', failed, checks }`
 * naming what did not answer and why, so a load balancer stops sending work here while either
 * is away.
 *
 * Without `services` (an app serving only the stateless X12 endpoints) the answer is 503
 * `{ status: 'not-configured' }`: there is no database or queue to vouch for, and a process that
 * cannot take a transmission must not be counted among those that can. `/healthz` still says
 * whether it lives.
 *
 * @example
 * app.get('/readyz', readiness(services));
 */
export function readiness(
  services: WorkerDeps<PipelineQueues> | undefined,
  timeoutMs = READINESS_TIMEOUT_MS,
): RequestHandler {
  return async (_req, res) => {
    if (services === undefined) {
      res.status(503).json({
        status: 'not-configured',
        message: 'this process serves no database or queues (started without services)',
      });
      return;
    }
    const [database, redis] = await Promise.all([
      probe('database', timeoutMs, () => services.repositories.transmissions.get(NO_SUCH_TRANSMISSION)),
      probe('Redis', timeoutMs, async () => ping(await services.queues.inbound.client)),
    ]);
    const checks = { database, redis };
    const failed = Object.entries(checks)
      .filter(([, outcome]) => outcome !== 'ok')
      .map(([name]) => name);
    if (failed.length === 0) res.json({ status: 'ready' });
    else res.status(503).json({ status: 'not-ready', failed, checks });
  };
}

/** 'ok', or why the dependency did not answer in time. */
async function probe(what: string, timeoutMs: number, check: () => Promise<unknown>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`${what} did not answer within ${timeoutMs} ms`), timeoutMs);
  });
  try {
    return await Promise.race([
      check().then(
        () => 'ok',
        (error: unknown) => `${what} failed: ${error instanceof Error ? error.message : String(error)}`,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * BullMQ's client interface leaves PING out, but the ioredis client behind it answers it; a
 * client without it (another adapter) is asked for INFO, just as cheap.
 */
function ping(client: { info(): Promise<string> } & { ping?: () => Promise<string> }): Promise<string> {
  return typeof client.ping === 'function' ? client.ping() : client.info();
}
