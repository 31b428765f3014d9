import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../src/api/index.js';
import { osUserName } from '../../../src/cli/gateway-runtime.js';
import { runCli } from '../../unit/cli/run-cli.js';
import { PARTNER_ID, startHarness, type Harness } from '../pipeline/pipeline-harness.js';
import { purchaseOrder850 } from '../pipeline/sample-850.js';
import { TEST_DATABASE_URL } from '../store/postgres-test-schema.js';

// No workers: what is stored stays `received`, so an ack=sync wait runs out for certain.
let h: Harness;
let server: Server;
let base: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  h = await startHarness({ workers: 'none' });
  // The CLI finds the gateway's database and partners the way the gateway does: from the environment.
  Object.assign(process.env, {
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_SCHEMA: h.schema,
    PARTNERS_DIR: h.partnersDir,
  });
  const services = { repositories: h.repositories, partners: h.partners, queues: h.pipeline.queues };
  server = await startServer({ PORT: 0 }, '127.0.0.1', { partners: h.partners, services });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  process.env = savedEnv;
  await new Promise((resolve) => server?.close(resolve));
  await h?.dispose();
});

const postWith = (token: string, query = '') =>
  fetch(`${base}/api/partners/${PARTNER_ID}/transmissions${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: purchaseOrder850(800),
  });

describe('edi-gateway keys', () => {
  it('creates a key shown once, lists keys without secrets, revokes one; each audited', async () => {
    const created = await runCli(
      'keys',
      'create',
      '--partner',
      PARTNER_ID,
      '--name',
      'acme ERP',
      '--actor',
      'carol',
    );
    expect(created.code).toBe(0);
    const [token, notice] = created.stdout.trimEnd().split('\n') as [string, string];
    expect(token).toMatch(/^edik_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    const id = token.split('_')[1] as string;
    const secret = token.slice(`edik_${id}_`.length);
    expect(notice).toBe(
      `API key ${id} for partner ${PARTNER_ID} (acme ERP). It is not shown again: give it to the partner now; \`edi-gateway keys revoke ${id}\` withdraws it.`,
    );

    // The printed key is the one the gateway takes.
    expect((await postWith(token)).status).toBe(202);
    const pending = await postWith(token, '?ack=sync&ackWaitMs=300');
    expect(pending.status).toBe(202);
    expect(await pending.json()).toMatchObject({ duplicate: false, ack: 'pending' });

    const table = await runCli('keys', 'list');
    expect(table.code).toBe(0);
    const [header, row] = table.stdout.trimEnd().split('\n');
    expect(header?.split(/\s{2,}/)).toEqual([
      'id',
      'role',
      'partner',
      'name',
      'created at',
      'last used at',
      'revoked at',
    ]);
    expect(row).toMatch(
      new RegExp(`^${id}\\s+partner\\s+${PARTNER_ID}\\s+acme ERP\\s+\\S+ \\S+Z\\s+\\S+ \\S+Z\\s+-$`),
    );
    const json = await runCli('keys', 'list', '--json');
    expect(JSON.parse(json.stdout)).toEqual([
      {
        id,
        name: 'acme ERP',
        role: 'partner',
        partnerId: PARTNER_ID,
        createdAt: expect.any(String) as unknown,
        revokedAt: null,
        lastUsedAt: expect.any(String) as unknown,
      },
    ]);
    for (const listing of [table.stdout, json.stdout]) expect(listing).not.toContain(secret);

    const revoked = await runCli('keys', 'revoke', id);
    expect(revoked).toMatchObject({
      code: 0,
      stdout: `API key ${id} (acme ERP, partner ${PARTNER_ID}) revoked; it is refused from now on\n`,
    });
    expect((await postWith(token)).status).toBe(401);
    const again = await runCli('keys', 'revoke', id);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      new RegExp(`^API key ${id} \\(acme ERP, partner ${PARTNER_ID}\\) was already revoked on `),
    );
    expect((await runCli('keys', 'list')).stdout).toBe('no API keys\n');
    expect((await runCli('keys', 'list', '--all')).stdout).toContain(id);

    const trail = await h.repositories.audit.list({ type: 'api-key', id });
    expect(trail.map((e) => `${e.actor} ${e.action}`)).toEqual([
      'carol api-key-created',
      `${osUserName()} api-key-revoked`,
    ]);
  });

  it('names an unknown partner and an unknown key on one line, exit 1', async () => {
    const partner = await runCli('keys', 'create', '--partner', 'nobody', '--name', 'x');
    expect(partner.code).toBe(1);
    expect(partner.errLines).toEqual([
      'error: there is no partner nobody in the partner files (PARTNERS_DIR); add its file first',
    ]);
    const key = await runCli('keys', 'revoke', '000000000000');
    expect(key.code).toBe(1);
    expect(key.errLines).toEqual([
      'error: there is no API key 000000000000; "edi-gateway keys list" shows them',
    ]);
  });
});
