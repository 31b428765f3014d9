import { describe, expect, it } from 'vitest';
import type { RuleFinding } from '../../src/core/index.js';
import { isGatewayError } from '../../src/errors/index.js';
import { type AllocationCommit, type NewOrder } from '../../src/store/index.js';
import { openForSuite, type StoreHarness } from './store-contract.js';

const hold: RuleFinding = {
  ruleId: 'price-mismatch',
  severity: 'hold',
  lineNumber: '2',
  message: 'Line 2: price 9.00 differs from 10.00',
  data: { expectedPrice: '10.00', actualPrice: '9.00' },
};

function newOrder(id: string, overrides: Partial<NewOrder> = {}): NewOrder {
  return {
    id,
    partnerId: 'acme',
    poNumber: `PO-${id}`,
    kind: 'order',
    status: 'open',
    decision: 'accept',
    findings: [],
    lines: [
      { lineNumber: '1', itemId: 'W-1', quantity: '2', uom: 'EA', unitPrice: '10.00' },
      { lineNumber: '2', itemId: 'W-1', quantity: '1.5', uom: 'EA', unitPrice: null },
      { lineNumber: '10', itemId: null, quantity: '3', uom: 'CA', unitPrice: '99.99' },
    ],
    ...overrides,
  };
}

/** What allocating `quantity` of W-1 at DC-1 to line 1 of an order commits. */
function allocation(orderId: string, quantity: string): AllocationCommit {
  const entry = { lineNumber: '1', allocated: quantity, backordered: '0', locationId: 'DC-1' };
  return {
    orderId,
    allocation: [entry],
    reservations: [{ lineNumber: '1', itemId: 'W-1', locationId: 'DC-1', quantity }],
    lines: [
      {
        lineNumber: '1',
        itemId: 'W-1',
        allocated: quantity,
        backordered: '0',
        status: 'allocated',
        locations: [entry],
      },
    ],
  };
}

