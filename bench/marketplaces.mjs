#!/usr/bin/env node
// Speed of marketplace order intake on PostgreSQL and the local Redis, per marketplace: N orders wait
// in the marketplace's loopback sandbox (in this process), one account's partner file points at it,
// and an `edi-gateway worker` process pulls them when a poll job comes (as the job scheduler sends
// it), storing each order as an inbound transmission, then reads and maps each one into a stored
// purchase order (every order is acceptable: catalog, prices and stock are seeded). Prints, from
// one run per marketplace, orders/s from the poll job queued to the last transmission stored
// (pulled+stored) and to the last purchase order document stored (mapped+stored), from the
// database's own timestamps. Every run has a fresh schema and queue prefix, removed afterwards.
//
// Amazon's published getOrderItems plan (0.5 requests/s, burst 30: one call per order) would make
// the Amazon figure 0.5 orders/s whatever the gateway does. SP-API tells a client its account's
// actual rate in each answer's x-amzn-RateLimit-Limit, and the connector follows it: the bench
// reaches the Amazon sandbox through a proxy that reports --amazon-rate there (default 1000/s), so
// the figure measures the gateway. `--amazon-rate published` keeps the published plan.
// Usage: npm run bench:marketplaces
//        node bench/marketplaces.mjs [--orders 2000] [--platforms amazon,shopify,walmart]
//                                    [--workers 1] [--amazon-rate 1000|published]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { stringify } from 'yaml';
import { startAmazonSandbox, startShopifySandbox, startWalmartSandbox } from '../dist/marketplaces/index.js';
import { openQueues } from '../dist/pipeline/index.js';
import { createRepositories, openStore } from '../dist/store/index.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PRICE_LIST = 'marketplace-bench';
/** SKUs the orders draw their lines from. */
const SKUS = 200;
/** No new transmission or document for this long: the run is stuck, and says on what. */
const STALL_MS = 60_000;

const { values: args } = parseArgs({
  options: {
    orders: { type: 'string', default: '2000' },
    platforms: { type: 'string', default: 'amazon,shopify,walmart' },
    workers: { type: 'string', default: '1' },
    'amazon-rate': { type: 'string', default: '1000' },
  },
});
const ORDERS = Number(args.orders);
const WORKERS = Number(args.workers);
const PLATFORMS = args.platforms.split(',');
const AMAZON_RATE = args['amazon-rate'] === 'published' ? undefined : Number(args['amazon-rate']);
for (const [name, value] of [
  ['--orders', ORDERS],
  ['--workers', WORKERS],
]) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number from 1`);
}
if (AMAZON_RATE !== undefined && !(AMAZON_RATE > 0))
  throw new Error('--amazon-rate must be a number of requests per second, or published');
const unknown = PLATFORMS.filter((p) => !['amazon', 'shopify', 'walmart'].includes(p));
if (unknown.length > 0)
  throw new Error(`--platforms: ${unknown.join(', ')} is none of amazon, shopify, walmart`);

const sku = (k) => `BENCH-${String(k % SKUS).padStart(3, '0')}`;
/** A SKU's list price in cents: whole cents keep the amounts the orders carry exact. */
const priceCents = (k) => (10 + ((k % SKUS) % 40)) * 100 + 50;
const money = (cents) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
const unitPrice = (k) => money(priceCents(k));
/** Order `i`'s lines: one to three, one or two of each. */
const linesOf = (i) =>
  Array.from({ length: 1 + (i % 3) }, (_, j) => ({ k: i * 3 + j, quantity: 1 + ((i + j) % 2) }));

async function fixture(path) {
  const file = JSON.parse(await readFile(join(root, 'fixtures/marketplace', path), 'utf8'));
  return file.order ?? file;
}

const ADDRESS = {
  Name: 'Jane Buyer',
  AddressLine1: '1 Main St',
  City: 'Seattle',
  StateOrRegion: 'WA',
  PostalCode: '98101',
  CountryCode: 'US',
};

function placeAmazonOrders(sandbox) {
  for (let i = 0; i < ORDERS; i++) {
    const lines = linesOf(i);
    const items = lines.map(({ k, quantity }, j) => ({
      ASIN: `B0${String(k % SKUS).padStart(8, '0')}`,
      SellerSKU: sku(k),
      OrderItemId: String(10_000_000_000_000 + i * 10 + j),
      Title: `Bench item ${sku(k)}`,
      QuantityOrdered: quantity,
      QuantityShipped: 0,
      ItemPrice: { CurrencyCode: 'USD', Amount: money(priceCents(k) * quantity) },
    }));
    const total = money(lines.reduce((sum, { k, quantity }) => sum + priceCents(k) * quantity, 0));
    sandbox.addOrder(
      {
        AmazonOrderId: `114-${String(i).padStart(7, '0')}-${String((i * 7919) % 10_000_000).padStart(7, '0')}`,
        OrderStatus: 'Unshipped',
        FulfillmentChannel: 'MFN',
        OrderTotal: { CurrencyCode: 'USD', Amount: total },
        ShippingAddress: ADDRESS,
      },
      items,
    );
  }
}

async function placeShopifyOrders(sandbox) {
  const template = await fixture('shopify/shopify-api-ruby__order.json');
  const [lineTemplate] = template.line_items;
  const createdAt = new Date().toISOString();
  for (let i = 0; i < ORDERS; i++) {
    const ordered = linesOf(i);
    const lines = ordered.map(({ k, quantity }, j) => ({
      ...lineTemplate,
      id: 100_000_000 + i * 10 + j,
      variant_id: 200_000_000 + (k % SKUS),
      sku: sku(k),
      title: `Bench item ${sku(k)}`,
      name: `Bench item ${sku(k)}`,
      quantity,
      price: unitPrice(k),
      tax_lines: [],
      discount_allocations: [],
    }));
    const total = money(ordered.reduce((sum, { k, quantity }) => sum + priceCents(k) * quantity, 0));
    const order = {
      ...template,
      id: 5_000_000_000 + i,
      name: `#${10_000 + i}`,
      order_number: 10_000 + i,
      created_at: createdAt,
      line_items: lines,
      subtotal_price: total,
      total_line_items_price: total,
      total_price: total,
      total_tax: '0.00',
      tax_lines: [],
      total_discounts: '0.00',
      discount_codes: [],
      fulfillments: [],
    };
    delete order.updated_at;
    sandbox.addOrder(order);
  }
}

