import { describe, expect, it } from 'vitest';
import type { NewOrder, Repositories } from '../../src/store/index.js';
import { openForSuite, type StoreHarness } from './store-contract.js';
import { interchange } from './store-samples.js';

const LATER = () => new Date(Date.now() + 60_000);
const EARLIER = () => new Date(Date.now() - 60_000);

function order(id: string, overrides: Partial<NewOrder> = {}): NewOrder {
  return {
    id,
    partnerId: 'acme',
    poNumber: `PO-${id}`,
    kind: 'order',
    status: 'open',
    decision: 'accept',
    findings: [],
    lines: [{ lineNumber: '1', itemId: 'W-1', quantity: '1', uom: 'EA', unitPrice: '1.00' }],
    ...overrides,
  };
}

/** An inbound interchange indexed with three 850 sets, and one purchase order document per set. */
async function interchangeWithOrders(
  repos: Repositories,
  controlNumber: string,
  prefix: string,
): Promise<{ transmissionId: string; documentIds: string[] }> {
  const transmissionId = await repos.transmissions.recordInbound(Buffer.from('ISA'), { channel: 'folder' });
  const { transactionSetIds } = await repos.envelopes.recordInterchange(
    interchange(transmissionId, controlNumber),
  );
  const documentIds = transactionSetIds.map((_, i) => `${prefix}-${i + 1}`);
  await repos.documents.saveNew(
    documentIds.map((id, i) => ({
      document: {
        id,
        type: 'purchase_order',
        partnerId: 'acme',
        source: { transmissionId, interchangeControlNumber: controlNumber },
      },
      transactionSetId: transactionSetIds[i] ?? null,
    })),
  );
  return { transmissionId, documentIds };
}

