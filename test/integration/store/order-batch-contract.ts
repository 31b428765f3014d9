import { describe, expect, it } from 'vitest';
import type {
  AllocationCommit,
  NewOrder,
  OrderAcknowledgement,
  StoredOrder,
} from '../../../src/store/index.js';
import { openForSuite, type StoreHarness } from '../../contracts/store-contract.js';
import { AT, fullAllocation, ids, priceHold, sampleOrder } from './order-batch-samples.js';
import { statementCounter } from './statement-counter.js';

/** The order read back under another id, to compare two orders stored from the same input. */
function renamed(order: StoredOrder | null | undefined, id: string): StoredOrder | undefined {
  return order === null || order === undefined ? undefined : { ...order, id };
}

/**
 * The set-based order, stock, audit and document methods of the store: the same on every
 * dialect, and a fixed number of statements whatever the size of the batch.
 */
export function describeOrderBatchContract(dialect: string, harness: StoreHarness): void {
  describe(`order batch contract: ${dialect}`, () => {
    const suite = openForSuite(harness);
    const stock = (items: string, locationId: string, onHand: string, count = 5) =>
      suite.repos.inventory.upsertLevels(
        Array.from({ length: count }, (_, i) => ({
          itemId: `${items}-${i + 1}`,
          locationId,
          kind: 'dc',
          onHand,
        })),
      );

    it('createMany stores what create stores: getMany after one deep-equals get after the other', async () => {
      const inputs: NewOrder[] = [
        sampleOrder('x'),
        sampleOrder('x', { status: 'on_hold', decision: 'hold', findings: [priceHold] }),
        sampleOrder('x', { status: 'rejected', decision: 'reject' }),
        sampleOrder('x', { kind: 'cancellation', status: 'open' }, 0),
        sampleOrder('x', {
          lines: [
            {
              lineNumber: '1',
              itemId: null,
              quantity: '12345678901234567890.125',
              uom: 'CA',
              unitPrice: '0.10',
            },
            { lineNumber: '1.1', itemId: "O'Neil's", quantity: '0.50', uom: 'EA', unitPrice: '1e2' },
          ],
        }),
      ];
      const single = inputs.map((input, i) => ({ ...input, id: `cm-one-${i}` }));
      const batch = inputs.map((input, i) => ({ ...input, id: `cm-many-${i}` }));
      for (const order of single) await suite.repos.orders.create(order);
      expect(await suite.repos.orders.createMany(batch)).toEqual({ created: batch.map((o) => o.id) });
      const many = await suite.repos.orders.getMany(batch.map((o) => o.id));
      expect(many).toHaveLength(inputs.length);
      for (const [i, order] of single.entries()) {
        const created = await suite.repos.orders.get(order.id);
        expect(created).not.toBeNull();
        expect(
          renamed(
            many.find((o) => o.id === `cm-many-${i}`),
            order.id,
          ),
        ).toEqual(created);
      }
      expect(many.find((o) => o.id === 'cm-many-2')?.lines.map((l) => l.status)).toEqual(
        Array(5).fill('rejected'),
      );
      // Lines come back in the order's own order (50, 40, ... 10), not sorted by line number.
      expect(many.find((o) => o.id === 'cm-many-0')?.lines.map((l) => l.lineNumber)).toEqual([
        '50',
        '40',
        '30',
        '20',
        '10',
      ]);
    });

    it('createMany without a time stores now, as create does', async () => {
      const before = Date.now();
      const { at: _, ...undated } = sampleOrder('cm-now');
      await suite.repos.orders.createMany([undated]);
      const stored = await suite.repos.orders.get('cm-now');
      expect(stored?.createdAt.getTime()).toBeGreaterThanOrEqual(before);
      expect(stored?.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
      expect(stored?.updatedAt).toEqual(stored?.createdAt);
    });

    it('createMany stores each id once: stored orders and repeated ids are left as they are', async () => {
      await suite.repos.orders.create(sampleOrder('cd-1', {}, 1));
      const { created } = await suite.repos.orders.createMany([
        sampleOrder('cd-1', { status: 'on_hold' }, 3),
        sampleOrder('cd-2'),
        sampleOrder('cd-2', { poNumber: 'PO-other' }, 2),
        sampleOrder('cd-3'),
      ]);
      expect(created).toEqual(['cd-2', 'cd-3']);
      const [one, two] = await Promise.all([suite.repos.orders.get('cd-1'), suite.repos.orders.get('cd-2')]);
      expect(one).toMatchObject({ status: 'open', lines: [{ lineNumber: '10' }] });
      expect(two?.poNumber).toBe('PO-cd-2');
      expect(two?.lines).toHaveLength(5);
      expect(await suite.repos.orders.createMany([sampleOrder('cd-3'), sampleOrder('cd-2')])).toEqual({
        created: [],
      });
      expect(await suite.repos.orders.createMany([])).toEqual({ created: [] });
    });

    it('reads orders, PO numbers and documents in one call each; unknown ids are left out', async () => {
      await suite.repos.orders.createMany([
        sampleOrder('rd-1', { poNumber: 'PO-rd-A', at: new Date('2025-01-01T00:00:00Z') }),
        sampleOrder('rd-2', {
          poNumber: 'PO-rd-A',
          kind: 'cancellation',
          at: new Date('2025-01-03T00:00:00Z'),
        }),
        sampleOrder('rd-3', { poNumber: 'PO-rd-B', at: new Date('2025-01-02T00:00:00Z') }),
        sampleOrder('rd-4', { poNumber: 'PO-rd-B', partnerId: 'globex' }),
      ]);
      const read = await suite.repos.orders.getMany(['rd-3', 'rd-none', 'rd-1']);
      expect(read.map((o) => o.id).sort()).toEqual(['rd-1', 'rd-3']);
      expect(await suite.repos.orders.getMany([])).toEqual([]);
      const numbers = await suite.repos.orders.withPoNumbers('acme', ['PO-rd-A', 'PO-rd-B', 'PO-none']);
      expect(numbers.map((o) => [o.id, o.poNumber, o.kind])).toEqual([
        ['rd-2', 'PO-rd-A', 'cancellation'],
        ['rd-3', 'PO-rd-B', 'order'],
        ['rd-1', 'PO-rd-A', 'order'],
      ]);
      expect(await suite.repos.orders.withPoNumber('acme', 'PO-rd-A')).toEqual(
        numbers.filter((o) => o.poNumber === 'PO-rd-A'),
      );
      expect(await suite.repos.orders.withPoNumbers('acme', [])).toEqual([]);

      const documents = ['rd-doc-1', 'rd-doc-2'].map((id) => ({
        id,
        type: 'purchase_order',
        partnerId: 'acme',
        n: id,
      }));
      await suite.repos.documents.saveNew(documents.map((document) => ({ document })));
      const stored = await suite.repos.documents.getMany(['rd-doc-2', 'rd-doc-none', 'rd-doc-1']);
      const one = await Promise.all(documents.map((d) => suite.repos.documents.get(d.id)));
      expect([...stored].sort((a, b) => a.id.localeCompare(b.id))).toEqual(one);
      expect(await suite.repos.documents.getMany([])).toEqual([]);
    });

    it('acknowledgeMany changes what update would, only from the named statuses and only once', async () => {
      const at = new Date('2025-04-02T08:00:00.125Z');
      const from = ['open', 'on_hold'] as const;
      const states = [{}, { status: 'on_hold', decision: 'hold' }, { status: 'cancelled' }] as const;
      for (const [i, state] of states.entries()) {
        await suite.repos.orders.createMany([
          sampleOrder(`ak-${i}`, state),
          sampleOrder(`ak-twin-${i}`, { ...state, poNumber: `PO-ak-${i}` }),
        ]);
      }
      // Answered already: acknowledged once, not again.
      await suite.repos.orders.createMany([sampleOrder('ak-done')]);
      await suite.repos.orders.update('ak-done', { ackDocumentId: 'ack-earlier' });
      const changes: OrderAcknowledgement[] = [...states.keys(), 'done'].map((i) => ({
        id: `ak-${i}`,
        ackDocumentId: `ack-ak-${i}`,
        status: 'acknowledged',
        from,
      }));
      expect((await suite.repos.orders.acknowledgeMany(changes, at)).sort()).toEqual(['ak-0', 'ak-1']);
      expect(await suite.repos.orders.acknowledgeMany(changes, at)).toEqual([]);
      for (const i of states.keys()) {
        await suite.repos.orders.update(
          `ak-twin-${i}`,
          { status: 'acknowledged', ackDocumentId: `ack-ak-${i}`, at },
          { statuses: from },
        );
        const [batch, single] = await Promise.all([
          suite.repos.orders.get(`ak-${i}`),
          suite.repos.orders.get(`ak-twin-${i}`),
        ]);
        expect(renamed(batch, `ak-twin-${i}`)).toEqual(single);
      }
      expect(await suite.repos.orders.get('ak-0')).toMatchObject({
        status: 'acknowledged',
        revision: 1,
        updatedAt: at,
      });
      expect(await suite.repos.orders.get('ak-done')).toMatchObject({
        status: 'open',
        ackDocumentId: 'ack-earlier',
      });
      expect(await suite.repos.orders.acknowledgeMany([])).toEqual([]);
    });

    it('commitAllocations writes what commitAllocation writes, each order at its own time', async () => {
      await stock('CA', 'DC-CA', '1000');
      const orders = [0, 1, 2, 3].map((i) => sampleOrder(`ca-${i}`, {}, 5, 'CA'));
      const twins = orders.map((o) => ({ ...o, id: o.id.replace('ca-', 'ca-twin-') }));
      await suite.repos.orders.createMany([...orders, ...twins]);
      const at = (i: number) => new Date(AT.getTime() + i * 60_000);
      const result = await suite.repos.inventory.commitAllocations(
        orders.map((o, i) => fullAllocation(o, 'DC-CA', at(i))),
      );
      expect(result).toEqual({ outcome: 'allocated', allocated: orders.map((o) => o.id), skipped: [] });
      for (const [i, twin] of twins.entries()) {
        expect(await suite.repos.inventory.commitAllocation(fullAllocation(twin, 'DC-CA', at(i)))).toEqual({
          outcome: 'allocated',
        });
        const [batch, single] = await Promise.all([
          suite.repos.orders.get(`ca-${i}`),
          suite.repos.orders.get(twin.id),
        ]);
        expect(batch).toMatchObject({ revision: 1, updatedAt: at(i) });
        expect(batch?.lines[0]).toMatchObject({
          allocated: '1.50',
          backordered: '0.00',
          status: 'allocated',
        });
        expect(renamed(batch, twin.id)).toEqual(single);
        const withoutOrder = (r: { orderId: string }) => ({ ...r, orderId: '' });
        expect((await suite.repos.inventory.reservations(`ca-${i}`)).map(withoutOrder)).toEqual(
          (await suite.repos.inventory.reservations(twin.id)).map(withoutOrder),
        );
      }
      // Eight orders of n.50 of item n each: 8 * 1.5 of CA-1 ... 8 * 5.5 of CA-5.
      const levels = await suite.repos.inventory.levels(['CA-1', 'CA-5']);
      expect(levels.map((l) => [l.itemId, Number(l.committed)])).toEqual([
        ['CA-1', 12],
        ['CA-5', 44],
      ]);
      expect(await suite.repos.inventory.commitAllocations([])).toEqual({
        outcome: 'allocated',
        allocated: [],
        skipped: [],
      });
    });

    it('commitAllocations leaves out orders it cannot claim and says why', async () => {
      await stock('SK', 'DC-SK', '100');
      await suite.repos.orders.createMany([
        sampleOrder('sk-done', {}, 5, 'SK'),
        sampleOrder('sk-cancelled', { status: 'cancelled' }, 5, 'SK'),
        sampleOrder('sk-new', {}, 5, 'SK'),
      ]);
      const commits = ['sk-done', 'sk-cancelled', 'sk-new', 'sk-unknown'].map((id) =>
        fullAllocation(sampleOrder(id, {}, 5, 'SK'), 'DC-SK'),
      );
      await suite.repos.inventory.commitAllocation(commits[0] as AllocationCommit);
      expect(await suite.repos.inventory.commitAllocations(commits)).toEqual({
        outcome: 'allocated',
        allocated: ['sk-new'],
        skipped: [
          { orderId: 'sk-done', reason: 'already-allocated' },
          { orderId: 'sk-cancelled', reason: 'not-open' },
          { orderId: 'sk-unknown', reason: 'not-found' },
        ],
      });
      expect(await suite.repos.inventory.reservations('sk-cancelled')).toEqual([]);
      expect(Number((await suite.repos.inventory.levels(['SK-1']))[0]?.committed)).toBe(3);
    });

    it('commitAllocations changes nothing and names the location that ran short', async () => {
      await stock('SH', 'DC-SH', '100');
      // SH-4 is the one short: 2 orders want 2 * 4.5 = 9, and 8 are available.
      await suite.repos.inventory.upsertLevels([
        { itemId: 'SH-4', locationId: 'DC-SH', kind: 'dc', onHand: '8' },
      ]);
      const orders = [sampleOrder('sh-1', {}, 5, 'SH'), sampleOrder('sh-2', {}, 5, 'SH')];
      await suite.repos.orders.createMany(orders);
      const before = await suite.repos.orders.getMany(orders.map((o) => o.id));
      expect(
        await suite.repos.inventory.commitAllocations(orders.map((o) => fullAllocation(o, 'DC-SH'))),
      ).toEqual({
        outcome: 'stock-changed',
        itemId: 'SH-4',
        locationId: 'DC-SH',
      });
      expect(await suite.repos.orders.getMany(orders.map((o) => o.id))).toEqual(before);
      expect((await suite.repos.inventory.levels(['SH-1', 'SH-4'])).map((l) => l.committed)).toEqual([
        '0',
        '0',
      ]);
      expect(await suite.repos.inventory.reservations('sh-1')).toEqual([]);
      // A level that does not exist has nothing to give.
      const elsewhere = fullAllocation(orders[0] as NewOrder, 'DC-NONE');
      expect(await suite.repos.inventory.commitAllocations([elsewhere])).toMatchObject({
        outcome: 'stock-changed',
        locationId: 'DC-NONE',
      });
    });

    it('records a batch of audit entries, in order and each once', async () => {
      const entries = Array.from({ length: 7_000 }, (_, i) => ({
        actor: 'pipeline',
        action: `step-${i}`,
        subjectType: 'order',
        subjectId: 'audit-many',
        details: i % 2 === 0 ? { i } : null,
        at: new Date(AT.getTime() + i),
      }));
      await suite.repos.audit.recordMany(entries);
      await suite.repos.audit.recordMany([]);
      const events = await suite.repos.audit.list({ type: 'order', id: 'audit-many' });
      expect(events.map((e) => [e.action, e.details, e.at])).toEqual(
        entries.map((e) => [e.action, e.details, e.at]),
      );
    });

    it('uses as many statements for 50 orders as for 5', async () => {
      await stock('SC', 'DC-SC', '100000');
      const count = statementCounter(suite.store.dialect);
      const figures = async (prefix: string, n: number) => {
        const orders = ids(prefix, n).map((id) => sampleOrder(id, {}, 5, 'SC'));
        const orderIds = orders.map((o) => o.id);
        const created = await count(() => suite.repos.orders.createMany(orders));
        expect(created.result.created).toHaveLength(n);
        const read = await count(() => suite.repos.orders.getMany(orderIds));
        expect(read.result).toHaveLength(n);
        const numbers = await count(() =>
          suite.repos.orders.withPoNumbers(
            'acme',
            orders.map((o) => o.poNumber),
          ),
        );
        const allocated = await count(() =>
          suite.repos.inventory.commitAllocations(orders.map((o) => fullAllocation(o, 'DC-SC'))),
        );
        expect(allocated.result).toMatchObject({ outcome: 'allocated', skipped: [] });
        const acked = await count(() =>
          suite.repos.orders.acknowledgeMany(
            orderIds.map((id) => ({
              id,
              ackDocumentId: `ack-${id}`,
              status: 'acknowledged',
              from: ['open'],
            })),
          ),
        );
        expect(acked.result).toHaveLength(n);
        const audited = await count(() =>
          suite.repos.audit.recordMany(
            orderIds.map((id) => ({
              actor: 'pipeline',
              action: 'order-received',
              subjectType: 'order',
              subjectId: id,
            })),
          ),
        );
        const documents = await count(() => suite.repos.documents.getMany(orderIds));
        return {
          createMany: created.statements,
          getMany: read.statements,
          withPoNumbers: numbers.statements,
          commitAllocations: allocated.statements,
          acknowledgeMany: acked.statements,
          recordMany: audited.statements,
          documentsGetMany: documents.statements,
        };
      };
      const five = await figures('sc-five', 5);
      expect(await figures('sc-fifty', 50)).toEqual(five);
      // begin, orders, lines, commit; begin, claim, (lock levels on PostgreSQL,) raise levels,
      // reservations, lines, commit.
      expect(five).toEqual({
        createMany: 4,
        getMany: 2,
        withPoNumbers: 1,
        commitAllocations: suite.store.dialect === 'postgresql' ? 7 : 6,
        acknowledgeMany: 1,
        recordMany: 1,
        documentsGetMany: 1,
      });
    });

    it('takes 1,000 orders of 5 lines in a handful of statements, within the drivers’ limits', async () => {
      await stock('BG', 'DC-BG', '100000', 5);
      const orders = ids('bg', 1_000).map((id) => sampleOrder(id, {}, 5, 'BG'));
      const orderIds = orders.map((o) => o.id);
      const count = statementCounter(suite.store.dialect);
      const created = await count(() => suite.repos.orders.createMany(orders));
      expect(created.result.created).toHaveLength(1_000);
      const allocated = await count(() =>
        suite.repos.inventory.commitAllocations(orders.map((o) => fullAllocation(o, 'DC-BG'))),
      );
      expect(allocated.result).toMatchObject({ outcome: 'allocated', skipped: [] });
      const acked = await suite.repos.orders.acknowledgeMany(
        orderIds.map((id) => ({ id, ackDocumentId: `ack-${id}`, status: 'acknowledged', from: ['open'] })),
      );
      expect(acked).toHaveLength(1_000);
      expect(created.statements).toBeLessThanOrEqual(6);
      expect(allocated.statements).toBeLessThanOrEqual(9);
      const stored = await suite.repos.orders.getMany(orderIds);
      expect(stored.flatMap((o) => o.lines).filter((l) => l.status === 'allocated')).toHaveLength(5_000);
      expect(stored.every((o) => o.status === 'acknowledged' && o.allocation?.length === 5)).toBe(true);
      const levels = await suite.repos.inventory.levels(['BG-1', 'BG-5']);
      expect(levels.map((l) => Number(l.committed))).toEqual([1_500, 5_500]);
    }, 120_000);
  });
}