async function placeWalmartOrders(sandbox) {
  const template = await fixture('walmart/walmart-partner-api__test_order.json');
  const [lineTemplate] = template.orderLines.orderLine;
  const placedAt = Date.now();
  for (let i = 0; i < ORDERS; i++) {
    const orderLine = linesOf(i).map(({ k, quantity }, j) => {
      const amount = String(quantity);
      const [charge] = lineTemplate.charges.charge;
      return {
        ...lineTemplate,
        lineNumber: String(j + 1),
        item: { productName: `Bench item ${sku(k)}`, sku: sku(k) },
        charges: {
          charge: [{ ...charge, chargeAmount: { currency: 'USD', amount: Number(unitPrice(k)) }, tax: null }],
        },
        orderLineQuantity: { unitOfMeasurement: 'EACH', amount },
        statusDate: placedAt,
        orderLineStatuses: {
          orderLineStatus: [{ status: 'Created', statusQuantity: { unitOfMeasurement: 'EACH', amount } }],
        },
        refund: null,
      };
    });
    sandbox.addOrder({
      ...template,
      purchaseOrderId: String(1_800_000_000_000 + i),
      customerOrderId: String(2_900_000_000_000 + i),
      orderDate: placedAt,
      orderLines: { orderLine },
    });
  }
}

/**
 * A proxy in front of the Amazon sandbox that reports `rate` in each answer's
 * x-amzn-RateLimit-Limit, as SP-API reports an account's own usage plan.
 */
