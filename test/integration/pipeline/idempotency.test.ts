import { afterEach, describe, expect, it } from 'vitest';
import { enqueueInbound, processInbound } from '../../../src/pipeline/index.js';
import { PARTNER_ID, startHarness, waitFor, type Harness } from './pipeline-harness.js';
import { purchaseOrder850 } from './sample-850.js';

describe('a job that runs twice', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.dispose();
    harness = undefined;
  });

  const sentAcks = async (h: Harness) => {
    const all = await h.repositories.transmissions.list({ partnerId: PARTNER_ID });
    return all.filter((t) => t.direction === 'outbound' && t.status === 'sent');
  };

  it('added twice under its job id, runs once', async () => {
    const h = (harness = await startHarness());
    const [id] = await h.drop('po-404.edi', purchaseOrder850(404));
    await enqueueInbound(h.pipeline.queues, id!);
    await waitFor('the 997 to be sent', async () => ((await sentAcks(h)).length > 0 ? true : undefined));
    await waitFor('the inbound job to complete', async () =>
      (await h.pipeline.queues.inbound.getJobCounts('completed'))['completed'] === 1 ? true : undefined,
    );
    const counts = await h.pipeline.queues.inbound.getJobCounts('completed', 'waiting', 'active', 'delayed');
    expect(counts).toMatchObject({ completed: 1, waiting: 0, active: 0, delayed: 0 });
    expect(await h.count('documents')).toBe(1);
    expect(await h.outboxFiles()).toHaveLength(1);
  });

  it('run again after a crash before its last step, stores nothing twice and allocates no new numbers', async () => {
    const h = (harness = await startHarness());
    // Stored but not queued: the processor is called here, as a redelivered job would call it.
    const id = await h.repositories.transmissions.recordInbound(Buffer.from(purchaseOrder850(505)), {
      channel: 'folder',
    });
    const deps = { repositories: h.repositories, partners: h.partners, queues: h.pipeline.queues };
    const first = await processInbound(id, deps);
    // The crash: everything was done except the final status.
    await h.repositories.transmissions.setStatus(id, 'processing', 'worker lost');
    const second = await processInbound(id, deps);

    expect(second).toEqual(first);
    expect(first.status).toBe('processed');
    expect(first.documentIds).toHaveLength(1);
    expect(await h.count('documents')).toBe(1);
    expect(await h.count('outbound')).toBe(1);
    await waitFor('the 997 to be sent', async () => ((await sentAcks(h)).length > 0 ? true : undefined));
    expect((await h.outboxFiles()).map((f) => f.name)).toEqual(['997-000000001.x12']);
    expect(await h.repositories.controlNumbers.next(PARTNER_ID, 'ISA')).toBe(2);
    expect(await h.repositories.controlNumbers.next(PARTNER_ID, 'GS')).toBe(2);
    const stored = await h.repositories.transmissions.get(id);
    expect(stored?.history.map((e) => e.status)).toEqual([
      'received',
      'processing',
      'processed',
      'processing',
      'processing',
      'processed',
    ]);
  });

  it('for a transmission already read, changes nothing', async () => {
    const h = (harness = await startHarness());
    const [id] = await h.drop('po-606.edi', purchaseOrder850(606));
    await waitFor('the file to be read', async () =>
      (await h.repositories.transmissions.get(id!))?.status === 'processed' ? true : undefined,
    );
    const deps = { repositories: h.repositories, partners: h.partners, queues: h.pipeline.queues };
    const again = await processInbound(id!, deps);
    expect(again.status).toBe('processed');
    expect(await h.count('documents')).toBe(1);
    expect(await h.count('outbound')).toBe(1);
  });
});