/** Orders, stock reservations, catalog and price lists: the same on every dialect. */
export function describeOrderStoreContract(dialect: string, harness: StoreHarness): void {
  describe(`order store contract: ${dialect}`, () => {
    const suite = openForSuite(harness);

    it('stores an order once with its lines in order, figures exactly as sent', async () => {
      const first = await suite.repos.orders.create(
        newOrder('o-1', { status: 'on_hold', decision: 'hold', findings: [hold] }),
      );
      expect(first.created).toBe(true);
      expect(first.order).toMatchObject({
        id: 'o-1',
        status: 'on_hold',
        findings: [hold],
        allocation: null,
        revision: 0,
      });
      expect(first.order.lines.map((l) => [l.lineNumber, l.quantity, l.unitPrice, l.status])).toEqual([
        ['1', '2', '10.00', 'open'],
        ['2', '1.5', null, 'open'],
        ['10', '3', '99.99', 'open'],
      ]);
      const again = await suite.repos.orders.create(newOrder('o-1', { status: 'open' }));
      expect(again.created).toBe(false);
      expect(again.order.status).toBe('on_hold');
      expect(await suite.repos.orders.get('o-unknown')).toBeNull();
    });

    it("finds a partner's orders by PO number, newest first, and lists by status", async () => {
      await suite.repos.orders.create(
        newOrder('o-2a', { poNumber: 'PO-SAME', status: 'rejected', at: new Date('2025-01-01') }),
      );
      await suite.repos.orders.create(newOrder('o-2b', { poNumber: 'PO-SAME', at: new Date('2025-02-01') }));
      await suite.repos.orders.create(newOrder('o-2c', { poNumber: 'PO-SAME', partnerId: 'other' }));
      const same = await suite.repos.orders.withPoNumber('acme', 'PO-SAME');
      expect(same.map((o) => [o.id, o.status])).toEqual([
        ['o-2b', 'open'],
        ['o-2a', 'rejected'],
      ]);
      const rejected = await suite.repos.orders.list({ partnerId: 'acme', status: 'rejected' });
      expect(rejected.map((o) => o.id)).toEqual(['o-2a']);
      expect(rejected[0]?.lines.every((l) => l.status === 'rejected')).toBe(true);
    });

    it('updates only in the state expected, bumping the revision', async () => {
      await suite.repos.orders.create(
        newOrder('o-3', { status: 'on_hold', decision: 'hold', findings: [hold] }),
      );
      const settled = [{ ...hold, resolvedBy: 'accept-price' }];
      const updated = await suite.repos.orders.update(
        'o-3',
        { findings: settled, status: 'open', decision: 'accept', lineStatuses: { '2': 'cancelled' } },
        { revision: 0, statuses: ['on_hold'] },
      );
      expect(updated).toMatchObject({ status: 'open', decision: 'accept', findings: settled, revision: 1 });
      expect(updated?.lines.find((l) => l.lineNumber === '2')?.status).toBe('cancelled');
      expect(await suite.repos.orders.update('o-3', { status: 'rejected' }, { revision: 0 })).toBeNull();
      expect(
        await suite.repos.orders.update('o-3', { status: 'rejected' }, { statuses: ['on_hold'] }),
      ).toBeNull();
      expect((await suite.repos.orders.update('o-3', { ackDocumentId: 'ack-1' }))?.revision).toBe(2);
      const missing = await suite.repos.orders.update('o-none', { status: 'open' }).catch((e: unknown) => e);
      expect(isGatewayError(missing) && missing.code).toBe('not-found');
    });

    it('loads stock levels, keeping what is committed when on-hand is loaded again', async () => {
      await suite.repos.inventory.upsertLevels([
        { itemId: 'W-1', locationId: 'DC-1', kind: 'dc', onHand: '10' },
        { itemId: 'W-1', locationId: 'DROP', kind: 'dropship', onHand: '2.5' },
      ]);
      await suite.repos.orders.create(newOrder('o-4'));
      expect(await suite.repos.inventory.commitAllocation(allocation('o-4', '4'))).toEqual({
        outcome: 'allocated',
      });
      await suite.repos.inventory.upsertLevels([
        { itemId: 'W-1', locationId: 'DC-1', kind: 'dc', onHand: '12' },
      ]);
      const levels = await suite.repos.inventory.levels(['W-1']);
      expect(levels.map((l) => [l.locationId, l.kind, l.onHand, l.committed, l.available])).toEqual([
        ['DC-1', 'dc', '12', '4', '8'],
        ['DROP', 'dropship', '2.5', '0', '2.5'],
      ]);
    });

    it('reserves an order once: a rerun finds it allocated and commits nothing more', async () => {
      await suite.repos.inventory.upsertLevels([
        { itemId: 'W-1', locationId: 'DC-1', kind: 'dc', onHand: '12' },
      ]);
      await suite.repos.orders.create(newOrder('o-5'));
      const before = await committed();
      expect(await suite.repos.inventory.commitAllocation(allocation('o-5', '3'))).toEqual({
        outcome: 'allocated',
      });
      expect(await suite.repos.inventory.commitAllocation(allocation('o-5', '3'))).toEqual({
        outcome: 'already-allocated',
      });
      expect(Number(await committed())).toBe(Number(before) + 3);
      const order = await suite.repos.orders.get('o-5');
      expect(order?.allocation).toEqual(allocation('o-5', '3').allocation);
      expect(order?.lines[0]).toMatchObject({ allocated: '3', backordered: '0', status: 'allocated' });
      expect(
        (await suite.repos.inventory.reservations('o-5')).map((r) => [
          r.lineNumber,
          r.locationId,
          r.quantity,
        ]),
      ).toEqual([['1', 'DC-1', '3']]);
    });

    it('refuses a plan the stock no longer covers, changing nothing', async () => {
      await suite.repos.orders.create(newOrder('o-6'));
      const before = await committed();
      const result = await suite.repos.inventory.commitAllocation(allocation('o-6', '1000'));
      expect(result).toEqual({ outcome: 'stock-changed', itemId: 'W-1', locationId: 'DC-1' });
      expect(await committed()).toBe(before);
      expect((await suite.repos.orders.get('o-6'))?.allocation).toBeNull();
      expect(await suite.repos.inventory.reservations('o-6')).toEqual([]);
    });

    it('does not allocate an order that is no longer open', async () => {
      await suite.repos.orders.create(newOrder('o-7', { status: 'cancelled' }));
      expect(await suite.repos.inventory.commitAllocation(allocation('o-7', '1'))).toEqual({
        outcome: 'not-open',
        status: 'cancelled',
      });
    });

    it('stores a batch of orders as create would, once, and reads them back in one call', async () => {
      const batch = [
        newOrder('b-1', { at: new Date('2025-03-01T10:00:00Z') }),
        newOrder('b-2', { status: 'rejected', decision: 'reject', at: new Date('2025-03-01T10:00:00Z') }),
      ];
      expect(await suite.repos.orders.createMany(batch)).toEqual({ created: ['b-1', 'b-2'] });
      expect(await suite.repos.orders.createMany([...batch, newOrder('b-3')])).toEqual({ created: ['b-3'] });
      const one = await suite.repos.orders.create(
        newOrder('b-single', { at: new Date('2025-03-01T10:00:00Z') }),
      );
      const [many] = await suite.repos.orders.getMany(['b-1']);
      expect({ ...many, id: 'b-single', poNumber: 'PO-b-single' }).toEqual(one.order);
      const read = await suite.repos.orders.getMany(['b-2', 'b-1', 'b-none']);
      expect(read.map((o) => o.id).sort()).toEqual(['b-1', 'b-2']);
      expect(read.find((o) => o.id === 'b-2')?.lines.every((l) => l.status === 'rejected')).toBe(true);
      expect(await suite.repos.orders.createMany([])).toEqual({ created: [] });
      const numbers = await suite.repos.orders.withPoNumbers('acme', ['PO-b-1', 'PO-b-3', 'PO-none']);
      expect(numbers.map((o) => o.id).sort()).toEqual(['b-1', 'b-3']);
    });

    it('acknowledges a batch in one call, each order only from the statuses it names and only once', async () => {
      await suite.repos.orders.createMany([
        newOrder('k-1'),
        newOrder('k-2'),
        newOrder('k-3', { status: 'cancelled' }),
      ]);
      const at = new Date('2025-03-02T08:00:00Z');
      const changes = [
        { id: 'k-1', ackDocumentId: 'ack-k-1', status: 'acknowledged' as const, from: ['open' as const] },
        { id: 'k-2', ackDocumentId: 'ack-k-2', status: 'acknowledged' as const, from: ['open' as const] },
        { id: 'k-3', ackDocumentId: 'ack-k-3', status: 'acknowledged' as const, from: ['open' as const] },
      ];
      expect((await suite.repos.orders.acknowledgeMany(changes, at)).sort()).toEqual(['k-1', 'k-2']);
      expect(await suite.repos.orders.acknowledgeMany(changes, at)).toEqual([]);
      const [k1] = await suite.repos.orders.getMany(['k-1']);
      expect(k1).toMatchObject({
        status: 'acknowledged',
        ackDocumentId: 'ack-k-1',
        revision: 1,
        updatedAt: at,
      });
      expect((await suite.repos.orders.get('k-3'))?.status).toBe('cancelled');
    });

    it('allocates a batch of orders in one transaction, or nothing when a location runs short', async () => {
      await suite.repos.inventory.upsertLevels([
        { itemId: 'W-9', locationId: 'DC-9', kind: 'dc', onHand: '10' },
      ]);
      await suite.repos.orders.createMany([
        newOrder('a-1'),
        newOrder('a-2'),
        newOrder('a-3', { status: 'cancelled' }),
      ]);
      const at9 = (orderId: string, quantity: string): AllocationCommit => {
        const base = allocation(orderId, quantity);
        const entry = { lineNumber: '1', allocated: quantity, backordered: '0', locationId: 'DC-9' };
        return {
          ...base,
          allocation: [entry],
          reservations: [{ lineNumber: '1', itemId: 'W-9', locationId: 'DC-9', quantity }],
          lines: [
            {
              lineNumber: '1',
              itemId: 'W-9',
              allocated: quantity,
              backordered: '0',
              status: 'allocated',
              locations: [entry],
            },
          ],
        };
      };
      // 6 + 6 is more than the 10 on hand: nothing of it is kept.
      expect(await suite.repos.inventory.commitAllocations([at9('a-1', '6'), at9('a-2', '6')])).toEqual({
        outcome: 'stock-changed',
        itemId: 'W-9',
        locationId: 'DC-9',
      });
      expect((await suite.repos.orders.get('a-1'))?.allocation).toBeNull();
      expect((await suite.repos.inventory.levels(['W-9']))[0]?.committed).toBe('0');
      const done = await suite.repos.inventory.commitAllocations([
        at9('a-1', '6'),
        at9('a-2', '2.5'),
        at9('a-3', '1'),
      ]);
      expect(done).toEqual({
        outcome: 'allocated',
        allocated: ['a-1', 'a-2'],
        skipped: [{ orderId: 'a-3', reason: 'not-open' }],
      });
      expect((await suite.repos.inventory.levels(['W-9']))[0]).toMatchObject({
        committed: '8.5',
        available: '1.5',
      });
      const [a2] = await suite.repos.orders.getMany(['a-2']);
      expect(a2?.allocation).toEqual(at9('a-2', '2.5').allocation);
      expect(a2?.revision).toBe(1);
      expect(a2?.lines[0]).toMatchObject({
        itemId: 'W-9',
        allocated: '2.5',
        backordered: '0',
        status: 'allocated',
        locations: at9('a-2', '2.5').allocation,
      });
      expect(a2?.lines[1]).toMatchObject({ allocated: '0', status: 'open' });
      expect(
        (await suite.repos.inventory.reservations('a-2')).map((r) => [r.itemId, r.locationId, r.quantity]),
      ).toEqual([['W-9', 'DC-9', '2.5']]);
      // A rerun claims nothing and commits nothing more.
      expect(await suite.repos.inventory.commitAllocations([at9('a-1', '6')])).toEqual({
        outcome: 'allocated',
        allocated: [],
        skipped: [{ orderId: 'a-1', reason: 'already-allocated' }],
      });
      expect((await suite.repos.inventory.levels(['W-9']))[0]?.committed).toBe('8.5');
    });

    it('records a batch of audit entries in one call', async () => {
      const subject = { type: 'order', id: 'audit-batch' };
      await suite.repos.audit.recordMany([
        {
          actor: 'pipeline',
          action: 'order-received',
          subjectType: 'order',
          subjectId: subject.id,
          details: { n: 1 },
          at: new Date('2025-03-01T00:00:00Z'),
        },
        {
          actor: 'pipeline',
          action: 'order-allocated',
          subjectType: 'order',
          subjectId: subject.id,
          at: new Date('2025-03-01T00:00:01Z'),
        },
      ]);
      await suite.repos.audit.recordMany([]);
      const events = await suite.repos.audit.list(subject);
      expect(events.map((e) => [e.action, e.details])).toEqual([
        ['order-received', { n: 1 }],
        ['order-allocated', null],
      ]);
    });

    it('gives stock back once, moving the order to its final status in the same transaction', async () => {
      await suite.repos.orders.create(newOrder('o-8'));
      await suite.repos.inventory.commitAllocation(allocation('o-8', '2'));
      const before = await committed();
      const status = { to: 'cancelled' as const, from: ['open', 'acknowledged'] as const };
      const first = await suite.repos.inventory.release('o-8', { status, lineStatus: 'cancelled' });
      expect(first.changed).toBe(true);
      expect(first.released.map((r) => r.quantity)).toEqual(['2']);
      expect(Number(await committed())).toBe(Number(before) - 2);
      const again = await suite.repos.inventory.release('o-8', { status });
      expect(again).toEqual({ changed: false, released: [] });
      expect((await suite.repos.inventory.release('o-8')).released).toEqual([]);
      const order = await suite.repos.orders.get('o-8');
      expect(order?.status).toBe('cancelled');
      expect(order?.lines.every((l) => l.status === 'cancelled')).toBe(true);
    });

    it('never commits more than is on hand when orders allocate at once', async () => {
      await suite.repos.inventory.upsertLevels([
        { itemId: 'RACE', locationId: 'DC-1', kind: 'dc', onHand: '10' },
      ]);
      const ids = Array.from({ length: 8 }, (_, i) => `o-race-${i}`);
      for (const id of ids) await suite.repos.orders.create(newOrder(id));
      const commit = (id: string): AllocationCommit => {
        const plan = allocation(id, '2');
        return { ...plan, reservations: plan.reservations.map((r) => ({ ...r, itemId: 'RACE' })) };
      };
      // SQLite refuses a second writer ("database is locked") where PostgreSQL waits for the row
      // lock; either way a transient failure changes nothing and the job runs again, as here.
      const attempt = async (id: string): Promise<string> => {
        for (;;) {
          try {
            return (await suite.repos.inventory.commitAllocation(commit(id))).outcome;
          } catch (error) {
            if (!isGatewayError(error) || error.permanent) throw error;
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
        }
      };
      const outcomes = await Promise.all(ids.map(attempt));
      expect(outcomes.filter((o) => o === 'allocated')).toHaveLength(5);
      expect(outcomes.filter((o) => o === 'stock-changed')).toHaveLength(3);
      const [level] = await suite.repos.inventory.levels(['RACE']);
      expect(level).toMatchObject({ onHand: '10', committed: '10', available: '0' });
    });

    it("narrows the catalog to the items an order names, with only the partner's buyer part numbers", async () => {
      await suite.repos.catalog.upsertItems([
        {
          itemId: 'W-1',
          status: 'active',
          units: [{ uom: 'EA', packSize: '6' }],
          crossReference: { upc: ['012345678905'], vendorPartNumber: ['VP-1'] },
          buyerPartNumbers: { acme: ['ACME-1'], other: ['OTHER-1'] },
        },
        { itemId: 'G-9', status: 'discontinued', units: [{ uom: 'EA' }], crossReference: { sku: ['g-9'] } },
      ]);
      const byEan = await suite.repos.catalog.catalogFor('acme', ['0012345678905']);
      expect(byEan.items).toEqual([
        {
          itemId: 'W-1',
          status: 'active',
          units: [{ uom: 'EA', packSize: '6' }],
          crossReference: { upc: ['012345678905'], vendorPartNumber: ['VP-1'], buyerPartNumber: ['ACME-1'] },
        },
      ]);
      expect(
        (await suite.repos.catalog.catalogFor('acme', ['G-9', 'vp-1'])).items.map((i) => i.itemId),
      ).toEqual(['G-9', 'W-1']);
      expect((await suite.repos.catalog.catalogFor('acme', ['OTHER-1'])).items).toEqual([]);
      expect((await suite.repos.catalog.catalogFor('other', ['OTHER-1'])).items.map((i) => i.itemId)).toEqual(
        ['W-1'],
      );

      await suite.repos.catalog.upsertItems([
        {
          itemId: 'W-1',
          status: 'active',
          units: [{ uom: 'EA' }],
          crossReference: { vendorPartNumber: ['VP-1B'] },
        },
      ]);
      expect((await suite.repos.catalog.catalogFor('acme', ['VP-1', 'ACME-1'])).items).toEqual([]);
      expect(await suite.repos.catalog.get('W-1')).toEqual({
        itemId: 'W-1',
        status: 'active',
        units: [{ uom: 'EA' }],
        crossReference: { vendorPartNumber: ['VP-1B'] },
      });
    });

    it('keeps one list price and one contract price per partner, exact to the cent', async () => {
      await suite.repos.priceLists.upsertEntries('list-1', [
        { itemId: 'W-1', uom: 'ea', unitPrice: '10.10' },
        { itemId: 'W-1', uom: 'EA', unitPrice: '9.25', partnerId: 'acme', contractNumber: 'C-7' },
        { itemId: 'W-1', uom: 'EA', unitPrice: '8.00', partnerId: 'other' },
        { itemId: 'W-2', uom: 'EA', unitPrice: '1.00' },
      ]);
      await suite.repos.priceLists.upsertEntries('list-1', [
        { itemId: 'W-1', uom: 'EA', unitPrice: '10.20' },
      ]);
      await suite.repos.priceLists.upsertEntries('list-2', [
        { itemId: 'W-1', uom: 'EA', unitPrice: '99.00' },
      ]);
      const prices = await suite.repos.priceLists.priceListFor('list-1', 'acme', ['W-1']);
      expect(prices.entries).toEqual([
        { itemId: 'W-1', uom: 'EA', unitPrice: '10.20' },
        { itemId: 'W-1', uom: 'EA', unitPrice: '9.25', partnerId: 'acme', contractNumber: 'C-7' },
      ]);
      expect((await suite.repos.priceLists.priceListFor('list-1', 'acme')).entries).toHaveLength(3);
      expect((await suite.repos.priceLists.priceListFor('list-1', 'acme', [])).entries).toEqual([]);
    });

    async function committed(): Promise<string> {
      const level = (await suite.repos.inventory.levels(['W-1'])).find((l) => l.locationId === 'DC-1');
      return level?.committed ?? '0';
    }
  });
}