async function rateHeaderProxy(targetUrl, rate) {
  const target = new URL(targetUrl);
  const server = createServer((req, res) => {
    const upstream = request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        const headers = { ...answer.headers };
        if (headers['x-amzn-ratelimit-limit'] !== undefined) headers['x-amzn-ratelimit-limit'] = String(rate);
        res.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      res.writeHead(502).end(String(error));
    });
    req.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The platform's sandbox, its orders placed, and the URLs the partner file names. */
async function openSandbox(platform) {
  if (platform === 'amazon') {
    const sandbox = await startAmazonSandbox();
    placeAmazonOrders(sandbox);
    if (AMAZON_RATE === undefined)
      return { sandbox, apiUrl: sandbox.url, authUrl: sandbox.authUrl, close: [] };
    const proxy = await rateHeaderProxy(sandbox.url, AMAZON_RATE);
    const authUrl = sandbox.authUrl.replace(sandbox.url, proxy.url);
    return { sandbox, apiUrl: proxy.url, authUrl, close: [proxy.close] };
  }
  if (platform === 'shopify') {
    // The connector asks for 250 orders a page, as many as Shopify serves.
    const sandbox = await startShopifySandbox({ pageSize: 250 });
    await placeShopifyOrders(sandbox);
    return { sandbox, apiUrl: sandbox.url, close: [] };
  }
  const sandbox = await startWalmartSandbox();
  await placeWalmartOrders(sandbox);
  return { sandbox, apiUrl: sandbox.url, close: [] };
}

/** `bench-amazon` and `clientId` -> `BENCH_AMAZON_CLIENT_ID`. */
const envName = (partnerId, credential) =>
  `${partnerId}_${credential}`
    .replace(/[A-Z]/g, (c) => `_${c}`)
    .replace(/-/g, '_')
    .toUpperCase();

function partnerFile(partnerId, platform, { sandbox, apiUrl, authUrl }) {
  return stringify({
    id: partnerId,
    name: `Bench ${platform} account`,
    kind: 'marketplace',
    transport: {
      type: 'marketplace',
      platform,
      account: sandbox.account,
      apiUrl,
      ...(authUrl === undefined ? {} : { authUrl }),
      ...(sandbox.marketplaceIds === undefined ? {} : { marketplaceIds: [...sandbox.marketplaceIds] }),
      credentials: Object.fromEntries(
        Object.keys(sandbox.credentials).map((name) => [name, { env: envName(partnerId, name) }]),
      ),
    },
    business: { priceList: PRICE_LIST },
  });
}

/** Catalog items found by SKU, list prices and stock for every SKU the orders name. */
async function seed(repositories) {
  const all = Array.from({ length: SKUS }, (_, k) => k);
  await repositories.catalog.upsertItems(
    all.map((k) => ({
      itemId: `ITEM-${sku(k)}`,
      status: 'active',
      units: [{ uom: 'EA' }],
      crossReference: { sku: [sku(k)] },
    })),
  );
  await repositories.priceLists.upsertEntries(
    PRICE_LIST,
    all.map((k) => ({ itemId: `ITEM-${sku(k)}`, uom: 'EA', unitPrice: unitPrice(k) })),
  );
  await repositories.inventory.upsertLevels(
    all.map((k) => ({ itemId: `ITEM-${sku(k)}`, locationId: 'DC1', kind: 'dc', onHand: '1000000' })),
  );
}

/** `edi-gateway worker`, ready once it says its workers run. */
function startWorker(env) {
  const child = spawn(process.execPath, [join(root, 'bin/edi-gateway.js'), 'worker'], {
    cwd: root,
    // Warnings only, unless LOG_LEVEL says otherwise: a log line per job is a cost of its own.
    env: { PATH: process.env.PATH, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const ready = new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
      if (/^workers: /m.test(stdout)) resolve();
    });
    void exited.then((code) => reject(new Error(`a worker exited (${code}) before it was ready`)));
  });
  return { child, ready, exited };
}

async function row(db, sql, params) {
  const [first] = await db.execute(sql, params, 'all');
  return first;
}

/**
 * Queues one poll job, as the account's job scheduler does, and waits for a worker to run it;
 * resolves with the number of orders it stored.
 */
async function pullOnce(queues, partnerId, n) {
  const job = await queues.polls.add('poll', { partnerId }, { jobId: `bench-pull-${n}` });
  for (;;) {
    const state = await job.getState();
    if (state === 'failed') {
      const failed = await queues.polls.getJob(job.id);
      throw new Error(`the pull of ${partnerId} failed: ${failed?.failedReason}`);
    }
    if (state === 'completed') {
      const done = await queues.polls.getJob(job.id);
      const outcome = done?.returnvalue;
      if (outcome?.status !== 'polled')
        throw new Error(`the pull of ${partnerId} was ${outcome?.status}: ${outcome?.reason}`);
      return outcome.stored.length;
    }
    await sleep(20);
  }
}

