// The marketplace accounts of `npm run demo`: one Amazon, one Shopify and one Walmart account, each
// against its loopback sandbox (started here, in the demo's process). Writes their partner files
// (credentials read by the gateway from environment variables), adds their catalog, price lists and
// stock to the demo's seed, places one order in each marketplace (Shopify's delivered to the
// gateway as an `orders/create` webhook, Amazon's and Walmart's taken by the gateway's scheduled
// pull), waits until each order is stored and decided (Walmart's acknowledged through its API),
// posts one ERP shipment per order to `POST /api/events/shipment-confirmed`, waits until each
// sandbox received its shipment confirmation, and prints what happened.
//
// The gateway offers no way to pull an account at once: its poll job scheduler runs each account
// every `pollMinutes` (1, the least) at an offset within the minute derived from the partner id,
// so the first pull comes 0 to 60 s after `serve` starts. The demo reads when from the scheduler
// and says so; Shopify's order comes in at once by webhook.
//
// Imports dist/: load this module only once dist/ is built.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { stringify } from 'yaml';
import { startAmazonSandbox, startShopifySandbox, startWalmartSandbox } from '../dist/marketplaces/index.js';
import { pollSchedulerId, QUEUE_NAMES } from '../dist/pipeline/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The schema's minimum: the gateway pulls an account at most once a minute. */
const POLL_MINUTES = 1;
/** Orders taken, decided and (Walmart) acknowledged: the first scheduled pull is up to a minute away. */
const DECIDED_TIMEOUT_MS = 100_000;
const SHIPPED_TIMEOUT_MS = 30_000;
const FINAL = new Set(['processed', 'rejected', 'failed', 'sent', 'acknowledged']);

const nowInstant = () => new Date().toISOString();
const clock = (at) => new Date(at).toISOString().slice(11, 19);

/** An Amazon seller-fulfilled order waiting to ship, with its one item (SP-API Orders v0 JSON). */
function amazonOrder() {
  const order = {
    AmazonOrderId: '902-3159896-1390916',
    OrderStatus: 'Unshipped',
    FulfillmentChannel: 'MFN',
    OrderTotal: { CurrencyCode: 'USD', Amount: '25.00' },
    ShippingAddress: {
      Name: 'Jane Buyer',
      AddressLine1: '1 Main St',
      City: 'Seattle',
      StateOrRegion: 'WA',
      PostalCode: '98101',
      CountryCode: 'US',
    },
  };
  const items = [
    {
      ASIN: 'B00551Q3CS',
      SellerSKU: 'CARD-BOOK',
      OrderItemId: '68828574383266',
      Title: 'Card book',
      QuantityOrdered: 2,
      QuantityShipped: 0,
      ItemPrice: { CurrencyCode: 'USD', Amount: '25.00' },
    },
  ];
  return { order, items };
}

async function fixture(path) {
  const file = JSON.parse(await readFile(join(root, 'fixtures/marketplace', path), 'utf8'));
  return file.order ?? file;
}

/** The Shopify fixture order (three iPods), placed now: placed in 2008, it would be held as past its date. */
async function shopifyOrder() {
  const order = await fixture('shopify/shopify-api-ruby__order.json');
  delete order.updated_at;
  return { ...order, created_at: nowInstant(), fulfillments: [] };
}

/** The Walmart fixture order, placed now, its one line created and waiting to be acknowledged. */
async function walmartOrder() {
  const order = await fixture('walmart/walmart-partner-api__test_order.json');
  const quantity = { unitOfMeasurement: 'EACH', amount: '2' };
  for (const line of order.orderLines.orderLine) {
    line.orderLineQuantity = quantity;
    line.statusDate = Date.now();
    line.orderLineStatuses = { orderLineStatus: [{ status: 'Created', statusQuantity: quantity }] };
  }
  return { ...order, purchaseOrderId: '1796277083022', orderDate: Date.now() };
}

/**
 * The three accounts: the SKUs their orders name (each our own catalog item, found by its `sku`
 * cross-reference), at the list price the order carries, and the ERP's shipment of each order.
 */
