import { Queue, UnrecoverableError, type DefaultJobOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { GatewayError, isGatewayError } from '../errors/index.js';
import {
  QUEUE_NAMES,
  type AddJobOptions,
  type DocumentJob,
  type InboundJob,
  type JobData,
  type JobQueue,
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
    liveJobs: async <Q extends QueueName>(queue: Q) => {
      const jobs = await queueOf(queue).getJobs([...LIVE_STATES]);
      return jobs.flatMap((job) => (job === undefined ? [] : [job.data as JobData[Q]]));
    },
    workerCount: (queue) => queueOf(queue).getWorkersCount(),
    close: async () => {
      await Promise.all([inbound.close(), documents.close(), outbound.close(), polls.close()]);
    },
  };
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
