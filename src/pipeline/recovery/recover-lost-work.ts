import { recoverAnswerBatches } from './recover-answer-batches.js';
import { recoverPurchaseOrders } from './recover-purchase-orders.js';
import { recoverTransmissions } from './recover-transmissions.js';
import type { RecoveredJob, RecoveryDeps, RecoveryOptions } from './recovery-deps.js';

/**
 * Rebuilds, from the database, the jobs Redis lost: every transmission, purchase order, order and
 * batch of 855s in a state the pipeline still has to move on, that has sat unchanged for
 * `afterMs`, and whose job is missing, failed or stalled past its lock, goes back on its queue
 * under the job id the pipeline gave it. What has a job that will still run is left alone, and the
 * same job id added twice runs once, so a second sweep, or one while the work is under way,
 * changes nothing. Returns the jobs put back.
 *
 * @example
 * const requeued = await recoverLostWork({ repositories, queues }, { now: new Date(), afterMs: 60_000 });
 */
export async function recoverLostWork(deps: RecoveryDeps, options: RecoveryOptions): Promise<RecoveredJob[]> {
  return [
    ...(await recoverTransmissions(deps, options)),
    ...(await recoverPurchaseOrders(deps, options)),
    ...(await recoverAnswerBatches(deps, options)),
  ];
}

/**
 * One line saying what a sweep put back, by kind, e.g. `3 transmission job(s) (2 added, 1 retried),
 * 1 order job(s) (1 added)`; empty when nothing.
 */
export function describeRecovery(jobs: readonly RecoveredJob[]): string {
  const kinds = new Map<string, Map<string, number>>();
  for (const job of jobs) {
    const outcomes = kinds.get(job.subjectType) ?? new Map<string, number>();
    outcomes.set(job.outcome, (outcomes.get(job.outcome) ?? 0) + 1);
    kinds.set(job.subjectType, outcomes);
  }
  return [...kinds]
    .map(([kind, outcomes]) => {
      const total = [...outcomes.values()].reduce((sum, n) => sum + n, 0);
      const detail = [...outcomes].map(([outcome, n]) => `${n} ${outcome}`).join(', ');
      return `${total} ${kind} job(s) (${detail})`;
    })
    .join(', ');
}
