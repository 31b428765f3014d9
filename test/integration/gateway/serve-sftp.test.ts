import { chown, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { masterDataFor, purchaseOrderInterchange } from '../../../scripts/generate-850s.mjs';
import { SFTP_PASSWORD, SFTP_USER, startSshd, type SshdHarness } from '../transports/sshd-harness.js';
import { PARTNER_ID, partnerYaml, waitFor } from '../pipeline/pipeline-harness.js';
import {
  dropSchemaAndClose,
  openPostgresStore,
  randomSchemaName,
  TEST_DATABASE_URL,
} from '../store/postgres-test-schema.js';
import {
  freePort,
  randomQueuePrefix,
  removeQueueKeys,
  spawnGateway,
  type GatewayProcess,
} from './gateway-process.js';
import { createRepositories } from '../../../src/store/index.js';
import { bearer, staffKeys } from '../api/staff-keys.js';

const PRICE_LIST = 'acme-sftp';
const LISTENING = /^edi-gateway listening on http:\/\/localhost:(\d+)$/;

/** Finished files in a remote folder, as the partner would list them. */
async function finished(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((name) => !name.startsWith('.') && !name.endsWith('.part')).sort();
}

describe('edi-gateway serve with a partner on SFTP (OpenSSH on loopback)', () => {
  let sshd: SshdHarness | undefined;
  let gateway: GatewayProcess | undefined;
  let root: string | undefined;
  let schema: string | undefined;
  let prefix: string | undefined;
  afterEach(async () => {
    await gateway?.stop('SIGKILL');
    await sshd?.stop();
    if (schema !== undefined) await dropSchemaAndClose(await openPostgresStore(schema));
    if (prefix !== undefined) await removeQueueKeys(prefix);
    if (root !== undefined) await rm(root, { recursive: true, force: true });
    sshd = gateway = root = schema = prefix = undefined;
  });

  it(
    "collects an 850 from the partner's server and puts the 997 and the 855 in its inbox there",
    { timeout: 120_000 },
    async () => {
      sshd = await startSshd();
      const owner = { uid: sshd.uid, gid: sshd.gid };
      root = await mkdtemp(join(tmpdir(), 'edi-serve-sftp-'));
      // mkdtemp makes it 0700: the login user must be able to reach the folders inside.
      await chown(root, owner.uid, owner.gid);
      // The partner's server: their outbound folder holds POs for us, their inbound folder takes ours.
      const remote = join(root, 'remote');
      const [theirOutbound, theirInbound, pickedUp] = ['outbound', 'inbound', 'picked-up'].map((f) =>
        join(remote, f),
      ) as [string, string, string];
      for (const folder of [remote, theirOutbound, theirInbound, pickedUp]) {
        await mkdir(folder, { recursive: true });
        await chown(folder, owner.uid, owner.gid);
      }
      const partnersDir = join(root, 'partners');
      await mkdir(partnersDir);
      const transport = {
        type: 'sftp',
        host: '127.0.0.1',
        port: sshd.port,
        username: SFTP_USER,
        password: { env: 'ACME_SFTP_PASSWORD' },
        hostKey: sshd.hostKeyFingerprint,
        inbox: theirOutbound,
        outbox: theirInbound,
        archive: pickedUp,
        pollSeconds: 5,
      };
      const business = {
        priceList: PRICE_LIST,
        allocation: { strategy: 'single-location-first', locations: ['DC-EAST'] },
      };
      await writeFile(join(partnersDir, `${PARTNER_ID}.yaml`), partnerYaml('', '', { transport, business }));

      schema = randomSchemaName('servesftp');
      prefix = randomQueuePrefix();
      gateway = spawnGateway(['serve'], {
        PORT: String(await freePort()),
        DATABASE_URL: TEST_DATABASE_URL,
        DATABASE_SCHEMA: schema,
        QUEUE_PREFIX: prefix,
        PARTNERS_DIR: partnersDir,
        DATA_DIR: join(root, 'data'),
        ACME_SFTP_PASSWORD: SFTP_PASSWORD,
      });
      const [, port] = await gateway.line(LISTENING, 60_000);
      const base = `http://127.0.0.1:${port}`;
      await gateway.line(new RegExp(`^schedulers: poll ${PARTNER_ID}, recovery sweep`));
      // An admin key as staff would issue it, on the gateway's own database.
      const store = await openPostgresStore(schema);
      const admin = bearer(
        await staffKeys(createRepositories(store.orm))('master data', 'admin').finally(() => store.close()),
        true,
      );
      const master = masterDataFor(10, { priceListId: PRICE_LIST, locationId: 'DC-EAST' });
      for (const [path, body] of [
        ['/api/catalog', { items: master.catalog }],
        [`/api/price-lists/${PRICE_LIST}`, { entries: master.priceList.entries }],
        ['/api/inventory', { levels: master.inventory }],
      ] as const) {
        const loaded = await fetch(`${base}${path}`, {
          method: 'PUT',
          headers: admin,
          body: JSON.stringify(body),
        });
        expect(loaded.status, `${path}: ${await loaded.clone().text()}`).toBe(200);
      }

      const inAMonth = new Date(Date.now() + 30 * 24 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
      const po = join(theirOutbound, 'PO-4500000001.x12');
      await writeFile(
        po,
        purchaseOrderInterchange({
          controlNumber: 1,
          firstOrder: 1,
          orders: 1,
          sender: 'ACMERETAIL',
          receiver: 'OURGATEWAY',
          deliveryDate: inAMonth,
        }),
      );
      await chown(po, owner.uid, owner.gid);

      const answers = await waitFor(
        'the 997 and the 855 in the partner inbound folder',
        async () => {
          const names = await finished(theirInbound);
          return names.some((n) => n.startsWith('855-')) && names.some((n) => n.startsWith('997-'))
            ? names
            : undefined;
        },
        60_000,
      ).catch((error: Error) => {
        throw new Error(`${error.message}\nstdout: ${gateway?.stdout()}\nstderr: ${gateway?.stderr()}`);
      });
      expect(answers).toEqual(['855-000000002.x12', '997-000000001.x12']);
      expect(await finished(theirOutbound)).toEqual([]);
      const [day] = await readdir(pickedUp);
      expect(await readdir(join(pickedUp, day ?? ''))).toEqual(['PO-4500000001.x12']);

      const { transmissions } = (await (
        await fetch(`${base}/api/transmissions`, { headers: admin })
      ).json()) as {
        transmissions: {
          direction: string;
          channel: string;
          status: string;
          sourceRef: string;
          sourcePath: string;
        }[];
      };
      expect(transmissions.find((t) => t.direction === 'inbound')).toMatchObject({
        channel: 'sftp',
        status: 'processed',
        sourceRef: 'PO-4500000001.x12',
        sourcePath: po,
      });
      expect(transmissions.filter((t) => t.direction === 'outbound').map((t) => t.status)).toEqual([
        'sent',
        'sent',
      ]);
      expect(await gateway.stop('SIGTERM')).toBe(0);
    },
  );
});
