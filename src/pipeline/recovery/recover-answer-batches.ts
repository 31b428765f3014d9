import type { UnsentBatch } from '../../store/index.js';
import { derivedUuid } from '../acknowledge-interchange.js';
import { sealJobId, type AddJobOptions } from '../job-queue.js';
import { DEFAULT_BATCH_DEADLINE_MS } from '../orders/answer-batch.js';
import { LiveSubjects } from './live-subjects.js';
import {
  changedSomething,
  cutoff,
  type RecoveredJob,
  type RecoveryDeps,
  type RecoveryOptions,
} from './recovery-deps.js';

/** How far back sealed batches are checked for 855s never sent: well past any sweep's delay. */
const SEALED_LOOKBACK_MS = 24 * 3600_000;

/**
 * Queues again the sealing of batches of 855s whose job is lost: an open batch every order has
 * joined gets `seal-<batch>`; one still waiting for orders gets `seal-deadline-<batch>` for what
 * is left of its deadline; a batch sealed whose 855 interchange (the transmission derived from
 * the batch) was never stored gets `seal-<batch>`, which sends it.
 *
 * @example
 * const requeued = await recoverAnswerBatches({ repositories, queues }, { now: new Date(), afterMs: 60_000 });
 */
export async function recoverAnswerBatches(
  deps: RecoveryDeps,
  options: RecoveryOptions,
): Promise<RecoveredJob[]> {
  const batches = await deps.repositories.unfinished.answerBatches({
    changedBefore: cutoff(options),
    sealedAfter: new Date(options.now.getTime() - SEALED_LOOKBACK_MS),
  });
  if (batches.length === 0) return [];
  const live = new LiveSubjects(deps.queues, 'documents', (job) => ('batchId' in job ? [job.batchId] : []));
  const jobs: RecoveredJob[] = [];
  for (const batch of batches) {
    const job = await sealJob(batch, options, deps);
    if (job === undefined || (await live.busy([batch.id], job.jobId))) continue;
    const outcome = await deps.queues.requeue('documents', 'seal', { batchId: batch.id }, job);
    if (!changedSomething(outcome)) continue;
    const reason =
      batch.sealedAt === null
        ? `open with ${batch.joined} of ${batch.expected} order(s) and no seal job that would still run`
        : `sealed at ${batch.sealedAt.toISOString()} with ${batch.answers} 855(s) never sent`;
    await deps.repositories.audit.record({
      actor: 'system',
      action: 'batch-requeued',
      subjectType: 'batch',
      subjectId: batch.id,
      details: { jobId: job.jobId, outcome, reason },
    });
    jobs.push({
      queue: 'documents',
      jobId: job.jobId,
      subjectType: 'batch',
      subjectIds: [batch.id],
      outcome,
      reason,
    });
  }
  return jobs;
}

async function sealJob(
  batch: UnsentBatch,
  options: RecoveryOptions,
  deps: RecoveryDeps,
): Promise<AddJobOptions | undefined> {
  if (batch.sealedAt !== null) {
    const sent = await deps.repositories.transmissions.summary(derivedUuid(`batch:${batch.id}`));
    return sent === null ? { jobId: sealJobId(batch.id, false) } : undefined;
  }
  if (batch.joined >= batch.expected) return { jobId: sealJobId(batch.id, false) };
  const deadline = batch.createdAt.getTime() + (options.batchDeadlineMs ?? DEFAULT_BATCH_DEADLINE_MS);
  const delayMs = deadline - options.now.getTime();
  return { jobId: sealJobId(batch.id, true), ...(delayMs > 0 ? { delayMs } : {}) };
}
