import { Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { createLogger, observeWorker, type GatewayMetrics, type Logger } from '../observability/index.js';
import type { PartnerRegistry } from '../partners/index.js';
import type { Repositories } from '../store/index.js';
import { processDocument } from './documents-worker.js';
import { sealAnswerBatch } from './orders/answer-batch.js';
import { decideOrderBatch } from './orders/decide-order-batch.js';
import { processInbound } from './inbound-worker.js';
import { processOutbound, raiseDeliveryFailure } from './outbound-worker.js';
import { createPartnerTransports, type PartnerTransports } from './partner-transports.js';
import { runInboxPoll, type InboxPollOutcome } from './polls/run-inbox-poll.js';
import {
  DEFAULT_RETRY,
  isFinalFailure,
  openQueues,
  toJobError,
  type PipelineQueues,
  type RetryPolicy,
} from './queues.js';
import {
  QUEUE_NAMES,
  type DocumentJob,
  type InboundJob,
  type OrderBatchJob,
  type SealJob,
  type OutboundJob,
  type PollJob,
} from './job-queue.js';

export interface PipelineOptions {
  /** `REDIS_URL`. */
  redisUrl: string;
  /** `QUEUE_PREFIX`, a Redis Cluster hash tag such as `{edi}`. */
  prefix: string;
  repositories: Repositories;
  partners: PartnerRegistry;
  /** Default: transports opened from the partners' configs, closed with the pipeline. */
  transports?: PartnerTransports;
  mappingsDir?: string;
  retry?: RetryPolicy;
  /** Jobs each worker runs at once. Default 4. */
  concurrency?: number;
  /**
   * How long a running job's lock lasts without renewal; a job whose worker died is offered again
   * once it lapses. Default BullMQ's 30 s. Too short, and a busy but living worker loses its jobs.
   */
  lockDurationMs?: number;
  /** How often lapsed locks are looked for. Default BullMQ's 30 s. */
  stalledIntervalMs?: number;
  now?: () => Date;
  /** How long a batch of 855s waits for its last order. Default 15 minutes. */
  batchDeadlineMs?: number;
  /**
   * Where jobs that fail, retry or give up, deliveries and polls are logged. Default: a logger at
   * `info` on stderr, so that nothing is lost silently.
   */
  logger?: Logger;
  /** Job outcomes and durations, intake bytes, deliveries and queue depths are counted here. */
  metrics?: GatewayMetrics;
  /** Errors no job can report (Redis connection, a failed status update). Default: the logger. */
  onError?: (error: unknown) => void;
  /**
   * A poll of a partner's inbox that failed (server unreachable, folder missing). Reported on
   * every poll it happens: an unmounted share or a refused login must stay visible until fixed.
   * Default: the logger.
   */
  onPollError?: (partnerId: string, error: Error) => void;
  /** One line per poll that stored files, besides the logger's. Default: none. */
  log?: (line: string) => void;
}

export interface Pipeline {
  readonly queues: PipelineQueues;
  /**
   * Stops taking inbox polls in this process, letting a poll in progress finish: the first step
   * of a shutdown, so that no file is taken while the rest closes.
   */
  stopPolls(): Promise<void>;
  /** Lets running jobs finish, then closes workers, queues, transports and the Redis connection. */
  close(): Promise<void>;
}

/**
 * Starts the inbound and outbound workers. When a job fails for the last time (retries spent or a
 * permanent error), its transmission is left `failed` with the reason, ready to be resent.
 *
 * @example
 * const pipeline = startPipeline({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, repositories, partners });
 * process.once('SIGTERM', () => void pipeline.close());
 */
export function startPipeline(options: PipelineOptions): Pipeline {
  // BullMQ's blocking commands must wait as long as they need, hence no per-request retry limit.
  const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const logger = options.logger ?? createLogger({ level: 'info' });
  const { metrics } = options;
  const report =
    options.onError ?? ((error: unknown) => logger.error({ err: error }, `pipeline: ${errorText(error)}`));
  connection.on('error', report);
  let queues: PipelineQueues;
  try {
    queues = openQueues(connection, options.prefix, options.retry ?? DEFAULT_RETRY);
  } catch (error) {
    // A refused prefix must not leave an open connection holding the process alive.
    connection.disconnect();
    throw error;
  }
  metrics?.watchQueues([queues.inbound, queues.documents, queues.outbound, queues.polls]);
  const { repositories, partners } = options;
  const transports =
    options.transports ?? createPartnerTransports({ as2Messages: () => repositories.as2Messages });
  const workerOptions = {
    connection,
    prefix: options.prefix,
    concurrency: options.concurrency ?? 4,
    // A job whose worker died (or missed renewing its lock on a starved machine) runs again: every
    // job is idempotent. BullMQ's default of one such stall fails a job for good the second time,
    // which a rolling restart or a busy machine can do to a long job (an interchange of orders).
    maxStalledCount: 5,
    ...(options.lockDurationMs === undefined ? {} : { lockDuration: options.lockDurationMs }),
    ...(options.stalledIntervalMs === undefined ? {} : { stalledInterval: options.stalledIntervalMs }),
  };

  const deps = {
    repositories,
    partners,
    queues,
    ...(options.mappingsDir === undefined ? {} : { mappingsDir: options.mappingsDir }),
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.batchDeadlineMs === undefined ? {} : { batchDeadlineMs: options.batchDeadlineMs }),
    logger,
    ...(metrics === undefined ? {} : { metrics }),
  };
  const inbound = new Worker<InboundJob>(
    QUEUE_NAMES.inbound,
    async (job) => {
      const { transmissionId, holdAcknowledgementsMs } = job.data;
      const outcome = await processInbound(transmissionId, { ...deps, holdAcknowledgementsMs }).catch(
        rethrow,
      );
      logger.info(
        // The count, not the ids: an interchange of a thousand POs would make one line of 50 kB.
        { transmissionId, jobId: job.id, status: outcome.status, documents: outcome.documentIds.length },
        `transmission ${transmissionId} read: ${outcome.status}, ${outcome.documentIds.length} document(s); ${outcome.message}`,
      );
      return { status: outcome.status, documentIds: outcome.documentIds };
    },
    workerOptions,
  );
  const documents = new Worker<DocumentJob | SealJob | OrderBatchJob>(
    QUEUE_NAMES.documents,
    async (job) => {
      const { data } = job;
      const done =
        'batchKey' in data
          ? decideOrderBatch(data.batchKey, data.documentIds, deps)
          : 'batchId' in data
            ? sealAnswerBatch(data.batchId, deps)
            : processDocument(data.documentId, deps);
      return done.catch(rethrow);
    },
    // Half the slots: a documents job decides a whole interchange, and the CPU it leaves goes to
    // reading files and sending their 997s, which partners time.
    { ...workerOptions, concurrency: Math.max(1, Math.floor(workerOptions.concurrency / 2)) },
  );
  const outbound = new Worker<OutboundJob>(
    QUEUE_NAMES.outbound,
    async (job) => {
      const deps = {
        transmissions: repositories.transmissions,
        exceptions: repositories.exceptions,
        partners,
        transports,
        logger: logger.child({ jobId: job.id }),
        ...(metrics === undefined ? {} : { metrics }),
      };
      const receipt = await processOutbound(job.data.transmissionId, deps).catch(rethrow);
      return receipt === undefined ? null : { name: receipt.name, location: receipt.location };
    },
    workerOptions,
  );

  const markFailed = (what: string) => (job: Job<InboundJob | OutboundJob> | undefined, error: Error) => {
    if (job === undefined || !isFinalFailure(job, error)) return;
    const reason = `${what} failed after ${job.attemptsMade} attempt(s): ${error.message}`;
    repositories.transmissions.setStatus(job.data.transmissionId, 'failed', reason).catch(report);
  };
  inbound.on('failed', markFailed('reading'));
  outbound.on('failed', markFailed('delivery'));
  outbound.on('failed', (job, error) => {
    if (job === undefined || !isFinalFailure(job, error)) return;
    const reason = `delivery failed after ${job.attemptsMade} attempt(s): ${error.message}`;
    raiseDeliveryFailure(job.data.transmissionId, reason, repositories).catch(report);
  });
  documents.on('failed', (job, error) => {
    if (job === undefined || !isFinalFailure(job, error)) return;
    const { data } = job;
    const raised =
      'batchKey' in data
        ? Promise.all(
            data.documentIds.map((id) => raiseFailedDocument(repositories, id, job.attemptsMade, error)),
          )
        : 'batchId' in data
          ? raiseFailedBatch(repositories, data.batchId, job.attemptsMade, error)
          : raiseFailedDocument(repositories, data.documentId, job.attemptsMade, error);
    void raised.catch(report);
  });
  const log = options.log ?? (() => undefined);
  const intake = {
    transmissions: repositories.transmissions,
    references: repositories.references,
    marketplaceCursors: repositories.marketplaceCursors,
    queues,
    logger,
    ...(metrics === undefined ? {} : { metrics }),
  };
  // Aborted on shutdown, so that a poll pass under way stops taking files instead of emptying the inbox first.
  const stopping = new AbortController();
  const polls = new Worker<PollJob>(
    QUEUE_NAMES.polls,
    async (job) => {
      const outcome = await runInboxPoll(job.data.partnerId, {
        redis: connection,
        partners,
        transports,
        intake,
        stop: stopping.signal,
      });
      logPoll(logger.child({ partnerId: job.data.partnerId, jobId: job.id }), outcome);
      if (outcome.status === 'polled') {
        const { stored, alreadyStored } = outcome;
        if (stored.length > 0) log(`poll ${job.data.partnerId}: stored ${stored.length} file(s)`);
        if (alreadyStored.length > 0) {
          log(
            `poll ${job.data.partnerId}: ${alreadyStored.length} file(s) stored before a restart left the inbox now, not stored again`,
          );
        }
      }
      return outcome;
    },
    // Polls of different partners run side by side; a slow server holds up only its own partner.
    { ...workerOptions, concurrency: Math.max(2, workerOptions.concurrency) },
  );
  const reportPoll =
    options.onPollError ??
    ((partnerId: string, error: Error) =>
      logger.error({ partnerId, err: error }, `poll ${partnerId} failed: ${error.message}`));
  polls.on('failed', (job, error) => {
    if (job !== undefined) reportPoll(job.data.partnerId, error);
  });
  for (const worker of [inbound, documents, outbound, polls]) worker.on('error', report);
  const observed = { logger, metrics };
  observeWorker(inbound, QUEUE_NAMES.inbound, observed);
  observeWorker(documents, QUEUE_NAMES.documents, observed);
  observeWorker(outbound, QUEUE_NAMES.outbound, observed);
  // A failed poll is reported by reportPoll with its partner; counting it is enough here.
  observeWorker(polls, QUEUE_NAMES.polls, { ...observed, logFailures: false });

  return {
    queues,
    stopPolls: () => {
      stopping.abort();
      return polls.close();
    },
    close: async () => {
      stopping.abort();
      const workers = [inbound, documents, outbound, polls];
      // A stop that comes while the workers are still connecting (a SIGTERM just after start)
      // closes them once connected, for at most 2 s: closed mid-connect, one failed the stop.
      await Promise.race([
        Promise.allSettled(workers.map((worker) => worker.waitUntilReady())),
        new Promise((resolve) => setTimeout(resolve, 2_000).unref()),
      ]);
      await Promise.all(workers.map((worker) => worker.close()));
      await queues.close();
      if (options.transports === undefined) await transports.close();
      await connection.quit();
    },
  };
}

