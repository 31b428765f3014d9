import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIntakeSettings, startServer } from '../../../src/api/index.js';
import type { PipelineQueues, WorkerDeps } from '../../../src/pipeline/index.js';
import { PARTNER_ID, startHarness, type Harness } from '../pipeline/pipeline-harness.js';
import { purchaseOrder850 } from '../pipeline/sample-850.js';
import {
  addPartner,
  issueKey,
  makeCertificates,
  post,
  servicesOver,
  type TestCertificates,
} from './intake-fixture.js';

const SECURE = 'secure-retail';

let h: Harness;
let dir: string;
let certs: TestCertificates;
let services: WorkerDeps<PipelineQueues>;
let server: Server;
let base: string;
let secure: { token: string };
let acme: { token: string };

beforeAll(async () => {
  h = await startHarness({ workers: 'none' });
  dir = await mkdtemp(join(tmpdir(), 'edi-mtls-'));
  certs = await makeCertificates(dir);
  await addPartner(
    h,
    SECURE,
    'SECURERETAIL',
    `intake: { http: { clientCertificates: ['${certs.right.fingerprint}'] } }\n`,
  );
  services = servicesOver(h);
  secure = await issueKey(services, SECURE);
  acme = await issueKey(services, PARTNER_ID);
  server = await startServer(
    {
      PORT: 0,
      TLS_CERT_FILE: certs.serverCertFile,
      TLS_KEY_FILE: certs.serverKeyFile,
      TLS_CLIENT_CA_FILE: certs.caFile,
    },
    '127.0.0.1',
    { partners: services.partners, services },
  );
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await h?.dispose();
  await rm(dir, { recursive: true, force: true });
});

const postAs = (partnerId: string, token: string, client?: { cert: Buffer; key: Buffer }) =>
  post(`${base}/api/partners/${partnerId}/transmissions`, {
    headers: { authorization: `Bearer ${token}` },
    body: purchaseOrder850(900),
    tls: { ca: certs.ca, ...client },
  });

describe('POST /api/partners/:id/transmissions with client certificates', () => {
  it('takes the post of a partner that requires one only with its listed, verified certificate', async () => {
    const none = await postAs(SECURE, secure.token);
    expect(none.status).toBe(403);
    expect(none.body.error).toMatchObject({
      code: 'client-certificate-refused',
      message: `partner ${SECURE} posts with a client certificate only: no client certificate was presented`,
    });

    const wrong = await postAs(SECURE, secure.token, certs.wrong);
    expect(wrong.status).toBe(403);
    expect(wrong.body.error?.message).toMatch(
      /^partner secure-retail posts with a client certificate only: the client certificate SHA256:[0-9A-F:]{95} is not one of the partner's intake\.http\.clientCertificates$/,
    );

    const stranger = await postAs(SECURE, secure.token, certs.stranger);
    expect(stranger.status).toBe(403);
    expect(stranger.body.error?.message).toContain('is not signed by a CA this server trusts');

    const right = await postAs(SECURE, secure.token, certs.right);
    expect(right).toMatchObject({ status: 202, body: { duplicate: false } });
    const stored = await h.repositories.transmissions.get(right.body['transmissionId'] as string);
    expect(stored).toMatchObject({ channel: 'http', partnerId: SECURE });
  });

  it('still takes posts without a certificate from partners that require none', async () => {
    const answer = await postAs(PARTNER_ID, acme.token);
    expect(answer.status).toBe(202);
  });

  it('names a partner that requires certificates when the server would ask for none', () => {
    expect(
      checkIntakeSettings(services.partners, {
        TLS_CERT_FILE: certs.serverCertFile,
        TLS_KEY_FILE: certs.serverKeyFile,
        TLS_CLIENT_CA_FILE: certs.caFile,
      }),
    ).toEqual([]);
    expect(checkIntakeSettings(services.partners, { TLS_CERT_FILE: 'c.pem', TLS_KEY_FILE: 'k.pem' })).toEqual(
      [
        `partner ${SECURE}: /intake/http/clientCertificates requires client certificates, but the server asks for none: set TLS_CERT_FILE, TLS_KEY_FILE and TLS_CLIENT_CA_FILE (the CA that signs the partners' certificates)`,
      ],
    );
  });
});
