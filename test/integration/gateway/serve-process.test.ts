import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../pipeline/pipeline-harness.js';
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
import { createRepositories } from '../../../src/store/index.js';
import { bearer, staffKeys } from '../api/staff-keys.js';

const LISTENING = /^edi-gateway listening on http:\/\/localhost:(\d+)$/;

describe('edi-gateway serve (child process)', () => {
  let gateway: GatewayProcess | undefined;
  let folders: GatewayFolders | undefined;
  let schema: string | undefined;
  let prefix: string | undefined;
  afterEach(async () => {
    await gateway?.stop('SIGKILL');
    if (schema !== undefined) await dropSchemaAndClose(await openPostgresStore(schema));
    if (prefix !== undefined) await removeQueueKeys(prefix);
    if (folders !== undefined) await rm(folders.root, { recursive: true, force: true });
    gateway = folders = schema = prefix = undefined;
  });

  it(
    'on PostgreSQL: answers /healthz and /readyz, turns a file dropped in the inbox into a 997 in the outbox, stops cleanly on SIGTERM',
    { timeout: 90_000 },
    async () => {
      folders = await makeGatewayFolders();
      schema = randomSchemaName('serve');
      prefix = randomQueuePrefix();
      gateway = spawnGateway(['serve'], {
        PORT: String(await freePort()),
        HOST: '127.0.0.1',
        DATABASE_URL: TEST_DATABASE_URL,
        DATABASE_SCHEMA: schema,
        QUEUE_PREFIX: prefix,
        PARTNERS_DIR: folders.partnersDir,
        DATA_DIR: folders.dataDir,
      });
      const [, port] = await gateway.line(LISTENING, 60_000);
      await gateway.line(/^HOST=127\.0\.0\.1: the API takes connections from this machine only$/);
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });
      await gateway.line(/^schedulers: poll acme-retail, recovery sweep/);
      expect(gateway.stdout()).toContain(`store: PostgreSQL at ${TEST_DATABASE_URL} (schema ${schema})\n`);
      expect(gateway.stdout()).toContain(`partners: 1 from ${folders.partnersDir}\n`);
      expect(gateway.stdout()).toContain(`(queue prefix ${prefix})\n`);

      await writeFile(join(folders.inbox, 'po-601.edi'), purchaseOrder850(601));
      const { outbox, inbox } = folders;
      // Two polls 5 s apart see the file unchanged before it counts as complete.
      await waitFor(
        'the 997 in the outbox',
        async () => ((await filesIn(outbox)).includes('997-000000001.x12') ? true : undefined),
        30_000,
      );
      expect(await filesIn(inbox)).toEqual([]);
      // A key as staff would issue it, on the gateway's own database.
      const store = await openPostgresStore(schema);
      const key = await staffKeys(createRepositories(store.orm))('support', 'viewer').finally(() =>
        store.close(),
      );
      const page = (await (await fetch(`${base}/api/transmissions`, { headers: bearer(key) })).json()) as {
        transmissions: { direction: string; status: string; sourceRef: string; sourcePath: string }[];
      };
      const { transmissions } = page;
      expect(transmissions.find((t) => t.direction === 'inbound')).toMatchObject({
        status: 'processed',
        sourceRef: 'po-601.edi',
        sourcePath: join(inbox, 'po-601.edi'),
      });

      expect(await gateway.stop('SIGTERM')).toBe(0);
      const tail = gateway.stdout().split('\n').slice(-6);
      expect(tail).toEqual([
        'edi-gateway stopping (SIGTERM)',
        'schedulers stopped',
        'http stopped',
        'workers stopped',
        'store closed',
        '',
      ]);
    },
  );

  it(
    'with no DATABASE_URL: runs on the embedded database in DATA_DIR, ready, and stops on SIGINT',
    { timeout: 60_000 },
    async () => {
      folders = await makeGatewayFolders();
      prefix = randomQueuePrefix();
      gateway = spawnGateway(['serve'], {
        PORT: String(await freePort()),
        QUEUE_PREFIX: prefix,
        PARTNERS_DIR: folders.partnersDir,
        DATA_DIR: folders.dataDir,
      });
      const [, port] = await gateway.line(LISTENING, 45_000);
      expect(gateway.stdout()).toContain(`store: embedded database ${join(folders.dataDir, 'gateway.db')}\n`);
      expect(existsSync(join(folders.dataDir, 'gateway.db'))).toBe(true);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);

      expect(await gateway.stop('SIGINT')).toBe(0);
      expect(gateway.stdout()).toContain('store closed\n');
    },
  );

  it('exits 1 with one line naming Redis when Redis does not answer', { timeout: 60_000 }, async () => {
    folders = await makeGatewayFolders();
    gateway = spawnGateway(['serve'], {
      PORT: String(await freePort()),
      REDIS_URL: 'redis://127.0.0.1:1',
      PARTNERS_DIR: folders.partnersDir,
      DATA_DIR: folders.dataDir,
    });
    expect(await gateway.exited()).toBe(1);
    expect(gateway.stderr()).toBe(
      'error: Redis at redis://127.0.0.1:1 does not answer: connect ECONNREFUSED 127.0.0.1:1 (set REDIS_URL)\n',
    );
  });

  it(
    'exits 1 with one line naming the database when PostgreSQL cannot be reached',
    { timeout: 60_000 },
    async () => {
      folders = await makeGatewayFolders();
      gateway = spawnGateway(['serve'], {
        PORT: String(await freePort()),
        DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/test',
        PARTNERS_DIR: folders.partnersDir,
        DATA_DIR: folders.dataDir,
      });
      expect(await gateway.exited()).toBe(1);
      const lines = gateway
        .stderr()
        .split('\n')
        .filter((l) => l !== '');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^error: PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/test cannot be opened: .*ECONNREFUSED/,
      );
    },
  );
});
