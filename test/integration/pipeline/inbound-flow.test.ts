import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { intakeFile } from '../../../src/pipeline/index.js';
import { PARTNER_ID, startHarness, waitFor, type Harness } from './pipeline-harness.js';
import { purchaseOrder850 } from './sample-850.js';

describe('a file dropped in a partner folder inbox', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.dispose();
    harness = undefined;
  });

  it('is stored exactly, read, its purchase order stored and a 997 delivered back to the sender', async () => {
    const h = (harness = await startHarness());
    const file = purchaseOrder850(101);
    const [id] = await h.drop('po-101.edi', file);

    const done = await waitFor('the 997 to be sent', async () => {
      const acks = await h.repositories.transmissions.list({ partnerId: PARTNER_ID });
      return acks.find((t) => t.direction === 'outbound' && t.status === 'sent');
    });
    const inbound = await h.repositories.transmissions.get(id!);
    expect(inbound?.payload?.toString('utf8')).toBe(file);
    expect(inbound).toMatchObject({ status: 'processed', partnerId: PARTNER_ID, channel: 'folder' });
    expect(inbound?.sha256).toBe(createHash('sha256').update(file).digest('hex'));
    expect(await h.count('inbound')).toBe(1);
    expect(await h.count('documents')).toBe(1);

    const outbox = await h.outboxFiles();
    expect(outbox.map((f) => f.name)).toEqual(['997-000000001.x12']);
    const ack = outbox[0]!.content;
    // Addressed back: us as sender, them as receiver, with the allocator's first numbers.
    expect(ack).toMatch(/^ISA\*00\*.{10}\*00\*.{10}\*ZZ\*OURGATEWAY {5}\*ZZ\*ACMERETAIL {5}\*/);
    expect(ack).toContain('*000000001*');
    expect(ack).toMatch(/GS\*FA\*OURGATEWAY\*ACMERETAIL\*\d{8}\*\d{4}\*1\*X\*004010~/);
    expect(ack).toContain('AK1*PO*101~');
    expect(ack).toContain('AK5*A~');
    expect(done.sourceRef).toBe('997-000000001.x12');
    expect(await h.repositories.controlNumbers.next(PARTNER_ID, 'ISA')).toBe(2);
  });

  it('rejects the same interchange dropped twice, storing no second document and sending no second 997', async () => {
    const h = (harness = await startHarness({ duplicatePolicy: 'reject' }));
    const file = purchaseOrder850(202);
    const [first] = await h.drop('po-202.edi', file);
    await waitFor('the first file to be read', async () =>
      (await h.repositories.transmissions.get(first!))?.status === 'processed' ? true : undefined,
    );
    const [second] = await h.drop('po-202.edi', file);
    const rejected = await waitFor('the second file to be rejected', async () => {
      const t = await h.repositories.transmissions.get(second!);
      return t?.status === 'rejected' ? t : undefined;
    });
    expect(rejected.lastError).toContain(`already received in transmission ${first}`);
    expect(rejected.lastError).toContain(`the same bytes as transmission ${first}`);
    expect(await h.count('inbound')).toBe(2);
    expect(await h.count('documents')).toBe(1);
    // The sender hears of it: a TA1 rejecting the interchange with note 025, and no second 997.
    const files = await waitFor('the TA1 to be delivered', async () => {
      const outbox = await h.outboxFiles();
      return outbox.length === 2 ? outbox : undefined;
    });
    const ta1 = files.find((f) => f.content.includes('TA1*'));
    expect(ta1?.content).toMatch(/TA1\*000000202\*\d{6}\*\d{4}\*R\*025~/);
    expect(ta1?.content).not.toContain('GS*FA');
    expect(files.filter((f) => f.content.includes('AK1*PO*202~'))).toHaveLength(1);
  });

  it('takes an ISA13 seen before the duplicate window as a new interchange', async () => {
    const h = (harness = await startHarness({ duplicatePolicy: 'reject' }));
    const file = purchaseOrder850(212);
    const longAgo = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    const old = await intakeFile(
      Buffer.from(file),
      { channel: 'cli', sourceRef: 'po-212-last-year.edi', receivedAt: longAgo },
      { transmissions: h.repositories.transmissions, queues: h.pipeline.queues },
    );
    await waitFor('the old file to be read', async () =>
      (await h.repositories.transmissions.get(old))?.status === 'processed' ? true : undefined,
    );
    // The same ISA13 31 days later, beyond the partner's 30 days, on a new date: a new interchange.
    const [again] = await h.drop('po-212.edi', file.replace('*250301*1200*', '*250401*0900*'));
    const read = await waitFor('the new file to be read', async () => {
      const t = await h.repositories.transmissions.get(again!);
      return t?.status === 'processed' || t?.status === 'rejected' ? t : undefined;
    });
    expect(read.status).toBe('processed');
    expect(await h.count('documents')).toBe(2);
    const original = await h.repositories.envelopes.findInbound(PARTNER_ID, 'ACMERETAIL', '000000212');
    expect(original?.transmissionId).toBe(again);
  });

  it('accepts and flags a duplicate when the partner says so, still storing one document', async () => {
    const h = (harness = await startHarness({ duplicatePolicy: 'accept-and-flag' }));
    const file = purchaseOrder850(252);
    const [first] = await h.drop('po-252.edi', file);
    await waitFor('the first file to be read', async () =>
      (await h.repositories.transmissions.get(first!))?.status === 'processed' ? true : undefined,
    );
    const [second] = await h.drop('po-252.edi', file);
    await waitFor('the second file to be read', async () =>
      (await h.repositories.transmissions.get(second!))?.status === 'processed' ? true : undefined,
    );
    expect(await h.count('documents')).toBe(1);
    const flags = await h.repositories.audit.list({ type: 'transmission', id: second! });
    expect(flags).toMatchObject([
      { action: 'same-bytes-received', details: { firstTransmissionId: first } },
      {
        action: 'duplicate-interchange-accepted',
        details: { interchangeControlNumber: '000000252', firstTransmissionId: first },
      },
    ]);
  });

  it('rejects a set whose SE01 is wrong: 997 with AK5*R, no document, findable by sha256', async () => {
    const h = (harness = await startHarness());
    const file = purchaseOrder850(303, { segmentCount: 12 });
    const [id] = await h.drop('po-303.edi', file);
    await waitFor('the 997 to be delivered', async () =>
      (await h.outboxFiles()).length > 0 ? true : undefined,
    );
    const [ack] = await h.outboxFiles();
    expect(ack?.content).toContain('AK5*R*4~');
    expect(ack?.content).toContain('AK9*R*1*1*0~');
    const stored = await h.repositories.transmissions.get(id!);
    expect(stored).toMatchObject({ status: 'rejected' });
    expect(stored?.lastError).toMatch(/SE01|segment count|segments/i);
    expect(await h.count('documents')).toBe(0);
    const sha = createHash('sha256').update(file).digest('hex');
    expect((await h.repositories.transmissions.findBySha256(sha)).map((t) => t.id)).toEqual([id]);
  });

  it("keeps a file over the partner's maxFileBytes unread: rejected with the limit's name, no 997, the bytes stored", async () => {
    const h = (harness = await startHarness({ limits: { maxFileBytes: 200 } }));
    const file = purchaseOrder850(304);
    const [id] = await h.drop('po-304.edi', file);
    const stored = await waitFor('the file to be rejected', async () => {
      const t = await h.repositories.transmissions.get(id!);
      return t?.status === 'rejected' ? t : undefined;
    });
    expect(stored.lastError).toContain(`over partner ${PARTNER_ID}'s limit of 200 (limits.maxFileBytes)`);
    expect(stored.payload?.toString('utf8')).toBe(file);
    expect(await h.outboxFiles()).toEqual([]);
    expect(await h.count('documents')).toBe(0);
  });

  it("rejects a set past the partner's maxSegmentsPerSet in its 997 (AK3 5, AK5 R) and maps nothing", async () => {
    const h = (harness = await startHarness({ limits: { maxSegmentsPerSet: 6 } }));
    const [id] = await h.drop('po-305.edi', purchaseOrder850(305));
    await waitFor('the 997 to be delivered', async () =>
      (await h.outboxFiles()).length > 0 ? true : undefined,
    );
    const [ack] = await h.outboxFiles();
    expect(ack?.content).toMatch(/AK3\*[A-Z0-9]+\*7\*\*5~/);
    expect(ack?.content).toContain('AK5*R*5~');
    const stored = await h.repositories.transmissions.get(id!);
    expect(stored?.lastError).toContain('limits.maxSegmentsPerSet');
    expect(await h.count('documents')).toBe(0);
  });
});
