import type { TransmissionStore } from '../../store/index.js';
import { inboundJobId, type JobQueue } from '../job-queue.js';

export interface ReceivedSweepDeps {
  transmissions: TransmissionStore;
  queues: JobQueue;
}

/** How many stale transmissions one sweep queues at most; the next sweep takes the rest. */
const SWEEP_BATCH = 500;

/**
 * Queues again the inbound transmissions left `received` for longer than `olderThanMs`: stored,
 * but the process died (or Redis failed) before their job was added. Adding is idempotent by job
 * id, so one that is merely waiting in a long queue is not read twice; a job that failed without
 * its transmission being marked (the database was down too) is retried. Returns the ids queued.
 *
 * @example
 * const requeued = await requeueStaleReceived({ transmissions, queues }, new Date(), 60_000);
 */
export async function requeueStaleReceived(
  deps: ReceivedSweepDeps,
  now: Date,
  olderThanMs: number,
): Promise<string[]> {
  const stale = await deps.transmissions.list({
    status: 'received',
    receivedBefore: new Date(now.getTime() - olderThanMs),
    limit: SWEEP_BATCH,
  });
  const requeued: string[] = [];
  for (const transmission of stale) {
    if (transmission.direction !== 'inbound') continue;
    const transmissionId = transmission.id;
    await deps.queues.addOrRetry(
      'inbound',
      'read',
      { transmissionId },
      { jobId: inboundJobId(transmissionId) },
    );
    requeued.push(transmission.id);
  }
  return requeued;
}
