import type { ReferenceEntry, UnfinishedTransmission } from '../../store/index.js';
import { acknowledgedInterchange } from '../acknowledge-interchange.js';
import {
  ackJobId,
  inboundJobId,
  outboundJobId,
  outboundJobOptions,
  reprocessJobId,
  resendJobId,
  type AddJobOptions,
  type QueueName,
  type RequeueOutcome,
} from '../job-queue.js';
import { LiveSubjects } from './live-subjects.js';
import {
  changedSomething,
  cutoff,
  type RecoveredJob,
  type RecoveryDeps,
  type RecoveryOptions,
} from './recovery-deps.js';

/** Our acknowledgements by file name, for their delivery class when nothing else tells. */
const ACKNOWLEDGEMENT_FILE = /^(997|999|TA1)-/;

/**
 * Queues again the transmissions some job still has to read or deliver and whose job is lost:
 * inbound ones `received` or `processing`, outbound ones `processed` or `processing` (except an
 * AS2 message posted and awaiting its MDN, which the MDN settles). Each goes back under the job id
 * it was queued with (see {@link transmissionJob}); one with a job that will still run, under any
 * id, is left alone.
 *
 * @example
 * const requeued = await recoverTransmissions({ repositories, queues }, { now: new Date(), afterMs: 60_000 });
 */
export async function recoverTransmissions(
  deps: RecoveryDeps,
  options: RecoveryOptions,
): Promise<RecoveredJob[]> {
  const stuck = await deps.repositories.unfinished.transmissions({ changedBefore: cutoff(options) });
  const inbound = stuck.filter((t) => t.direction === 'inbound');
  const outbound = stuck.filter(
    (t) => t.direction === 'outbound' && !(t.channel === 'as2' && t.status === 'processing'),
  );
  // A posted AS2 message stays `processing` until its MDN: only one never posted is lost.
  for (const posted of stuck.filter((t) => t.direction === 'outbound' && !outbound.includes(t))) {
    if (!(await awaitsMdn(posted, deps))) outbound.push(posted);
  }
  const jobs: RecoveredJob[] = [];
  if (inbound.length > 0) {
    const live = new LiveSubjects(deps.queues, 'inbound', (job) => [job.transmissionId]);
    for (const transmission of inbound) {
      const job = transmissionJob(transmission, []);
      const recovered = await requeueTransmission('inbound', 'read', transmission, job, live, deps);
      if (recovered !== undefined) jobs.push(recovered);
    }
  }
  if (outbound.length > 0) {
    const live = new LiveSubjects(deps.queues, 'outbound', (job) => [job.transmissionId]);
    const firsts = outbound.filter((t) => t.queuedAfter === 0).map((t) => t.id);
    const references = await deps.repositories.references.of(firsts);
    for (const transmission of outbound) {
      const job = transmissionJob(transmission, references.get(transmission.id) ?? []);
      const recovered = await requeueTransmission('outbound', 'deliver', transmission, job, live, deps);
      if (recovered !== undefined) jobs.push(recovered);
    }
  }
  return jobs;
}

/**
 * The job a transmission was queued with, named from the database alone: `inbound-<id>` for one
 * read since it was stored, `reprocess-<id>-<n>` after a reprocess, `ack-<inbound>-<ISA13>` for
 * an acknowledgement (its `acknowledges` reference names the interchange), `out-<id>` for any
 * other file we send, `resend-<id>-<n>` after a resend. Acknowledgements and resends go first.
 *
 * @example
 * transmissionJob({ id, direction: 'inbound', queuedAfter: 3, sourceRef: null }, []); // { jobId: `reprocess-${id}-3` }
 */
export function transmissionJob(
  transmission: Pick<UnfinishedTransmission, 'id' | 'direction' | 'queuedAfter' | 'sourceRef'>,
  references: readonly ReferenceEntry[],
): AddJobOptions {
  const { id, queuedAfter } = transmission;
  if (transmission.direction === 'inbound') {
    return { jobId: queuedAfter === 0 ? inboundJobId(id) : reprocessJobId(id, queuedAfter) };
  }
  if (queuedAfter > 0) return outboundJobOptions(resendJobId(id, queuedAfter), 'prompt');
  const answered = references.map(acknowledgedInterchange).find((found) => found !== undefined);
  if (answered !== undefined) {
    return outboundJobOptions(ackJobId(answered.inboundId, answered.interchangeControlNumber), 'prompt');
  }
  const prompt = ACKNOWLEDGEMENT_FILE.test(transmission.sourceRef ?? '');
  return outboundJobOptions(outboundJobId(id), prompt ? 'prompt' : 'routine');
}

async function requeueTransmission(
  queue: Extract<QueueName, 'inbound' | 'outbound'>,
  name: string,
  transmission: UnfinishedTransmission,
  job: AddJobOptions,
  live: Pick<LiveSubjects<QueueName>, 'busy'>,
  deps: RecoveryDeps,
): Promise<RecoveredJob | undefined> {
  const { id } = transmission;
  if (await live.busy([id], job.jobId)) return undefined;
  let options = job;
  let outcome: RequeueOutcome = await deps.queues.requeue(queue, name, { transmissionId: id }, options);
  if (outcome === 'done' && (await stillWhere(transmission, deps))) {
    // Its job completed, yet the database says the work is not done (restored from a backup, or
    // changed by hand): the database is what counts, so it runs again under an id of this state.
    options = { ...job, jobId: `recover-${id}-${transmission.historyLength}` };
    outcome = await deps.queues.requeue(queue, name, { transmissionId: id }, options);
  }
  if (!changedSomething(outcome)) return undefined;
  const reason = `${transmission.direction} transmission ${transmission.status} since ${transmission.statusSince.toISOString()} with no job that would still run`;
  await deps.repositories.audit.record({
    actor: 'system',
    action: 'transmission-requeued',
    subjectType: 'transmission',
    subjectId: id,
    details: { jobId: options.jobId, outcome, reason },
  });
  return { queue, jobId: options.jobId, subjectType: 'transmission', subjectIds: [id], outcome, reason };
}

/** Whether the transmission is still where the sweep found it (read again: the first read may be stale). */
async function stillWhere(transmission: UnfinishedTransmission, deps: RecoveryDeps): Promise<boolean> {
  const current = await deps.repositories.transmissions.summary(transmission.id);
  return current?.status === transmission.status;
}

async function awaitsMdn(transmission: UnfinishedTransmission, deps: RecoveryDeps): Promise<boolean> {
  if (transmission.partnerId === null || transmission.sourceRef === null) return false;
  const sent = await deps.repositories.as2Messages.sentFile(transmission.partnerId, transmission.sourceRef);
  return sent?.status === 'awaiting-mdn';
}
