import { execFileSync } from 'node:child_process';
import {
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createPartnerKey } from '../../../src/auth/index.js';
import { PartnerRegistry } from '../../../src/partners/index.js';
import type { PipelineQueues, WorkerDeps } from '../../../src/pipeline/index.js';
import { PARTNER_ID, partnerYaml, type Harness } from '../pipeline/pipeline-harness.js';
import { testLogger } from '../test-logger.js';

/** An answer as the tests read it: status, headers and the body parsed as JSON. */
export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown> & { error?: { code: string; message: string } };
}

/**
 * Writes another partner file beside the harness partner: its id and ISA id changed, with extra
 * top-level YAML lines (`enabled: false`, an `intake:` section...).
 */
export async function addPartner(h: Harness, id: string, isaId: string, extra = ''): Promise<void> {
  const yaml = partnerYaml(h.inbox, h.outbox)
    .replace(`id: ${PARTNER_ID}`, `id: ${id}`)
    .replaceAll('ACMERETAIL', isaId);
  await writeFile(join(h.partnersDir, `${id}.yaml`), `${yaml}${extra}`);
}

/** The harness's services over every partner file now in its folder. */
export function servicesOver(h: Harness): WorkerDeps<PipelineQueues> {
  const partners = PartnerRegistry.fromDirectory(h.partnersDir);
  return { repositories: h.repositories, partners, queues: h.pipeline.queues, logger: testLogger() };
}

/** Issues a partner key as the CLI would, and answers the whole key. */
export async function issueKey(
  services: WorkerDeps,
  partnerId: string,
): Promise<{ id: string; token: string }> {
  const { key, token } = await createPartnerKey({ partnerId, name: `${partnerId} test` }, 'tests', services);
  return { id: key.id, token };
}

export interface PostOptions {
  headers?: OutgoingHttpHeaders;
  body?: string | Buffer;
  /** For HTTPS: the CA to trust, and the client certificate to present. */
  tls?: { ca: Buffer; cert?: Buffer; key?: Buffer };
}

/** One POST with node's own client (fetch cannot present client certificates). */
export function post(url: string, options: PostOptions = {}): Promise<Answer> {
  const body = options.body ?? '';
  const headers = { 'content-length': Buffer.byteLength(body), ...options.headers };
  return new Promise((resolve, reject) => {
    const done = (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: (text === '' ? {} : JSON.parse(text)) as Answer['body'],
        });
      });
    };
    const req = options.tls
      ? httpsRequest(url, { method: 'POST', headers, agent: false, ...options.tls }, done)
      : httpRequest(url, { method: 'POST', headers, agent: false }, done);
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Streams a body in 16 KiB pieces, without Content-Length (chunked) unless `declaredLength` is
 * given, until the server answers or `maxChunks` are written. Answers how many were written.
 */
export function postStream(
  url: string,
  headers: OutgoingHttpHeaders,
  maxChunks: number,
  declaredLength?: number,
): Promise<{ answer: Answer; chunksWritten: number }> {
  const chunk = Buffer.alloc(16 * 1024, 'A');
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = httpRequest(
      url,
      {
        method: 'POST',
        agent: false,
        headers: {
          ...headers,
          ...(declaredLength === undefined ? {} : { 'content-length': declaredLength }),
        },
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          req.destroy();
          resolve({
            answer: {
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: JSON.parse(text) as Answer['body'],
            },
            chunksWritten: written,
          });
        });
      },
    );
    // The server closes the connection while we still write: that is the point, not a failure.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered && written < maxChunks) {
        written++;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered && declaredLength === undefined) req.end();
    };
    pump();
  });
}

/** A CA, a server certificate for 127.0.0.1, and client certificates, made with openssl. */
export interface TestCertificates {
  ca: Buffer;
  caFile: string;
  serverCertFile: string;
  serverKeyFile: string;
  /** Signed by the CA and listed in the partner's file. */
  right: { cert: Buffer; key: Buffer; fingerprint: string };
  /** Signed by the CA but not listed. */
  wrong: { cert: Buffer; key: Buffer };
  /** Self-signed: the server cannot verify it. */
  stranger: { cert: Buffer; key: Buffer };
}

export async function makeCertificates(dir: string): Promise<TestCertificates> {
  const ssl = (...args: string[]) =>
    execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' }).toString('utf8');
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  ssl(
    'req',
    '-x509',
    ...ecKey,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=edi test CA',
  );
  await writeFile(
    join(dir, 'server.ext'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n',
  );
  await writeFile(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  const signed = (name: string, ext: string) => {
    ssl('req', ...ecKey, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    ssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      '2',
      '-extfile',
      ext,
    );
  };
  signed('server', 'server.ext');
  signed('right', 'client.ext');
  signed('wrong', 'client.ext');
  ssl(
    'req',
    '-x509',
    ...ecKey,
    '-keyout',
    'stranger.key',
    '-out',
    'stranger.pem',
    '-days',
    '2',
    '-subj',
    '/CN=stranger',
  );
  // What the partner README tells people to run: "sha256 Fingerprint=AB:CD:...".
  const printed = ssl('x509', '-noout', '-fingerprint', '-sha256', '-in', 'right.pem');
  const fingerprint = `SHA256:${printed.trim().split('=')[1] ?? ''}`;
  const read = async (name: string) => ({
    cert: await readFile(join(dir, `${name}.pem`)),
    key: await readFile(join(dir, `${name}.key`)),
  });
  return {
    ca: (await read('ca')).cert,
    caFile: join(dir, 'ca.pem'),
    serverCertFile: join(dir, 'server.pem'),
    serverKeyFile: join(dir, 'server.key'),
    right: { ...(await read('right')), fingerprint },
    wrong: await read('wrong'),
    stranger: await read('stranger'),
  };
}
