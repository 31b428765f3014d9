import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inboundJobId, startSchedulers, type Schedulers } from '../../../src/pipeline/index.js';
import { PARTNER_ID, startHarness, waitFor, type Harness } from '../pipeline/pipeline-harness.js';
import { purchaseOrder850 } from '../pipeline/sample-850.js';

describe('schedulers', () => {
  let harness: Harness | undefined;
  let schedulers: Schedulers | undefined;
  afterEach(async () => {
    await schedulers?.close();
    await harness?.dispose();
    schedulers = harness = undefined;
  });

  async function start(h: Harness, options: { pollIntervalMs?: number; recoveryIntervalMs?: number } = {}) {
    const lines: string[] = [];
    schedulers = await startSchedulers({
      partners: h.partners,
      repositories: h.repositories,
      queues: h.pipeline.queues,
      pollIntervalMs: options.pollIntervalMs ?? 60_000,
      recoveryIntervalMs: options.recoveryIntervalMs ?? 60_000,
      log: (line) => lines.push(line),
      onError: (task, error) => lines.push(`${task} failed: ${(error as Error).message}`),
    });
    return lines;
  }

  it("polls a folder partner's inbox on its own: a dropped file is stored, read and acknowledged", async () => {
    const h = (harness = await startHarness());
    const lines = await start(h, { pollIntervalMs: 20 });
    expect(schedulers?.tasks).toEqual([`poll ${PARTNER_ID}`, 'recovery sweep']);
    const [scheduler] = await h.pipeline.queues.polls.getJobSchedulers();
    expect(scheduler).toMatchObject({ key: `poll-${PARTNER_ID}`, every: 20 });

    await writeFile(join(h.inbox, 'po-301.edi'), purchaseOrder850(301));
    await waitFor('the 997 in the outbox', async () => {
      const files = await h.outboxFiles();
      return files.length > 0 ? files : undefined;
    });
    expect((await h.outboxFiles()).map((f) => f.name)).toEqual(['997-000000001.x12']);
    expect(await h.count('inbound')).toBe(1);
    expect(lines.filter((l) => l.includes('failed'))).toEqual([]);
  });

  it('queues again a transmission left received for over a minute, and leaves a fresh one alone', async () => {
    const h = (harness = await startHarness());
    const { transmissions } = h.repositories;
    // Stored by a process that died before queueing: nothing in Redis knows about them.
    const stale = await transmissions.recordInbound(Buffer.from(purchaseOrder850(302)), {
      channel: 'folder',
      partnerId: PARTNER_ID,
      receivedAt: new Date(Date.now() - 5 * 60_000),
    });
    const fresh = await transmissions.recordInbound(Buffer.from(purchaseOrder850(303)), {
      channel: 'folder',
      partnerId: PARTNER_ID,
    });
    const lines = await start(h, { recoveryIntervalMs: 20 });

    await waitFor('the stale transmission to be read', async () =>
      (await transmissions.get(stale))?.status === 'processed' ? true : undefined,
    );
    // Several sweeps later the fresh one is still untouched: it may be on its way to the queue.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await transmissions.get(fresh))?.status).toBe('received');
    expect(await h.pipeline.queues.inbound.getJob(inboundJobId(fresh))).toBeUndefined();
    expect(lines).toContain('recovery sweep: queued again 1 transmission job(s) (1 added)');
  });

  it('flags a group the partner has not acknowledged in time, once, when given overdueAcks', async () => {
    const h = (harness = await startHarness());
    const { transmissions, expectedAcks, exceptions } = h.repositories;
    const sent = await transmissions.recordOutbound(Buffer.from('ISA...'), {
      partnerId: PARTNER_ID,
      channel: 'folder',
      sourceRef: '855-000000007.x12',
    });
    await expectedAcks.expect({
      outboundTransmissionId: sent,
      groupControlNumber: '7',
      partnerId: PARTNER_ID,
      functionalId: 'PR',
      interchangeControlNumber: '000000007',
      transactionSets: [{ setId: '855', controlNumber: '0001' }],
      sentAt: new Date(Date.now() - 3 * 3600_000),
      dueAt: new Date(Date.now() - 3600_000),
    });
    const lines: string[] = [];
    schedulers = await startSchedulers({
      partners: h.partners,
      repositories: h.repositories,
      queues: h.pipeline.queues,
      pollIntervalMs: 60_000,
      overdueAcks: { repositories: h.repositories },
      overdueAckIntervalMs: 20,
      log: (line) => lines.push(line),
      onError: (task, error) => lines.push(`${task} failed: ${(error as Error).message}`),
    });
    expect(schedulers.tasks).toContain('flag overdue acknowledgements');

    const flagged = await waitFor('the ack-overdue exception', async () => {
      const open = await exceptions.list({ kind: 'ack-overdue', subjectId: sent });
      return open.length > 0 ? open : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(flagged).toHaveLength(1);
    expect(await exceptions.list({ kind: 'ack-overdue' })).toHaveLength(1);
    expect(lines).toEqual(['flag overdue acknowledgements: 1 group(s) now overdue']);
  });

  it('takes no file once polls are stopped: a file dropped afterwards stays in the inbox', async () => {
    const h = (harness = await startHarness());
    await start(h, { pollIntervalMs: 20 });
    await schedulers?.close();
    await h.pipeline.stopPolls();
    schedulers = undefined;

    await writeFile(join(h.inbox, 'po-304.edi'), purchaseOrder850(304));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await h.count('inbound')).toBe(0);
  });
});
