import { Queue, UnrecoverableError, type DefaultJobOptions, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { GatewayError, isGatewayError } from '../errors/index.js';
import {
  QUEUE_NAMES,
  type AddJobOptions,
  type DocumentJob,
  type InboundJob,
  type JobData,
  type JobQueue,
  type JobState,
  type LiveJob,
  type LiveJobState,
  type OrderBatchJob,
  type OutboundJob,
  type PollJob,
  type QueueName,
  type SealJob,
} from './job-queue.js';

/** How often and how patiently a job is retried. */
export interface RetryPolicy {
  /** Runs in all, the first included. Default 5. */
  attempts: number;
  /** First backoff; doubled on every retry. Default 2 s. */
  backoffMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, backoffMs: 2_000 };

/** The BullMQ queues behind the {@link JobQueue} port, for the workers, metrics and the queue board. */
export interface PipelineQueues extends JobQueue {
  /** The Redis connection the queues share, for the pipeline's own locks. */
  readonly connection: Redis;
  readonly inbound: Queue<InboundJob>;
  readonly documents: Queue<DocumentJob | SealJob | OrderBatchJob>;
  readonly outbound: Queue<OutboundJob>;
  readonly polls: Queue<PollJob>;
  close(): Promise<void>;
}

const HASH_TAG = /^\{[^{}]+\}$/;

/**
 * Opens the pipeline's queues. The prefix must be a Redis Cluster hash tag (`{edi}`): BullMQ's
 * scripts touch several keys of a queue at once, which a cluster allows only within one slot.
 *
 * @example
 * const queues = openQueues(redis, '{edi}');
 * await enqueueInbound(queues, transmissionId);
 */
export function openQueues(connection: Redis, prefix: string, retry = DEFAULT_RETRY): PipelineQueues {
  if (!HASH_TAG.test(prefix)) {
    throw new GatewayError(
      'config-invalid',
      `QUEUE_PREFIX=${JSON.stringify(prefix)} must be a Redis Cluster hash tag such as {edi}`,
      { permanent: true, status: 500 },
    );
  }
  const defaultJobOptions = jobOptions(retry);
  const inbound = new Queue<InboundJob>(QUEUE_NAMES.inbound, { connection, prefix, defaultJobOptions });
  const documents = new Queue<DocumentJob | SealJob | OrderBatchJob>(QUEUE_NAMES.documents, {
    connection,
    prefix,
    defaultJobOptions,
  });
  const outbound = new Queue<OutboundJob>(QUEUE_NAMES.outbound, { connection, prefix, defaultJobOptions });
  const polls = new Queue<PollJob>(QUEUE_NAMES.polls, {
    connection,
    prefix,
    // A failed poll is not retried: the next one comes at the partner's interval anyway.
    defaultJobOptions: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 1_000 } },
  });
  const byName = { inbound, documents, outbound, polls };
  // Typed by the port's JobData rather than by each queue's own job type, which a generic method
  // cannot follow.
  const queueOf = (name: QueueName): Queue => byName[name];
  return {
    prefix,
    connection,
    inbound,
    documents,
    outbound,
    polls,
    add: async (queue, name, data, options) => {
      await queueOf(queue).add(name, data, bullOptions(options));
    },
    addBulk: async (queue, jobs) => {
      if (jobs.length === 0) return;
      await queueOf(queue).addBulk(
        jobs.map((j) => ({ name: j.name, data: j.data, opts: bullOptions(j.options) })),
      );
    },
    addOrRetry: async (queue, name, data, options) => {
      const job = await queueOf(queue).getJob(options.jobId);
      if (job !== undefined && (await job.isFailed())) await job.retry();
      else if (job === undefined) await queueOf(queue).add(name, data, bullOptions(options));
    },
    remove: async (queue, jobId) => {
      await queueOf(queue).remove(jobId);
    },
    requeue: async (queue, name, data, options) => {
      const bull = queueOf(queue);
      const { job, state } = await inspect(connection, bull, options.jobId);
      if (state === 'live') return 'live';
      if (state === 'done') return 'done';
      if (state === 'failed' && job !== undefined) {
        await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
        return 'retried';
      }
      // Removing refuses a locked job, so a worker that took it meanwhile keeps it.
      if (job !== undefined && (await bull.remove(options.jobId)) !== 1) return 'live';
      await bull.add(name, data, bullOptions(options));
      return state === 'stalled' ? 'restarted' : 'added';
    },
    jobState: async (queue, jobId) => {
      const { state } = await inspect(connection, queueOf(queue), jobId);
      return state === 'orphaned' ? 'missing' : state;
    },
    liveJobs: async <Q extends QueueName>(queue: Q) => {
      const bull = queueOf(queue);
      const live: LiveJob<Q>[] = [];
      // Running jobs are few (the workers' concurrency): each one's lock is looked at.
      for (const job of await bull.getJobs(['active'])) {
        if (job?.id === undefined) continue;
        const stalled = !(await isLocked(connection, bull, job.id));
        live.push({ jobId: job.id, data: job.data as JobData[Q], stalled });
      }
      for (const job of await bull.getJobs(LIVE_STATES.filter((state) => state !== 'active'))) {
        if (job?.id !== undefined) live.push({ jobId: job.id, data: job.data as JobData[Q], stalled: false });
      }
      return live;
    },
    workerCount: (queue) => queueOf(queue).getWorkersCount(),
    close: async () => {
      await Promise.all([inbound.close(), documents.close(), outbound.close(), polls.close()]);
    },
  };
}

