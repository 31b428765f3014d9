import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDecimals, addDecimals } from '../../../src/canonical/index.js';
import { decideOrderBatch } from '../../../src/pipeline/orders/decide-order-batch.js';
import type { JobQueue, WorkerDeps } from '../../../src/pipeline/index.js';
import type { StoredException, StoredOrder } from '../../../src/store/index.js';
import { waitFor } from '../pipeline/pipeline-harness.js';
import { interchange850s, parse855s, type Order850 } from './order-850.js';
import {
  HOOK_TIMEOUT,
  startOrderHarness,
  storeUnqueuedOrders,
  TODAY,
  type OrderHarness,
} from './order-fixture.js';

const line = (quantity: string, vendorPart = 'WID-1', price = '10.00') => ({ quantity, price, vendorPart });

/**
 * The purchase orders of an interchange decided in one job with set-based statements: one 855
 * interchange for the decided ones, held ones through their exceptions, every step once however
 * often the job runs, and no stock sold twice when batches compete for it.
 */
describe('purchase orders decided together, per interchange', () => {
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

  const auditOf = async (poNumber: string) => {
    const [order] = await h.repositories.orders.list({ poNumber, kind: 'order' });
    return (await h.repositories.audit.list({ type: 'order', id: order?.id ?? '' })).map((e) => e.action);
  };

  it('answers the decided orders of an interchange in one 855 interchange, in file order; held ones wait in exceptions', async () => {
    await h.drop(
      'together.edi',
      interchange850s(8001, [
        { poNumber: 'PO-T1', lines: [line('2')] },
        { poNumber: 'PO-T2', lines: [line('3'), line('4', 'NOPE-1', '1.00')] }, // unknown SKU: held
        { poNumber: 'PO-T3', lines: [line('5')] },
        { poNumber: 'PO-T1', lines: [line('1')] }, // the same PO number again: held as a duplicate
        { poNumber: 'PO-T5', lines: [line('3')] },
      ]),
    );
    const file = await waitFor('the 855 interchange', async () =>
      (await h.acks855()).find((f) => f.content.includes('*PO-T1*')),
    );
    expect(parse855s(file.content).map((ack) => [ack.poNumber, ack.ackType])).toEqual([
      ['PO-T1', 'AD'],
      ['PO-T3', 'AD'],
      ['PO-T5', 'AD'],
    ]);
    expect(file.content.match(/~ISA\*|^ISA\*/g)).toHaveLength(1);
    for (const po of ['PO-T1', 'PO-T3', 'PO-T5']) await h.order(po, 'acknowledged');
    const held = await h.repositories.orders.list({ status: 'on_hold' });
    expect(held.map((order) => order.poNumber).sort()).toEqual(['PO-T1', 'PO-T2']);
    for (const order of held) {
      expect(await h.repositories.exceptions.list({ subjectId: order.id, status: 'open' })).toHaveLength(1);
    }
    expect(await h.committed('WIDGET', 'DC-EAST')).toBe('10');
    expect((await auditOf('PO-T3')).sort()).toEqual([
      'order-acknowledged',
      'order-allocated',
      'order-received',
    ]);

    // Released by staff, a held order is answered on its own.
    const unknown = held.find((order) => order.lines.length === 2) as StoredOrder;
    const [exception] = (await h.repositories.exceptions.list({ subjectId: unknown.id, status: 'open' })) as [
      StoredException,
    ];
    const response = await h.post(`/api/exceptions/${exception.id}/resolve`, {
      actor: 'alice',
      resolution: { id: 'cancel-line', lineNumber: '2', reason: 'not a catalog item' },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect((await h.ack855('PO-T2')).poNumber).toBe('PO-T2');
    expect((await h.acks855()).filter((f) => f.content.includes('*PO-T2*'))).toHaveLength(1);
  });

  it('changes and sends nothing when the job runs again', async () => {
    const ids = await storedOrders(8002, [
      { poNumber: 'PO-A1', lines: [line('1')] },
      { poNumber: 'PO-A2', lines: [line('2')] },
    ]);
    const first = await decideOrderBatch('rerun-8002', ids, deps);
    expect(first).toMatchObject({ batched: 2, single: 0 });
    const files = await waitFor('the 855 of the rerun batch', async () => {
      const all = await h.acks855();
      return all.some((f) => f.content.includes('*PO-A1*')) ? all : undefined;
    });
    const committed = await h.committed('WIDGET', 'DC-EAST');
    const audit = await auditOf('PO-A1');
    const again = await decideOrderBatch('rerun-8002', ids, deps);
    expect(again).toMatchObject({ batched: 0, single: 0 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await h.acks855()).toEqual(files);
    expect(await h.committed('WIDGET', 'DC-EAST')).toBe(committed);
    expect(await auditOf('PO-A1')).toEqual(audit);
  });

  it('sends the stored 855 interchange, once, when a run died before its delivery was queued', async () => {
    const ids = await storedOrders(8003, [
      { poNumber: 'PO-C1', lines: [line('1')] },
      { poNumber: 'PO-C2', lines: [line('1')] },
    ]);
    const live = h.pipeline.queues;
    const dying: JobQueue = {
      ...live,
      add: (queue, name, data, options) =>
        queue === 'outbound'
          ? Promise.reject(new Error('the worker died'))
          : live.add(queue, name, data, options),
    };
    await expect(decideOrderBatch('crash-8003', ids, { ...deps, queues: dying })).rejects.toThrow(
      'the worker died',
    );
    const outbound = await h.count('outbound');
    await decideOrderBatch('crash-8003', ids, deps);
    expect(await h.count('outbound')).toBe(outbound);
    const file = await waitFor('the 855 of the crashed batch', async () =>
      (await h.acks855()).find((f) => f.content.includes('*PO-C1*')),
    );
    expect(parse855s(file.content).map((ack) => ack.poNumber)).toEqual(['PO-C1', 'PO-C2']);
    await h.order('PO-C1', 'acknowledged');
    await h.order('PO-C2', 'acknowledged');
    expect((await h.acks855()).filter((f) => f.content.includes('*PO-C1*'))).toHaveLength(1);
  });

  it('never takes the same units twice when two batches compete for the last of the stock', async () => {
    const before = await h.repositories.inventory.levels(['WIDGET']);
    const available = addDecimals(...before.map((level) => level.available));
    // Each batch alone wants more than two thirds of what is left.
    const want = String(Math.ceil((Number(available) * 0.7) / 4));
    const orders = (prefix: string) =>
      [1, 2, 3, 4].map((n) => ({ poNumber: `${prefix}-${n}`, lines: [line(want)] }));
    const [a, b] = [await storedOrders(8004, orders('PO-X')), await storedOrders(8005, orders('PO-Y'))];
    await Promise.all([decideOrderBatch('race-8004', a, deps), decideOrderBatch('race-8005', b, deps)]);
    const after = await h.repositories.inventory.levels(['WIDGET']);
    for (const level of after) expect(compareDecimals(level.committed, level.onHand)).toBeLessThanOrEqual(0);
    // What the orders' lines hold is exactly what the stock has committed.
    const decided = await h.repositories.orders.getMany([...a, ...b]);
    const allocated = decided.flatMap((order) => order.lines.map((l) => l.allocated));
    const committedNow = addDecimals(...after.map((level) => level.committed));
    const committedBefore = addDecimals(...before.map((level) => level.committed));
    expect(compareDecimals(addDecimals(committedBefore, ...allocated), committedNow)).toBe(0);
    expect(decided.every((order) => order.status === 'acknowledged')).toBe(true);
  });
});
