import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decideOrderBatch } from '../../../src/pipeline/orders/decide-order-batch.js';
import type { WorkerDeps } from '../../../src/pipeline/index.js';
import type { Repositories } from '../../../src/store/index.js';
import { waitFor } from '../pipeline/pipeline-harness.js';
import { parse855s, type Order850 } from './order-850.js';
import {
  HOOK_TIMEOUT,
  startOrderHarness,
  storeUnqueuedOrders,
  TODAY,
  type OrderHarness,
} from './order-fixture.js';

// No shipped rule rejects a new purchase order (they hold it for staff), yet the core and the
// batch flow answer one rejected on receipt with an `RJ` 855. A rule that rejects is added to the
// registry for this file, so that the batch has a rejected order of its own to answer.
vi.mock('../../../src/core/rules/registry.js', async (importOriginal) => {
  const { orderRules } = await importOriginal<typeof import('../../../src/core/rules/registry.js')>();
  const { compareDecimals } = await import('../../../src/canonical/index.js');
  const { orderedLines } = await import('../../../src/core/order-lines.js');
  const overSupply: (typeof orderRules)[number] = {
    id: 'over-supply',
    description: 'A line asks for more than is ever supplied.',
    check: (order) =>
      orderedLines(order)
        .filter((line) => compareDecimals(line.quantity, '1000') > 0)
        .map((line) => ({
          ruleId: 'over-supply',
          severity: 'reject' as const,
          lineNumber: line.lineNumber,
          message: `Line ${line.lineNumber}: ${line.quantity} is more than is ever supplied.`,
          data: { quantity: line.quantity },
        })),
  };
  return { orderRules: [...orderRules, overSupply] };
});

const line = (quantity: string) => ({ quantity, price: '10.00', vendorPart: 'WID-1' });

/** The ISA13 of every outbound file, as the partner would check them for duplicates. */
const isa13s = (files: readonly { name: string; content: string }[]) =>
  files.map((file) => /ISA(?:\*[^*]*){12}\*(\d{9})/.exec(file.content)?.[1] ?? `no ISA13 in ${file.name}`);

/**
 * Regression: a batch job that died after its 855 interchange was stored and queued, but before
 * its orders were marked answered, ran again and sent the `RJ` 855 of an order rejected on receipt
 * a second time, in an interchange of its own.
 */
describe('an order rejected on receipt, when its batch runs again after the 855s were sent', () => {
  let h: OrderHarness;
  let deps: WorkerDeps;
  beforeAll(async () => {
    h = await startOrderHarness();
    deps = {
      repositories: h.repositories,
      partners: h.partners,
      queues: h.pipeline.queues,
      now: () => TODAY,
    };
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await h?.dispose();
  }, HOOK_TIMEOUT);

  const storedOrders = (isa13: number, orders: Order850[]) => storeUnqueuedOrders(h, isa13, orders);

  /** The store, with a worker that dies once the 855s are sent, before the orders record them. */
  function dyingAfterEmit(): Repositories {
    const orders = h.repositories.orders;
    const dying = new Proxy(orders, {
      get(target, property) {
        if (property === 'acknowledgeMany') return () => Promise.reject(new Error('the worker died'));
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    return { ...h.repositories, orders: dying };
  }

  it.each([
    { isa13: 8101, orders: ['PO-R1', 'PO-RX1', 'PO-R2'] },
    // One accepted order left: the rerun must not take it for a lone order either.
    { isa13: 8102, orders: ['PO-S1', 'PO-SX1'] },
  ])('sends every 855 once, in the one interchange of the batch ($orders)', async ({ isa13, orders }) => {
    const rejected = (po: string) => po.includes('X');
    const ids = await storedOrders(
      isa13,
      orders.map((poNumber) => ({ poNumber, lines: [line(rejected(poNumber) ? '5000' : '1')] })),
    );
    const batchKey = `rejected-rerun-${isa13}`;
    await expect(
      decideOrderBatch(batchKey, ids, { ...deps, repositories: dyingAfterEmit() }),
    ).rejects.toThrow('the worker died');
    const sent = await waitFor('the 855 interchange of the batch', async () =>
      (await h.acks855()).find((f) => f.content.includes(`*${orders[0] ?? ''}*`)),
    );
    expect(parse855s(sent.content).map((ack) => [ack.poNumber, ack.ackType])).toEqual(
      orders.map((po) => [po, rejected(po) ? 'RJ' : 'AD']),
    );
    const outbound = await h.count('outbound');

    await decideOrderBatch(batchKey, ids, deps);
    for (const po of orders) await h.order(po, rejected(po) ? 'rejected' : 'acknowledged');
    // Give a second transmission, had one been queued, the time to be delivered.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const answers = (await h.acks855()).flatMap((file) => parse855s(file.content));
    for (const po of orders)
      expect(
        answers.filter((ack) => ack.poNumber === po),
        po,
      ).toHaveLength(1);
    const numbers = isa13s(await h.outboxFiles());
    expect(numbers.filter((n) => !/^\d{9}$/.test(n))).toEqual([]);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(await h.count('outbound')).toBe(outbound);
    const decided = await h.repositories.orders.getMany(ids);
    expect(decided.every((order) => order.ackDocumentId !== null)).toBe(true);
  });
});