/** One run: a fresh sandbox, schema, prefix and worker processes; returns its figures. */
async function run(platform) {
  const partnerId = `bench-${platform}`;
  const dir = await mkdtemp(join(tmpdir(), 'edi-bench-marketplace-'));
  const partnersDir = join(dir, 'partners');
  await mkdir(partnersDir);
  const placing = Date.now();
  const opened = await openSandbox(platform);
  const placeMs = Date.now() - placing;
  const { sandbox } = opened;
  await writeFile(join(partnersDir, `${partnerId}.yaml`), partnerFile(partnerId, platform, opened));
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const prefix = `{edi-bench-${randomBytes(6).toString('hex')}}`;
  const store = await openStore({ DATABASE_URL, DATA_DIR: 'unused' }, { schema, poolSize: 4 });
  const db = store.orm.em.getConnection();
  await seed(createRepositories(store.orm));
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queues = openQueues(redis, prefix);
  const env = {
    DATABASE_URL,
    DATABASE_SCHEMA: schema,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    PARTNERS_DIR: partnersDir,
    ...Object.fromEntries(
      Object.entries(sandbox.credentials).map(([name, value]) => [envName(partnerId, name), value]),
    ),
  };
  const workers = Array.from({ length: WORKERS }, () => startWorker(env));
  const s = `"${schema}"`;
  try {
    await Promise.all(workers.map((w) => w.ready));
    const queued = Date.now();
    let pulls = 0;
    for (let stored = 0; stored < ORDERS;) {
      const taken = await pullOnce(queues, partnerId, ++pulls);
      if (taken === 0)
        throw new Error(`pull ${pulls} of ${partnerId} stored nothing, ${stored} of ${ORDERS} stored`);
      stored += taken;
    }
    let progress = { at: Date.now(), documents: -1 };
    for (;;) {
      const documents = await row(
        db,
        `select count(*) as n, max(created_at) as last from ${s}.canonical_document where type = 'purchase_order' and partner_id = ?`,
        [partnerId],
      );
      if (Number(documents.n) >= ORDERS) break;
      const refused = await row(
        db,
        `select count(*) as n, min(last_error) as reason from ${s}.transmission where direction = 'inbound' and status in ('rejected', 'failed')`,
      );
      if (Number(refused.n) > 0)
        throw new Error(`${refused.n} order(s) of ${partnerId} not taken: ${refused.reason}`);
      if (Number(documents.n) !== progress.documents)
        progress = { at: Date.now(), documents: Number(documents.n) };
      else if (Date.now() - progress.at > STALL_MS)
        throw new Error(
          `${documents.n} of ${ORDERS} orders of ${partnerId} mapped, none more for ${STALL_MS / 1000} s`,
        );
      await sleep(200);
    }
    const stored = await row(
      db,
      `select count(*) as n, max(received_at) as last from ${s}.transmission where direction = 'inbound' and channel = 'marketplace' and partner_id = ?`,
      [partnerId],
    );
    const mapped = await row(
      db,
      `select count(*) as n, max(created_at) as last from ${s}.canonical_document where type = 'purchase_order' and partner_id = ?`,
      [partnerId],
    );
    const lines = await row(
      db,
      `select count(*) as n from ${s}.canonical_document d, jsonb_array_elements(d.document -> 'lines') where d.type = 'purchase_order' and d.partner_id = ?`,
      [partnerId],
    );
    const calls = Object.entries(sandbox.requests)
      .filter(([operation]) => !/token/i.test(operation))
      .map(([operation, count]) => `${operation} ${count}`)
      .join(', ');
    return {
      platform,
      placeMs,
      pulls,
      transmissions: Number(stored.n),
      documents: Number(mapped.n),
      lines: Number(lines.n),
      storedMs: new Date(stored.last).getTime() - queued,
      mappedMs: new Date(mapped.last).getTime() - queued,
      calls,
    };
  } finally {
    for (const w of workers) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));
    await queues.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await db.execute(`drop schema if exists "${schema}" cascade`);
    await store.close();
    for (const close of opened.close) await close();
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const rate = (n, ms) => Math.round(n / (ms / 1000)).toString();
const secs = (ms) => (ms / 1000).toFixed(1);
const command = ['node bench/marketplaces.mjs', ...process.argv.slice(2)].join(' ');
console.log(`${command}`);
console.log(
  `${ORDERS} orders per marketplace, ${WORKERS} worker process(es); PostgreSQL ${DATABASE_URL.replace(/\/\/[^@/]*@/, '//')}; ${cpus().length} cores; node ${process.version}`,
);
console.log(
  AMAZON_RATE === undefined
    ? 'amazon: the published usage plans (getOrderItems 0.5/s, burst 30, one call per order)'
    : `amazon: x-amzn-RateLimit-Limit reported as ${AMAZON_RATE}/s by a proxy (published getOrderItems plan: 0.5/s, burst 30)`,
);
console.log();
console.log(
  'marketplace  orders  lines  pulls  pulled+stored s  orders/s  mapped+stored s  orders/s  API calls',
);
for (const platform of PLATFORMS) {
  const r = await run(platform);
  console.log(
    [
      r.platform.padEnd(11),
      String(r.transmissions).padStart(6),
      String(r.lines).padStart(6),
      String(r.pulls).padStart(6),
      secs(r.storedMs).padStart(16),
      rate(r.transmissions, r.storedMs).padStart(9),
      secs(r.mappedMs).padStart(16),
      rate(r.documents, r.mappedMs).padStart(9),
      ` ${r.calls}`,
    ].join(' '),
  );
}
