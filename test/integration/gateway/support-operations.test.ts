import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isGatewayError } from '../../../src/errors/index.js';
import {
  documentHandlers,
  documentJobId,
  listTransmissions,
  reprocessTransmission,
  resendTransmission,
  showTransmission,
  transmissionBytes,
  type DocumentHandler,
} from '../../../src/pipeline/index.js';
import { PARTNER_ID, startHarness, waitFor, type Harness } from '../pipeline/pipeline-harness.js';
import { purchaseOrder850 } from '../pipeline/sample-850.js';

// The order core is not under test here: a handler the test controls stands in for it.
const original = documentHandlers.purchase_order;
let failDocuments = false;
const stub: DocumentHandler = () =>
  failDocuments
    ? Promise.reject(new Error('price list unavailable'))
    : Promise.resolve({ action: 'stub', message: '' });
documentHandlers.purchase_order = stub;
afterAll(() => {
  documentHandlers.purchase_order = original;
});

async function refusal(
  operation: Promise<unknown>,
): Promise<{ code: string; status: number; message: string }> {
  const error = await operation.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isGatewayError(error)) throw new Error(`expected a GatewayError, got ${String(error)}`);
  return { code: error.code, status: error.status, message: error.message };
}

describe('support operations', () => {
  let h: Harness;
  let inboundId: string;
  let ackId: string;

  beforeEach(async () => {
    failDocuments = false;
    h = await startHarness();
    [inboundId] = (await h.drop('po-401.edi', purchaseOrder850(401))) as [string];
    const ack = await waitFor('the 997 to be sent', async () => {
      const all = await h.repositories.transmissions.list({ partnerId: PARTNER_ID });
      return all.find((t) => t.direction === 'outbound' && t.status === 'sent');
    });
    ackId = ack.id;
  });
  afterEach(async () => {
    await h.dispose();
  });

  const deps = () => ({ repositories: h.repositories, partners: h.partners, queues: h.pipeline.queues });
  const audited = async (id: string) =>
    (await h.repositories.audit.list({ type: 'transmission', id })).map((e) => [e.actor, e.action]);

  it('lists with filters and shows history, envelope, documents and the 997, each audited', async () => {
    const processed = (await listTransmissions({ status: 'processed' }, 'alice', deps())).transmissions;
    expect(processed.map((t) => t.id)).toEqual([inboundId]);
    expect((await listTransmissions({ partnerId: 'nobody' }, 'alice', deps())).transmissions.length).toBe(0);
    const listings = await h.repositories.audit.list({ type: 'transmissions', id: 'status=processed' });
    expect(listings.map((e) => [e.actor, e.details?.['count']])).toEqual([['alice', 1]]);

    const view = await showTransmission(inboundId, 'alice', deps());
    expect(view).not.toHaveProperty('payload');
    expect(view.history.map((s) => s.status)).toEqual(['received', 'processing', 'processed']);
    expect(view.interchanges).toMatchObject([
      { controlNumber: '000000401', sender: 'ZZ/ACMERETAIL', groups: [{ transactionSets: [{ id: '850' }] }] },
    ]);
    expect(view.documents).toEqual([expect.objectContaining({ type: 'purchase_order', stored: true })]);
    expect(view.acknowledgements).toEqual([
      { transmissionId: ackId, fileName: '997-000000001.x12', status: 'sent' },
    ]);
    expect(await audited(inboundId)).toEqual([['alice', 'transmission-viewed']]);

    const raw = await transmissionBytes(inboundId, 'bob', deps());
    expect(raw).toEqual({ fileName: 'po-401.edi', bytes: Buffer.from(purchaseOrder850(401)) });
    expect(await audited(inboundId)).toContainEqual(['bob', 'transmission-downloaded']);
  });

  it('resends a sent 997: same bytes, same file name, a new job each time, audited', async () => {
    const [sentFile] = await h.outboxFiles();
    // The partner picked the file up and lost it: the outbox is empty when support resends.
    const pickUp = () => rm(join(h.outbox, '997-000000001.x12'));
    const redelivered = () =>
      waitFor('the 997 back in the outbox', async () => {
        const files = await h.outboxFiles();
        const sent = (await h.repositories.transmissions.get(ackId))?.status === 'sent';
        return files.length === 1 && sent ? files : undefined;
      });
    await pickUp();
    const first = await resendTransmission(ackId, 'alice', deps());
    expect(first).toMatchObject({ fileName: '997-000000001.x12', previousStatus: 'sent' });
    expect(first.jobId).toMatch(new RegExp(`^resend-${ackId}-\\d+$`));
    expect(await redelivered()).toEqual([sentFile]);

    await pickUp();
    const second = await resendTransmission(ackId, 'bob', deps());
    expect(second.jobId).not.toBe(first.jobId);
    expect(await redelivered()).toEqual([sentFile]);

    // Nothing renumbered: no control number was used beyond the first 997's.
    expect(await h.repositories.controlNumbers.next(PARTNER_ID, 'ISA')).toBe(2);
    expect(await audited(ackId)).toEqual([
      ['alice', 'transmission-resent'],
      ['bob', 'transmission-resent'],
    ]);
    const history = (await h.repositories.transmissions.get(ackId))?.history.map((c) => c.status);
    expect(history?.filter((status) => status === 'sent')).toHaveLength(3);
  });

  it('refuses to resend an inbound file or reprocess an outbound one, and names an unknown id', async () => {
    const inbound = await refusal(resendTransmission(inboundId, 'alice', deps()));
    expect(inbound).toMatchObject({ code: 'operation-refused', status: 409 });
    expect(inbound.message).toContain(`transmissions reprocess ${inboundId}`);
    const outbound = await refusal(reprocessTransmission(ackId, 'alice', deps()));
    expect(outbound.code).toBe('operation-refused');
    expect(outbound.message).toContain(`transmissions resend ${ackId}`);
    const unknown = '3f1e1d2c-0000-4000-8000-000000000000';
    expect(await refusal(showTransmission(unknown, 'alice', deps()))).toMatchObject({
      code: 'not-found',
      status: 404,
      message: `there is no transmission ${unknown}`,
    });
    expect(await refusal(resendTransmission(ackId, '  ', deps()))).toMatchObject({
      code: 'actor-invalid',
      status: 400,
    });
    expect(await audited(inboundId)).toEqual([]);
  });

  it('reprocesses an inbound file without duplicating its document or its 997', async () => {
    const before = { documents: await h.count('documents'), outbound: await h.count('outbound') };
    const result = await reprocessTransmission(inboundId, 'alice', deps());
    expect(result).toMatchObject({ previousStatus: 'processed', retriedDocuments: [] });
    expect(result.jobId).toMatch(new RegExp(`^reprocess-${inboundId}-\\d+$`));

    const read = await waitFor('the file to be read again', async () => {
      const t = await h.repositories.transmissions.get(inboundId);
      return t?.status === 'processed' && t.history.length > 3 ? t : undefined;
    });
    expect(read.history.map((s) => s.status)).toEqual([
      'received',
      'processing',
      'processed',
      'received',
      'processing',
      'processed',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect({ documents: await h.count('documents'), outbound: await h.count('outbound') }).toEqual(before);
    expect((await h.outboxFiles()).map((f) => f.name)).toEqual(['997-000000001.x12']);
    expect(await audited(inboundId)).toEqual([['alice', 'transmission-reprocessed']]);
  });

  it('runs again a document whose processing failed for good, and resolves its exception', async () => {
    failDocuments = true;
    const [failedId] = (await h.drop('po-402.edi', purchaseOrder850(402))) as [string];
    const exception = await waitFor('the processing-failed exception', async () => {
      const open = await h.repositories.exceptions.list({ kind: 'processing-failed', status: 'open' });
      return open[0];
    });
    expect(exception.message).toContain('price list unavailable');
    const documentId = exception.subjectId;
    expect((await h.repositories.transmissions.get(failedId))?.status).toBe('processed');

    failDocuments = false;
    const result = await reprocessTransmission(failedId, 'alice', deps());
    expect(result.retriedDocuments).toEqual([documentId]);
    await waitFor('the document job to complete', async () => {
      const job = await h.pipeline.queues.documents.getJob(documentJobId(documentId));
      return (await job?.isCompleted()) === true ? true : undefined;
    });
    expect(await h.repositories.exceptions.get(exception.id)).toMatchObject({
      status: 'resolved',
      resolvedBy: 'alice',
    });
    expect(await h.repositories.exceptions.list({ status: 'open' })).toEqual([]);
  });
});
