import type { Repositories } from '../../store/index.js';
import { enqueueOutbound, type JobQueue } from '../job-queue.js';

/** What the sweep of stranded deliveries needs. */
export interface StrandedSweepDeps {
  repositories: Pick<Repositories, 'transmissions' | 'audit'>;
  queues: JobQueue;
}

export interface StrandedSweepOptions {
  /** How long a transmission may wait in `processed` with no job before it is queued. Default 10 min. */
  olderThanMs?: number;
  /** Default: the system clock. */
  now?: Date;
  /** List what would be queued, queue nothing. */
  dryRun?: boolean;
}

/** One stranded delivery the sweep queued (or would queue). */
export interface StrandedDelivery {
  transmissionId: string;
  partnerId: string | null;
  /** When it entered `processed`. */
  waitingSince: Date;
  jobId: string;
}

export const DEFAULT_STRANDED_AFTER_MS = 10 * 60_000;

// Every state in which a job will still run; a completed or failed job delivers nothing more.
/**
 * Queues again the outbound transmissions left `processed` (built, waiting for delivery) for
 * longer than `olderThanMs` with no live job on the outbound queue: their job was lost (Redis
 * flushed, a process died between storing and queueing) and nothing else would deliver them.
 * Each gets job `sweep-<id>-<history length>` and an audit entry by `system`.
 *
 * @example
 * const queued = await requeueStrandedOutbound({ repositories, queues }, { olderThanMs: 600_000, now: new Date() });
 */
export async function requeueStrandedOutbound(
  deps: StrandedSweepDeps,
  options: StrandedSweepOptions = {},
): Promise<StrandedDelivery[]> {
  const now = options.now ?? new Date();
  const olderThanMs = options.olderThanMs ?? DEFAULT_STRANDED_AFTER_MS;
  const waiting = await deps.repositories.transmissions.waitingSince({
    status: 'processed',
    direction: 'outbound',
    changedBefore: new Date(now.getTime() - olderThanMs),
  });
  if (waiting.length === 0) return [];
  const live = await liveTransmissionIds(deps.queues);
  const stranded = waiting
    .filter((t) => !live.has(t.id))
    .map((t): StrandedDelivery => ({
      transmissionId: t.id,
      partnerId: t.partnerId,
      waitingSince: t.statusSince,
      jobId: `sweep-${t.id}-${t.historyLength}`,
    }));
  if (options.dryRun === true) return stranded;
  for (const delivery of stranded) {
    await deps.repositories.audit.record({
      actor: 'system',
      action: 'transmission-requeued',
      subjectType: 'transmission',
      subjectId: delivery.transmissionId,
      details: {
        jobId: delivery.jobId,
        reason: `processed since ${delivery.waitingSince.toISOString()} with no delivery job`,
      },
    });
    await enqueueOutbound(deps.queues, delivery.transmissionId, delivery.jobId, 'prompt');
  }
  return stranded;
}

/** The transmissions that some outbound job still waiting, delayed or running will deliver. */
async function liveTransmissionIds(queues: JobQueue): Promise<Set<string>> {
  const jobs = await queues.liveJobs('outbound');
  return new Set(jobs.map((job) => job.data.transmissionId));
}
