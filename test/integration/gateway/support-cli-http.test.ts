import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../src/api/index.js';
import { documentHandlers, openQueues } from '../../../src/pipeline/index.js';
import { runCli } from '../../unit/cli/run-cli.js';
import { PARTNER_ID, REDIS_URL, startHarness, waitFor, type Harness } from '../pipeline/pipeline-harness.js';
import { purchaseOrder850 } from '../pipeline/sample-850.js';
import { TEST_DATABASE_URL } from '../store/postgres-test-schema.js';
import { bearer, staffKeys } from '../api/staff-keys.js';

// The order core is not under test here.
const original = documentHandlers.purchase_order;
documentHandlers.purchase_order = () => Promise.resolve({ action: 'stub', message: '' });

let h: Harness;
let inboundId: string;
let ackId: string;
let server: Server;
let base: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  h = await startHarness();
  [inboundId] = (await h.drop('po-501.edi', purchaseOrder850(501))) as [string];
  const ack = await waitFor('the 997 to be sent', async () => {
    const all = await h.repositories.transmissions.list({ partnerId: PARTNER_ID });
    return all.find((t) => t.direction === 'outbound' && t.status === 'sent');
  });
  ackId = ack.id;
  // The CLI finds the gateway's database and queues the way the gateway does: from the environment.
  Object.assign(process.env, {
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_SCHEMA: h.store.orm.config.get('schema'),
    REDIS_URL,
    QUEUE_PREFIX: h.pipeline.queues.prefix,
    PARTNERS_DIR: join(dirname(h.inbox), 'partners'),
  });
  const services = { repositories: h.repositories, partners: h.partners, queues: h.pipeline.queues };
  server = await startServer({ PORT: 0 }, '127.0.0.1', { partners: h.partners, services });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  process.env = savedEnv;
  documentHandlers.purchase_order = original;
  await new Promise((resolve) => server.close(resolve));
  await h.dispose();
});

const actions = async (id: string) =>
  (await h.repositories.audit.list({ type: 'transmission', id })).map((e) => `${e.actor} ${e.action}`);

describe('edi-gateway transmissions', () => {
  it('list prints a table with id, direction, partner, status, received at, size, source name, last error', async () => {
    const run = await runCli('transmissions', 'list', '--partner', PARTNER_ID, '--actor', 'carol');

    expect(run.code).toBe(0);
    const [header, ...rows] = run.stdout.trimEnd().split('\n');
    expect(header?.split(/\s{2,}/)).toEqual([
      'id',
      'direction',
      'partner',
      'status',
      'received at',
      'size',
      'source name',
      'PO numbers',
      'types',
      'last error',
    ]);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.startsWith(inboundId))).toMatch(
      /inbound\s+acme-retail\s+processed\s+\S+ \S+Z\s+\d+\s+po-501\.edi/,
    );
    expect(rows.find((r) => r.startsWith(ackId))).toMatch(
      /outbound\s+acme-retail\s+sent\s.*997-000000001\.x12/,
    );
  });

  it('list --json --status gives the rows as JSON; a wrong status is named, exit 1', async () => {
    const run = await runCli('transmissions', 'list', '--status', 'sent', '--json');
    expect(run.code).toBe(0);
    const page = JSON.parse(run.stdout) as { transmissions: { id: string }[]; next: string | null };
    expect(page.transmissions.map((t) => t.id)).toEqual([ackId]);
    expect(page.next).toBeNull();

    const wrong = await runCli('transmissions', 'list', '--status', 'faild');
    expect(wrong.code).toBe(1);
    expect(wrong.errLines).toEqual([
      'error: status must be one of received, processing, processed, rejected, failed, sent, acknowledged, not "faild"',
    ]);
  });

  it('show prints the history, the envelope and the 997, audited under --actor', async () => {
    const run = await runCli('transmissions', 'show', inboundId, '--actor', 'carol');

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`transmission ${inboundId}\n`);
    expect(run.stdout).toMatch(
      /history\n.*received\n.*processing\n.*processed {2}1 interchange\(s\), 1 document\(s\)\n/,
    );
    expect(run.stdout).toContain('ISA13 000000501 from ZZ/ACMERETAIL to ZZ/OURGATEWAY');
    expect(run.stdout).toContain(`  ${ackId} 997-000000001.x12 sent\n`);
    expect(await actions(inboundId)).toContain('carol transmission-viewed');
  });

  it('names an unknown id and a refused operation on one line each, exit 1', async () => {
    const unknown = await runCli('transmissions', 'show', '0e8b1f3a-1111-4111-8111-111111111111');
    expect(unknown.code).toBe(1);
    expect(unknown.errLines).toEqual([
      'error: there is no transmission 0e8b1f3a-1111-4111-8111-111111111111',
    ]);

    const inbound = await runCli('transmissions', 'resend', inboundId);
    expect(inbound.code).toBe(1);
    expect(inbound.errLines).toHaveLength(1);
    expect(inbound.errLines[0]).toMatch(
      new RegExp(`^error: transmission ${inboundId} is inbound .*transmissions reprocess ${inboundId}$`),
    );
  });

  it('resend and reprocess queue jobs the running workers take, audited under the OS user by default', async () => {
    const resend = await runCli('transmissions', 'resend', ackId);
    expect(resend.code).toBe(0);
    expect(resend.stdout).toMatch(
      new RegExp(
        `^resend of ${ackId} \\(997-000000001\\.x12, was sent\\) queued as job resend-${ackId}-\\d+\\n$`,
      ),
    );
    await waitFor('the resend to be delivered', async () =>
      (await h.repositories.transmissions.get(ackId))?.history.at(-1)?.status === 'sent' ? true : undefined,
    );

    const reprocess = await runCli('transmissions', 'reprocess', inboundId, '--actor', 'dave');
    expect(reprocess.code).toBe(0);
    expect(reprocess.stdout).toMatch(/queued as job reprocess-/);
    await waitFor('the file to be read again', async () => {
      const t = await h.repositories.transmissions.get(inboundId);
      return t?.status === 'processed' && t.history.length === 6 ? true : undefined;
    });
    const resentBy = (await h.repositories.audit.list({ type: 'transmission', id: ackId })).at(-1);
    expect(resentBy?.action).toBe('transmission-resent');
    expect(resentBy?.actor).not.toBe('');
    expect(await actions(inboundId)).toContain('dave transmission-reprocessed');
    expect(await h.count('documents')).toBe(1);
  });
});

