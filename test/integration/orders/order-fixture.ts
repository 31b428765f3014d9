import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startServer } from '../../../src/api/index.js';
import { computeKpis } from '../../../src/kpis/index.js';
import type { OrderStatus, StoredOrder } from '../../../src/store/index.js';
import {
  startHarness,
  waitFor,
  type Harness,
  type HarnessOptions,
  type HarnessSeed,
} from '../pipeline/pipeline-harness.js';
import type { PurchaseOrder } from '../../../src/canonical/index.js';
import { translateX12 } from '../../../src/mapping/index.js';
import { interchange850s, parse855, type Order850, type Parsed855 } from './order-850.js';
import { bearer, staffKeys } from '../api/staff-keys.js';

/** The business day the tests run on: 2025-03-02, the day after the sample orders' date. */
export const TODAY = new Date('2025-03-02T12:00:00Z');

export const PRICE_LIST = 'acme-2025';

/** Starting a harness migrates a schema and connects to Redis: slow on a busy machine. */
export const HOOK_TIMEOUT = 60_000;

/** Items with one constraint each, so that each rule can be tripped on its own. */
export const SEED: HarnessSeed = {
  catalog: [
    {
      itemId: 'WIDGET',
      status: 'active',
      units: [{ uom: 'EA' }],
      crossReference: { vendorPartNumber: ['WID-1'] },
    },
    {
      itemId: 'PACKED',
      status: 'active',
      units: [{ uom: 'EA', packSize: '6' }],
      crossReference: { vendorPartNumber: ['PAK-1'] },
    },
    {
      itemId: 'BULK',
      status: 'active',
      units: [{ uom: 'EA', minimumOrderQuantity: '10' }],
      crossReference: { vendorPartNumber: ['BLK-1'] },
    },
    {
      itemId: 'CASED',
      status: 'active',
      units: [{ uom: 'CA' }],
      crossReference: { vendorPartNumber: ['CAS-1'] },
    },
  ],
  priceList: {
    id: PRICE_LIST,
    entries: [
      { itemId: 'WIDGET', uom: 'EA', unitPrice: '10.00' },
      { itemId: 'PACKED', uom: 'EA', unitPrice: '5.00' },
      { itemId: 'BULK', uom: 'EA', unitPrice: '2.00' },
      { itemId: 'CASED', uom: 'CA', unitPrice: '60.00' },
    ],
  },
  inventory: [
    { itemId: 'WIDGET', locationId: 'DC-EAST', kind: 'dc', onHand: '100' },
    { itemId: 'WIDGET', locationId: 'DC-WEST', kind: 'dc', onHand: '50' },
    { itemId: 'PACKED', locationId: 'DC-EAST', kind: 'dc', onHand: '100' },
    { itemId: 'BULK', locationId: 'DC-EAST', kind: 'dc', onHand: '100' },
    { itemId: 'CASED', locationId: 'DC-EAST', kind: 'dc', onHand: '100' },
  ],
};

export const BUSINESS = {
  priceList: PRICE_LIST,
  priceTolerancePercent: 0,
  allocation: { strategy: 'single-location-first', locations: ['DC-EAST', 'DC-WEST'] },
};

/** A harness whose partner takes 855s, with the catalog, prices and stock above, and the HTTP API. */
export interface OrderHarness extends Harness {
  api: string;
  /** Waits until the order with this PO number is in `status`. */
  order(poNumber: string, status: OrderStatus): Promise<StoredOrder>;
  /** Waits for the 855 of this PO number to be delivered, and reads it. */
  ack855(poNumber: string): Promise<Parsed855>;
  /** The files in the outbox that are 855s. */
  acks855(): Promise<{ name: string; content: string }[]>;
  committed(itemId: string, locationId: string): Promise<string>;
  post(path: string, body: unknown): Promise<{ status: number; body: unknown }>;
  get(path: string): Promise<{ status: number; body: unknown }>;
  put(path: string, body: unknown): Promise<{ status: number; body: unknown }>;
}

export async function startOrderHarness(options: HarnessOptions = {}): Promise<OrderHarness> {
  const harness = await startHarness({ business: BUSINESS, seed: SEED, now: () => TODAY, ...options });
  const services = {
    repositories: harness.repositories,
    partners: harness.partners,
    queues: harness.pipeline.queues,
    now: () => TODAY,
  };
  let server: Server;
  try {
    server = await startServer({ PORT: 0 }, '127.0.0.1', {
      services,
      partners: harness.partners,
      kpis: (query) => computeKpis(query, { orm: harness.store.orm, now: () => TODAY }),
    });
  } catch (error) {
    await harness.dispose();
    throw error;
  }
  const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const keys = staffKeys(harness.repositories);
  // A body's `actor` names who calls: it becomes the key the call is made with (the API takes the
  // actor from the key, never from the body), and is left out of the body.
  const call = async (method: string, path: string, body?: unknown) => {
    const { actor, ...rest } = (body ?? {}) as { actor?: unknown };
    const token = await keys(typeof actor === 'string' ? actor : 'harness');
    const response = await fetch(`${api}${path}`, {
      method,
      headers: bearer(token, body !== undefined),
      ...(body === undefined ? {} : { body: JSON.stringify(typeof actor === 'string' ? rest : body) }),
    });
    const parsed: unknown = await response.json();
    return { status: response.status, body: parsed };
  };
  const acks855 = async () => (await harness.outboxFiles()).filter((f) => f.content.includes('ST*855*'));
  return {
    ...harness,
    api,
    async order(poNumber, status) {
      return waitFor(`PO ${poNumber} to be ${status}`, async () => {
        const found = await harness.repositories.orders.list({ poNumber, kind: 'order' });
        return found.find((order) => order.status === status);
      });
    },
    async ack855(poNumber) {
      const file = await waitFor(`the 855 of ${poNumber}`, async () =>
        (await acks855()).find(
          (f) => f.content.includes(`BAK*00*`) && parse855(f.content).poNumber === poNumber,
        ),
      );
      return parse855(file.content);
    },
    acks855,
    async committed(itemId, locationId) {
      const level = (await harness.repositories.inventory.levels([itemId])).find(
        (l) => l.locationId === locationId,
      );
      return level?.committed ?? 'none';
    },
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
    get: (path) => call('GET', path),
    async dispose() {
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      await harness.dispose();
    },
  };
}

/**
 * Purchase orders stored as documents, as the inbound job stores them, but queued for nobody:
 * a batch job is then run by the test itself. Returns their document ids.
 */
export async function storeUnqueuedOrders(
  h: OrderHarness,
  isa13: number,
  orders: Order850[],
): Promise<string[]> {
  const read = translateX12(interchange850s(isa13, orders), { partner: h.partner });
  const documents = read.documents as PurchaseOrder[];
  await h.repositories.documents.saveNew(documents.map((document) => ({ document })));
  return documents.map((document) => document.id);
}
