import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { enqueueInbound, openQueues } from '../../../src/pipeline/index.js';
import { createRepositories, type OpenedStore } from '../../../src/store/index.js';
import { REDIS_URL, waitFor } from '../pipeline/pipeline-harness.js';
import { purchaseOrder850 } from '../pipeline/sample-850.js';
import {
  dropSchemaAndClose,
  openPostgresStore,
  randomSchemaName,
  TEST_DATABASE_URL,
} from '../store/postgres-test-schema.js';
import {
  filesIn,
  freePort,
  makeGatewayFolders,
  randomQueuePrefix,
  removeQueueKeys,
  spawnGateway,
  type GatewayFolders,
  type GatewayProcess,
} from './gateway-process.js';

describe('edi-gateway worker (child process)', () => {
  let worker: GatewayProcess | undefined;
  let folders: GatewayFolders | undefined;
  let store: OpenedStore | undefined;
  let prefix: string | undefined;
  afterEach(async () => {
    await worker?.stop('SIGKILL');
    if (store !== undefined) await dropSchemaAndClose(store);
    if (prefix !== undefined) await removeQueueKeys(prefix);
    if (folders !== undefined) await rm(folders.root, { recursive: true, force: true });
    worker = folders = store = prefix = undefined;
  });

  it(
    'processes jobs queued by another process, serves no HTTP, polls nothing, and stops on SIGTERM',
    { timeout: 90_000 },
    async () => {
      folders = await makeGatewayFolders();
      const schema = randomSchemaName('worker');
      prefix = randomQueuePrefix();
      worker = spawnGateway(['worker'], {
        PORT: String(await freePort()),
        DATABASE_URL: TEST_DATABASE_URL,
        DATABASE_SCHEMA: schema,
        QUEUE_PREFIX: prefix,
        PARTNERS_DIR: folders.partnersDir,
      });
      await worker.line(/^workers: inbound, documents, outbound on /, 60_000);
      // Polling is the gateway's job, not the worker's: this file must stay where it is.
      await writeFile(join(folders.inbox, 'left-alone.edi'), purchaseOrder850(700));

      // This test process plays the gateway's intake: stores the bytes and queues their id.
      store = await openPostgresStore(schema);
      const repositories = createRepositories(store.orm);
      const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
      const queues = openQueues(redis, prefix);
      try {
        const id = await repositories.transmissions.recordInbound(Buffer.from(purchaseOrder850(701)), {
          channel: 'http',
          sourceRef: 'po-701.edi',
        });
        await enqueueInbound(queues, id);
        await waitFor(
          'the transmission to be read',
          async () => ((await repositories.transmissions.get(id))?.status === 'processed' ? true : undefined),
          20_000,
        );
        const { outbox } = folders;
        await waitFor(
          'the 997 in the outbox',
          async () => ((await filesIn(outbox)).includes('997-000000001.x12') ? true : undefined),
          20_000,
        );
      } finally {
        await queues.close();
        await redis.quit();
      }
      expect(await filesIn(folders.inbox)).toEqual(['left-alone.edi']);
      expect(worker.stdout()).not.toContain('listening');

      expect(await worker.stop('SIGTERM')).toBe(0);
      expect(worker.stdout().split('\n').slice(-4)).toEqual([
        'edi-gateway worker stopping (SIGTERM)',
        'workers stopped',
        'store closed',
        '',
      ]);
    },
  );
});
