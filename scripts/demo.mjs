#!/usr/bin/env node
// `npm run demo`: the whole gateway on the demo partners, end to end, on this machine.
//
// Starts `edi-gateway serve` as a child process on an embedded database in a temporary DATA_DIR,
// with the three demo partners switched to folder transports in temporary folders and a queue
// prefix of its own (Redis from REDIS_URL, default 127.0.0.1:6379). Seeds a small catalog, price
// lists and stock through the HTTP API, drops each partner's sample 850 into its inbox, waits
// until everything has been read and sent, prints what came out, then stops the gateway and
// removes every file and Redis key it made. Builds dist/ first when the sources are newer.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { parse, stringify } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const PARTNERS = ['bigbox-retail', 'dropship-direct', 'northwind-health'];
const POLL_SECONDS = 5;
const SETTLE_TIMEOUT_MS = 120_000;
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const prefix = `{edi-demo-${randomBytes(4).toString('hex')}}`;

const say = (line = '') => process.stdout.write(`${line}\n`);
const sleep = (ms) => delay(ms);

/** The newest modification time of any file under `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function buildIfStale() {
  const built = join(root, 'dist/cli/main.js');
  if (existsSync(built) && statSync(built).mtimeMs >= newest(join(root, 'src'))) return;
  say('dist/ is older than src/: npm run build');
  const run = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (run.status !== 0) throw new Error('npm run build failed');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Copies the demo partners with their transport replaced by folders under `dir`. */
async function writePartners(dir) {
  const partnersDir = join(dir, 'partners');
  await mkdir(partnersDir);
  const folders = {};
  for (const id of PARTNERS) {
    const config = parse(await readFile(join(root, 'partners', `${id}.yaml`), 'utf8'));
    const inbox = join(dir, id, 'inbox');
    const outbox = join(dir, id, 'outbox');
    await mkdir(inbox, { recursive: true });
    await mkdir(outbox, { recursive: true });
    config.transport = { type: 'folder', inbox, outbox, pollSeconds: POLL_SECONDS };
    await writeFile(join(partnersDir, `${id}.yaml`), stringify(config));
    folders[id] = { inbox, outbox };
  }
  return { partnersDir, folders };
}

/** Starts `edi-gateway serve`; resolves with the child and its base URL once it listens. */
async function startGateway(env) {
  const child = spawn(process.execPath, [join(root, 'bin/edi-gateway.js'), 'serve'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('close', resolve));
  const base = await new Promise((resolve, reject) => {
    let pending = '';
    const echo = (stream) => (chunk) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line !== '') stream.write(`  gateway | ${line}\n`);
      }
    };
    child.stdout.on('data', (chunk) => {
      echo(process.stdout)(chunk);
      pending += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(pending);
      if (match) resolve(match[1]);
    });
    child.stderr.on('data', echo(process.stderr));
    void exited.then((code) => reject(new Error(`the gateway exited with code ${code} before listening`)));
  });
  return { child, base, exited };
}

async function api(base, method, path, body) {
  // Node 20's global fetch; the lint config knows only a few globals in plain scripts.
  // eslint-disable-next-line no-undef
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, body: json };
}

const CATALOG = {
  items: [
    {
      itemId: 'ACM-100',
      description: 'Widget, large',
      status: 'active',
      units: [{ uom: 'EA' }],
      crossReference: { upc: ['012345678905'], vendorPartNumber: ['ACM-100'] },
    },
    {
      itemId: 'ACM-200',
      description: 'Widget, small',
      status: 'active',
      units: [{ uom: 'EA' }],
      crossReference: { upc: ['012345678912'], vendorPartNumber: ['ACM-200'] },
    },
    {
      itemId: 'ACM-300',
      description: 'Desk lamp',
      status: 'active',
      units: [{ uom: 'EA' }],
      crossReference: { upc: ['012345678929'], vendorPartNumber: ['ACM-300'] },
    },
    {
      itemId: 'ACM-GLOVE-M',
      description: 'Nitrile gloves, medium, box of 100',
      status: 'active',
      units: [{ uom: 'BX' }],
      crossReference: { vendorPartNumber: ['ACM-GLOVE-M'] },
    },
    {
      itemId: 'ACM-MASK',
      description: 'Procedure masks, case of 500',
      status: 'active',
      units: [{ uom: 'CA' }],
      crossReference: { vendorPartNumber: ['ACM-MASK'] },
    },
  ],
};
const PRICE_LISTS = {
  'bigbox-retail-2024': {
    entries: [
      { itemId: 'ACM-100', uom: 'EA', unitPrice: '12.50' },
      { itemId: 'ACM-200', uom: 'EA', unitPrice: '7.25' },
    ],
  },
  'northwind-contract-2024': {
    entries: [
      { itemId: 'ACM-GLOVE-M', uom: 'BX', unitPrice: '18.40' },
      { itemId: 'ACM-MASK', uom: 'CA', unitPrice: '52.00' },
    ],
  },
};
const INVENTORY = {
  levels: ['DC-EAST', 'DC-WEST', 'DC-CENTRAL'].flatMap((locationId) =>
    CATALOG.items.map((item) => ({ itemId: item.itemId, locationId, kind: 'dc', onHand: '500' })),
  ),
};

