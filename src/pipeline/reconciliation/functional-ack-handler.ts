import type { FunctionalAck } from '../../canonical/index.js';
import { comparableControlNumber, judgeAcknowledgement, type AckVerdict } from '../../core/index.js';
import type { StoredDocument, StoredExpectedAck } from '../../store/index.js';
import { functionalGroupOf } from '../../x12/index.js';
import type { DocumentHandler, DocumentOutcome } from '../document-handler.js';
import type { WorkerDeps } from '../pipeline-deps.js';
import { raiseOnce, RECONCILIATION_ACTOR, resolveOpen } from './raise-once.js';
import { readStoredDocument } from './read-stored-document.js';

const VERDICT_WORDS: Record<AckVerdict['status'], string> = {
  accepted: 'accepted',
  accepted_with_errors: 'accepted with errors',
  partially_accepted: 'partially accepted',
  rejected: 'rejected',
};

/**
 * The `functional_ack` document handler: matches a partner's 997/999 to the group we sent (the
 * newest one still waiting with that GS01 and GS06, as control numbers wrap), records their
 * verdict per group and set, marks the transmission `acknowledged` when they took it, and raises
 * `ack-rejected` on the transmission when they did not take it cleanly. A 997 for a group we never
 * sent them raises `ack-unmatched` on the 997 itself. Idempotent: a rerun finds the group it
 * answered and only completes what the first run may not have done.
 *
 * @example
 * await handleFunctionalAck(await repositories.documents.get(ackDocumentId), deps);
 * // { action: 'acknowledged', message: 'SH group 17 (transmission ...) accepted' }
 */
export const handleFunctionalAck: DocumentHandler = async (stored, deps) => {
  const ack = readStoredDocument(stored, 'functional_ack');
  const { functionalId } = ack.group;
  const groupControlNumber = comparableControlNumber(ack.group.controlNumber);
  const group = `${functionalId} group ${groupControlNumber}`;
  if (functionalId === functionalGroupOf('997')) {
    return {
      action: 'ignored',
      message: `${group} is an acknowledgement, which we never ask to be acknowledged`,
    };
  }
  const expectation = await findAnswered(stored.id, functionalId, groupControlNumber, deps);
  if (expectation !== undefined) return applyVerdict(ack, stored, expectation, deps);

  const sent = await deps.repositories.expectedAcks.forGroup(
    stored.partnerId,
    functionalId,
    groupControlNumber,
  );
  if (sent.length === 0) return unmatched(ack, stored, group, deps);
  const waiting = sent.find((e) => e.status === 'pending' || e.status === 'overdue');
  if (waiting === undefined) {
    const first = sent[0] as StoredExpectedAck;
    return {
      action: 'ignored',
      message: `${group} was already acknowledged (${first.status}) by document ${first.answeredByDocumentId ?? 'unknown'}`,
    };
  }
  const verdict = judgeAcknowledgement(ack, waiting.transactionSets);
  await deps.repositories.expectedAcks.answer(waiting, {
    status: verdict.status,
    groupStatusCode: verdict.groupStatusCode,
    transmissionId: ack.source.transmissionId ?? null,
    documentId: stored.id,
    at: deps.now?.() ?? new Date(),
    setOutcomes: verdict.setOutcomes,
  });
  // Another 997 for the same group may have been applied between the read and the update.
  const answered = await deps.repositories.expectedAcks.get(waiting);
  if (answered?.answeredByDocumentId !== stored.id) {
    return {
      action: 'ignored',
      message: `${group} was acknowledged meanwhile by document ${answered?.answeredByDocumentId ?? 'unknown'}`,
    };
  }
  return applyVerdict(ack, stored, answered, deps);
};

async function findAnswered(
  documentId: string,
  functionalId: string,
  groupControlNumber: string,
  deps: WorkerDeps,
): Promise<StoredExpectedAck | undefined> {
  const answered = await deps.repositories.expectedAcks.answeredBy(documentId);
  return answered.find((e) => e.functionalId === functionalId && e.groupControlNumber === groupControlNumber);
}

/** What follows from the recorded answer; every step can run again without doing anything twice. */
async function applyVerdict(
  ack: FunctionalAck,
  stored: StoredDocument,
  expectation: StoredExpectedAck,
  deps: WorkerDeps,
): Promise<DocumentOutcome> {
  const { transmissions, exceptions } = deps.repositories;
  const verdict = judgeAcknowledgement(ack, expectation.transactionSets);
  const transmissionId = expectation.outboundTransmissionId;
  const group = `${expectation.functionalId} group ${expectation.groupControlNumber}`;
  const words = VERDICT_WORDS[verdict.status];
  const at = deps.now?.() ?? new Date();
  await resolveOpen(
    exceptions,
    { subjectType: 'transmission', subjectId: transmissionId, kind: 'ack-overdue' },
    RECONCILIATION_ACTOR,
    { note: `${ack.standard} received: ${words}`, ackDocumentId: stored.id },
    at,
  );
  if (verdict.accepted) {
    const current = await transmissions.get(transmissionId);
    if (current !== null && current.status !== 'acknowledged') {
      await transmissions.setStatus(
        transmissionId,
        'acknowledged',
        `${group} ${words} by ${ack.standard} (AK9 ${verdict.groupStatusCode}), document ${stored.id}`,
      );
    }
  }
  if (verdict.status !== 'accepted') {
    await raiseOnce(
      exceptions,
      {
        partnerId: expectation.partnerId,
        subjectType: 'transmission',
        subjectId: transmissionId,
        kind: 'ack-rejected',
        message: `${expectation.partnerId} ${words} ${group} (${describeSets(expectation)}) in their ${ack.standard}: ${verdict.problems.join('; ')}`,
        details: {
          groupControlNumber: expectation.groupControlNumber,
          functionalId: expectation.functionalId,
          groupStatusCode: verdict.groupStatusCode,
          groupErrorCodes: ack.groupErrorCodes,
          setOutcomes: verdict.setOutcomes,
          problems: verdict.problems,
        },
        at,
      },
      { key: 'ackDocumentId', value: stored.id },
    );
  }
  return {
    action: verdict.accepted ? 'acknowledged' : 'ack-rejected',
    message: `${group} (transmission ${transmissionId}) ${words}`,
  };
}

async function unmatched(
  ack: FunctionalAck,
  stored: StoredDocument,
  group: string,
  deps: WorkerDeps,
): Promise<DocumentOutcome> {
  await raiseOnce(
    deps.repositories.exceptions,
    {
      partnerId: stored.partnerId,
      subjectType: 'document',
      subjectId: stored.id,
      kind: 'ack-unmatched',
      message: `${ack.standard} from ${stored.partnerId} acknowledges ${group} (AK1), which we never sent them`,
      details: {
        functionalId: ack.group.functionalId,
        groupControlNumber: ack.group.controlNumber,
        groupStatusCode: ack.groupStatusCode,
        inboundTransmissionId: ack.source.transmissionId ?? null,
      },
      ...(deps.now === undefined ? {} : { at: deps.now() }),
    },
    { key: 'ackDocumentId', value: stored.id },
  );
  return { action: 'unmatched', message: `${group} was never sent to ${stored.partnerId}` };
}

const describeSets = (expectation: StoredExpectedAck): string =>
  expectation.transactionSets.map((s) => `${s.setId} ${s.controlNumber}`).join(', ') || 'no sets';
