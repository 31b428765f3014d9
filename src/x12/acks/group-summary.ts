import type { AckKind } from './ack-kind.js';
import type { GroupOutcome } from './outcome.js';
import type { GroupAcknowledgementSummary } from './types.js';

/** What the caller keeps of one group's acknowledgement (for status pages and reconciliation). */
export function groupSummary(
  outcome: GroupOutcome,
  kind: AckKind,
  acknowledgedBy: GroupAcknowledgementSummary['acknowledgedBy'],
): GroupAcknowledgementSummary {
  const { group } = outcome;
  return {
    functionalId: group.functionalId,
    controlNumber: group.controlNumber,
    version: group.version,
    type: kind.type,
    code: outcome.code,
    errorCodes: outcome.errorCodes,
    included: outcome.included,
    received: outcome.received,
    accepted: outcome.accepted,
    transactionSets: outcome.sets.map((s) => ({
      id: s.set.id,
      controlNumber: s.set.controlNumber,
      code: s.code,
      errorCodes: s.errorCodes,
    })),
    acknowledgedBy,
  };
}
