import type { Response } from 'express';
import type { Logger } from '../../observability/index.js';
import { enqueueOutbound, type JobQueue } from '../../pipeline/index.js';
import type { TransmissionStore } from '../../store/index.js';
import type { ReturnedAcknowledgement } from './await-acknowledgements.js';

const RETURNED = 'returned in the HTTP answer to the post';

/**
 * Answers the acknowledgements in the HTTP response and marks each `sent`, so the outbound
 * worker, which skips sent transmissions, does not deliver them over the transport as well. One
 * whose delivery has begun already is left to it. Should the answer not get out (the client went
 * away), the marked ones are delivered over the partner's transport after all: an acknowledgement
 * marked sent that reached no one would be lost.
 *
 * @example
 * await answerAcknowledgements(res, { transmissionId, duplicate }, wait.acknowledgements, deps);
 */
export async function answerAcknowledgements(
  res: Response,
  answer: { transmissionId: string; duplicate: boolean },
  acknowledgements: readonly ReturnedAcknowledgement[],
  deps: { transmissions: TransmissionStore; queues: JobQueue; log: Logger },
): Promise<void> {
  const marked: ReturnedAcknowledgement[] = [];
  for (const ack of acknowledgements) {
    try {
      const current = await deps.transmissions.summary(ack.transmissionId);
      if (current?.status !== 'processed') continue;
      await deps.transmissions.setStatus(ack.transmissionId, 'sent', RETURNED);
      marked.push(ack);
    } catch (error) {
      // Unmarked, it is also delivered over the transport: twice rather than never.
      deps.log.error(
        { err: error, transmissionId: ack.transmissionId },
        `partner intake: acknowledgement ${ack.transmissionId} could not be marked sent`,
      );
    }
  }
  let delivered = false;
  res.once('finish', () => (delivered = true));
  res.once('close', () => {
    if (!delivered) void deliverAfterAll(marked, deps);
  });
  res.status(200).json({ ...answer, acknowledgements });
}

async function deliverAfterAll(
  marked: readonly ReturnedAcknowledgement[],
  deps: { transmissions: TransmissionStore; queues: JobQueue; log: Logger },
): Promise<void> {
  for (const ack of marked) {
    try {
      await deps.transmissions.setStatus(
        ack.transmissionId,
        'processed',
        'the HTTP answer did not reach the sender; delivering over the transport',
      );
      // A job id of its own: the one the inbound worker queued has run already (and skipped it).
      await enqueueOutbound(deps.queues, ack.transmissionId, `unanswered-${ack.transmissionId}`, 'prompt');
    } catch (error) {
      deps.log.error(
        { err: error, transmissionId: ack.transmissionId },
        `partner intake: acknowledgement ${ack.transmissionId} was not answered nor queued`,
      );
    }
  }
}
