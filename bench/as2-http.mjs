#!/usr/bin/env node
// AS2 messages received per second over HTTP, as a partner meets the gateway: `edi-gateway serve`
// runs as its own process on PostgreSQL and the local Redis, and this process posts purchase
// orders (one X12 850 per message, padded with PO1 lines to about 1 KB or 1 MB) to its
// `POST /as2`, signed with SHA-256 and encrypted with AES-256-CBC, asking for a signed sync MDN,
// 4 in flight. Every message has its own Message-ID, ISA13 and PO number. The clock runs from the
// first post to the last MDN answer. Every answer must be 200 with an MDN signed by the gateway,
// naming the message, saying `processed` and returning the MIC we computed (checked after the
// clock stops), and every message must be stored as an inbound AS2 transmission.
// Each payload is measured twice, each time on a gateway of its own (a fresh schema and queue
// prefix, removed afterwards):
// - `paused`: the gateway's queues are paused, so the figure is the receive path alone (read,
//   decrypt, verify, store, enqueue, sign the MDN);
// - `running`: the workers of the same process take the orders meanwhile, as `serve` does in
//   production; `drained s` is when its queues were empty again, from the first post (`>N`: not
//   within DRAIN_LIMIT_MS of the last answer, N seconds after the first post).
// Jobs still queued at the end of a row are removed before the gateway stops. The partner asks
// for no functional acknowledgement and its orders are held (their items are not in the catalog),
// so nothing goes back over AS2. MB/s counts X12 payload bytes. Logging is at `warn`, as in
// bench:pipeline.
// Usage: npm run bench:as2-http
import { Buffer } from 'node:buffer';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { opensslParty } from './openssl-party.mjs';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { openQueues } from '../dist/pipeline/index.js';
import { as2Request } from '../dist/transports/as2/as2-message.js';
import { checkMdn } from '../dist/transports/as2/as2-transport.js';
import { certificateFromPem, keyPairFromPem } from '../dist/transports/as2/cms/index.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PARTNER_ID = 'acme-as2';
const GATEWAY_AS2 = 'OURGATEWAY-AS2';
const PARTNER_AS2 = 'ACME-AS2';
const IN_FLIGHT = 4;
const DRAIN_LIMIT_MS = 20_000;
const PAYLOADS = [
  { label: '1 KB', bytes: 1024, count: 200 },
  { label: '1 MB', bytes: 1024 * 1024, count: 20 },
];

const dir = mkdtempSync(join(tmpdir(), 'bench-as2-http-'));

const party = (name) => opensslParty(dir, name);

function partnerYaml(gateway, partner) {
  return `id: ${PARTNER_ID}
name: Acme Retail over AS2
kind: x12
identity:
  theirs: { isaQualifier: ZZ, isaId: ACMERETAIL, gsId: ACMERETAIL }
  ours: { isaQualifier: ZZ, isaId: OURGATEWAY, gsId: OURGATEWAY }
x12:
  version: '004010'
documents:
  inbound: ['850']
  outbound: []
acknowledgements: { functional: none }
transport:
  type: as2
  ourId: ${GATEWAY_AS2}
  theirId: ${PARTNER_AS2}
  url: http://127.0.0.1:9/as2
  ourCertificate: { file: ${JSON.stringify(gateway.certificate)} }
  ourKey: { file: ${JSON.stringify(gateway.key)} }
  theirCertificate: { file: ${JSON.stringify(partner.certificate)} }
  signing: sha256
  encryption: aes256-cbc
  mdn: sync
`;
}

/** One interchange holding one 850 of `lines` PO1 lines; ISA13, GS06 and the PO number follow `n`. */
function purchaseOrder(n, lines) {
  const icn = String(n).padStart(9, '0');
  const body = [
    `BEG*00*SA*AS2-${icn}**20250301`,
    'DTM*002*20250315',
    'N1*ST*STORE 12*92*0012',
    'N3*1 MAIN STREET',
    'N4*SOLON*OH*44139*US',
  ];
  for (let line = 1; line <= lines; line++) {
    body.push(`PO1*${line}*${1 + (line % 48)}*EA*${(1 + (line % 900) / 100).toFixed(2)}**VN*SKU-${line}`);
    body.push(`PID*F****ITEM ${line} BLUE WIDGET`);
  }
  body.push(`CTT*${lines}`);
  const segments = [
    `ISA*00*          *00*          *ZZ*ACMERETAIL     *ZZ*OURGATEWAY     *250301*1200*U*00401*${icn}*0*P*>`,
    `GS*PO*ACMERETAIL*OURGATEWAY*20250301*1200*${n}*X*004010`,
    'ST*850*0001',
    ...body,
    `SE*${body.length + 2}*0001`,
    `GE*1*${n}`,
    `IEA*1*${icn}`,
  ];
  return Buffer.from(segments.map((s) => `${s}~\n`).join(''));
}

