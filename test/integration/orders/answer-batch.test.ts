import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueSeal, reprocessTransmission } from '../../../src/pipeline/index.js';
import {
  answerBatchId,
  joinAnswerBatch,
  openAnswerBatch,
  sealAnswerBatch,
} from '../../../src/pipeline/orders/answer-batch.js';
import { waitFor } from '../pipeline/pipeline-harness.js';
import { interchange850s } from './order-850.js';
import { HOOK_TIMEOUT, startOrderHarness, type OrderHarness } from './order-fixture.js';

const line = (quantity: string, vendorPart = 'WID-1', price = '10.00') => ({ quantity, price, vendorPart });

// New interchanges are decided in one job (order-batch.test.ts); these batches are the ones a
// gateway before that opened, which per-order jobs still join and seal after an upgrade.
describe('855 batches opened per inbound interchange before orders were decided together', () => {
  let h: OrderHarness;
  beforeAll(async () => {
    h = await startOrderHarness();
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await h?.dispose();
  }, HOOK_TIMEOUT);

  it('goes out at its deadline with the shares it has, and refuses a share that comes later', async () => {
    // A lone order waits for nobody: no batch, its 855 goes out on its own.
    const [lone] = await h.drop(
      'deadline.edi',
      interchange850s(7002, [{ poNumber: 'PO-D1', lines: [line('1')] }]),
    );
    const order = await h.order('PO-D1', 'acknowledged');
    await waitFor('the 855 of PO-D1', async () =>
      (await h.acks855()).find((f) => f.content.includes('*PO-D1*')),
    );
    expect(await h.repositories.outboundBatches.stateOf(answerBatchId(lone!, '000007002'))).toBeNull();
    expect(await h.repositories.outboundBatches.seal(answerBatchId(lone!, '000007002'))).toBeNull();
    // A batch of two orders of which one never decides, as if its job kept failing.
    const deps = { repositories: h.repositories, partners: h.partners, queues: h.pipeline.queues };
    const transmissionId = '00000000-0000-4000-8000-000000007002';
    const batchId = answerBatchId(transmissionId, '000000001');
    const opened = Date.now();
    await openAnswerBatch(transmissionId, '000000001', h.partner, 2, { ...deps, batchDeadlineMs: 2_000 });
    expect(await h.repositories.outboundBatches.join(batchId, order.id, order.ackDocumentId)).toEqual({
      joined: true,
      complete: false,
    });
    await waitFor('the batch sent at its deadline', async () => {
      const sent = (await h.acks855()).filter((f) => f.content.includes('*PO-D1*'));
      return sent.length === 2 ? sent : undefined;
    });
    expect(Date.now() - opened).toBeGreaterThanOrEqual(2_000);
    expect(await h.repositories.outboundBatches.join(batchId, 'late-document', 'late-ack')).toEqual({
      joined: false,
    });
  });

  it('leaves a batch that cannot be sent as an exception, and sends it when its file is reprocessed', async () => {
    const [transmissionId] = await h.drop(
      'failing.edi',
      interchange850s(7004, [
        { poNumber: 'PO-F1', lines: [line('1')] },
        { poNumber: 'PO-F2', lines: [line('1')] },
      ]),
    );
    const order = await h.order('PO-F1', 'acknowledged');
    await waitFor('the batch of PO-F1', async () =>
      (await h.acks855()).find((f) => f.content.includes('*PO-F1*')),
    );
    // A second batch of the same file whose 855 is missing from the store: sealing it fails for good.
    const deps = { repositories: h.repositories, partners: h.partners, queues: h.pipeline.queues };
    const batchId = answerBatchId(transmissionId!, '000099999');
    await openAnswerBatch(transmissionId!, '000099999', h.partner, 2, deps);
    await h.repositories.outboundBatches.join(batchId, 'po-document-x', 'purchase_order_ack:missing');
    await enqueueSeal(h.pipeline.queues, batchId);
    const exception = await waitFor('the exception of the failed batch', async () => {
      const [raised] = await h.repositories.exceptions.list({ subjectId: batchId, status: 'open' });
      return raised;
    });
    expect(exception).toMatchObject({
      subjectType: 'batch',
      kind: 'processing-failed',
      partnerId: 'acme-retail',
    });
    expect(exception.message).toContain('855 purchase_order_ack:missing is not stored');

    // Once the 855 is there, reprocessing the inbound file sends the batch and closes the exception.
    const ack = await h.repositories.documents.get(order.ackDocumentId!);
    await h.repositories.documents.saveNew([
      {
        document: {
          ...(ack!.document as { id: string; type: string; partnerId: string }),
          id: 'purchase_order_ack:missing',
        },
      },
    ]);
    const before = (await h.acks855()).length;
    const result = await reprocessTransmission(transmissionId!, 'alice', deps);
    expect(result.retriedBatches).toEqual([batchId]);
    await waitFor('the batch sent again', async () =>
      (await h.acks855()).length === before + 1 ? true : undefined,
    );
    expect(await h.repositories.exceptions.get(exception.id)).toMatchObject({
      status: 'resolved',
      resolvedBy: 'alice',
    });
  });

  it('sends on its own an 855 stored for a batch that was sealed before the order joined it', async () => {
    // As after a crash between storing the 855 and joining, with the deadline passing meanwhile.
    await h.drop('late.edi', interchange850s(7005, [{ poNumber: 'PO-L1', lines: [line('1')] }]));
    const order = await h.order('PO-L1', 'acknowledged');
    const ack = await h.repositories.documents.get(order.ackDocumentId!);
    const unsent = {
      ...(ack!.document as { id: string; type: string; partnerId: string }),
      id: 'purchase_order_ack:unsent',
    };
    await h.repositories.documents.saveNew([{ document: unsent }]);
    const deps = { repositories: h.repositories, partners: h.partners, queues: h.pipeline.queues };
    const transmissionId = '00000000-0000-4000-8000-000000007005';
    await openAnswerBatch(transmissionId, '000000001', h.partner, 2, deps);
    const batchId = answerBatchId(transmissionId, '000000001');
    expect(await sealAnswerBatch(batchId, deps)).toMatchObject({ action: 'sealed' });
    const before = (await h.acks855()).length;
    expect(await joinAnswerBatch(batchId, 'po-document-late', unsent.id, deps)).toBe('alone');
    await waitFor('the 855 sent on its own', async () =>
      (await h.acks855()).length === before + 1 ? true : undefined,
    );
    // Joining again finds it sent and sends nothing more.
    expect(await joinAnswerBatch(batchId, 'po-document-late', unsent.id, deps)).toBe('none');
  });
});
