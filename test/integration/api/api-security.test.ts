import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/api/index.js';
import { createConsoleUser, createStaffKey, STAFF_ROLES } from '../../../src/auth/index.js';
import { createRepositories, type OpenedStore } from '../../../src/store/index.js';
import { PARTNER_ID, startHarness, waitFor, type Harness } from '../pipeline/pipeline-harness.js';
import { purchaseOrder850 } from '../pipeline/sample-850.js';
import { dropSchemaAndClose, openPostgresStore, randomSchemaName } from '../store/postgres-test-schema.js';
import { issueKey, servicesOver } from './intake-fixture.js';
import { bearer, staffKeys } from './staff-keys.js';
import { testLogger } from '../test-logger.js';

let h: Harness;
let server: Server;
let base: string;
let keys: ReturnType<typeof staffKeys>;
let partnerToken: string;
let sentAckId: string;

async function listen(app: ReturnType<typeof createApp>): Promise<{ server: Server; base: string }> {
  const listening = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => listening.once('listening', resolve));
  return { server: listening, base: `http://127.0.0.1:${(listening.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  h = await startHarness();
  const services = servicesOver(h);
  keys = staffKeys(h.repositories);
  partnerToken = (await issueKey(services, PARTNER_ID)).token;
  await h.drop('po-801.edi', purchaseOrder850(801));
  sentAckId = (
    await waitFor('the 997 to be sent', async () =>
      (await h.repositories.transmissions.list({ partnerId: PARTNER_ID })).find(
        (t) => t.direction === 'outbound' && t.status === 'sent',
      ),
    )
  ).id;
  // Every route is called without a key below: far more refusals than one address may make.
  ({ server, base } = await listen(
    createApp({
      services,
      partners: services.partners,
      authFailures: { maxFailures: 100_000 },
      logger: testLogger(),
    }),
  ));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.dispose();
});

interface Operation {
  method: string;
  path: string;
  role: string;
}

/** Every operation `/api/openapi.json` describes, with its path parameters filled in. */
async function operations(): Promise<Operation[]> {
  const answer = await fetch(`${base}/api/openapi.json`, { headers: bearer(await keys('reader', 'viewer')) });
  expect(answer.status).toBe(200);
  const spec = (await answer.json()) as {
    paths: Record<string, Record<string, { 'x-required-role': string }>>;
  };
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path: path
        .replace(
          /\{id\}/g,
          path.startsWith('/api/transmissions') ? '0e8b1f3a-1111-4111-8111-111111111111' : '1',
        )
        .replace(/\{kind\}/g, 'shipment-confirmed'),
      role: operation['x-required-role'],
    })),
  );
}

async function call(operation: Operation, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}${operation.path}`, {
    method: operation.method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(operation.method === 'GET' || operation.method === 'DELETE' ? {} : { body: '{}' }),
  });
}

const RANK: Record<string, number> = { viewer: 0, operator: 1, admin: 2 };

describe('who may call what', () => {
  it('describes every route with its role, and each answers by role: 401 without a key, 403 below it', async () => {
    const all = await operations();
    expect(all.length).toBeGreaterThanOrEqual(15);
    expect(all.find((o) => o.path.endsWith('/resend') && !o.path.includes('bulk'))?.role).toBe('operator');
    expect(all.find((o) => o.path === '/api/catalog')?.role).toBe('admin');
    for (const operation of all.filter((o) => o.role !== 'public' && o.role !== 'partner')) {
      const label = `${operation.method} ${operation.path}`;
      const anonymous = await call(operation);
      expect(anonymous.status, `${label} without a key`).toBe(401);
      expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
      expect((await call(operation, bearer(partnerToken))).status, `${label} with a partner key`).toBe(403);
      for (const role of STAFF_ROLES) {
        const answer = await call(operation, bearer(await keys(`as ${role}`, role)));
        const allowed = RANK[role]! >= RANK[operation.role]!;
        if (allowed) {
          expect([401, 403], `${label} as ${role}`).not.toContain(answer.status);
          // Unknown ids and empty bodies are the caller's mistakes, never a server failure.
          expect(answer.status, `${label} as ${role}`).toBeLessThan(500);
        } else {
          expect(answer.status, `${label} as ${role}`).toBe(403);
          expect(await answer.json()).toMatchObject({
            error: {
              code: 'forbidden',
              message: `this needs the ${operation.role} role; your role is ${role}`,
            },
          });
        }
      }
    }
  });

  it('lets a viewer read a transmission but not resend it; the operator resend is audited under its key', async () => {
    const viewer = bearer(await keys('vera', 'viewer'), true);
    expect((await fetch(`${base}/api/transmissions/${sentAckId}`, { headers: viewer })).status).toBe(200);
    const refused = await fetch(`${base}/api/transmissions/${sentAckId}/resend`, {
      method: 'POST',
      headers: viewer,
    });
    expect(refused.status).toBe(403);

    const operator = bearer(await keys('olga', 'operator'), true);
    const claimed = await fetch(`${base}/api/transmissions/${sentAckId}/resend`, {
      method: 'POST',
      headers: operator,
      body: JSON.stringify({ actor: 'somebody else' }),
    });
    expect(claimed.status).toBe(400);
    const resent = await fetch(`${base}/api/transmissions/${sentAckId}/resend`, {
      method: 'POST',
      headers: operator,
    });
    expect(resent.status).toBe(200);
    const trail = await h.repositories.audit.list({ type: 'transmission', id: sentAckId });
    expect(trail.map((e) => `${e.actor} ${e.action}`)).toContain('olga transmission-resent');
    expect(trail.map((e) => e.actor)).not.toContain('somebody else');
  });

  it('refuses unknown query parameters by name, and names the request in every error', async () => {
    const answer = await fetch(`${base}/api/exceptions?stauts=open`, {
      headers: bearer(await keys('vera', 'viewer')),
    });
    expect(answer.status).toBe(400);
    const body = (await answer.json()) as { error: { message: string; requestId: string } };
    expect(body.error.message).toBe('query/stauts: is not a known field');
    expect(body.error.requestId).toBe(answer.headers.get('x-request-id'));
  });
});