/** What the recovery sweep reads to queue again lost work: the same on every dialect. */
export function describeUnfinishedWorkContract(dialect: string, harness: StoreHarness): void {
  describe(`unfinished work contract: ${dialect}`, () => {
    const suite = openForSuite(harness);

    it('lists transmissions a job still owes, with the change that queued their current job', async () => {
      const { transmissions, unfinished } = suite.repos;
      const old = new Date(Date.now() - 3_600_000);
      const received = await transmissions.recordInbound(Buffer.from('a'), {
        channel: 'folder',
        receivedAt: old,
      });
      const reading = await transmissions.recordInbound(Buffer.from('b'), { channel: 'folder' });
      await transmissions.setStatus(reading, 'processing');
      const read = await transmissions.recordInbound(Buffer.from('c'), { channel: 'folder' });
      await transmissions.setStatus(read, 'processing');
      await transmissions.setStatus(read, 'processed');
      // Reprocessed: back to `received` after three changes, as `reprocess-<id>-3` was queued.
      const again = await transmissions.recordInbound(Buffer.from('d'), { channel: 'folder' });
      await transmissions.setStatus(again, 'processing');
      await transmissions.setStatus(again, 'processed');
      await transmissions.setStatus(again, 'received', 'reprocess requested by alice');
      const waiting = await transmissions.recordOutbound(Buffer.from('e'), {
        partnerId: 'acme',
        channel: 'folder',
        sourceRef: '997-000000001.x12',
        createdAt: new Date(old.getTime() + 1),
      });
      const sent = await transmissions.recordOutbound(Buffer.from('f'), {
        partnerId: 'acme',
        channel: 'folder',
        sourceRef: '855-000000002.x12',
      });
      await transmissions.setStatus(sent, 'processing');
      await transmissions.setStatus(sent, 'sent');
      // Resent after two changes (`resend-<id>-3`, counting its storing), now being delivered.
      await transmissions.setStatus(sent, 'processed', 'resend requested by alice');
      await transmissions.setStatus(sent, 'processing');

      const found = await unfinished.transmissions({ changedBefore: LATER() });
      const mine = new Set([received, reading, read, again, waiting, sent]);
      const listed = found.filter((t) => mine.has(t.id));
      // Longest waiting first; the three changed just now in any order (their times may tie).
      expect(listed.slice(0, 2).map((t) => t.id)).toEqual([received, waiting]);
      expect(listed.map((t) => t.id).sort()).toEqual([received, waiting, reading, again, sent].sort());
      const shape = (id: string) => {
        const { id: _, statusSince: __, ...rest } = listed.find((t) => t.id === id) ?? { id, statusSince: 0 };
        return rest;
      };
      expect(shape(received)).toEqual({
        direction: 'inbound',
        status: 'received',
        partnerId: null,
        channel: 'folder',
        sourceRef: null,
        historyLength: 1,
        queuedAfter: 0,
      });
      expect(shape(waiting)).toEqual({
        direction: 'outbound',
        status: 'processed',
        partnerId: 'acme',
        channel: 'folder',
        sourceRef: '997-000000001.x12',
        historyLength: 1,
        queuedAfter: 0,
      });
      expect(shape(reading)).toMatchObject({ status: 'processing', historyLength: 2, queuedAfter: 0 });
      expect(shape(again)).toMatchObject({ status: 'received', historyLength: 4, queuedAfter: 3 });
      expect(shape(sent)).toMatchObject({
        direction: 'outbound',
        status: 'processing',
        historyLength: 5,
        queuedAfter: 3,
      });
      expect(listed[0]?.statusSince.getTime()).toBe(old.getTime());

      // Only what has sat still since the cutoff, at most `limit`.
      const stale = await unfinished.transmissions({ changedBefore: new Date(old.getTime() + 10) });
      expect(stale.filter((t) => mine.has(t.id)).map((t) => t.id)).toEqual([received, waiting]);
      expect(await unfinished.transmissions({ changedBefore: LATER(), limit: 1 })).toHaveLength(1);
    });

    it('lists purchase orders not decided or left where the pipeline moves them on, not those staff hold', async () => {
      const { orders, exceptions, documents, unfinished } = suite.repos;
      const { transmissionId, documentIds } = await interchangeWithOrders(suite.repos, '000000501', 'po-u');
      const [undecided, open, acknowledged] = documentIds as [string, string, string];
      await orders.create(order(open));
      await orders.create(order(acknowledged));
      await orders.acknowledgeMany([
        { id: acknowledged, ackDocumentId: 'ack-1', status: 'acknowledged', from: ['open'] },
      ]);
      // Held: the pipeline's until its exception is raised, staff's from then on.
      const extra = [
        'po-u-held',
        'po-u-held-raised',
        'po-u-failed',
        'po-u-rejected',
        'po-u-answered',
        'po-u-cancel',
      ];
      await documents.saveNew(
        extra.map((id) => ({ document: { id, type: 'purchase_order', partnerId: 'acme', source: {} } })),
      );
      await documents.saveNew([{ document: { id: 'ack-u', type: 'purchase_order_ack', partnerId: 'acme' } }]);
      await orders.create(order('po-u-held', { status: 'on_hold', decision: 'hold' }));
      await orders.create(order('po-u-held-raised', { status: 'on_hold', decision: 'hold' }));
      await exceptions.raise({
        partnerId: 'acme',
        subjectType: 'order',
        subjectId: 'po-u-held-raised',
        kind: 'order-hold',
        message: 'held',
      });
      await exceptions.raise({
        partnerId: 'acme',
        subjectType: 'document',
        subjectId: 'po-u-failed',
        kind: 'processing-failed',
        message: 'failed for good',
      });
      await orders.create(order('po-u-rejected', { status: 'rejected', decision: 'reject' }));
      await orders.create(order('po-u-answered', { status: 'rejected', decision: 'reject' }));
      await orders.acknowledgeMany([
        { id: 'po-u-answered', ackDocumentId: 'ack-2', status: 'rejected', from: ['rejected'] },
      ]);
      await orders.create(order('po-u-cancel', { kind: 'cancellation' }));

      const found = await unfinished.purchaseOrders({ changedBefore: LATER() });
      const mine = found.filter((po) => po.documentId.startsWith('po-u'));
      expect(mine.map((po) => po.documentId).sort()).toEqual(
        [undecided, open, 'po-u-held', 'po-u-rejected', 'po-u-cancel'].sort(),
      );
      const byId = new Map(mine.map((po) => [po.documentId, po]));
      expect(byId.get(undecided)).toMatchObject({
        partnerId: 'acme',
        order: null,
        transmissionId,
        interchangeControlNumber: '000000501',
      });
      expect(byId.get(open)).toMatchObject({
        order: { kind: 'order', status: 'open', revision: 0 },
        transmissionId,
        interchangeControlNumber: '000000501',
      });
      expect(byId.get('po-u-cancel')).toMatchObject({
        order: { kind: 'cancellation', status: 'open' },
        transmissionId: null,
        interchangeControlNumber: null,
      });
      expect(mine.every((po) => po.since.getTime() <= Date.now())).toBe(true);
      const fresh = await unfinished.purchaseOrders({ changedBefore: EARLIER() });
      expect(fresh.filter((po) => po.documentId.startsWith('po-u'))).toEqual([]);
    });

    it('gives the purchase orders of each interchange in the order of their sets', async () => {
      const { unfinished } = suite.repos;
      const first = await interchangeWithOrders(suite.repos, '000000601', 'po-i');
      const second = await interchangeWithOrders(suite.repos, '000000602', 'po-j');
      const found = await unfinished.purchaseOrdersOf([
        { transmissionId: first.transmissionId, controlNumber: '000000601' },
        { transmissionId: second.transmissionId, controlNumber: '000000602' },
        { transmissionId: first.transmissionId, controlNumber: '000000999' },
        { transmissionId: 'not-a-transmission', controlNumber: '000000601' },
      ]);
      const sorted = [...found].sort((a, b) => a.controlNumber.localeCompare(b.controlNumber));
      expect(sorted).toEqual([
        { transmissionId: first.transmissionId, controlNumber: '000000601', documentIds: first.documentIds },
        {
          transmissionId: second.transmissionId,
          controlNumber: '000000602',
          documentIds: second.documentIds,
        },
      ]);
      expect(await unfinished.purchaseOrdersOf([])).toEqual([]);
    });

    it('lists batches of 855s open, or sealed with answers, not those sealed empty or failed', async () => {
      const { outboundBatches, exceptions, unfinished } = suite.repos;
      const open = { partnerId: 'acme', setId: '855', expected: 2 };
      await outboundBatches.open({ id: 'b-open', ...open });
      await outboundBatches.join('b-open', 'po-1', 'ack-1');
      await outboundBatches.open({ id: 'b-sealed', ...open });
      await outboundBatches.join('b-sealed', 'po-2', 'ack-2');
      await outboundBatches.seal('b-sealed');
      await outboundBatches.open({ id: 'b-empty', ...open });
      await outboundBatches.join('b-empty', 'po-3', null);
      await outboundBatches.seal('b-empty');
      await outboundBatches.open({ id: 'b-failed', ...open });
      await outboundBatches.join('b-failed', 'po-4', 'ack-4');
      await outboundBatches.seal('b-failed');
      await exceptions.raise({
        partnerId: 'acme',
        subjectType: 'batch',
        subjectId: 'b-failed',
        kind: 'processing-failed',
        message: 'not sent',
      });
      await outboundBatches.open({ id: 'b-old-seal', ...open });
      await outboundBatches.join('b-old-seal', 'po-5', 'ack-5');
      await outboundBatches.seal('b-old-seal', new Date(Date.now() - 3 * 24 * 3600_000));

      const found = await unfinished.answerBatches({
        changedBefore: LATER(),
        sealedAfter: new Date(Date.now() - 24 * 3600_000),
      });
      expect(
        found.map(({ createdAt: _, sealedAt, ...rest }) => ({ ...rest, sealed: sealedAt !== null })),
      ).toEqual([
        { id: 'b-open', partnerId: 'acme', expected: 2, joined: 1, answers: 1, sealed: false },
        { id: 'b-sealed', partnerId: 'acme', expected: 2, joined: 1, answers: 1, sealed: true },
      ]);
      expect(await unfinished.answerBatches({ changedBefore: EARLIER(), sealedAfter: EARLIER() })).toEqual(
        [],
      );
    });
  });
}
