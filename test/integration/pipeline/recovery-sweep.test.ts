import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UnrecoverableError, Worker } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { masterDataFor, purchaseOrderInterchange } from '../../../scripts/generate-850s.mjs';
import {
  ackJobId,
  derivedUuid,
  inboundJobId,
  orderBatchJobId,
  pollInboxOnce,
  pollSchedulerId,
  processInbound,
  recoverLostWork,
  recoveryTask,
  sealJobId,
  startPipeline,
  type Pipeline,
  type RecoveredJob,
} from '../../../src/pipeline/index.js';
import { removeQueueKeys } from '../gateway/gateway-process.js';
import { REDIS_URL, startHarness, waitFor, type Harness } from './pipeline-harness.js';
import { testLogger } from '../test-logger.js';

const PRICE_LIST = 'acme-recovery';
const BUSINESS = {
  priceList: PRICE_LIST,
  allocation: { strategy: 'single-location-first', locations: ['DC'] },
};
const IN_A_MONTH = new Date(Date.now() + 30 * 24 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');

/** An interchange of `orders` acceptable purchase orders, numbered from `firstOrder`. */
function orders(isa13: number, firstOrder: number, count: number): string {
  return purchaseOrderInterchange({
    controlNumber: isa13,
    firstOrder,
    orders: count,
    sender: 'ACMERETAIL',
    receiver: 'OURGATEWAY',
    deliveryDate: IN_A_MONTH,
  });
}

const jobIds = (jobs: readonly RecoveredJob[]) => jobs.map((job) => `${job.jobId} ${job.outcome}`).sort();

describe('the recovery sweep', () => {
  let harness: Harness | undefined;
  let workers: Pipeline | undefined;
  afterEach(async () => {
    await workers?.close();
    await harness?.dispose();
    harness = workers = undefined;
  });

  const startWorkers = (h: Harness) =>
    startPipeline({
      redisUrl: REDIS_URL,
      prefix: h.prefix,
      repositories: h.repositories,
      partners: h.partners,
      transports: h.transports,
      retry: { attempts: 3, backoffMs: 50 },
      logger: testLogger(),
    });

  it('puts back every job Redis lost, under the ids the pipeline gave them, and the work completes once', async () => {
    const h = (harness = await startHarness({
      workers: 'none',
      business: BUSINESS,
      seed: masterDataFor(10, { priceListId: PRICE_LIST, locationId: 'DC' }),
    }));
    const deps = { repositories: h.repositories, queues: h.pipeline.queues };
    const [single] = await h.drop('po-1.x12', orders(1, 1, 1));
    const [together] = await h.drop('po-2.x12', orders(2, 2, 3));
    const [unread] = await h.drop('po-3.x12', orders(3, 5, 1));
    // Two files read (documents stored, acknowledgements built), one not; then Redis loses everything.
    for (const id of [single, together]) await processInbound(id!, { ...deps, partners: h.partners });
    await removeQueueKeys(h.prefix);

    const swept = await recoverLostWork(deps, { now: new Date(), afterMs: 0 });
    expect(jobIds(swept)).toEqual(
      [
        `${inboundJobId(unread!)} added`,
        `${ackJobId(single!, '000000001')} added`,
        `${ackJobId(together!, '000000002')} added`,
        `${orderBatchJobId(`${single!}-000000001`)} added`,
        `${orderBatchJobId(`${together!}-000000002`)} added`,
      ].sort(),
    );
    // The orders of an interchange go back together, as the inbound worker queued them.
    const batch = await h.pipeline.queues.documents.getJob(orderBatchJobId(`${together!}-000000002`));
    const { documentIds } = batch?.data as { documentIds: string[] };
    const read = await h.repositories.documents.getMany(documentIds);
    const poNumber = (id: string) => read.find((d) => d.id === id)?.document['poNumber'];
    expect(documentIds.map(poNumber)).toEqual(['PO000000002', 'PO000000003', 'PO000000004']);
    // Again at once: every job is waiting, nothing changes.
    expect(await recoverLostWork(deps, { now: new Date(), afterMs: 0 })).toEqual([]);
    const audit = await h.repositories.audit.list({ type: 'transmission', id: unread! });
    expect(audit.map((e) => [e.actor, e.action, e.details?.['jobId']])).toEqual([
      ['system', 'transmission-requeued', inboundJobId(unread!)],
    ]);

    workers = startWorkers(h);
    const files = await waitFor(
      'three 997s and three 855 files',
      async () => {
        const out = await h.outboxFiles();
        return out.filter((f) => f.name.startsWith('855-')).length === 3 &&
          out.filter((f) => f.name.startsWith('997-')).length === 3
          ? out
          : undefined;
      },
      30_000,
    );
    // Once done, there is nothing left to put back, and nothing went out twice.
    await waitFor('every transmission settled', async () =>
      (await h.repositories.unfinished.transmissions({ changedBefore: new Date(Date.now() + 60_000) }))
        .length === 0
        ? true
        : undefined,
    );
    expect(await recoverLostWork(deps, { now: new Date(Date.now() + 3_600_000), afterMs: 0 })).toEqual([]);
    const acknowledgedPos = files
      .filter((f) => f.name.startsWith('855-'))
      .flatMap((f) => [...f.content.matchAll(/BAK\*\w*\*\w*\*([^*~]+)/g)].map((m) => m[1]))
      .sort();
    expect(acknowledgedPos).toEqual([
      'PO000000001',
      'PO000000002',
      'PO000000003',
      'PO000000004',
      'PO000000005',
    ]);
    expect((await h.outboxFiles()).map((f) => f.name)).toEqual(files.map((f) => f.name));
  });

  it('retries a failed job and restarts a stalled one, and leaves live ones and those another job owns alone', async () => {
    const h = (harness = await startHarness({ workers: 'none' }));
    const { transmissions } = h.repositories;
    const { queues } = h.pipeline;
    const old = new Date(Date.now() - 3_600_000);
    const stored = async () =>
      transmissions.recordInbound(Buffer.from(`ISA ${randomUUID()}`), { channel: 'folder', receivedAt: old });
    const [failed, stalled, waiting, reprocessed] = [
      await stored(),
      await stored(),
      await stored(),
      await stored(),
    ];
    // Failed for good while the database was down, so it was never marked: still `received`.
    await queues.add('inbound', 'read', { transmissionId: failed }, { jobId: inboundJobId(failed) });
    const connections = [queues.connection.duplicate(), queues.connection.duplicate()] as const;
    const failing = new Worker('inbound', () => Promise.reject(new UnrecoverableError('database down')), {
      connection: connections[0],
      prefix: h.prefix,
    });
    await waitFor('the job to fail', async () =>
      (await queues.inbound.getJobState(inboundJobId(failed))) === 'failed' ? true : undefined,
    );
    await failing.close();
    // Taken by a worker that died: running, its lock gone.
    await queues.add('inbound', 'read', { transmissionId: stalled }, { jobId: inboundJobId(stalled) });
    const taker = new Worker('inbound', null, { connection: connections[1], prefix: h.prefix });
    const taken = await taker.getNextJob('dead-worker');
    expect(taken?.id).toBe(inboundJobId(stalled));
    await queues.connection.del(`${queues.inbound.toKey(inboundJobId(stalled))}:lock`);
    await taker.close(true);
    for (const connection of connections) connection.disconnect();
    // Waiting under its own id, and a reprocess that owns the other.
    await queues.add('inbound', 'read', { transmissionId: waiting }, { jobId: inboundJobId(waiting) });
    await queues.add(
      'inbound',
      'read',
      { transmissionId: reprocessed },
      { jobId: `reprocess-${reprocessed}-1` },
    );

    const live = await queues.liveJobs('inbound');
    expect(live.find((job) => job.jobId === inboundJobId(stalled))?.stalled).toBe(true);
    expect(live.find((job) => job.jobId === inboundJobId(waiting))?.stalled).toBe(false);
    const swept = await recoverLostWork(
      { repositories: h.repositories, queues },
      { now: new Date(), afterMs: 60_000 },
    );
    expect(jobIds(swept)).toEqual(
      [`${inboundJobId(failed)} retried`, `${inboundJobId(stalled)} restarted`].sort(),
    );
    expect(await queues.inbound.getJobState(inboundJobId(failed))).toBe('waiting');
    expect(await queues.inbound.getJobState(inboundJobId(stalled))).toBe('waiting');
    expect(await queues.inbound.getJob(inboundJobId(reprocessed))).toBeUndefined();
    expect(
      await recoverLostWork({ repositories: h.repositories, queues }, { now: new Date(), afterMs: 60_000 }),
    ).toEqual([]);
  });

  it('sends an order left open after its interchange job completed alone, under doc-<id>-r<revision>, once', async () => {
    const h = (harness = await startHarness({
      business: BUSINESS,
      seed: masterDataFor(10, { priceListId: PRICE_LIST, locationId: 'DC' }),
    }));
    await h.drop('po-9.x12', orders(9, 9, 1));
    const [decided] = await waitFor('the order acknowledged', async () => {
      const found = await h.repositories.orders.list({ status: 'acknowledged' });
      return found.length === 1 && (await h.outboxFiles()).length === 2 ? found : undefined;
    });
    // Moved back (as a staff resolution moves a held order) after the interchange's own job
    // completed, and the job that was to carry it on is gone.
    const reopened = await h.repositories.orders.update(decided!.id, { status: 'open' });
    const deps = { repositories: h.repositories, queues: h.pipeline.queues };
    const later = { now: new Date(Date.now() + 3_600_000), afterMs: 0 };
    const jobId = `doc-${decided!.id.replace(/:/g, '-')}-r${reopened!.revision}`;
    expect(jobIds(await recoverLostWork(deps, later))).toEqual([`${jobId} added`]);
    await waitFor('the job to run', async () =>
      (await h.pipeline.queues.documents.getJobState(jobId)) === 'completed' ? true : undefined,
    );
    // Its 855 was stored and sent before: nothing goes out a second time, and the same state
    // swept again is the same job, done.
    expect((await h.outboxFiles()).map((f) => f.name.slice(0, 3)).sort()).toEqual(['855', '997']);
    expect(await recoverLostWork(deps, later)).toEqual([]);
  });

  it('seals a batch of 855s whose seal job is lost: now when complete, at what is left of its deadline otherwise', async () => {
    const h = (harness = await startHarness({ workers: 'none' }));
    const { outboundBatches } = h.repositories;
    const { queues } = h.pipeline;
    const batch = { partnerId: 'acme-retail', setId: '855', expected: 2 };
    await outboundBatches.open({ id: 'po-acks-complete', ...batch });
    await outboundBatches.join('po-acks-complete', 'po-1', 'ack-1');
    await outboundBatches.join('po-acks-complete', 'po-2', null);
    await outboundBatches.open({ id: 'po-acks-waiting', ...batch });
    await outboundBatches.join('po-acks-waiting', 'po-3', 'ack-3');
    await outboundBatches.open({ id: 'po-acks-unsent', ...batch });
    await outboundBatches.join('po-acks-unsent', 'po-4', 'ack-4');
    await outboundBatches.seal('po-acks-unsent');
    await h.repositories.transmissions.recordOutbound(Buffer.from('ISA'), {
      id: derivedUuid('batch:po-acks-sent'),
      partnerId: 'acme-retail',
      channel: 'folder',
      sourceRef: '855-000000001.x12',
    });
    await outboundBatches.open({ id: 'po-acks-sent', ...batch });
    await outboundBatches.join('po-acks-sent', 'po-5', 'ack-5');
    await outboundBatches.seal('po-acks-sent');

    const now = new Date(Date.now() + 60_000);
    const swept = await recoverLostWork(
      { repositories: h.repositories, queues },
      { now, afterMs: 0, batchDeadlineMs: 10 * 60_000 },
    );
    // (The 855 interchange of the batch sent before is an outbound transmission waiting too.)
    expect(jobIds(swept.filter((job) => job.subjectType === 'batch'))).toEqual(
      [
        `${sealJobId('po-acks-complete', false)} added`,
        `${sealJobId('po-acks-waiting', true)} added`,
        `${sealJobId('po-acks-unsent', false)} added`,
      ].sort(),
    );
    const deadline = await queues.documents.getJob(sealJobId('po-acks-waiting', true));
    expect(deadline?.opts.delay).toBeGreaterThan(8 * 60_000);
    expect(deadline?.opts.delay).toBeLessThanOrEqual(9 * 60_000);
    expect(await queues.documents.getJobState(sealJobId('po-acks-complete', false))).toBe('waiting');
  });

  it('runs in one process at a time, and plants again the poll schedulers Redis lost', async () => {
    const h = (harness = await startHarness({ workers: 'none' }));
    const { queues } = h.pipeline;
    await writeFile(join(h.inbox, 'po-7.x12'), orders(7, 7, 1));
    const transport = h.transports.forPartner(h.partner);
    const { stored } = await waitFor('the file stored', async () => {
      const pass = await pollInboxOnce(transport, h.partner, {
        transmissions: h.repositories.transmissions,
        queues,
      });
      return pass.stored.length > 0 ? pass : undefined;
    });
    await removeQueueKeys(h.prefix);
    const lines: string[] = [];
    const plan = { polls: [{ partnerId: h.partner.id, intervalMs: 60_000, offsetMs: 0 }], skipped: [] };
    const task = recoveryTask(
      { repositories: h.repositories, queues },
      { afterMs: 1, polls: plan, log: (line) => lines.push(line) },
    );
    const later = new Date(Date.now() + 1_000);
    // Another process holds the sweep's lock: this one does nothing.
    await queues.connection.set(`${h.prefix}:lock:recovery-sweep`, 'another process', 'PX', 60_000);
    await task.run(later);
    expect(lines).toEqual([]);
    expect(await queues.inbound.getJob(inboundJobId(stored[0]!))).toBeUndefined();
    await queues.connection.del(`${h.prefix}:lock:recovery-sweep`);
    await task.run(later);
    expect(lines).toEqual([
      'recovery sweep: scheduled the polls of 1 partner(s) again',
      'recovery sweep: queued again 1 transmission job(s) (1 added)',
    ]);
    expect((await queues.polls.getJobSchedulers()).map((s) => s.key)).toEqual([
      pollSchedulerId(h.partner.id),
    ]);
    expect(await queues.inbound.getJobState(inboundJobId(stored[0]!))).toBe('waiting');
    expect(await queues.connection.exists(`${h.prefix}:lock:recovery-sweep`)).toBe(0);
  });
});
