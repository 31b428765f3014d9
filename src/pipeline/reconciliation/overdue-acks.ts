import type { Repositories, StoredExpectedAck } from '../../store/index.js';
import { RECONCILIATION_ACTOR } from './raise-once.js';

export interface OverdueAckDeps {
  repositories: Pick<Repositories, 'expectedAcks' | 'exceptions'>;
}

// A sweep takes the overdue groups this many at a time, so a backlog never loads at once.
const BATCH = 200;

/**
 * Flags the functional groups a partner has not acknowledged in time: each `pending` expectation
 * whose due time is at or before `now` becomes `overdue`, with an `ack-overdue` exception on its
 * outbound transmission naming the partner, GS06, and when it was sent and due. Returns how many
 * were flagged; a second call at the same `now` flags none. Meant to run periodically.
 *
 * @example
 * const flagged = await flagOverdueAcknowledgements(new Date(), { repositories });
 */
export async function flagOverdueAcknowledgements(now: Date, deps: OverdueAckDeps): Promise<number> {
  const { expectedAcks } = deps.repositories;
  let flagged = 0;
  for (;;) {
    const due = await expectedAcks.pastDue(now, BATCH);
    for (const expectation of due) {
      if (await flagOne(expectation, now, deps)) flagged++;
    }
    if (due.length < BATCH) return flagged;
  }
}

/**
 * Raises first and marks second: a crash in between leaves the row `pending`, so the next sweep
 * raises (idempotently) and marks it. A 997 answering it in between wins, and the exception just
 * raised is closed again.
 */
async function flagOne(expectation: StoredExpectedAck, now: Date, deps: OverdueAckDeps): Promise<boolean> {
  const { expectedAcks, exceptions } = deps.repositories;
  const sets = expectation.transactionSets.map((s) => `${s.setId} ${s.controlNumber}`).join(', ');
  const id = await exceptions.raise({
    partnerId: expectation.partnerId,
    subjectType: 'transmission',
    subjectId: expectation.outboundTransmissionId,
    kind: 'ack-overdue',
    message: `${expectation.partnerId} has not acknowledged ${expectation.functionalId} group ${expectation.groupControlNumber} (GS06; ${sets || 'no sets'}) sent ${expectation.sentAt.toISOString()}, due by ${expectation.dueAt.toISOString()}`,
    details: {
      functionalId: expectation.functionalId,
      groupControlNumber: expectation.groupControlNumber,
      interchangeControlNumber: expectation.interchangeControlNumber,
      sentAt: expectation.sentAt.toISOString(),
      dueAt: expectation.dueAt.toISOString(),
    },
    at: now,
  });
  if (await expectedAcks.markOverdue(expectation)) return true;
  const current = await expectedAcks.get(expectation);
  if (current !== null && current.status !== 'overdue') {
    await exceptions
      .resolve(
        id,
        RECONCILIATION_ACTOR,
        { note: `acknowledged (${current.status}) while being flagged` },
        now,
      )
      .catch((error: unknown) => {
        if ((error as { code?: unknown }).code !== 'conflict') throw error;
      });
  }
  return false;
}
