/**
 * The port through which the business folders (orders, reconciliation, support, events) queue
 * work: the queues, their jobs and the ids that make adding a job twice run it once. Nothing here
 * knows BullMQ; `openQueues` in `queues.ts` is the adapter on Redis.
 */

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

/** How a job is added: its id (adding the same id again is a no-op), and when and in which order it runs. */
export interface AddJobOptions {
  jobId: string;
  /** Run no sooner than this many milliseconds from now. */
  delayMs?: number;
  /** Taken after jobs without one; lower numbers first. */
  priority?: number;
}

/** What each queue's jobs carry. */
export interface JobData {
  inbound: InboundJob;
  documents: DocumentJob | SealJob | OrderBatchJob;
  outbound: OutboundJob;
  polls: PollJob;
}

export type QueueName = keyof JobData;

/** A job that is waiting, delayed or running. */
export type LiveJobState = 'waiting' | 'active' | 'delayed' | 'prioritized' | 'waiting-children';

/** A job that will still run, as {@link JobQueue.liveJobs} lists it. */
export interface LiveJob<Q extends QueueName> {
  jobId: string;
  data: JobData[Q];
  /**
   * Running, but its lock lapsed: the worker holding it died (or stalled past its lock). BullMQ's
   * stalled check puts it back; {@link JobQueue.requeue} does at once.
   */
  stalled: boolean;
}

/**
 * Where a job stands: `missing` (the queue does not have it, or no longer), `live` (waiting,
 * delayed, or running under its lock), `stalled` (running, its lock lapsed: its worker died),
 * `failed`, or `done` (completed, kept for a day).
 */
export type JobState = 'missing' | 'live' | 'stalled' | 'failed' | 'done';

/**
 * What {@link JobQueue.requeue} did: `added` (the queue no longer had it), `retried` (it had
 * failed), `restarted` (it was stalled), or nothing, because it is `live` (waiting, delayed or
 * running under its lock) or `done` (completed, and kept while adding it again would be a no-op).
 */
export type RequeueOutcome = 'added' | 'retried' | 'restarted' | 'live' | 'done';

/**
 * The queues as the business code sees them.
 *
 * @example
 * await queues.add('documents', 'act', { documentId }, { jobId: documentJobId(documentId) });
 */
export interface JobQueue {
  /** The key prefix every queue lives under (a Redis Cluster hash tag such as `{edi}`). */
  readonly prefix: string;
  add<Q extends QueueName>(queue: Q, name: string, data: JobData[Q], options: AddJobOptions): Promise<void>;
  /** Several jobs in one round trip; each keeps its own id. */
  addBulk<Q extends QueueName>(
    queue: Q,
    jobs: readonly { name: string; data: JobData[Q]; options: AddJobOptions }[],
  ): Promise<void>;
  /**
   * Runs a job again: retried when it failed under that id, added when the queue no longer has it,
   * left alone when it is waiting, running or done.
   */
  addOrRetry<Q extends QueueName>(
    queue: Q,
    name: string,
    data: JobData[Q],
    options: AddJobOptions,
  ): Promise<void>;
  /** Removes a job that has not run yet; nothing when there is none. */
  remove(queue: QueueName, jobId: string): Promise<void>;
  /**
   * Puts a lost job back under its id, as a recovery sweep does: added when the queue no longer
   * has it, retried (with its attempts counted afresh) when it failed, removed and added again
   * when it stalled (running, but its lock lapsed), left alone otherwise. Says which.
   */
  requeue<Q extends QueueName>(
    queue: Q,
    name: string,
    data: JobData[Q],
    options: AddJobOptions,
  ): Promise<RequeueOutcome>;
  /** Where one job stands (a few round trips; no read of the whole queue). */
  jobState(queue: QueueName, jobId: string): Promise<JobState>;
  /** The jobs of a queue that are waiting, delayed or running, with their ids and data. */
  liveJobs<Q extends QueueName>(queue: Q): Promise<LiveJob<Q>[]>;
  /** How many workers listen on a queue. */
  workerCount(queue: QueueName): Promise<number>;
}

