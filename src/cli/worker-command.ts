import { nextStopSignal, startWorkers } from './gateway-runtime.js';
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
  const say = (line: string) => output.out(`${line}\n`);
  // Listened for from the start: a signal while the gateway is still starting (schedulers are
  // written to Redis after the HTTP server listens) must stop it cleanly, not kill it.
  const stopSignal = nextStopSignal();
  const { pipeline, store, logger } = await startWorkers(output, {
    notes: (config) => {
      if (config.DATABASE_URL !== undefined) return;
      output.err(
        'warning: the embedded database serves one process; set DATABASE_URL to run several workers\n',
      );
    },
  });

  const signal = await stopSignal;
  say(`edi-gateway worker stopping (${signal})`);
  logger.info({ step: 'stopping', signal }, `edi-gateway worker stopping (${signal})`);
  await pipeline.close();
  say('workers stopped');
  await store.close();
  say('store closed');
  logger.info({ step: 'stopped' }, 'edi-gateway worker stopped');
  return 0;
}
