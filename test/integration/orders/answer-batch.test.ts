import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueSeal, processDocument, reprocessTransmission } from '../../../src/pipeline/index.js';
import {
  answerBatchId,
  joinAnswerBatch,
  openAnswerBatch,
  sealAnswerBatch,
} from '../../../src/pipeline/orders/answer-batch.js';
import type { StoredException } from '../../../src/store/index.js';
import { waitFor } from '../pipeline/pipeline-harness.js';
import { interchange850s, parse855s, type Order850 } from './order-850.js';
import { HOOK_TIMEOUT, startOrderHarness, type OrderHarness } from './order-fixture.js';

const line = (quantity: string, vendorPart = 'WID-1', price = '10.00') => ({ quantity, price, vendorPart });

/** Segment tags and ST02s of an X12 file, for envelope checks. */
function envelope(x12: string) {
  const segments = x12
    .split('~')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => s.split('*'));
  const st02 = segments.filter((s) => s[0] === 'ST').map((s) => s[2] ?? '');
  const ge01 = segments.find((s) => s[0] === 'GE')?.[1];
  const interchanges = segments.filter((s) => s[0] === 'ISA').length;
  return { st02, ge01, interchanges };
}

describe('855s gathered per inbound interchange (perOrder: false, the default)', () => {
  let h: OrderHarness;
  beforeAll(async () => {
    h = await startOrderHarness();
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await h?.dispose();
  }, HOOK_TIMEOUT);

  it('answers the decided orders of an interchange in one 855 interchange; a held one goes out on its own once released', async () => {
    const orders: Order850[] = [
      { poNumber: 'PO-B1', lines: [line('2')] },
      { poNumber: 'PO-B2', lines: [line('3'), line('4', 'NOPE-1', '1.00')] }, // unknown SKU: held
      { poNumber: 'PO-B3', lines: [line('5')] },
      { poNumber: 'PO-B4', lines: [line('1', 'WID-1', '99.00')] }, // price mismatch: held
      { poNumber: 'PO-B5', lines: [line('6')] },
    ];
    const [transmissionId] = await h.drop('batch.edi', interchange850s(7001, orders));
    await h.order('PO-B5', 'acknowledged');
    const batchFile = await waitFor('the batched 855', async () => (await h.acks855()).at(0));
    // In the order the orders were decided, which the jobs running at once choose.
    const answered = parse855s(batchFile.content).map((ack) => [ack.poNumber, ack.ackType]);
    expect(answered.sort()).toEqual([
      ['PO-B1', 'AD'],
      ['PO-B3', 'AD'],
      ['PO-B5', 'AD'],
    ]);
    const { st02, ge01, interchanges } = envelope(batchFile.content);
    expect(interchanges).toBe(1);
    expect(ge01).toBe('3');
    // ST02s are consecutive within the group.
    const numbers = st02.map(Number);
    expect(numbers).toEqual([numbers[0]!, numbers[0]! + 1, numbers[0]! + 2]);

    // The envelope index and the expected 997 know all three sets under one group.
    const expected = await h.repositories.expectedAcks.list({ partnerId: 'acme-retail' });
    const batchAck = expected.find((e) => e.transactionSets.length === 3);
    expect(batchAck?.transactionSets.map((s) => s.setId)).toEqual(['855', '855', '855']);

    // The held orders join the batch without an answer; releasing one sends its own 855.
    const batch = await h.repositories.outboundBatches.seal(answerBatchId(transmissionId!, '000007001'));
    expect(batch?.items.filter((i) => i.answerDocumentId === null)).toHaveLength(2);
    const held = await h.order('PO-B4', 'on_hold');
    const [exception] = (await h.repositories.exceptions.list({ subjectId: held.id, status: 'open' })) as [
      StoredException,
    ];
    const response = await h.post(`/api/exceptions/${exception.id}/resolve`, {
      actor: 'alice',
      resolution: { id: 'accept-price', lineNumber: '1', unitPrice: '99.00' },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const alone = await h.ack855('PO-B4');
    expect(alone.poNumber).toBe('PO-B4');
    const files = await h.acks855();
    expect(files).toHaveLength(2);
    expect(envelope(files.find((f) => f.content.includes('*PO-B4*'))!.content).st02).toHaveLength(1);
  });

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

  it('sends each 855 once when an order job runs again after its batch went out', async () => {
    const [transmissionId] = await h.drop(
      'rerun.edi',
      interchange850s(7003, [
        { poNumber: 'PO-R1', lines: [line('1')] },
        { poNumber: 'PO-R2', lines: [line('1')] },
      ]),
    );
    await h.order('PO-R2', 'acknowledged');
    await h.order('PO-R1', 'acknowledged');
    await waitFor('the batch of PO-R1 and PO-R2', async () =>
      (await h.acks855()).find((f) => f.content.includes('*PO-R1*') && f.content.includes('*PO-R2*')),
    );
    const before = await h.acks855();
    const deps = { repositories: h.repositories, partners: h.partners, queues: h.pipeline.queues };
    // The order's id is its document's: the job of PO-R1, and the seal, run once more.
    const [stored] = await h.repositories.orders.list({ poNumber: 'PO-R1', kind: 'order' });
    expect(await processDocument(stored!.id, deps)).toMatchObject({ action: 'acknowledged' });
    const batchId = answerBatchId(transmissionId!, '000007003');
    expect((await sealAnswerBatch(batchId, deps)).action).toBe('sent');
    // The same interchange accepted again (a flagged duplicate) opens a batch of its own; the
    // order's 855, already sent with the first, joins it as none.
    const again = answerBatchId('00000000-0000-4000-8000-000000007003', '000007003');
    await openAnswerBatch('00000000-0000-4000-8000-000000007003', '000007003', h.partner, 2, deps);
    expect(await joinAnswerBatch(again, stored!.id, stored!.ackDocumentId, deps)).toBe('none');
    expect(await sealAnswerBatch(again, deps)).toMatchObject({ action: 'sealed' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await h.acks855()).toEqual(before);
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
