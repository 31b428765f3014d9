import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, startServer } from '../../../src/api/index.js';
import { hashSecret } from '../../../src/auth/index.js';
import {
  ackJobId,
  ackTransmissionId,
  type PipelineQueues,
  type WorkerDeps,
} from '../../../src/pipeline/index.js';
import { createRepositories, TransmissionSchema, type OpenedStore } from '../../../src/store/index.js';
import { PARTNER_ID, startHarness, waitFor, type Harness } from '../pipeline/pipeline-harness.js';
import { canonicalEvent } from '../pipeline/reconciliation-fixture.js';
import { purchaseOrder850 } from '../pipeline/sample-850.js';
import { dropSchemaAndClose, openPostgresStore, randomSchemaName } from '../store/postgres-test-schema.js';
import { addPartner, issueKey, post, postStream, servicesOver } from './intake-fixture.js';

const LIMIT = 64 * 1024;
const OTHER = 'other-retail';

let h: Harness;
let services: WorkerDeps<PipelineQueues>;
let server: Server;
let base: string;
let acme: { id: string; token: string };
let other: { id: string; token: string };

beforeAll(async () => {
  h = await startHarness({
    inbound: ['850', '997'],
    outbound: ['855', '856'],
    documentOptions: { '856': { hierarchy: 'SOTPI', packageLabel: 'sscc-18' } },
  });
  await addPartner(h, OTHER, 'OTHERRETAIL');
  await addPartner(h, 'sleepy-retail', 'SLEEPYRETAIL', 'enabled: false\n');
  await addPartner(h, 'roomy-retail', 'ROOMYRETAIL', `intake: { http: { maxBytes: ${LIMIT * 4} } }\n`);
  services = servicesOver(h);
  acme = await issueKey(services, PARTNER_ID);
  other = await issueKey(services, OTHER);
  server = await startServer({ PORT: 0, INTAKE_MAX_BYTES: LIMIT }, '127.0.0.1', {
    partners: services.partners,
    services,
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await h?.dispose();
});

const url = (partnerId: string, query = '') => `${base}/api/partners/${partnerId}/transmissions${query}`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const inboundCount = () => h.store.orm.em.fork().count(TransmissionSchema, { direction: 'inbound' });

describe('POST /api/partners/:id/transmissions: who may post', () => {
  it('answers 401 with WWW-Authenticate for no key, a malformed key, a wrong secret and a revoked key', async () => {
    const none = await post(url(PARTNER_ID), { body: purchaseOrder850(100) });
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(none.body.error).toMatchObject({ code: 'unauthenticated' });

    const malformed = await post(url(PARTNER_ID), { headers: bearer('not-a-key'), body: 'x' });
    const [, id] = acme.token.split('_');
    const wrongSecret = await post(url(PARTNER_ID), {
      headers: bearer(`edik_${id}_${'A'.repeat(43)}`),
      body: 'x',
    });
    for (const answer of [malformed, wrongSecret]) {
      expect(answer.status).toBe(401);
      expect(answer.body.error).toMatchObject({
        code: 'unauthenticated',
        message: 'the API key is not valid; ask for a new one',
      });
    }

    const revoked = await issueKey(services, PARTNER_ID);
    await h.repositories.apiKeys.revoke(revoked.id);
    const refused = await post(url(PARTNER_ID), { headers: bearer(revoked.token), body: 'x' });
    expect(refused.status).toBe(401);
    expect(refused.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(refused.body.error?.message).toMatch(new RegExp(`^API key ${revoked.id} was revoked on `));
  });

  it("answers 403 for another partner's key, and for an unknown partner so that ids cannot be probed", async () => {
    const before = await inboundCount();
    const wrong = await post(url(PARTNER_ID), { headers: bearer(other.token), body: purchaseOrder850(101) });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toMatchObject({
      code: 'forbidden',
      message: `this key posts only as partner ${OTHER}`,
    });
    const probe = await post(url('no-such-partner'), { headers: bearer(acme.token), body: 'x' });
    expect(probe.status).toBe(403);
    expect(await inboundCount()).toBe(before);
  });

  it('answers 404 when the key names a partner no longer in the partner files, 409 for a disabled one', async () => {
    const secret = 'B'.repeat(43);
    await h.repositories.apiKeys.create({
      id: 'f00000000001',
      name: 'left us',
      role: 'partner',
      partnerId: 'gone-retail',
      secretHash: hashSecret(secret),
    });
    const gone = await post(url('gone-retail'), {
      headers: bearer(`edik_f00000000001_${secret}`),
      body: 'x',
    });
    expect(gone.status).toBe(404);
    expect(gone.body.error).toMatchObject({ code: 'not-found', message: 'there is no partner gone-retail' });

    const sleepy = await issueKey(services, 'sleepy-retail');
    const disabled = await post(url('sleepy-retail'), { headers: bearer(sleepy.token), body: 'x' });
    expect(disabled.status).toBe(409);
    expect(disabled.body.error?.code).toBe('partner-disabled');
  });

  it('takes the key from X-Api-Key too, and records when it was last used', async () => {
    const answer = await post(url(PARTNER_ID), {
      headers: { 'x-api-key': acme.token },
      body: purchaseOrder850(102),
    });
    expect(answer.status).toBe(202);
    expect((await h.repositories.apiKeys.get(acme.id))?.lastUsedAt).toBeInstanceOf(Date);
  });
});

describe('POST /api/partners/:id/transmissions: storing', () => {
  it('stores the bytes as posted before answering 202 with the transmission id', async () => {
    const body = purchaseOrder850(200);
    const answer = await post(url(PARTNER_ID), { headers: bearer(acme.token), body });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ transmissionId: expect.any(String) as unknown, duplicate: false });
    const stored = await h.repositories.transmissions.get(answer.body['transmissionId'] as string);
    expect(stored).toMatchObject({ direction: 'inbound', channel: 'http', partnerId: PARTNER_ID });
    expect(stored?.payload?.toString('utf8')).toBe(body);
  });

  it('stores a retried post with the same Idempotency-Key once, and refuses the key for other bytes (422)', async () => {
    const headers = { ...bearer(acme.token), 'idempotency-key': 'PO-300.x12' };
    const first = await post(url(PARTNER_ID), { headers, body: purchaseOrder850(300) });
    const retried = await post(url(PARTNER_ID), { headers, body: purchaseOrder850(300) });
    expect(first).toMatchObject({ status: 202, body: { duplicate: false } });
    expect(retried).toMatchObject({
      status: 202,
      body: { transmissionId: first.body['transmissionId'], duplicate: true },
    });
    const rows = await h.store.orm.em.fork().find(TransmissionSchema, { sourceRef: 'PO-300.x12' });
    expect(rows.map((r) => r.id)).toEqual([first.body['transmissionId']]);

    const reused = await post(url(PARTNER_ID), { headers, body: purchaseOrder850(301) });
    expect(reused.status).toBe(422);
    expect(reused.body.error?.code).toBe('idempotency-key-reused');
    // The same key is another partner's own: keys are scoped by partner.
    const theirs = await post(url(OTHER), {
      headers: { ...bearer(other.token), 'idempotency-key': 'PO-300.x12' },
      body: purchaseOrder850(301),
    });
    expect(theirs).toMatchObject({ status: 202, body: { duplicate: false } });
  });

  it('refuses (400) an unknown query parameter by name, a bad Idempotency-Key and an empty body', async () => {
    const unknown = await post(url(PARTNER_ID, '?ack=sync&verbose=1'), {
      headers: bearer(acme.token),
      body: 'x',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.message).toContain('query/verbose: is not a known field');
    const tooLong = await post(url(PARTNER_ID, '?ack=sync&ackWaitMs=60001'), {
      headers: bearer(acme.token),
      body: 'x',
    });
    expect(tooLong.body.error?.message).toBe('query/ackWaitMs: must be at most 60000 (got 60001)');
    const badKey = await post(url(PARTNER_ID), {
      headers: { ...bearer(acme.token), 'idempotency-key': 'x'.repeat(201) },
      body: 'x',
    });
    expect(badKey.status).toBe(400);
    const empty = await post(url(PARTNER_ID), { headers: bearer(acme.token) });
    expect(empty).toMatchObject({ status: 400, body: { error: { code: 'empty-body' } } });
  });

  it('answers 503 without driver text when the store fails, having acknowledged nothing', async () => {
    const schema = randomSchemaName('intake_broken');
    const broken: OpenedStore = await openPostgresStore(schema, { poolSize: 2 });
    const repositories = createRepositories(broken.orm);
    const brokenServices = { ...services, repositories };
    const { token } = await issueKey(brokenServices, PARTNER_ID);
    await broken.orm.em.getConnection().execute(`drop table "${schema}"."transmission" cascade`);
    const app = createApp({ services: brokenServices }).listen(0, '127.0.0.1');
    try {
      await new Promise((resolve) => app.once('listening', resolve));
      const port = (app.address() as AddressInfo).port;
      const answer = await post(`http://127.0.0.1:${port}/api/partners/${PARTNER_ID}/transmissions`, {
        headers: bearer(token),
        body: purchaseOrder850(400),
      });
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({
        error: {
          code: 'intake-unavailable',
          message:
            'the gateway cannot take transmissions right now; nothing was received, post it again later',
        },
      });
    } finally {
      await new Promise((resolve) => app.close(resolve));
      await dropSchemaAndClose(broken);
    }
  });
});

describe('POST /api/partners/:id/transmissions: limits', () => {
  it('refuses a body over the limit by its Content-Length before reading it (413)', async () => {
    const before = await inboundCount();
    // Ten gigabytes announced, a few kilobytes sent: the answer cannot wait for the rest.
    const { answer } = await postStream(url(PARTNER_ID), bearer(acme.token), 1, 10 * 1024 ** 3);
    expect(answer.status).toBe(413);
    expect(answer.body.error).toMatchObject({
      code: 'payload-too-large',
      message: `the body is ${10 * 1024 ** 3} bytes; the limit for partner ${PARTNER_ID} is ${LIMIT} bytes`,
    });
    expect(await inboundCount()).toBe(before);
  });

  it('stops reading a chunked body at the limit (413)', async () => {
    const before = await inboundCount();
    const { answer, chunksWritten } = await postStream(url(PARTNER_ID), bearer(acme.token), 4096);
    expect(answer.status).toBe(413);
    expect(answer.body.error).toMatchObject({
      code: 'payload-too-large',
      message: `the body is more than ${LIMIT} bytes; the limit for partner ${PARTNER_ID} is ${LIMIT} bytes`,
    });
    // 64 MiB were offered; the server stopped taking them long before.
    expect(chunksWritten).toBeLessThan(4096);
    expect(await inboundCount()).toBe(before);
  });

  it("applies the partner's own intake.http.maxBytes in place of INTAKE_MAX_BYTES", async () => {
    const roomy = await issueKey(services, 'roomy-retail');
    const body = Buffer.alloc(LIMIT * 2, 'X');
    const taken = await post(url('roomy-retail'), { headers: bearer(roomy.token), body });
    expect(taken.status).toBe(202);
    const over = await post(url('roomy-retail'), {
      headers: bearer(roomy.token),
      body: Buffer.alloc(LIMIT * 4 + 1, 'X'),
    });
    expect(over.status).toBe(413);
    expect(over.body.error?.message).toContain(`the limit for partner roomy-retail is ${LIMIT * 4} bytes`);
  });
});

describe('POST /api/partners/:id/transmissions: whose interchange', () => {
  it("rejects an interchange from another partner's ISA sender, posted with this partner's key", async () => {
    // other-retail's key, acme-retail's ISA sender: one partner placing orders in another's name.
    const documentsBefore = await h.count('documents');
    const answer = await post(url(OTHER), { headers: bearer(other.token), body: purchaseOrder850(520) });
    expect(answer.status).toBe(202);
    const id = answer.body['transmissionId'] as string;
    const read = await waitFor('the post to be read', async () => {
      const stored = await h.repositories.transmissions.get(id);
      return stored?.status === 'rejected' ? stored : undefined;
    });
    expect(read.lastError).toContain(
      `interchange 000000520: ISA sender ZZ/ACMERETAIL is partner ${PARTNER_ID}, but it was posted as partner ${OTHER}`,
    );
    expect(await h.count('documents')).toBe(documentsBefore);
    expect(await h.repositories.transmissions.read(ackTransmissionId(id, '000000520'))).toBeNull();
  });
});

describe('POST /api/partners/:id/transmissions?ack=sync', () => {
  it('answers the 997 of a valid 850, and does not deliver it over the transport as well', async () => {
    const answer = await post(url(PARTNER_ID, '?ack=sync'), {
      headers: bearer(acme.token),
      body: purchaseOrder850(500),
    });
    expect(answer.status).toBe(200);
    const transmissionId = answer.body['transmissionId'] as string;
    const ackId = ackTransmissionId(transmissionId, '000000500');
    expect(answer.body).toMatchObject({
      transmissionId,
      duplicate: false,
      acknowledgements: [
        { transmissionId: ackId, name: expect.stringMatching(/^997-\d{9}\.x12$/) as unknown },
      ],
    });
    const [ack] = answer.body['acknowledgements'] as { x12: string }[];
    expect(ack?.x12).toMatch(/ST\*997\*/);
    expect(ack?.x12).toMatch(/AK1\*PO\*500~/);
    expect(ack?.x12).toMatch(/AK9\*A\*1\*1\*1~/);
    const settled = await waitFor('the 997 to be marked sent', async () => {
      const stored = await h.repositories.transmissions.get(ackId);
      return stored?.status === 'sent' ? stored : undefined;
    });
    expect(settled.history.map((c) => [c.status, c.message])).toEqual([
      ['processed', null],
      ['sent', 'returned in the HTTP answer to the post'],
    ]);
    // Its delivery over the transport was held for the wait; run now, it finds it sent and skips.
    const delivery = await h.pipeline.queues.outbound.getJob(ackJobId(transmissionId, '000000500'));
    expect(await delivery?.isDelayed()).toBe(true);
    await delivery?.promote();
    await waitFor('the held delivery to run', async () =>
      (await delivery?.isCompleted()) ? true : undefined,
    );
    expect((await h.outboxFiles()).filter((f) => f.content.includes('AK1*PO*500~'))).toEqual([]);
    expect((await h.repositories.transmissions.get(ackId))?.history).toHaveLength(2);
  });

  it('answers a retried post with the 997 of the first', async () => {
    const headers = { ...bearer(acme.token), 'idempotency-key': 'PO-501' };
    const first = await post(url(PARTNER_ID, '?ack=sync'), { headers, body: purchaseOrder850(501) });
    const again = await post(url(PARTNER_ID, '?ack=sync&ackWaitMs=5000'), {
      headers,
      body: purchaseOrder850(501),
    });
    expect(again).toMatchObject({
      status: 200,
      body: { transmissionId: first.body['transmissionId'], duplicate: true },
    });
    expect(again.body['acknowledgements']).toEqual(first.body['acknowledgements']);
  });
});

describe('POST /api/partners/:id/transmissions with a JSON event', () => {
  it("addresses an event that names no partner to the key's partner, and refuses one for another partner (403)", async () => {
    const { partnerId: _named, ...event } = canonicalEvent('ship-notice');
    const headers = { ...bearer(acme.token), 'content-type': 'application/json' };
    const taken = await post(url(PARTNER_ID, '?event=shipment-confirmed'), {
      headers,
      body: JSON.stringify(event),
    });
    expect(taken.status).toBe(202);
    expect(taken.body).toMatchObject({
      duplicate: false,
      documentId: expect.stringMatching(/^ship_notice:/) as unknown,
    });
    const stored = await h.repositories.transmissions.get(taken.body['transmissionId'] as string);
    expect(stored).toMatchObject({ channel: 'http', partnerId: PARTNER_ID });
    await waitFor('the 856 to be sent', async () => {
      const sent = await h.repositories.transmissions.get(taken.body['outboundTransmissionId'] as string);
      return sent?.status === 'sent' ? sent : undefined;
    });

    const theirs = await post(url(PARTNER_ID, '?event=shipment-confirmed'), {
      headers,
      body: JSON.stringify(canonicalEvent('ship-notice', { partnerId: OTHER, shipmentId: 'SH-OTHER' })),
    });
    expect(theirs.status).toBe(403);
    expect(theirs.body.error).toMatchObject({ code: 'forbidden' });
    expect(theirs.body.error?.message).toContain(`the event is for partner ${OTHER}`);
    // Kept as posted, with why it was refused.
    const refused = await h.repositories.transmissions.get(theirs.body['transmissionId'] as string);
    expect(refused).toMatchObject({ partnerId: PARTNER_ID, status: 'rejected' });
  });

  it('needs ?event= for a JSON body, and takes it for JSON only', async () => {
    const json = { ...bearer(acme.token), 'content-type': 'application/json' };
    const noKind = await post(url(PARTNER_ID), { headers: json, body: '{}' });
    expect(noKind.status).toBe(400);
    expect(noKind.body.error?.message).toMatch(/^query\/event: is required for a JSON body/);
    const x12 = await post(url(PARTNER_ID, '?event=invoice-issued'), {
      headers: bearer(acme.token),
      body: purchaseOrder850(600),
    });
    expect(x12.status).toBe(400);
  });
});
