import type { UnsettledPurchaseOrder } from '../../store/index.js';
import { documentJobId, orderBatchJobId, type JobData, type RequeueOutcome } from '../job-queue.js';
import { LiveSubjects } from './live-subjects.js';
import {
  changedSomething,
  cutoff,
  type RecoveredJob,
  type RecoveryDeps,
  type RecoveryOptions,
} from './recovery-deps.js';

/** The purchase orders one job decides: those of one interchange, or one on its own. */
interface OrderWork {
  /** `<transmission>-<ISA13>` (X12) or `<transmission>` (a marketplace order); none: one document. */
  batchKey: string | undefined;
  unsettled: UnsettledPurchaseOrder[];
}

/**
 * Queues again the purchase orders the pipeline still has to decide or carry on (see
 * `UnsettledPurchaseOrder`) whose job is lost. The orders of one inbound interchange go back
 * together, as the inbound worker queued them: `orders-<transmission>-<ISA13>` with every purchase
 * order of the interchange, so the rerun finds the same batch (and its one 855 interchange, when a
 * first run sent it). When that job completed and an order still waits (staff released it from
 * its hold and continuing failed), the order goes alone under `doc-<id>-r<revision>`, the job
 * a resolution queues. A purchase order with no inbound transmission goes under `doc-<id>`.
 *
 * @example
 * const requeued = await recoverPurchaseOrders({ repositories, queues }, { now: new Date(), afterMs: 60_000 });
 */
export async function recoverPurchaseOrders(
  deps: RecoveryDeps,
  options: RecoveryOptions,
): Promise<RecoveredJob[]> {
  const unsettled = await deps.repositories.unfinished.purchaseOrders({ changedBefore: cutoff(options) });
  if (unsettled.length === 0) return [];
  const live = new LiveSubjects(deps.queues, 'documents', (job) =>
    'batchKey' in job ? job.documentIds : 'documentId' in job ? [job.documentId] : [],
  );
  const works = groupByJob(unsettled);
  const interchanges = await deps.repositories.unfinished.purchaseOrdersOf(
    unsettled.flatMap((po) =>
      po.transmissionId === null || po.interchangeControlNumber === null
        ? []
        : [{ transmissionId: po.transmissionId, controlNumber: po.interchangeControlNumber }],
    ),
  );
  const carried = new Map(interchanges.map((i) => [`${i.transmissionId}-${i.controlNumber}`, i.documentIds]));
  const jobs: RecoveredJob[] = [];
  for (const work of works) {
    if (work.batchKey === undefined) {
      for (const po of work.unsettled) jobs.push(...(await requeueAlone(po, live, deps)));
      continue;
    }
    // Every purchase order of the interchange, in the order of its sets, as first queued.
    const documentIds = [
      ...new Set([...(carried.get(work.batchKey) ?? []), ...work.unsettled.map((po) => po.documentId)]),
    ];
    const jobId = orderBatchJobId(work.batchKey);
    if (await live.busy(documentIds, jobId)) continue;
    const data = { batchKey: work.batchKey, documentIds };
    const outcome = await deps.queues.requeue('documents', 'orders', data, { jobId });
    if (changedSomething(outcome)) {
      jobs.push(await recorded(jobId, work.unsettled, outcome, deps));
    } else if (outcome === 'done') {
      for (const po of work.unsettled) jobs.push(...(await requeueAlone(po, live, deps)));
    }
  }
  return jobs;
}

function groupByJob(unsettled: readonly UnsettledPurchaseOrder[]): OrderWork[] {
  const works = new Map<string, OrderWork>();
  for (const po of unsettled) {
    const batchKey =
      po.transmissionId === null
        ? undefined
        : po.interchangeControlNumber === null
          ? po.transmissionId
          : `${po.transmissionId}-${po.interchangeControlNumber}`;
    const key = batchKey ?? `document ${po.documentId}`;
    const work = works.get(key) ?? { batchKey, unsettled: [] };
    work.unsettled.push(po);
    works.set(key, work);
  }
  return [...works.values()];
}

/** One purchase order through the per-document flow, under the id a resolution would use. */
async function requeueAlone(
  po: UnsettledPurchaseOrder,
  live: LiveSubjects<'documents'>,
  deps: RecoveryDeps,
): Promise<RecoveredJob[]> {
  const base = documentJobId(po.documentId);
  const jobId = po.order === null ? base : `${base}-r${po.order.revision}`;
  if (await live.busy([po.documentId], jobId)) return [];
  const data: JobData['documents'] = { documentId: po.documentId };
  const outcome = await deps.queues.requeue('documents', 'act', data, { jobId });
  return changedSomething(outcome) ? [await recorded(jobId, [po], outcome, deps)] : [];
}

async function recorded(
  jobId: string,
  unsettled: readonly UnsettledPurchaseOrder[],
  outcome: Exclude<RequeueOutcome, 'live' | 'done'>,
  deps: RecoveryDeps,
): Promise<RecoveredJob> {
  const states = [...new Set(unsettled.map((po) => po.order?.status ?? 'undecided'))].join(', ');
  const reason = `purchase order(s) ${states} with no job that would still run`;
  await deps.repositories.audit.recordMany(
    unsettled.map((po) => ({
      actor: 'system',
      action: 'order-requeued',
      subjectType: 'order',
      subjectId: po.documentId,
      details: {
        jobId,
        outcome,
        reason: `${po.order?.status ?? 'undecided'} since ${po.since.toISOString()} with no job that would still run`,
      },
    })),
  );
  return {
    queue: 'documents',
    jobId,
    subjectType: 'order',
    subjectIds: unsettled.map((po) => po.documentId),
    outcome,
    reason,
  };
}