/** The most PO1 lines an order can have and stay within `bytes` (one line at least). */
function linesFor(bytes) {
  let [low, high] = [1, 1];
  while (purchaseOrder(1, high).length <= bytes) [low, high] = [high, high * 2];
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (purchaseOrder(1, middle).length <= bytes) low = middle;
    else high = middle;
  }
  return low;
}

/** A loopback port free now, for the gateway's PORT (which must be set, and not to 0). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** `edi-gateway serve` in a child process; ready once its schedulers are started. */
function startGateway(env) {
  const child = spawn(process.execPath, [join(root, 'bin/edi-gateway.js'), 'serve'], {
    cwd: root,
    env: { PATH: process.env.PATH, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let stdout = '';
  const ready = new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
      if (/^schedulers: /m.test(stdout)) resolve();
    });
    void exited.then((code) => reject(new Error(`edi-gateway serve exited (${code}):\n${stdout}`)));
  });
  return { child, ready, exited };
}

/** Posts one AS2 request; resolves with the answer and how long it took. */
function post(agent, port, as2) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path: '/as2',
        method: 'POST',
        headers: { ...as2.headers, 'Content-Length': String(as2.body.length) },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            headers: res.headers,
            body: Buffer.concat(chunks),
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(as2.body);
  });
}

/** Why an answer is not a positive, signed MDN for `as2`, or undefined when it is one. */
async function mdnProblem(answer, as2, gatewayCertificate) {
  if (answer.status !== 200) return `HTTP ${answer.status}: ${answer.body.toString('utf8', 0, 200)}`;
  const headers = Object.entries(answer.headers).filter(
    ([name, value]) => /^content-/i.test(name) && typeof value === 'string',
  );
  const checked = await checkMdn({ headers, body: answer.body }, as2, { theirs: [gatewayCertificate] });
  return checked.problem;
}

function psql(sql) {
  return execFileSync('psql', [DATABASE_URL, '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
    encoding: 'utf8',
    env: { ...process.env, PGOPTIONS: '-c client_min_messages=warning' },
  }).trim();
}

const pipelineQueues = (queues) => [queues.inbound, queues.documents, queues.outbound];

async function pendingJobs(queues) {
  let pending = 0;
  for (const queue of pipelineQueues(queues)) {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'paused');
    pending += Object.values(counts).reduce((sum, n) => sum + n, 0);
  }
  return pending;
}

/**
 * Seconds from `since` until the gateway's queues are empty, waiting DRAIN_LIMIT_MS at most;
 * `>N` when they still are not, N seconds after `since`.
 */
async function secondsToDrain(queues, since) {
  const until = Date.now() + DRAIN_LIMIT_MS;
  while (Date.now() < until) {
    if ((await pendingJobs(queues)) === 0) return ((Date.now() - since) / 1000).toFixed(1);
    await sleep(100);
  }
  return `>${Math.floor((Date.now() - since) / 1000)}`;
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const gatewayKeys = party('gateway');
const partnerKeys = party('partner');
const partnersDir = join(dir, 'partners');
mkdirSync(partnersDir);
writeFileSync(join(partnersDir, `${PARTNER_ID}.yaml`), partnerYaml(gatewayKeys, partnerKeys));
const gatewayCertificate = certificateFromPem(readFileSync(gatewayKeys.certificate, 'utf8'));
const settings = {
  ourId: PARTNER_AS2,
  theirId: GATEWAY_AS2,
  ours: keyPairFromPem(readFileSync(partnerKeys.certificate, 'utf8'), readFileSync(partnerKeys.key, 'utf8')),
  theirs: gatewayCertificate,
  signing: 'sha256',
  encryption: 'aes256-cbc',
};

const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
let sequence = 0;

/** Messages of about `bytes` each, built before the clock starts; with their payload bytes. */
async function messagesOf(bytes, count) {
  const lines = linesFor(bytes);
  const messages = [];
  let payloadBytes = 0;
  for (let i = 0; i < count; i++) {
    const payload = purchaseOrder(++sequence, lines);
    payloadBytes += payload.length;
    messages.push(
      await as2Request(payload, 'application/edi-x12', settings, 'acme.example', `po-${sequence}.x12`),
    );
  }
  return { messages, payloadBytes };
}

/** Posts every message, `IN_FLIGHT` at a time; the answers in order, and the seconds it took. */
async function postAll(port, messages) {
  const answers = new Array(messages.length);
  let next = 0;
  const clock = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < messages.length) {
        const i = next++;
        answers[i] = await post(agent, port, messages[i]);
      }
    }),
  );
  return { answers, seconds: Number(process.hrtime.bigint() - clock) / 1e9 };
}