async function seed(base) {
  const loads = [
    ['PUT', '/api/catalog', CATALOG],
    ...Object.entries(PRICE_LISTS).map(([id, body]) => ['PUT', `/api/price-lists/${id}`, body]),
    ['PUT', '/api/inventory', INVENTORY],
  ];
  for (const [method, path, body] of loads) {
    const { status, body: answer } = await api(base, method, path, body);
    if (status === 404) say(`seed: ${path} is not available in this build; skipped`);
    else if (status >= 400) say(`seed: ${path} refused (${status}): ${JSON.stringify(answer)}`);
    else say(`seed: ${path} ${JSON.stringify(answer)}`);
  }
}

const FINAL = new Set(['processed', 'rejected', 'failed', 'sent', 'acknowledged']);

/** Waits until every inbound file is read and nothing waits for delivery, twice in a row. */
async function settle(base, expectedInbound) {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  let calm = 0;
  for (;;) {
    const { body } = await api(base, 'GET', '/api/transmissions?limit=200&actor=demo');
    const list = Array.isArray(body) ? body : [];
    const inbound = list.filter((t) => t.direction === 'inbound');
    const done = inbound.length >= expectedInbound && list.every((t) => FINAL.has(t.status));
    calm = done ? calm + 1 : 0;
    if (calm >= 3) return list;
    if (Date.now() > deadline) {
      say(`gave up waiting after ${SETTLE_TIMEOUT_MS / 1000} s; showing what there is`);
      return list;
    }
    await sleep(1_000);
  }
}

async function report(base, transmissions, folders) {
  say();
  say('transmissions');
  for (const t of [...transmissions].reverse()) {
    const error = t.lastError ? `  (${t.lastError.slice(0, 100)})` : '';
    say(
      `  ${t.direction.padEnd(8)} ${String(t.partnerId ?? '-').padEnd(17)} ${t.status.padEnd(10)} ${String(t.sourceRef ?? '-').padEnd(22)}${error}`,
    );
  }
  say();
  say('outbox files');
  for (const [id, { outbox }] of Object.entries(folders)) {
    const names = (await readdir(outbox)).filter((n) => !n.startsWith('.')).sort();
    say(`  ${id}: ${names.length === 0 ? '(none)' : ''}`);
    for (const name of names) {
      const text = await readFile(join(outbox, name), 'utf8');
      const sets = [...text.matchAll(/(?:^|[~\n])\s*ST[*|](\d{3})/g)].map((m) => m[1]);
      say(`    ${name}  (${text.length} bytes; ${sets.join(', ') || 'no ST'})`);
    }
  }
  const orders = await api(base, 'GET', '/api/orders?limit=50');
  say();
  if (orders.status === 404) say('orders: /api/orders is not available in this build');
  else {
    say('orders');
    for (const o of orders.body.orders ?? []) {
      say(`  ${String(o.partnerId).padEnd(17)} PO ${String(o.poNumber).padEnd(16)} ${o.status}`);
    }
  }
  const exceptions = await api(base, 'GET', '/api/exceptions?status=open&limit=50');
  say();
  if (exceptions.status === 404) say('exceptions: /api/exceptions is not available in this build');
  else {
    const open = exceptions.body.exceptions ?? [];
    say(`open exceptions: ${open.length}`);
    for (const e of open) say(`  #${e.id} ${e.kind} on ${e.subjectType} ${e.subjectId}: ${e.message}`);
  }
}

async function removeQueueKeys() {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  redis.on('error', () => {});
  try {
    await redis.connect();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } catch {
    // Redis is down: there is nothing of ours in it to remove.
  } finally {
    redis.disconnect();
  }
}

async function stop(gateway) {
  if (gateway.child.exitCode !== null) return;
  gateway.child.kill('SIGTERM');
  const timeout = sleep(30_000).then(() => 'timeout');
  if ((await Promise.race([gateway.exited, timeout])) === 'timeout') {
    gateway.child.kill('SIGKILL');
    await gateway.exited;
  }
}

async function main() {
  buildIfStale();
  const dir = await mkdtemp(join(tmpdir(), 'edi-gateway-demo-'));
  let gateway;
  const interrupted = () => say('\ninterrupted: cleaning up');
  process.once('SIGINT', interrupted);
  try {
    const { partnersDir, folders } = await writePartners(dir);
    const env = {
      ...process.env,
      PORT: String(await freePort()),
      DATA_DIR: join(dir, 'data'),
      PARTNERS_DIR: partnersDir,
      QUEUE_PREFIX: prefix,
    };
    // The demo runs on the embedded database, whatever the shell points at.
    delete env.DATABASE_URL;
    delete env.DATABASE_SCHEMA;
    say(`demo: gateway in ${dir}, queue prefix ${prefix}`);
    gateway = await startGateway(env);
    await seed(gateway.base);
    for (const id of PARTNERS) {
      await writeFile(
        join(folders[id].inbox, `${id}-850.edi`),
        await readFile(join(root, 'fixtures/partners', id, '850.edi')),
      );
      say(`drop: fixtures/partners/${id}/850.edi -> ${id} inbox`);
    }
    say(
      `waiting for the gateway (it polls every ${POLL_SECONDS} s and takes a file once it has not changed between two polls)`,
    );
    const transmissions = await settle(gateway.base, PARTNERS.length);
    await report(gateway.base, transmissions, folders);
    say();
  } finally {
    if (gateway !== undefined) await stop(gateway);
    await removeQueueKeys();
    await rm(dir, { recursive: true, force: true });
    process.off('SIGINT', interrupted);
    say('demo: stopped the gateway and removed its files and queue keys');
  }
}

main().catch((error) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