const ACCOUNTS = [
  {
    id: 'demo-amazon',
    platform: 'amazon',
    name: 'Demo Amazon seller account (sandbox)',
    start: () => startAmazonSandbox(),
    lines: [
      { lineNumber: '1', sku: 'CARD-BOOK', itemId: 'ACM-CARD-BOOK', quantity: '2', unitPrice: '12.50' },
    ],
    items: { 'ACM-CARD-BOOK': 'Card book, linen' },
    shipment: { scac: 'UPSN', tracking: '1Z999AA10123456784' },
    async place(sandbox) {
      const { order, items } = amazonOrder();
      return { orderId: sandbox.addOrder(order, items) };
    },
  },
  {
    id: 'demo-shopify',
    platform: 'shopify',
    name: 'Demo Shopify shop (sandbox)',
    start: () => startShopifySandbox(),
    lines: ['GREEN', 'RED', 'BLACK'].map((colour, index) => ({
      lineNumber: String(index + 1),
      sku: `IPOD2008${colour}`,
      itemId: `ACM-IPOD-${colour}`,
      quantity: '1',
      unitPrice: '199.00',
    })),
    items: {
      'ACM-IPOD-GREEN': 'iPod nano 8 GB, green',
      'ACM-IPOD-RED': 'iPod nano 8 GB, red',
      'ACM-IPOD-BLACK': 'iPod nano 8 GB, black',
    },
    shipment: { scac: 'FDEG', tracking: '794698123456' },
    async place(sandbox, base, id) {
      const orderId = sandbox.addOrder(await shopifyOrder());
      const statuses = await sandbox.deliverWebhook(
        `${base}/webhooks/shopify/${id}`,
        'orders/create',
        orderId,
      );
      if (statuses.at(-1) !== 200) {
        throw new Error(`the orders/create webhook of ${id} was answered ${statuses.join(', ')}`);
      }
      return { orderId, webhook: statuses };
    },
  },
  {
    id: 'demo-walmart',
    platform: 'walmart',
    name: 'Demo Walmart seller account (sandbox)',
    start: () => startWalmartSandbox(),
    lines: [
      {
        lineNumber: '1',
        sku: 'MGR_07_21_00100123',
        itemId: 'ACM-RICE-CEREAL',
        quantity: '2',
        unitPrice: '19.99',
      },
    ],
    items: { 'ACM-RICE-CEREAL': 'Rice cereal, 24 oz' },
    shipment: { scac: 'UPSN', tracking: '1Z12345E0205271688' },
    async place(sandbox) {
      return { orderId: sandbox.addOrder(await walmartOrder()) };
    },
  },
];

/** `demo-amazon` and `clientId` -> `DEMO_AMAZON_CLIENT_ID`. */
const envName = (id, credential) =>
  `${id}_${credential}`
    .replace(/[A-Z]/g, (c) => `_${c}`)
    .replace(/-/g, '_')
    .toUpperCase();

/**
 * Starts the three sandboxes. `accounts` carry each one's sandbox; `env` the credentials the
 * gateway reads (its partner files name these variables); `close` stops every sandbox.
 */
export async function startMarketplaceSandboxes() {
  const accounts = [];
  const env = {};
  try {
    for (const account of ACCOUNTS) {
      const sandbox = await account.start();
      accounts.push({ ...account, sandbox });
      for (const [name, value] of Object.entries(sandbox.credentials)) env[envName(account.id, name)] = value;
    }
  } catch (error) {
    await Promise.all(accounts.map(({ sandbox }) => sandbox.close()));
    throw error;
  }
  return {
    accounts,
    env,
    close: () => Promise.all(accounts.map(({ sandbox }) => sandbox.close())),
  };
}

/** Writes each account's partner file into `partnersDir`, pointed at its sandbox. */
export async function writeMarketplacePartners(partnersDir, accounts) {
  for (const { id, name, platform, sandbox } of accounts) {
    const credentials = Object.fromEntries(
      Object.keys(sandbox.credentials).map((credential) => [credential, { env: envName(id, credential) }]),
    );
    const file = {
      id,
      name,
      kind: 'marketplace',
      enabled: true,
      transport: {
        type: 'marketplace',
        platform,
        account: sandbox.account,
        credentials,
        pollMinutes: POLL_MINUTES,
        apiUrl: sandbox.url,
        ...(sandbox.authUrl === undefined ? {} : { authUrl: sandbox.authUrl }),
        ...(sandbox.marketplaceIds === undefined ? {} : { marketplaceIds: [...sandbox.marketplaceIds] }),
      },
      business: { priceList: `${id}-list` },
    };
    await writeFile(join(partnersDir, `${id}.yaml`), stringify(file));
  }
}

/**
 * The master-data loads for the accounts' SKUs, as `[method, path, body]`: catalog items with the
 * marketplace SKU as their `sku` cross-reference, one price list per account, and stock at DC-EAST.
 */
export function marketplaceSeed() {
  const lines = ACCOUNTS.flatMap((account) => account.lines.map((line) => ({ ...line, account })));
  const items = lines.map(({ itemId, sku, account }) => ({
    itemId,
    description: account.items[itemId],
    status: 'active',
    units: [{ uom: 'EA' }],
    crossReference: { sku: [sku] },
  }));
  const levels = lines.map(({ itemId }) => ({ itemId, locationId: 'DC-EAST', kind: 'dc', onHand: '50' }));
  return [
    ['PUT', '/api/catalog', { items }],
    ...ACCOUNTS.map(({ id, lines: own }) => [
      'PUT',
      `/api/price-lists/${id}-list`,
      { entries: own.map(({ itemId, unitPrice }) => ({ itemId, uom: 'EA', unitPrice })) },
    ]),
    ['PUT', '/api/inventory', { levels }],
  ];
}

