import { Queue, UnrecoverableError, type DefaultJobOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { GatewayError, isGatewayError } from '../errors/index.js';

/** The queue names; every key lives under the pipeline's prefix. */
export const QUEUE_NAMES = {
  inbound: 'inbound',
  documents: 'documents',
  outbound: 'outbound',
  polls: 'polls',
} as const;

/** An `inbound` job: the stored transmission to read. Never the bytes. */
export interface InboundJob {
  transmissionId: string;
  /**
   * Hold the delivery of its acknowledgements this long: the sender is waiting for them in the
   * answer to its post, and a delivery over the transport meanwhile would give them twice.
   */
  holdAcknowledgementsMs?: number;
}

/** A `documents` job: the stored canonical document the core is to act on. */
export interface DocumentJob {
  documentId: string;
}

/**
 * An `orders` job on the documents queue: the purchase orders of one inbound interchange, decided
 * together (`decideOrderBatch`). `batchKey` names the batch, and with it the 855 interchange that
 * answers it.
 */
export interface OrderBatchJob {
  batchKey: string;
  documentIds: string[];
}

/** A `seal` job on the documents queue: the batch of answers to send. */
export interface SealJob {
  batchId: string;
}

/** An `outbound` job: the stored outbound transmission to deliver. Never the bytes. */
export interface OutboundJob {
  transmissionId: string;
}

/** A `polls` job: collect the files waiting in one partner's inbox. Added by the job schedulers. */
export interface PollJob {
  partnerId: string;
}

/** How often and how patiently a job is retried. */
export interface RetryPolicy {
  /** Runs in all, the first included. Default 5. */
  attempts: number;
  /** First backoff; doubled on every retry. Default 2 s. */
  backoffMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, backoffMs: 2_000 };

export interface PipelineQueues {
  readonly prefix: string;
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
  return {
    prefix,
    inbound,
    documents,
    outbound,
    polls,
    close: async () => {
      await Promise.all([inbound.close(), documents.close(), outbound.close(), polls.close()]);
    },
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

// BullMQ refuses custom ids with one `:` (its own repeatable-job ids look like that), hence `-`.
/** The job id of reading one transmission: adding it twice runs it once. */
export const inboundJobId = (transmissionId: string): string => `inbound-${transmissionId}`;

/** The job id of sending the acknowledgement of one inbound interchange. */
export const ackJobId = (inboundId: string, interchangeControlNumber: string): string =>
  `ack-${inboundId}-${interchangeControlNumber}`;

/**
 * Queues the reading of a stored transmission.
 *
 * @example
 * await enqueueInbound(queues, await transmissions.recordInbound(bytes, { channel: 'folder' }));
 */
export async function enqueueInbound(
  queues: PipelineQueues,
  transmissionId: string,
  holdAcknowledgementsMs?: number,
): Promise<void> {
  const data =
    holdAcknowledgementsMs === undefined ? { transmissionId } : { transmissionId, holdAcknowledgementsMs };
  await queues.inbound.add('read', data, { jobId: inboundJobId(transmissionId) });
}

/** The job id of the core acting on one stored document. */
export const documentJobId = (documentId: string): string => `doc-${documentId.replace(/:/g, '-')}`;

/**
 * Queues the core's work on a stored canonical document; adding it twice runs it once.
 *
 * @example
 * await enqueueDocument(queues, 'purchase_order-acme-4500012345');
 */
export async function enqueueDocument(queues: PipelineQueues, documentId: string): Promise<void> {
  await queues.documents.add('act', { documentId }, { jobId: documentJobId(documentId) });
}

/** The job id of sealing a batch: when it is complete, or at its deadline. */
export const sealJobId = (batchId: string, atDeadline: boolean): string =>
  `seal-${atDeadline ? 'deadline-' : ''}${batchId}`;

/**
 * Queues the sealing of a batch of answers: now, once its last share joined, or after `delayMs`,
 * its deadline. Each has its own job id, so the deadline job cannot hold back the other.
 */
export async function enqueueSeal(queues: PipelineQueues, batchId: string, delayMs?: number): Promise<void> {
  const atDeadline = delayMs !== undefined;
  await queues.documents.add(
    'seal',
    { batchId },
    { jobId: sealJobId(batchId, atDeadline), ...(atDeadline ? { delay: delayMs } : {}) },
  );
}

/** The job id of deciding the purchase orders of one batch together. */
export const orderBatchJobId = (batchKey: string): string => `orders-${batchKey.replace(/:/g, '-')}`;

/**
 * Queues the deciding of several purchase orders together; adding it twice runs it once.
 *
 * @example
 * await enqueueOrderBatch(queues, `${transmissionId}-${isa13}`, documentIds);
 */
export async function enqueueOrderBatch(
  queues: PipelineQueues,
  batchKey: string,
  documentIds: readonly string[],
): Promise<void> {
  await queues.documents.add(
    'orders',
    { batchKey, documentIds: [...documentIds] },
    { jobId: orderBatchJobId(batchKey) },
  );
}

/**
 * Queues the core's work on several stored documents in one Redis call; each keeps its own job
 * id, so documents queued before are not queued again.
 */
export async function enqueueDocuments(
  queues: PipelineQueues,
  documentIds: readonly string[],
): Promise<void> {
  if (documentIds.length === 0) return;
  await queues.documents.addBulk(
    documentIds.map((documentId) => ({
      name: 'act',
      data: { documentId },
      opts: { jobId: documentJobId(documentId) },
    })),
  );
}

/**
 * Which deliveries go first when the outbound queue is long: `prompt` ones (acknowledgements,
 * which partners time, and resends staff asked for) before `routine` business documents. BullMQ
 * takes jobs without a priority before prioritised ones, so prompt jobs carry none.
 */
export type DeliveryClass = 'prompt' | 'routine';

const ROUTINE_PRIORITY = 10;

/** Queues the delivery of a stored outbound transmission under a deterministic job id. */
export async function enqueueOutbound(
  queues: PipelineQueues,
  transmissionId: string,
  jobId: string,
  deliveryClass: DeliveryClass = 'routine',
  delayMs?: number,
): Promise<void> {
  const delay = delayMs === undefined || delayMs <= 0 ? {} : { delay: delayMs };
  await queues.outbound.add(
    'deliver',
    { transmissionId },
    deliveryClass === 'routine' ? { jobId, priority: ROUTINE_PRIORITY, ...delay } : { jobId, ...delay },
  );
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
