import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRepositories } from '../../../src/store/index.js';
import {
  blockAfter,
  commandsOf,
  segmentsOf,
  sopiShipNotice,
  writeGuideFiles,
} from '../../unit/onboarding/guide.js';
import { staffKeys } from '../api/staff-keys.js';
import {
  freePort,
  randomQueuePrefix,
  removeQueueKeys,
  spawnGateway,
  type GatewayProcess,
} from '../gateway/gateway-process.js';
import { waitFor } from '../pipeline/pipeline-harness.js';
import {
  dropSchemaAndClose,
  openPostgresStore,
  randomSchemaName,
  TEST_DATABASE_URL,
} from '../store/postgres-test-schema.js';

/**
 * Steps 7 and 8 of docs/onboarding.md on a real gateway (`serve` on PostgreSQL and Redis, the
 * partner's folders, HTTP): the partner files, the master data bodies and the curl commands are
 * the guide's own. Harbor Home's order is answered with an 855 that repeats its department and
 * store, and a shipment posted without their department becomes a SOPI 856 (BSN05 0001) that
 * carries it, looked up from their stored order.
 */
const workspace = mkdtempSync(join(tmpdir(), 'onboarding-live-'));
const schema = randomSchemaName('onboarding');
const prefix = randomQueuePrefix();
let gateway: GatewayProcess | undefined;

afterAll(async () => {
  await gateway?.stop('SIGKILL');
  await dropSchemaAndClose(await openPostgresStore(schema));
  await removeQueueKeys(prefix);
  rmSync(workspace, { recursive: true, force: true });
});

/** One curl line of the guide, done with fetch: method, path after $GATEWAY, the body file. */
async function curl(line: string, base: string, keys: Record<string, string>): Promise<Response> {
  const method = /-X (\w+)/.exec(line)?.[1] ?? 'GET';
  const path = /"\$GATEWAY(\/[^"]+)"/.exec(line)?.[1];
  const key = /Bearer \$(\w+)/.exec(line)?.[1];
  const file = /--data @(\S+)/.exec(line)?.[1];
  if (path === undefined || key === undefined || file === undefined) throw new Error(`cannot read: ${line}`);
  return fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${keys[key]}`, 'content-type': 'application/json' },
    body: readFileSync(join(workspace, file)),
  });
}

describe('a fourth partner onboarded with files only, live', () => {
  it(
    'gets an 855 with REF*DP and its store, and a SOPI 856 with BSN05 0001 and REF*DP',
    { timeout: 180_000 },
    async () => {
      writeGuideFiles(workspace, new URL('../../../mappings/', import.meta.url));
      for (const file of ['catalog.json', 'price-list.json', 'inventory.json']) {
        writeFileSync(join(workspace, file), blockAfter(file, 'json'));
      }
      const env = {
        PORT: String(await freePort()),
        DATABASE_URL: TEST_DATABASE_URL,
        DATABASE_SCHEMA: schema,
        QUEUE_PREFIX: prefix,
        PARTNERS_DIR: join(workspace, 'partners'),
        MAPPINGS_DIR: join(workspace, 'mappings'),
        DATA_DIR: join(workspace, 'data'),
      };
      gateway = spawnGateway(['serve'], env, { cwd: workspace });
      const [, port] = await gateway.line(/^edi-gateway listening on http:\/\/localhost:(\d+)$/, 60_000);
      const base = `http://127.0.0.1:${port}`;

      const store = await openPostgresStore(schema);
      const issue = staffKeys(createRepositories(store.orm));
      const keys = {
        ADMIN_KEY: await issue('onboarding', 'admin'),
        OPERATOR_KEY: await issue('erp', 'operator'),
      };
      await store.close();

      // Step 7: the master data, as the guide loads it.
      const loads = commandsOf(7, 'curl');
      expect(loads).toHaveLength(3);
      for (const line of loads) {
        const response = await curl(line, base, keys);
        expect(response.status, line).toBe(200);
        expect(await response.json()).toMatchObject({ upserted: 2 });
      }

      // Step 8: their order arrives in their inbox.
      const inbox = join(workspace, 'data/folders/harbor-home/inbox');
      const outbox = join(workspace, 'data/folders/harbor-home/outbox');
      copyFileSync(join(workspace, 'fixtures/partners/harbor-home/850.edi'), join(inbox, 'HH-20417.edi'));
      const file = async (set: string) => {
        for (const name of await readdir(outbox)) {
          const content = readFileSync(join(outbox, name), 'utf8');
          if (content.includes(`\nST|${set}|`)) return content;
        }
        return undefined;
      };
      const ack855 = segmentsOf(await waitFor('the 855 in their outbox', () => file('855'), 90_000));
      // Accepted as ordered (AD), dated today, their PO number and date repeated.
      expect(ack855.find((s) => s.startsWith('BAK|'))).toMatch(/^BAK\|00\|AD\|HH-20417\|20250301\|{5}\d{8}$/);
      expect(ack855).toContain('REF|DP|042');
      expect(ack855).toContain('N1|ST|HARBOR HOME STORE 0123|92|0123');
      expect(ack855).toContain('PO1|1|24|EA|4.25|PE|IN|880011|VN|ACM-100');
      expect(await file('997')).toContain('AK5|A');

      // The ERP's shipment, from the guide's sample command, without their department: the
      // gateway adds it from their stored order.
      const [sample] = commandsOf(6, 'npx edi-gateway sample');
      const made = spawnGateway(sample?.replace('npx edi-gateway ', '').split(' ') ?? [], env, {
        cwd: workspace,
      });
      expect(await made.exited()).toBe(0);
      const shipment = JSON.parse(readFileSync(join(workspace, 'shipment.json'), 'utf8')) as {
        orders: { references?: unknown[] }[];
      };
      for (const order of shipment.orders) delete order.references;
      writeFileSync(join(workspace, 'shipment.json'), JSON.stringify(shipment));
      const [post] = commandsOf(8, 'curl');
      const posted = await curl(post ?? '', base, keys);
      expect(posted.status).toBe(202);

      const asn = await waitFor('the 856 in their outbox', () => file('856'), 60_000);
      expect(sopiShipNotice(asn)).toEqual({
        bsn05: '0001',
        levels: 'SOPIPI',
        orderLevel: ['HL|2|1|O|1', 'PRF|HH-20417|||20250301', 'REF|DP|042'],
      });

      // A shipment with an item outside any carton cannot be their SOPI 856: refused, with why.
      const loose = JSON.parse(readFileSync(join(workspace, 'shipment.json'), 'utf8')) as {
        shipmentId: string;
        orders: { items: unknown[]; packs: { items: unknown[] }[] }[];
      };
      const [first] = loose.orders;
      if (first === undefined) throw new Error('the sample shipment has no order');
      first.items = first.packs.flatMap((pack) => pack.items);
      first.packs = [];
      loose.shipmentId = 'SH-LOOSE';
      writeFileSync(join(workspace, 'loose.json'), JSON.stringify(loose));
      const refused = await curl((post ?? '').replace('@shipment.json', '@loose.json'), base, keys);
      expect(refused.status).toBe(422);
      const body = (await refused.json()) as { error: { message: string } };
      expect(body.error.message).toContain("cannot be sent as the partner's SOPI 856");
    },
  );
});
