import { UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { GatewayError } from '../../../src/errors/index.js';
import { ackJobId, inboundJobId, openQueues, toJobError } from '../../../src/pipeline/index.js';
import { REDIS_URL } from './pipeline-harness.js';

describe('pipeline queues', () => {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  afterAll(async () => {
    await redis.quit();
  });

  it('refuses a prefix that is not a Redis Cluster hash tag, naming QUEUE_PREFIX', () => {
    expect(() => openQueues(redis, 'edi')).toThrow(/QUEUE_PREFIX="edi" must be a Redis Cluster hash tag/);
    expect(() => openQueues(redis, '{edi}:x')).toThrow(GatewayError);
  });

  it('keeps every key of both queues under the hash tag', async () => {
    const queues = openQueues(redis, '{edi-keys}');
    try {
      expect(queues.inbound.toKey('wait')).toBe('{edi-keys}:inbound:wait');
      expect(queues.outbound.toKey('wait')).toBe('{edi-keys}:outbound:wait');
    } finally {
      await queues.close();
    }
  });

  it('derives job ids from the transmission and ISA13 alone', () => {
    expect(inboundJobId('t-1')).toBe('inbound-t-1');
    expect(ackJobId('t-1', '000000042')).toBe('ack-t-1-000000042');
  });

  it('turns a permanent GatewayError into UnrecoverableError and leaves others to be retried', () => {
    const permanent = new GatewayError('transport-refused', 'permission denied', { permanent: true });
    const converted = toJobError(permanent);
    expect(converted).toBeInstanceOf(UnrecoverableError);
    expect((converted as Error).message).toBe('transport-refused: permission denied');
    expect((converted as Error).cause).toBe(permanent);
    const transient = new GatewayError('store-unavailable', 'down', { permanent: false });
    expect(toJobError(transient)).toBe(transient);
    const unknown = new Error('boom');
    expect(toJobError(unknown)).toBe(unknown);
  });

  describe('the JobQueue port on BullMQ', () => {
    it('adds a job once per id, in bulk too, delays and removes it, and lists the live ones', async () => {
      const prefix = `{edi-port-${process.pid}-1}`;
      const queues = openQueues(redis, prefix);
      try {
        await queues.add('outbound', 'deliver', { transmissionId: 'o-1' }, { jobId: 'out-o-1' });
        await queues.add('outbound', 'deliver', { transmissionId: 'o-1' }, { jobId: 'out-o-1' });
        await queues.addBulk('outbound', [
          { name: 'deliver', data: { transmissionId: 'o-2' }, options: { jobId: 'out-o-2', priority: 10 } },
          {
            name: 'deliver',
            data: { transmissionId: 'o-3' },
            options: { jobId: 'out-o-3', delayMs: 60_000 },
          },
        ]);
        const live = await queues.liveJobs('outbound');
        expect(live.map((job) => job.data.transmissionId).sort()).toEqual(['o-1', 'o-2', 'o-3']);
        expect(await queues.outbound.getJobState('out-o-3')).toBe('delayed');
        expect(await queues.outbound.getJobState('out-o-2')).toBe('prioritized');
        await queues.remove('outbound', 'out-o-3');
        await queues.remove('outbound', 'no-such-job');
        expect((await queues.liveJobs('outbound')).map((job) => job.data.transmissionId).sort()).toEqual([
          'o-1',
          'o-2',
        ]);
      } finally {
        await queues.outbound.obliterate({ force: true });
        await queues.close();
      }
    });

    it('retries a job that failed under its id, adds one that is gone, and counts workers', async () => {
      const prefix = `{edi-port-${process.pid}-2}`;
      const queues = openQueues(redis, prefix, { attempts: 1, backoffMs: 10 });
      const runs: string[] = [];
      const connection = redis.duplicate({ maxRetriesPerRequest: null });
      const worker = new Worker(
        'documents',
        (job) => {
          const { documentId } = job.data as { documentId: string };
          runs.push(documentId);
          return runs.length === 1 ? Promise.reject(new Error('first run fails')) : Promise.resolve();
        },
        { connection, prefix, autorun: false },
      );
      try {
        await queues.add('documents', 'act', { documentId: 'd-1' }, { jobId: 'doc-d-1' });
        const failed = new Promise((resolve) => worker.once('failed', resolve));
        void worker.run();
        await failed;
        expect(await queues.workerCount('documents')).toBe(1);
        expect(await queues.workerCount('outbound')).toBe(0);
        const done = new Promise((resolve) => worker.once('completed', resolve));
        await queues.addOrRetry('documents', 'act', { documentId: 'd-1' }, { jobId: 'doc-d-1' });
        await done;
        expect(runs).toEqual(['d-1', 'd-1']);
        // Completed: left alone. Gone from Redis: added anew.
        await queues.addOrRetry('documents', 'act', { documentId: 'd-1' }, { jobId: 'doc-d-1' });
        expect(await queues.documents.getJobState('doc-d-1')).toBe('completed');
        await queues.documents.remove('doc-d-1');
        await queues.addOrRetry('documents', 'act', { documentId: 'd-1' }, { jobId: 'doc-d-1' });
        expect(await queues.documents.getJobState('doc-d-1')).not.toBe('unknown');
      } finally {
        await worker.close();
        await connection.quit();
        await queues.documents.obliterate({ force: true });
        await queues.close();
      }
    });

    it('tells where a job stands, and puts a lost one back: missing, failed or stalled, never a live or done one', async () => {
      const prefix = `{edi-port-${process.pid}-3}`;
      const queues = openQueues(redis, prefix, { attempts: 2, backoffMs: 10 });
      const connection = redis.duplicate({ maxRetriesPerRequest: null });
      const worker = new Worker('inbound', null, { connection, prefix });
      const data = (id: string) => ({ transmissionId: id });
      try {
        expect(await queues.jobState('inbound', 'inbound-t-1')).toBe('missing');
        expect(await queues.requeue('inbound', 'read', data('t-1'), { jobId: 'inbound-t-1' })).toBe('added');
        expect(await queues.jobState('inbound', 'inbound-t-1')).toBe('live');
        expect(await queues.requeue('inbound', 'read', data('t-1'), { jobId: 'inbound-t-1' })).toBe('live');
        // Taken by a worker: live while it holds the lock, stalled once the lock is gone.
        const taken = await worker.getNextJob('token-1');
        expect(taken?.id).toBe('inbound-t-1');
        expect(await queues.jobState('inbound', 'inbound-t-1')).toBe('live');
        await redis.del(`${queues.inbound.toKey('inbound-t-1')}:lock`);
        expect(await queues.jobState('inbound', 'inbound-t-1')).toBe('stalled');
        expect((await queues.liveJobs('inbound')).map((job) => [job.jobId, job.stalled])).toEqual([
          ['inbound-t-1', true],
        ]);
        expect(await queues.requeue('inbound', 'read', data('t-1'), { jobId: 'inbound-t-1' })).toBe(
          'restarted',
        );
        expect(await queues.inbound.getJobState('inbound-t-1')).toBe('waiting');
        // Failed for good (its attempts spent): retried with its attempts counted afresh.
        const again = await worker.getNextJob('token-2');
        await again?.moveToFailed(new UnrecoverableError('gave up'), 'token-2');
        expect(await queues.jobState('inbound', 'inbound-t-1')).toBe('failed');
        expect(await queues.requeue('inbound', 'read', data('t-1'), { jobId: 'inbound-t-1' })).toBe(
          'retried',
        );
        const retried = await queues.inbound.getJob('inbound-t-1');
        expect(retried?.attemptsMade).toBe(0);
        const last = await worker.getNextJob('token-3');
        await last?.moveToCompleted('ok', 'token-3', false);
        expect(await queues.jobState('inbound', 'inbound-t-1')).toBe('done');
        expect(await queues.requeue('inbound', 'read', data('t-1'), { jobId: 'inbound-t-1' })).toBe('done');
      } finally {
        await worker.close();
        await connection.quit();
        await queues.inbound.obliterate({ force: true });
        await queues.close();
      }
    });
  });
});