/** A document the core gave up on is an exception for staff: findable, and reprocessable. */
async function raiseFailedDocument(
  repositories: Repositories,
  documentId: string,
  attempts: number,
  error: Error,
): Promise<void> {
  const stored = await repositories.documents.get(documentId);
  await repositories.exceptions.raise({
    partnerId: stored?.partnerId ?? null,
    subjectType: 'document',
    subjectId: documentId,
    kind: 'processing-failed',
    message: `${stored?.type ?? 'document'} ${documentId} failed after ${attempts} attempt(s): ${error.message}`,
  });
}

/** Answers that could not be sent together wait for staff; reprocessing their interchange retries them. */
async function raiseFailedBatch(
  repositories: Repositories,
  batchId: string,
  attempts: number,
  error: Error,
): Promise<void> {
  // The job sealed it first thing; sealing again changes nothing and names the partner.
  const sealed = await repositories.outboundBatches.seal(batchId).catch(() => null);
  await repositories.exceptions.raise({
    partnerId: sealed?.partnerId ?? null,
    subjectType: 'batch',
    subjectId: batchId,
    kind: 'processing-failed',
    message: `the 855s of batch ${batchId} were not sent after ${attempts} attempt(s): ${error.message}`,
  });
}

/** One line per poll: what it stored, or why it did not run. Polls with nothing new stay at debug. */
function logPoll(logger: Logger, outcome: InboxPollOutcome): void {
  if (outcome.status === 'skipped') {
    logger.debug({ outcome: 'skipped', reason: outcome.reason }, `poll skipped: ${outcome.reason}`);
    return;
  }
  const { stored, alreadyStored } = outcome;
  const fields = { outcome: 'polled', stored: stored.length, alreadyStored: alreadyStored.length };
  const message = `poll stored ${stored.length} file(s), ${alreadyStored.length} already stored`;
  if (stored.length + alreadyStored.length === 0) logger.debug(fields, message);
  else logger.info({ ...fields, transmissionIds: stored, alreadyStoredIds: alreadyStored }, message);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function rethrow(error: unknown): never {
  throw toJobError(error);
}