/** When the gateway's job scheduler will next pull each account, or undefined where it cannot say. */
async function nextPulls(redisUrl, prefix, accounts) {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
  connection.on('error', () => {});
  const polls = new Queue(QUEUE_NAMES.polls, { connection, prefix });
  try {
    const next = {};
    for (const { id } of accounts) next[id] = (await polls.getJobScheduler(pollSchedulerId(id)))?.next;
    return next;
  } catch {
    return {};
  } finally {
    await polls.close();
    connection.disconnect();
  }
}

/**
 * Places one order in each marketplace: Shopify's is delivered at once as a signed webhook to the
 * gateway; Amazon's and Walmart's wait in their sandbox for the gateway's next scheduled pull.
 * Returns the placed orders, by account id.
 */
export async function placeMarketplaceOrders({ accounts, base, redisUrl, prefix, say }) {
  const placed = {};
  const next = await nextPulls(redisUrl, prefix, accounts);
  for (const account of accounts) {
    const order = await account.place(account.sandbox, base, account.id);
    placed[account.id] = order;
    const at = next[account.id];
    const schedule =
      at === undefined
        ? 'every minute'
        : `every minute, next at ${clock(at)} (in ${Math.max(0, Math.round((at - Date.now()) / 1000))} s)`;
    const how =
      order.webhook === undefined
        ? `the gateway pulls ${account.id} ${schedule}`
        : `its orders/create webhook posted to /webhooks/shopify/${account.id}: ${order.webhook.join(', ')}; the gateway also pulls ${account.id} ${schedule}`;
    say(`${account.platform}: order ${order.orderId} placed in its sandbox (${account.sandbox.url}); ${how}`);
  }
  return placed;
}

/** The account's orders, transmissions and open exceptions, as the API shows them. */
async function accountState(call, id) {
  const [orders, transmissions, exceptions] = await Promise.all([
    call('GET', `/api/orders?partner=${id}`).then((page) => page.orders ?? []),
    call('GET', `/api/transmissions?partner=${id}&limit=50`).then((page) => page.transmissions ?? []),
    call('GET', `/api/exceptions?partner=${id}&status=open`).then((page) => page.exceptions ?? []),
  ]);
  return { orders, transmissions, exceptions };
}

/** Polls `pending` (a reason to wait, or undefined) every half second until it has none. */
async function until(what, pending, { timeoutMs, halted }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stop = halted(what);
    if (stop !== undefined) throw new Error(stop);
    const missing = await pending();
    if (missing === undefined) return;
    if (Date.now() > deadline)
      throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000} s: ${missing}`);
    await delay(500);
  }
}

/** Why the account is not done yet: its order stored, read, decided and (Walmart) acknowledged. */
async function pendingDecision(call, account, orderId) {
  const { orders, transmissions, exceptions } = await accountState(call, account.id);
  const order = orders.find((o) => o.poNumber === orderId);
  if (order === undefined) {
    return transmissions.length === 0
      ? `no ${account.platform} order stored yet`
      : `${account.platform} order ${orderId} stored, not yet an order`;
  }
  if (order.status === 'open') return `${account.platform} order ${orderId} is still being decided`;
  if (order.status !== 'acknowledged') {
    const why = exceptions.find((e) => e.subjectId === order.id)?.message ?? 'no exception says why';
    throw new Error(
      `${account.id}'s order ${orderId} is ${order.status}, where the demo expects acknowledged: ${why}`,
    );
  }
  const busy = transmissions.filter((t) => !FINAL.has(t.status));
  if (busy.length > 0)
    return `${account.id}: ${busy.length} transmission(s) still ${busy.map((t) => t.status).join(', ')}`;
  if (account.platform === 'walmart' && !received(account, 'acknowledgeOrder', orderId)) {
    return `Walmart has not received the acknowledgement of ${orderId} yet`;
  }
  return undefined;
}

function received(account, operation, orderId) {
  return account.sandbox.received.find((c) => c.operation === operation && c.orderId === orderId);
}