describe('/api/transmissions', () => {
  // Each call is made with a key named after the person making it: the key is the audit actor.
  const as = async (name: string, role: 'viewer' | 'operator' = 'operator') =>
    bearer(await staffKeys(h.repositories)(name, role), true);

  it('lists with filters, shows a detail without bytes, and serves the bytes at /raw', async () => {
    const erin = await as('erin', 'viewer');
    const list = await fetch(`${base}/api/transmissions?status=processed&partner=${PARTNER_ID}&limit=5`, {
      headers: erin,
    });
    expect(list.status).toBe(200);
    expect(
      ((await list.json()) as { transmissions: { id: string }[] }).transmissions.map((t) => t.id),
    ).toEqual([inboundId]);

    const detail = await fetch(`${base}/api/transmissions/${inboundId}`, { headers: erin });
    expect(detail.status).toBe(200);
    const body = (await detail.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ id: inboundId, direction: 'inbound', sourceRef: 'po-501.edi' });
    expect(body).not.toHaveProperty('payload');

    const raw = await fetch(`${base}/api/transmissions/${inboundId}/raw`, { headers: erin });
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-disposition')).toContain('po-501.edi');
    expect(await raw.text()).toBe(purchaseOrder850(501));
    expect(await actions(inboundId)).toEqual(
      expect.arrayContaining(['erin transmission-viewed', 'erin transmission-downloaded']),
    );
  });

  it('answers 400 to a bad filter or an actor in the body, 404 to an unknown id, 409 to a refused operation', async () => {
    const erin = await as('erin');
    const post = (path: string, body?: unknown) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: erin,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    expect((await fetch(`${base}/api/transmissions?limit=0`, { headers: erin })).status).toBe(400);
    const claimed = await post(`/api/transmissions/${ackId}/resend`, { actor: 'mallory' });
    expect(claimed.status).toBe(400);
    expect(((await claimed.json()) as { error: { message: string } }).error.message).toBe(
      'body/actor: is not a known field',
    );

    const unknown = await post('/api/transmissions/0e8b1f3a-1111-4111-8111-111111111111/reprocess');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      error: { code: 'not-found', message: 'there is no transmission 0e8b1f3a-1111-4111-8111-111111111111' },
    });
    const refused = await post(`/api/transmissions/${inboundId}/resend`);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('operation-refused');
  });

  it('POST resend and reprocess queue the jobs, audited under the key that asked', async () => {
    await waitFor('the 997 to be settled', async () =>
      (await h.repositories.transmissions.get(ackId))?.status === 'sent' ? true : undefined,
    );
    const frank = await as('frank');
    const post = (path: string) => fetch(`${base}${path}`, { method: 'POST', headers: frank });
    const resend = await post(`/api/transmissions/${ackId}/resend`);
    expect(resend.status).toBe(200);
    expect(await resend.json()).toMatchObject({ transmissionId: ackId, fileName: '997-000000001.x12' });
    await waitFor('the inbound file to settle', async () =>
      (await h.repositories.transmissions.get(inboundId))?.status === 'processed' ? true : undefined,
    );
    const reprocess = await post(`/api/transmissions/${inboundId}/reprocess`);
    expect(reprocess.status).toBe(200);
    expect(await reprocess.json()).toMatchObject({ transmissionId: inboundId, retriedDocuments: [] });
    expect(await actions(ackId)).toContain('frank transmission-resent');
    expect(await actions(inboundId)).toContain('frank transmission-reprocessed');
  });
});

describe('GET /readyz', () => {
  it('answers 200 ready when the database and Redis answer', async () => {
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
  });

  it('answers 503 naming Redis when Redis does not answer', async () => {
    // A gateway whose Redis is a closed port; the database is the real one.
    const deadRedis = new Redis('redis://127.0.0.1:1', { maxRetriesPerRequest: null, lazyConnect: true });
    deadRedis.on('error', () => {});
    const queues = openQueues(deadRedis, '{edi-readyz-dead}');
    const services = { repositories: h.repositories, partners: h.partners, queues };
    const broken = await startServer({ PORT: 0 }, '127.0.0.1', { services });
    try {
      const response = await fetch(`http://127.0.0.1:${(broken.address() as AddressInfo).port}/readyz`);
      expect(response.status).toBe(503);
      const body = (await response.json()) as {
        status: string;
        failed: string[];
        checks: Record<string, string>;
      };
      expect(body.status).toBe('not-ready');
      expect(body.failed).toEqual(['redis']);
      expect(body.checks['database']).toBe('ok');
      expect(body.checks['redis']).toMatch(/^Redis (did not answer within \d+ ms|failed: .+)$/);
    } finally {
      await new Promise((resolve) => broken.close(resolve));
      deadRedis.disconnect();
    }
  });

  it('answers 503 not-configured in an app started without services', async () => {
    const bare = await startServer({ PORT: 0 }, '127.0.0.1');
    try {
      const response = await fetch(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'not-configured' });
    } finally {
      await new Promise((resolve) => bare.close(resolve));
    }
  });
});
