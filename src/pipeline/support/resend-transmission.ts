import type { TransmissionStatus } from '../../store/index.js';
import { enqueueOutbound, resendJobId } from '../job-queue.js';
import { bytesArchived, checkActor, operationRefused, transmissionNotFound } from './support-errors.js';
import type { QueueingSupportDeps } from './support-deps.js';
import { noWorkerWarnings } from './live-workers.js';

/** What a resend queued. */
export interface ResendResult {
  transmissionId: string;
  /** The delivery job, new for every resend. */
  jobId: string;
  /** Delivered under this name again, the same bytes: nothing is renumbered. */
  fileName: string;
  previousStatus: TransmissionStatus;
  /** Why the job may not run soon, e.g. no worker listening on the queue prefix. */
  warnings: string[];
}

// `processed` is waiting for its delivery job and `processing` is being delivered: a second job
// would deliver the file twice.
const RESENDABLE: ReadonlySet<TransmissionStatus> = new Set(['failed', 'sent', 'acknowledged']);

/**
 * Delivers an outbound transmission again: the same stored bytes under the same file name (its
 * ISA13/GS06 stay as they were sent), through a new delivery job `resend-<id>-<n>`. The
 * transmission goes back to `processed` and the outbound worker takes it from there. Audited
 * before anything changes, so a resend whose queueing fails is still on record.
 *
 * @example
 * const { jobId } = await resendTransmission(id, 'alice', { repositories, partners, queues });
 */
export async function resendTransmission(
  id: string,
  actor: string,
  deps: QueueingSupportDeps,
): Promise<ResendResult> {
  const who = checkActor(actor);
  const { transmissions, audit } = deps.repositories;
  const stored = await transmissions.get(id);
  if (stored === null) throw transmissionNotFound(id);
  if (stored.direction !== 'outbound') {
    throw operationRefused(
      `transmission ${id} is inbound (received from ${stored.partnerId ?? 'an unknown sender'}); only what we sent can be resent. To read it again: transmissions reprocess ${id}`,
    );
  }
  if (!RESENDABLE.has(stored.status)) {
    throw operationRefused(
      `transmission ${id} is ${stored.status}: it is ${stored.status === 'processing' ? 'being delivered' : 'waiting for its delivery'}; only failed, sent or acknowledged transmissions are resent`,
    );
  }
  if (stored.payload === null) throw bytesArchived(id, stored.archiveRef);
  const fileName = stored.sourceRef ?? `${id}.x12`;
  // Each resend appends to the history, so its length numbers resends without a counter; two
  // people resending at the same moment get the same job id, hence one delivery.
  const jobId = resendJobId(id, stored.history.length);
  await audit.record({
    actor: who,
    action: 'transmission-resent',
    subjectType: 'transmission',
    subjectId: id,
    details: { jobId, fileName, previousStatus: stored.status },
  });
  await transmissions.setStatus(id, 'processed', `resend requested by ${who}`);
  try {
    await enqueueOutbound(deps.queues, id, jobId, 'prompt');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // Left `failed` rather than `processed`, so it shows up as needing a resend, not as waiting.
    await transmissions
      .setStatus(id, 'failed', `resend by ${who} could not be queued: ${reason}`)
      .catch(() => {});
    throw error;
  }
  const warnings = await noWorkerWarnings(deps.queues, ['outbound']);
  return { transmissionId: id, jobId, fileName, previousStatus: stored.status, warnings };
}
