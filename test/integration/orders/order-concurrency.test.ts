import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PurchaseOrder } from '../../../src/canonical/index.js';
import { translateX12 } from '../../../src/mapping/index.js';
import {
  createPartnerTransports,
  documentJobId,
  processDocument,
  startPipeline,
  type Pipeline,
  type PartnerTransports,
} from '../../../src/pipeline/index.js';
import { createRepositories, type OpenedStore, type Repositories } from '../../../src/store/index.js';
import { REDIS_URL, waitFor } from '../pipeline/pipeline-harness.js';
import { openPostgresStore } from '../store/postgres-test-schema.js';
import { interchange850, parse855 } from './order-850.js';
import { HOOK_TIMEOUT, SEED, startOrderHarness, TODAY, type OrderHarness } from './order-fixture.js';
import { testLogger } from '../test-logger.js';

const ORDERS = 20;
const WORKERS = 4;
const TEN_IN_STOCK = {
  ...SEED,
  inventory: [{ itemId: 'WIDGET', locationId: 'DC-EAST', kind: 'dc' as const, onHand: '10' }],
};

interface Worker {
  store: OpenedStore;
  repositories: Repositories;
  transports: PartnerTransports;
  pipeline?: Pipeline;
}

/** Workers on the harness's schema and queues, each with connections of its own. */
async function startWorkers(h: OrderHarness, withPipeline: boolean): Promise<Worker[]> {
  const workers: Worker[] = [];
  for (let i = 0; i < WORKERS; i++) {
    const store = await openPostgresStore(h.schema, { poolSize: 3 });
    const repositories = createRepositories(store.orm);
    const transports = createPartnerTransports({ folder: { settleMs: 0 } });
    const pipeline = withPipeline
      ? startPipeline({
          redisUrl: REDIS_URL,
          prefix: h.prefix,
          repositories,
          partners: h.partners,
          transports,
          concurrency: 1,
          retry: { attempts: 5, backoffMs: 50 },
          now: () => TODAY,
          logger: testLogger(),
        })
      : undefined;
    workers.push({ store, repositories, transports, ...(pipeline === undefined ? {} : { pipeline }) });
  }
  return workers;
}

async function stopWorkers(workers: readonly Worker[]): Promise<void> {
  for (const worker of workers) {
    await worker.pipeline?.close();
    await worker.transports.close();
    await worker.store.close();
  }
}

/** Twenty one-unit orders of WIDGET, stored as the inbound worker would store them. */
async function storeOrders(h: OrderHarness): Promise<PurchaseOrder[]> {
  const file = Array.from({ length: ORDERS }, (_, i) =>
    interchange850(9000 + i, {
      poNumber: `PO-RUSH-${i}`,
      lines: [{ quantity: '1', price: '10.00', vendorPart: 'WID-1' }],
    }),
  ).join('');
  const orders = translateX12(Buffer.from(file), { partners: h.partners }).documents as PurchaseOrder[];
  for (const order of orders) await h.repositories.documents.save(order);
  return orders;
}

async function expectNoOversell(h: OrderHarness, orders: readonly PurchaseOrder[]): Promise<void> {
  const stored = await waitFor(
    'every order to be acknowledged',
    async () => {
      const all = await h.repositories.orders.list({ status: 'acknowledged' });
      return all.length === orders.length ? all : undefined;
    },
    30_000,
  );
  const lines = stored.map((order) => order.lines[0]!);
  expect(lines.filter((l) => l.allocated === '1' && l.backordered === '0')).toHaveLength(10);
  expect(lines.filter((l) => l.allocated === '0' && l.backordered === '1')).toHaveLength(10);
  const [level] = await h.repositories.inventory.levels(['WIDGET']);
  expect(level).toMatchObject({ onHand: '10', committed: '10', available: '0' });
  const reservations = await Promise.all(
    stored.map((order) => h.repositories.inventory.reservations(order.id)),
  );
  expect(reservations.flat()).toHaveLength(10);
}

describe('orders competing for the same stock', () => {
  let h: OrderHarness;
  let workers: Worker[] = [];
  afterAll(async () => {
    await stopWorkers(workers);
    await h?.dispose();
  }, HOOK_TIMEOUT);

  describe('on four pipeline workers', () => {
    beforeAll(async () => {
      h = await startOrderHarness({ workers: 'none', seed: TEN_IN_STOCK });
      workers = await startWorkers(h, true);
    }, HOOK_TIMEOUT);

    it('20 one-unit orders against 10 in stock: exactly 10 ship, 10 are backordered, twenty 855s', async () => {
      const orders = await storeOrders(h);
      await h.pipeline.queues.documents.addBulk(
        orders.map((order) => ({
          name: 'act',
          data: { documentId: order.id },
          opts: { jobId: documentJobId(order.id) },
        })),
      );
      await expectNoOversell(h, orders);
      const acks = await waitFor(
        'the twenty 855s',
        async () => {
          const files = await h.acks855();
          return files.length === ORDERS ? files.map((f) => parse855(f.content)) : undefined;
        },
        30_000,
      );
      expect(acks.filter((a) => a.ackType === 'AD' && a.lines['1']?.[0] === 'IA 1')).toHaveLength(10);
      expect(acks.filter((a) => a.ackType === 'AC' && a.lines['1']?.[0] === 'IB 1')).toHaveLength(10);
    });
  });
});

describe('handler calls racing on separate connections', () => {
  let h: OrderHarness;
  let workers: Worker[] = [];
  beforeAll(async () => {
    h = await startOrderHarness({ workers: 'none', seed: TEN_IN_STOCK });
    workers = await startWorkers(h, false);
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await stopWorkers(workers);
    await h?.dispose();
  }, HOOK_TIMEOUT);

  it('all twenty at once: committed never passes on-hand', async () => {
    const orders = await storeOrders(h);
    const outcomes = await Promise.all(
      orders.map((order, i) => {
        const worker = workers[i % WORKERS]!;
        const deps = {
          repositories: worker.repositories,
          partners: h.partners,
          queues: h.pipeline.queues,
          now: () => TODAY,
        };
        return processDocument(order.id, deps);
      }),
    );
    expect(outcomes.every((o) => o.action === 'acknowledged')).toBe(true);
    await expectNoOversell(h, orders);
  });
});