/** The ERP's shipment of the whole order, as it posts it: a canonical ship notice. */
function shipNotice(account, orderId) {
  return {
    type: 'ship_notice',
    partnerId: account.id,
    shipmentId: `${account.id}-ship-1`,
    purpose: 'original',
    shipmentDate: nowInstant().slice(0, 10),
    structure: 'S/O/I',
    carriers: [{ scac: account.shipment.scac }],
    trackingNumbers: [account.shipment.tracking],
    parties: [],
    references: [],
    dates: [],
    notes: [],
    orders: [
      {
        poNumber: orderId,
        tares: [],
        packs: [],
        items: account.lines.map(({ lineNumber, sku, quantity }) => ({
          lineNumber,
          ids: { sku },
          quantityShipped: quantity,
          uom: 'EA',
        })),
      },
    ],
  };
}

/** What a sandbox's shipment confirmation said: carrier and tracking, in each API's own fields. */
function confirmationSummary(platform, body) {
  if (platform === 'amazon') {
    const detail = body.packageDetail ?? {};
    return `${detail.carrierCode} ${detail.trackingNumber}, ${(detail.orderItems ?? []).length} item(s)`;
  }
  if (platform === 'shopify') {
    const fulfillment = body.fulfillment ?? {};
    const lines = (fulfillment.line_items_by_fulfillment_order ?? []).flatMap(
      (group) => group.fulfillment_order_line_items ?? [],
    );
    return `${fulfillment.tracking_info?.company} ${fulfillment.tracking_info?.number}, ${lines.length} line(s)`;
  }
  const lines = body.orderShipment?.orderLines?.orderLine ?? [];
  const tracking = lines[0]?.orderLineStatuses?.orderLineStatus?.[0]?.trackingInfo ?? {};
  return `${tracking.carrierName?.carrier ?? tracking.carrierName?.otherCarrier} ${tracking.trackingNumber}, ${lines.length} line(s)`;
}

/**
 * Waits until each placed order is stored and decided (Walmart's acknowledged on Walmart), posts
 * its shipment as the ERP would, waits until each sandbox received the shipment confirmation, and
 * prints a few lines per account.
 */
export async function shipMarketplaceOrders({ accounts, placed, call, say, halted }) {
  for (const account of accounts) {
    const { orderId } = placed[account.id];
    await until(
      `${account.id}'s order ${orderId} to be taken`,
      () => pendingDecision(call, account, orderId),
      {
        timeoutMs: DECIDED_TIMEOUT_MS,
        halted,
      },
    );
  }
  const posted = {};
  for (const account of accounts) {
    const { orderId } = placed[account.id];
    posted[account.id] = await call('POST', '/api/events/shipment-confirmed', shipNotice(account, orderId));
  }
  for (const account of accounts) {
    const { orderId } = placed[account.id];
    await until(
      `${account.platform} to receive the shipment of ${orderId}`,
      async () => {
        if (received(account, 'confirmShipment', orderId) === undefined)
          return `no shipment confirmation on ${account.platform} yet`;
        const { transmissions } = await accountState(call, account.id);
        const busy = transmissions.filter((t) => !FINAL.has(t.status));
        return busy.length === 0 ? undefined : `${busy.length} transmission(s) still ${busy[0].status}`;
      },
      { timeoutMs: SHIPPED_TIMEOUT_MS, halted },
    );
  }
  say();
  say('marketplace accounts');
  for (const account of accounts)
    await reportAccount(call, say, account, placed[account.id], posted[account.id]);
}

async function reportAccount(call, say, account, placed, posted) {
  const { orderId } = placed;
  const { orders, transmissions } = await accountState(call, account.id);
  const order = orders.find((o) => o.poNumber === orderId);
  const lines = account.lines.map((line) => `${line.quantity} x ${line.sku}`).join(', ');
  const marketplace = transmissions.filter((t) => t.channel === 'marketplace').reverse();
  const taken = marketplace
    .filter((t) => t.direction === 'inbound')
    .map((t) => `${t.sourceRef} at ${clock(t.receivedAt)} (${t.status})`);
  const event = transmissions.find((t) => t.id === posted.eventTransmissionId);
  const confirmation = received(account, 'confirmShipment', orderId);
  const ack = received(account, 'acknowledgeOrder', orderId);
  const calls = marketplace
    .filter((t) => t.direction === 'outbound')
    .map((t) => `${t.sourceRef} (${t.status})`);
  say(`  ${account.platform} (${account.id}, account ${account.sandbox.account})`);
  say(`    order ${orderId}, ${lines}: ${taken.join(', ')}; order ${order?.status ?? 'missing'}`);
  if (ack !== undefined) say(`    acknowledged on Walmart at ${clock(ack.at)}`);
  say(
    `    shipment ${account.id}-ship-1 posted at ${event === undefined ? '?' : clock(event.receivedAt)} -> confirmShipment on ${account.platform} at ${clock(confirmation.at)}: ${confirmationSummary(account.platform, confirmation.body)}`,
  );
  say(`    API calls: ${calls.join(', ') || 'none'}`);
}