/**
 * Where a job stands for the port. `orphaned`: its hash outlived its place in the queue's lists (a
 * lost write can leave that), as good as missing once removed.
 */
async function inspect(
  connection: Redis,
  queue: Queue,
  jobId: string,
): Promise<{ job: Job | undefined; state: JobState | 'orphaned' }> {
  const job = await queue.getJob(jobId);
  if (job === undefined) return { job, state: 'missing' };
  const state = await job.getState();
  if (state === 'completed') return { job, state: 'done' };
  if (state === 'failed') return { job, state: 'failed' };
  if (state === 'unknown') return { job, state: 'orphaned' };
  if (state === 'active' && !(await isLocked(connection, queue, jobId))) return { job, state: 'stalled' };
  return { job, state: 'live' };
}

/** Whether a worker holds the job's lock (BullMQ's `<job key>:lock`, renewed while it runs). */
async function isLocked(connection: Redis, queue: Queue, jobId: string): Promise<boolean> {
  return (await connection.exists(`${queue.toKey(jobId)}:lock`)) === 1;
}

const LIVE_STATES: readonly LiveJobState[] = [
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'waiting-children',
];

function bullOptions(options: AddJobOptions): { jobId: string; delay?: number; priority?: number } {
  return {
    jobId: options.jobId,
    ...(options.delayMs !== undefined && options.delayMs > 0 ? { delay: options.delayMs } : {}),
    ...(options.priority !== undefined ? { priority: options.priority } : {}),
  };
}

function jobOptions(retry: RetryPolicy): DefaultJobOptions {
  return {
    attempts: retry.attempts,
    backoff: { type: 'exponential', delay: retry.backoffMs },
    // Finished jobs are kept for a day so that adding the same job id again is a no-op meanwhile.
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}

/**
 * What a processor throws to BullMQ: a permanent `GatewayError` becomes `UnrecoverableError`, so
 * retrying stops at once; anything else is thrown unchanged and retried with backoff.
 */
export function toJobError(error: unknown): unknown {
  if (!isGatewayError(error) || !error.permanent) return error;
  const unrecoverable = new UnrecoverableError(`${error.code}: ${error.message}`);
  unrecoverable.cause = error;
  return unrecoverable;
}

/** True when BullMQ will not run the job again: attempts spent, or an unrecoverable error. */
export function isFinalFailure(
  job: { attemptsMade: number; opts: { attempts?: number } },
  error: Error,
): boolean {
  return error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
}