// BullMQ refuses custom ids with one `:` (its own repeatable-job ids look like that), hence `-`.
/** The job id of reading one transmission: adding it twice runs it once. */
export const inboundJobId = (transmissionId: string): string => `inbound-${transmissionId}`;

/** The job id of reading a transmission again that staff asked for when its history had `n` changes. */
export const reprocessJobId = (transmissionId: string, n: number): string =>
  `reprocess-${transmissionId}-${n}`;

/** The job id of delivering a transmission again that staff asked for when its history had `n` changes. */
export const resendJobId = (transmissionId: string, n: number): string => `resend-${transmissionId}-${n}`;

/** The job id of the first delivery of an outbound transmission other than an acknowledgement. */
export const outboundJobId = (transmissionId: string): string => `out-${transmissionId}`;

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
  queues: JobQueue,
  transmissionId: string,
  holdAcknowledgementsMs?: number,
): Promise<void> {
  const data =
    holdAcknowledgementsMs === undefined ? { transmissionId } : { transmissionId, holdAcknowledgementsMs };
  await queues.add('inbound', 'read', data, { jobId: inboundJobId(transmissionId) });
}

/** The job id of the core acting on one stored document. */
export const documentJobId = (documentId: string): string => `doc-${documentId.replace(/:/g, '-')}`;

/**
 * Queues the core's work on a stored canonical document; adding it twice runs it once.
 *
 * @example
 * await enqueueDocument(queues, 'purchase_order-acme-4500012345');
 */
export async function enqueueDocument(queues: JobQueue, documentId: string): Promise<void> {
  await queues.add('documents', 'act', { documentId }, { jobId: documentJobId(documentId) });
}

/** The job id of sealing a batch: when it is complete, or at its deadline. */
export const sealJobId = (batchId: string, atDeadline: boolean): string =>
  `seal-${atDeadline ? 'deadline-' : ''}${batchId}`;

/**
 * Queues the sealing of a batch of answers: now, once its last share joined, or after `delayMs`,
 * its deadline. Each has its own job id, so the deadline job cannot hold back the other.
 */
export async function enqueueSeal(queues: JobQueue, batchId: string, delayMs?: number): Promise<void> {
  const atDeadline = delayMs !== undefined;
  await queues.add(
    'documents',
    'seal',
    { batchId },
    { jobId: sealJobId(batchId, atDeadline), ...(atDeadline ? { delayMs } : {}) },
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
  queues: JobQueue,
  batchKey: string,
  documentIds: readonly string[],
): Promise<void> {
  await queues.add(
    'documents',
    'orders',
    { batchKey, documentIds: [...documentIds] },
    { jobId: orderBatchJobId(batchKey) },
  );
}

/**
 * Queues the core's work on several stored documents in one Redis call; each keeps its own job
 * id, so documents queued before are not queued again.
 */
export async function enqueueDocuments(queues: JobQueue, documentIds: readonly string[]): Promise<void> {
  if (documentIds.length === 0) return;
  await queues.addBulk(
    'documents',
    documentIds.map((documentId) => ({
      name: 'act',
      data: { documentId },
      options: { jobId: documentJobId(documentId) },
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

/** How a delivery job is added: its id, its class's priority and, if any, its delay. */
export function outboundJobOptions(
  jobId: string,
  deliveryClass: DeliveryClass = 'routine',
  delayMs?: number,
): AddJobOptions {
  const delay = delayMs === undefined || delayMs <= 0 ? {} : { delayMs };
  return deliveryClass === 'routine' ? { jobId, priority: ROUTINE_PRIORITY, ...delay } : { jobId, ...delay };
}

/** Queues the delivery of a stored outbound transmission under a deterministic job id. */
export async function enqueueOutbound(
  queues: JobQueue,
  transmissionId: string,
  jobId: string,
  deliveryClass: DeliveryClass = 'routine',
  delayMs?: number,
): Promise<void> {
  await queues.add(
    'outbound',
    'deliver',
    { transmissionId },
    outboundJobOptions(jobId, deliveryClass, delayMs),
  );
}
