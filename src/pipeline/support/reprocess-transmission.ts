import { isGatewayError } from '../../errors/index.js';
import type { Repositories, TransmissionStatus } from '../../store/index.js';
import { answerBatchId } from '../orders/answer-batch.js';
import { documentJobId, reprocessJobId, sealJobId, type JobQueue } from '../job-queue.js';
import { bytesArchived, checkActor, operationRefused, transmissionNotFound } from './support-errors.js';
import type { QueueingSupportDeps } from './support-deps.js';
import { noWorkerWarnings } from './live-workers.js';

/** What a reprocess queued. */
export interface ReprocessResult {
  transmissionId: string;
  /** The new inbound job that reads the stored bytes again. */
  jobId: string;
  previousStatus: TransmissionStatus;
  /** Documents of this transmission whose processing had failed and is run again. */
  retriedDocuments: string[];
  /** Batches of 855s answering this transmission's orders whose sending had failed and is run again. */
  retriedBatches: string[];
  /** Why the jobs may not run soon, e.g. no worker listening on the queue prefix. */
  warnings: string[];
}

// `processing` is being read right now. `processed` is accepted: its documents may have failed
// in the core (exception `processing-failed`), and reading again is harmless when they did not.
const REPROCESSABLE: ReadonlySet<TransmissionStatus> = new Set([
  'received',
  'failed',
  'rejected',
  'processed',
]);

/**
 * Reads an inbound transmission again from its stored bytes (after a partner or mapping fix, or a
 * failure): status back to `received`, and a new inbound job `reprocess-<id>-<n>`. Documents of
 * the transmission whose core processing failed for good are run again and their
 * `processing-failed` exceptions resolved, and so are the batches of 855s answering its orders
 * that could not be sent. Nothing is duplicated: documents, the envelope index
 * and the 997/999 are keyed by ids derived from the transmission, so a second read finds them.
 *
 * @example
 * const { jobId, retriedDocuments } = await reprocessTransmission(id, 'alice', { repositories, partners, queues });
 */
export async function reprocessTransmission(
  id: string,
  actor: string,
  deps: QueueingSupportDeps,
): Promise<ReprocessResult> {
  const who = checkActor(actor);
  const { transmissions, audit } = deps.repositories;
  const stored = await transmissions.get(id);
  if (stored === null) throw transmissionNotFound(id);
  if (stored.direction !== 'inbound') {
    throw operationRefused(
      `transmission ${id} is outbound (sent to ${stored.partnerId ?? 'an unknown partner'}); only received files are reprocessed. To deliver it again: transmissions resend ${id}`,
    );
  }
  if (!REPROCESSABLE.has(stored.status)) {
    throw operationRefused(
      `transmission ${id} is being read right now (${stored.status}); try again once it is done`,
    );
  }
  if (stored.payload === null) throw bytesArchived(id, stored.archiveRef);
  // The history grows with every reprocess: a fresh job id each time, the same one for two
  // people who click at the same moment.
  const jobId = reprocessJobId(id, stored.history.length);
  await audit.record({
    actor: who,
    action: 'transmission-reprocessed',
    subjectType: 'transmission',
    subjectId: id,
    details: { jobId, previousStatus: stored.status },
  });
  // The inbound worker leaves `processed` and `rejected` transmissions alone; `received` lets it read.
  await transmissions.setStatus(id, 'received', `reprocess requested by ${who}`);
  await deps.queues.add('inbound', 'read', { transmissionId: id }, { jobId });
  const retriedDocuments = await retryFailedDocuments(
    id,
    stored.partnerId,
    who,
    deps.repositories,
    deps.queues,
  );
  const retriedBatches = await retryFailedBatches(id, stored.partnerId, who, deps.repositories, deps.queues);
  const warnings = await noWorkerWarnings(deps.queues, ['inbound']);
  return {
    transmissionId: id,
    jobId,
    previousStatus: stored.status,
    retriedDocuments,
    retriedBatches,
    warnings,
  };
}

/**
 * Runs again the documents of this transmission that have an open `processing-failed` exception.
 * Their job keeps its id (`doc-<documentId>`): a failed job is retried, a job already removed
 * from Redis is added anew, so a document never has two jobs at once.
 */
async function retryFailedDocuments(
  transmissionId: string,
  partnerId: string | null,
  actor: string,
  repositories: Repositories,
  queues: JobQueue,
): Promise<string[]> {
  const open = await failedExceptions('document', partnerId, repositories);
  const retried: string[] = [];
  for (const exception of open) {
    const document = await repositories.documents.get(exception.subjectId);
    const source = document?.document['source'] as { transmissionId?: unknown } | undefined;
    if (document === null || source?.transmissionId !== transmissionId) continue;
    await resolveForRetry(exception.id, actor, transmissionId, 'document', repositories);
    await queues.addOrRetry(
      'documents',
      'act',
      { documentId: document.id },
      { jobId: documentJobId(document.id) },
    );
    retried.push(document.id);
  }
  return retried;
}

/** Seals and sends again the batches of 855s of this transmission that failed for good. */
async function retryFailedBatches(
  transmissionId: string,
  partnerId: string | null,
  actor: string,
  repositories: Repositories,
  queues: JobQueue,
): Promise<string[]> {
  const open = await failedExceptions('batch', partnerId, repositories);
  const retried: string[] = [];
  for (const exception of open) {
    const batchId = exception.subjectId;
    if (!batchId.startsWith(answerBatchId(transmissionId, ''))) continue;
    await resolveForRetry(exception.id, actor, transmissionId, 'batch', repositories);
    await queues.addOrRetry('documents', 'seal', { batchId }, { jobId: sealJobId(batchId, false) });
    retried.push(batchId);
  }
  return retried;
}

function failedExceptions(subjectType: string, partnerId: string | null, repositories: Repositories) {
  return repositories.exceptions.list({
    subjectType,
    kind: 'processing-failed',
    status: 'open',
    ...(partnerId === null ? {} : { partnerId }),
    limit: 1000,
  });
}

/** Resolved before the retry: should it fail at once, its new exception must not be this one. */
async function resolveForRetry(
  exceptionId: number,
  actor: string,
  transmissionId: string,
  what: 'document' | 'batch',
  repositories: Repositories,
): Promise<void> {
  const note = `${what} queued again; a new exception is raised if it fails again`;
  await repositories.exceptions
    .resolve(exceptionId, actor, { action: 'reprocess', transmissionId, note })
    .catch((error: unknown) => {
      // Someone resolved it a moment ago; it is queued again all the same.
      if (!isGatewayError(error) || error.code !== 'conflict') throw error;
    });
}
