import { QUEUE_NAMES, type JobQueue, type QueueName } from '../job-queue.js';

/** How many workers listen on each queue of a prefix. */
export type LiveWorkers = Record<QueueName, number>;

/**
 * Counts the workers connected to each queue of the pipeline's prefix (BullMQ names its worker
 * connections, so Redis knows them). A job queued where nobody listens waits; support should be
 * told, not left to wonder.
 *
 * @example
 * const { outbound } = await liveWorkers(queues); // 0 when no worker runs under this prefix
 */
export async function liveWorkers(queues: JobQueue): Promise<LiveWorkers> {
  const [inbound, documents, outbound, polls] = await Promise.all([
    queues.workerCount('inbound'),
    queues.workerCount('documents'),
    queues.workerCount('outbound'),
    queues.workerCount('polls'),
  ]);
  return { inbound, documents, outbound, polls };
}

/**
 * The warnings for jobs just queued on queues without a worker: one line per such queue.
 *
 * @example
 * await noWorkerWarnings(queues, ['outbound']);
 * // ['no worker is listening on queue prefix "{edi}" (outbound queue); the job waits until one starts']
 */
export async function noWorkerWarnings(queues: JobQueue, used: readonly QueueName[]): Promise<string[]> {
  if (used.length === 0) return [];
  const counts = await liveWorkers(queues);
  return [...new Set(used)]
    .filter((name) => counts[name] === 0)
    .map(
      (name) =>
        `no worker is listening on queue prefix "${queues.prefix}" (${QUEUE_NAMES[name]} queue); the job waits until one starts`,
    );
}