/** Every answer a positive signed MDN for its message, and every message stored. */
async function checkAnswers(label, schema, messages, answers) {
  for (let i = 0; i < messages.length; i++) {
    const problem = await mdnProblem(answers[i], messages[i], gatewayCertificate);
    if (problem !== undefined) throw new Error(`${label} message ${messages[i].messageId}: ${problem}`);
  }
  const ids = messages.map((m) => `'${m.messageId.replace(/'/g, "''")}'`).join(',');
  const stored = Number(
    psql(
      `select count(*) from "${schema}".transmission where direction = 'inbound' and channel = 'as2' and source_ref in (${ids})`,
    ),
  );
  if (stored !== messages.length)
    throw new Error(`${label}: ${stored} of ${messages.length} messages stored`);
}

/**
 * One row: a fresh gateway (schema and queue prefix of its own, removed afterwards), its queues
 * paused or its workers running, `count` messages of about `bytes` posted to it.
 */
async function measure({ label, bytes, count }, workers) {
  const { messages, payloadBytes } = await messagesOf(bytes, count);
  const schema = `bench_as2_${randomBytes(6).toString('hex')}`;
  const prefix = `{bench-as2-${randomBytes(6).toString('hex')}}`;
  const port = await freePort();
  const gateway = startGateway({
    DATABASE_URL,
    DATABASE_SCHEMA: schema,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    PARTNERS_DIR: partnersDir,
    DATA_DIR: join(dir, 'data'),
    ARCHIVE_DIR: join(dir, 'archive'),
    PORT: String(port),
  });
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queues = openQueues(redis, prefix);
  try {
    await gateway.ready;
    if (workers === 'paused') for (const queue of pipelineQueues(queues)) await queue.pause();
    const started = Date.now();
    const { answers, seconds } = await postAll(port, messages);
    const drainedText = workers === 'paused' ? '-' : await secondsToDrain(queues, started);
    await checkAnswers(label, schema, messages, answers);
    const latencies = answers.map((a) => a.ms).sort((a, b) => a - b);
    return [
      label.padEnd(7),
      workers.padEnd(7),
      String(count).padStart(8),
      seconds.toFixed(2).padStart(8),
      (count / seconds).toFixed(1).padStart(11),
      (payloadBytes / 1024 / 1024 / seconds).toFixed(2).padStart(6),
      percentile(latencies, 50).toFixed(1).padStart(8),
      percentile(latencies, 99).toFixed(1).padStart(8),
      drainedText.padStart(10),
    ].join(' ');
  } finally {
    // The jobs not yet taken are removed so that the gateway stops without working through them.
    await Promise.all(pipelineQueues(queues).map((queue) => queue.drain(true)));
    gateway.child.kill('SIGTERM');
    const stopped = await Promise.race([gateway.exited, sleep(30_000, 'timeout', { ref: false })]);
    if (stopped === 'timeout') {
      gateway.child.kill('SIGKILL');
      await gateway.exited;
    }
    await queues.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    psql(`drop schema if exists "${schema}" cascade`);
  }
}

let failed = false;
try {
  console.log(
    `${cpus().length} cores; node ${process.version}; edi-gateway serve on PostgreSQL and Redis; ${IN_FLIGHT} posts in flight; SHA-256 + AES-256-CBC, signed sync MDN`,
  );
  console.log('payload workers messages  seconds  messages/s   MB/s   p50 ms   p99 ms  drained s');
  for (const payload of PAYLOADS) {
    for (const workers of ['paused', 'running']) console.log(await measure(payload, workers));
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  agent.destroy();
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