describe('failures', () => {
  it('answers a store failure 503 with its request id and no driver text', async () => {
    const schema = randomSchemaName('api_broken');
    const broken: OpenedStore = await openPostgresStore(schema, { poolSize: 2 });
    const repositories = createRepositories(broken.orm);
    const services = { ...servicesOver(h), repositories };
    const token = await staffKeys(repositories)('vera', 'viewer');
    await broken.orm.em.getConnection().execute(`drop table "${schema}"."exception_record" cascade`);
    const logged: object[] = [];
    const app = await listen(
      createApp({ services, log: { error: (fields) => logged.push(fields), warn: () => {} } }),
    );
    try {
      const answer = await fetch(`${app.base}/api/exceptions`, {
        headers: { ...bearer(token), 'x-request-id': 'req-42' },
      });
      expect(answer.status).toBeGreaterThanOrEqual(500);
      const text = await answer.text();
      expect(JSON.parse(text)).toMatchObject({ error: { requestId: 'req-42' } });
      expect(text).toContain('(request req-42)');
      expect(text).not.toMatch(/exception_record|relation|does not exist|at .*\.js/);
      expect(logged).toEqual([expect.objectContaining({ requestId: 'req-42', path: '/api/exceptions' })]);
    } finally {
      await new Promise((resolve) => app.server.close(resolve));
      await dropSchemaAndClose(broken);
    }
  });

  it('refuses an address with 429 after repeated refused keys, even with a good key, until the window passes', async () => {
    let now = 1_000_000;
    const services = servicesOver(h);
    const app = await listen(
      createApp({ services, authFailures: { maxFailures: 3, windowMs: 60_000, now: () => now } }),
    );
    try {
      const good = bearer(await keys('vera', 'viewer'));
      for (let i = 0; i < 3; i++) {
        const bad = await fetch(`${app.base}/api/exceptions`, {
          headers: bearer(`edik_000000000000_${'x'.repeat(43)}`),
        });
        expect(bad.status).toBe(401);
      }
      const limited = await fetch(`${app.base}/api/exceptions`, { headers: good });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('60');
      expect(await limited.json()).toMatchObject({ error: { code: 'rate-limited' } });
      now += 60_000;
      expect((await fetch(`${app.base}/api/exceptions`, { headers: good })).status).toBe(200);
    } finally {
      await new Promise((resolve) => app.server.close(resolve));
    }
  });
});

