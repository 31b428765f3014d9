import { describe, expect, it } from 'vitest';
import type {
  AllocationOutcome,
  BatchAllocationOutcome,
  NewOrder,
  OpenedStore,
} from '../../../src/store/index.js';
import { openForSuite } from '../../contracts/store-contract.js';
import { describeOrderBatchContract } from './order-batch-contract.js';
import { fullAllocation, ids, sampleOrder } from './order-batch-samples.js';
import { dropSchemaAndClose, openPostgresStore, randomSchemaName } from './postgres-test-schema.js';

const contractSchema = randomSchemaName('order_batch');
describeOrderBatchContract('postgresql', {
  open: () => openPostgresStore(contractSchema, { poolSize: 6 }),
  dispose: dropSchemaAndClose,
});

const schema = randomSchemaName('order_batch_race');

/** An order of one line of `quantity` of `itemId`. */
function oneLine(id: string, itemId: string, quantity: string): NewOrder {
  return sampleOrder(id, { lines: [{ lineNumber: '1', itemId, quantity, uom: 'EA', unitPrice: null }] });
}

/** Statements of this schema's tests that wait for a row lock right now. */
async function waitingForLocks(store: OpenedStore): Promise<number> {
  const rows: unknown = await store.orm.em
    .getConnection()
    .execute(
      `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like ?`,
      [`%"${schema}"."inventory_level"%`],
    );
  return (rows as { n: number }[])[0]?.n ?? 0;
}

/**
 * Holds the level's row lock while `contenders` start, until `waiters` statements of theirs
 * wait for it, then lets them all go at once: they race for the stock for certain.
 */
async function race<T>(
  store: OpenedStore,
  level: { itemId: string; locationId: string },
  waiters: number,
  contenders: () => Promise<T>[],
): Promise<T[]> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let signalLocked = () => {};
  const locked = new Promise<void>((resolve) => (signalLocked = resolve));
  const holder = store.orm.em.fork().transactional(async (em) => {
    await em
      .getConnection()
      .execute(
        `select 1 from "${schema}"."inventory_level" where "item_id" = ? and "location_id" = ? for update`,
        [level.itemId, level.locationId],
        'all',
        em.getTransactionContext(),
      );
    signalLocked();
    await released;
  });
  await locked;
  const running = contenders();
  try {
    const deadline = Date.now() + 10_000;
    while ((await waitingForLocks(store)) < waiters) {
      if (Date.now() > deadline) throw new Error(`fewer than ${waiters} statements waited for the lock`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    release();
    await holder;
  }
  return Promise.all(running);
}

describe('order batches under concurrent workers: postgresql', () => {
  const suite = openForSuite({
    open: () => openPostgresStore(schema, { poolSize: 8 }),
    dispose: dropSchemaAndClose,
  });

  it('two batches after the last units: exactly one takes them, the other is told stock-changed', async () => {
    for (const round of [1, 2, 3]) {
      const level = { itemId: `LAST-${round}`, locationId: 'DC-1' };
      await suite.repos.inventory.upsertLevels([{ ...level, kind: 'dc', onHand: '10' }]);
      const a = ids(`last-${round}-a`, 2).map((id) => oneLine(id, level.itemId, '3'));
      const b = ids(`last-${round}-b`, 2).map((id) => oneLine(id, level.itemId, '3'));
      await suite.repos.orders.createMany([...a, ...b]);
      const outcomes = await race(suite.store, level, 2, () =>
        [a, b].map((orders) =>
          suite.repos.inventory.commitAllocations(orders.map((o) => fullAllocation(o, level.locationId))),
        ),
      );
      expect(outcomes.map((o) => o.outcome).sort()).toEqual(['allocated', 'stock-changed']);
      const winner = outcomes[0]?.outcome === 'allocated' ? a : b;
      const loser = winner === a ? b : a;
      const stored = await suite.repos.orders.getMany([...a, ...b].map((o) => o.id));
      const allocated = stored.filter((o) => o.allocation !== null).map((o) => o.id);
      expect(allocated.sort()).toEqual(winner.map((o) => o.id).sort());
      for (const order of loser) expect(await suite.repos.inventory.reservations(order.id)).toEqual([]);
      const [after] = await suite.repos.inventory.levels([level.itemId]);
      expect(Number(after?.committed)).toBe(6);
      expect(Number(after?.available)).toBeGreaterThanOrEqual(0);
    }
  });

  it('a batch and a single order after the same last units: exactly one takes them', async () => {
    const level = { itemId: 'ONE-1', locationId: 'DC-1' };
    await suite.repos.inventory.upsertLevels([{ ...level, kind: 'dc', onHand: '4' }]);
    const batch = oneLine('one-batch', level.itemId, '3');
    const single = oneLine('one-single', level.itemId, '3');
    await suite.repos.orders.createMany([batch, single]);
    const [fromBatch, fromSingle] = await race<BatchAllocationOutcome | AllocationOutcome>(
      suite.store,
      level,
      2,
      () => [
        suite.repos.inventory.commitAllocations([fullAllocation(batch, level.locationId)]),
        suite.repos.inventory.commitAllocation(fullAllocation(single, level.locationId)),
      ],
    );
    expect([fromBatch?.outcome, fromSingle?.outcome].sort()).toEqual(['allocated', 'stock-changed']);
    const [after] = await suite.repos.inventory.levels([level.itemId]);
    expect(after?.committed).toBe('3');
  });

  it('batches that draw on the same levels in opposite orders all go through, without a deadlock', async () => {
    const items = ['CROSS-A', 'CROSS-B', 'CROSS-C'];
    await suite.repos.inventory.upsertLevels(
      items.map((itemId) => ({ itemId, locationId: 'DC-1', kind: 'dc' as const, onHand: '1000' })),
    );
    const order = (id: string, reversed: boolean): NewOrder => {
      const lines = items.map((itemId, i) => ({
        lineNumber: String(i + 1),
        itemId,
        quantity: '1',
        uom: 'EA',
        unitPrice: null,
      }));
      return sampleOrder(id, { lines: reversed ? lines.reverse() : lines });
    };
    const batches = Array.from({ length: 6 }, (_, b) =>
      ids(`cross-${b}`, 20).map((id) => order(id, b % 2 === 1)),
    );
    await suite.repos.orders.createMany(batches.flat());
    const outcomes = await Promise.all(
      batches.map((orders) =>
        suite.repos.inventory.commitAllocations(orders.map((o) => fullAllocation(o, 'DC-1'))),
      ),
    );
    expect(outcomes.every((o) => o.outcome === 'allocated' && o.allocated.length === 20)).toBe(true);
    const levels = await suite.repos.inventory.levels(items);
    expect(levels.map((l) => Number(l.committed))).toEqual([120, 120, 120]);
  });

  it('overlapping createMany calls store each order once, by exactly one of them', async () => {
    const orders = ids('overlap', 200).map((id) => sampleOrder(id));
    const [first, second] = await Promise.all([
      suite.repos.orders.createMany(orders.slice(0, 150)),
      suite.repos.orders.createMany(orders.slice(50).reverse()),
    ]);
    const both = [...(first?.created ?? []), ...(second?.created ?? [])];
    expect(both.sort()).toEqual(orders.map((o) => o.id).sort());
    const stored = await suite.repos.orders.getMany(orders.map((o) => o.id));
    expect(stored.every((o) => o.lines.length === 5)).toBe(true);
  });
});
