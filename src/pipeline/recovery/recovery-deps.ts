import type { Repositories } from '../../store/index.js';
import type { JobQueue, QueueName, RequeueOutcome } from '../job-queue.js';

/** What the recovery sweep reads and queues through. */
export interface RecoveryDeps {
  repositories: Pick<Repositories, 'unfinished' | 'transmissions' | 'references' | 'as2Messages' | 'audit'>;
  queues: JobQueue;
}

/** One sweep's settings. */
export interface RecoveryOptions {
  now: Date;
  /**
   * How long work must sit unchanged before the sweep looks at it: what changed more recently has
   * a job on its way (stored, about to be queued) or is being worked on.
   */
  afterMs: number;
  /** How long a batch of 855s waits for its last order, as the pipeline's `batchDeadlineMs`. */
  batchDeadlineMs?: number;
}

/** A job the sweep put back on its queue. */
export interface RecoveredJob {
  queue: QueueName;
  jobId: string;
  /** What the job works on: `transmission`, `order` (a purchase order's document id) or `batch`. */
  subjectType: 'transmission' | 'order' | 'batch';
  subjectIds: string[];
  outcome: Exclude<RequeueOutcome, 'live' | 'done'>;
  /** Why it was lost work, for the log and the audit. */
  reason: string;
}

/** The outcomes that put a job back; `live` and `done` changed nothing. */
export function changedSomething(
  outcome: RequeueOutcome,
): outcome is Exclude<RequeueOutcome, 'live' | 'done'> {
  return outcome !== 'live' && outcome !== 'done';
}

/** The moment before which work counts as sitting still. */
export function cutoff(options: RecoveryOptions): Date {
  return new Date(options.now.getTime() - options.afterMs);
}