describe('console sessions', () => {
  const login = (body: unknown) =>
    fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('logs in with a password: an httpOnly SameSite=Strict cookie, CSRF on changes, logout ends it', async () => {
    await createConsoleUser(
      { username: 'sam', role: 'operator', password: 'a long enough passphrase' },
      'test',
      {
        repositories: h.repositories,
      },
    );
    const wrong = await login({ username: 'sam', password: 'not the passphrase' });
    const unknown = await login({ username: 'nobody', password: 'not the passphrase' });
    expect(wrong.status).toBe(401);
    const [wrongBody, unknownBody] = (await Promise.all([wrong.json(), unknown.json()])) as {
      error: { code: string; message: string };
    }[];
    // One answer for both, so that usernames cannot be probed.
    expect(unknownBody!.error).toMatchObject({
      code: wrongBody!.error.code,
      message: wrongBody!.error.message,
    });
    expect(wrongBody!.error.message).toBe('the username or password is not right');

    const answer = await login({ username: 'sam', password: 'a long enough passphrase' });
    expect(answer.status).toBe(200);
    const cookie = answer.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^edi_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const session = (await answer.json()) as { user: { name: string; role: string }; csrfToken: string };
    expect(session.user).toEqual({ name: 'sam', role: 'operator' });
    const jar = { cookie: cookie.split(';')[0]! };

    expect(await (await fetch(`${base}/api/session`, { headers: jar })).json()).toMatchObject({
      user: { name: 'sam' },
    });
    expect((await fetch(`${base}/api/transmissions?limit=1`, { headers: jar })).status).toBe(200);
    const noToken = await fetch(`${base}/api/transmissions/${sentAckId}/reprocess`, {
      method: 'POST',
      headers: jar,
    });
    expect(noToken.status).toBe(403);
    expect(await noToken.json()).toMatchObject({ error: { code: 'forbidden' } });
    const withToken = await fetch(`${base}/api/transmissions/${sentAckId}/reprocess`, {
      method: 'POST',
      headers: { ...jar, 'x-csrf-token': session.csrfToken },
    });
    // Reprocessing an outbound file is refused by the operation, not by authentication.
    expect(withToken.status).toBe(409);

    const out = await fetch(`${base}/api/session`, {
      method: 'DELETE',
      headers: { ...jar, 'x-csrf-token': session.csrfToken },
    });
    expect(out.status).toBe(204);
    expect((await fetch(`${base}/api/transmissions?limit=1`, { headers: jar })).status).toBe(401);
    const logins = await h.repositories.audit.list({ type: 'console-user', id: 'sam' });
    expect(logins.map((e) => `${e.actor} ${e.action}`)).toEqual(
      expect.arrayContaining(['test console-user-created', 'sam console-login', 'sam console-logout']),
    );
  });

  it('logs in with a staff key (not a partner key); revoking the key ends the session', async () => {
    const partner = await login({ apiKey: partnerToken });
    expect(partner.status).toBe(403);
    const { token, key } = await createStaffKey({ role: 'viewer', name: 'kim' }, 'test', {
      repositories: h.repositories,
    });
    const answer = await login({ apiKey: token });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ user: { name: 'kim', role: 'viewer' } });
    const jar = { cookie: (answer.headers.get('set-cookie') ?? '').split(';')[0]! };
    expect((await fetch(`${base}/api/orders?limit=1`, { headers: jar })).status).toBe(200);
    const admin = bearer(await keys('ada', 'admin'));
    expect((await fetch(`${base}/api/keys/${key.id}`, { method: 'DELETE', headers: admin })).status).toBe(
      200,
    );
    expect((await fetch(`${base}/api/orders?limit=1`, { headers: jar })).status).toBe(401);
  });
});

describe('support endpoints', () => {
  it('answers partner health from the store: last file each way, overdue acks, error rate', async () => {
    const answer = await fetch(`${base}/api/partners/health`, {
      headers: bearer(await keys('vera', 'viewer')),
    });
    expect(answer.status).toBe(200);
    const { partners } = (await answer.json()) as { partners: Record<string, unknown>[] };
    expect(partners.find((p) => p['partnerId'] === PARTNER_ID)).toMatchObject({
      enabled: true,
      lastInboundAt: expect.any(String) as unknown,
      lastOutboundAt: expect.any(String) as unknown,
      overdueAcknowledgements: 0,
      failed24h: 0,
      errorRate24h: 0,
    });
  });

  it('previews a bulk resend by filter without queueing anything, and refuses one without a filter', async () => {
    const operator = bearer(await keys('olga', 'operator'), true);
    const preview = await fetch(`${base}/api/transmissions/bulk/resend`, {
      method: 'POST',
      headers: operator,
      body: JSON.stringify({ partner: PARTNER_ID, type: '997', dryRun: true }),
    });
    expect(preview.status).toBe(200);
    const body = (await preview.json()) as { dryRun: boolean; outcomes?: { id: string }[]; ids?: string[] };
    expect(JSON.stringify(body)).toContain(sentAckId);
    const before = (await h.repositories.transmissions.summary(sentAckId))?.status;
    expect(before).not.toBe('processing');
    const none = await fetch(`${base}/api/transmissions/bulk/resend`, {
      method: 'POST',
      headers: operator,
      body: '{}',
    });
    expect(none.status).toBe(400);
  });
});
