import { isGatewayError } from '../errors/index.js';
import type { AcknowledgementSummary, Interchange, TransactionSetSummary } from '../x12/index.js';
import { hasErrors } from '../x12/index.js';
import type { EnvelopeIndex, GroupEntry, InterchangeEntry } from '../store/index.js';
import { GroupRecordSchema, InterchangeRecordSchema, TransactionSetRecordSchema } from '../store/index.js';

/** How recording an inbound interchange in the envelope index turned out. */
export type IndexOutcome =
  /** Recorded now: set ids keyed by `GS06/ST02`, to link documents to their set. */
  | { kind: 'recorded'; setIds: Map<string, number> }
  /** Recorded by an earlier run of the same job: its set ids, the same way. */
  | { kind: 'already-recorded'; setIds: Map<string, number> }
  /** Another transmission carried this partner, sender and ISA13 before. */
  | { kind: 'duplicate'; firstTransmissionId: string };

export const setKey = (groupControlNumber: string, setControlNumber: string): string =>
  `${groupControlNumber}/${setControlNumber}`;

/** How long a partner's ISA13 stays taken: a number seen again after the window is a new interchange. */
export interface DuplicateWindow {
  days: number;
  /** When the interchange being indexed was received. */
  receivedAt: Date;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * Records one inbound interchange with the verdicts of its acknowledgement. The database's unique
 * index decides what is a duplicate, so two workers reading the same file at once cannot both
 * win; a duplicate that points at this very transmission is a job run twice, not a resend. An
 * original received more than the window's days before is superseded instead: control numbers
 * wrap, and partners reuse them.
 */
export async function indexInterchange(
  envelopes: EnvelopeIndex,
  entry: InterchangeEntry,
  window?: DuplicateWindow,
): Promise<IndexOutcome> {
  for (let attempt = 0; ; attempt++) {
    try {
      return recorded(entry, await envelopes.recordInterchange(entry));
    } catch (error) {
      if (!isGatewayError(error) || error.code !== 'duplicate' || entry.partnerId === null) throw error;
      const first = await envelopes.findInbound(entry.partnerId, entry.sender.id, entry.controlNumber);
      // Gone again between the two statements: let the retry look once more.
      if (first === null) throw error;
      if (first.transmissionId === entry.transmissionId) {
        // A run that died after indexing left documents to store: they get the same links.
        const sets = await envelopes.transactionSetsOf(entry.transmissionId, entry.controlNumber);
        const setIds = new Map(
          sets.map((set) => [setKey(set.groupControlNumber, set.controlNumber), set.id]),
        );
        return { kind: 'already-recorded', setIds };
      }
      const expired =
        window !== undefined &&
        window.receivedAt.getTime() - first.receivedAt.getTime() > window.days * DAY_MS;
      if (!expired || attempt > 0) return { kind: 'duplicate', firstTransmissionId: first.transmissionId };
      await envelopes.supersedeInbound(first.id, window.receivedAt);
    }
  }
}

function recorded(
  entry: InterchangeEntry,
  { transactionSetIds }: { transactionSetIds: number[] },
): IndexOutcome {
  const setIds = new Map<string, number>();
  const keys = entry.groups.flatMap((g) =>
    g.transactionSets.map((s) => setKey(g.controlNumber, s.controlNumber)),
  );
  keys.forEach((key, i) => {
    const id = transactionSetIds[i];
    if (id !== undefined) setIds.set(key, id);
  });
  return { kind: 'recorded', setIds };
}

/**
 * The envelope index entry of an inbound interchange, with the codes its 997/999 carries. What the
 * partner wrote is stored as {@link fitted} to its column, since a rejected interchange can carry
 * anything in its ISA, GS and ST (a six-character ISA12, a control byte in ISA15).
 */
export function interchangeEntry(
  transmissionId: string,
  partnerId: string,
  interchange: Interchange,
  summary: AcknowledgementSummary,
): InterchangeEntry {
  const isa = InterchangeRecordSchema.meta.properties;
  const gs = GroupRecordSchema.meta.properties;
  const st = TransactionSetRecordSchema.meta.properties;
  return {
    transmissionId,
    direction: 'inbound',
    partnerId,
    sender: {
      qualifier: fitted(interchange.sender.qualifier, isa.senderQualifier.length),
      id: fitted(interchange.sender.id, isa.senderId.length),
    },
    receiver: {
      qualifier: fitted(interchange.receiver.qualifier, isa.receiverQualifier.length),
      id: fitted(interchange.receiver.id, isa.receiverId.length),
    },
    controlNumber: fitted(interchange.controlNumber, isa.controlNumber.length),
    version: fitted(interchange.version, isa.version.length),
    usage: fitted(interchange.usage, isa.usage.length),
    ackRequested: interchange.ackRequested,
    outcome: summary.ta1.code,
    groups: interchange.groups.map((group): GroupEntry => {
      const answered = summary.groups.find(
        (g) => g.controlNumber === group.controlNumber && g.functionalId === group.functionalId,
      );
      return {
        functionalId: fitted(group.functionalId, gs.functionalId.length),
        controlNumber: fitted(group.controlNumber, gs.controlNumber.length),
        version: fitted(group.version, gs.version.length),
        outcomeCode: answered?.code ?? verdictOf(group.diagnostics),
        transactionSets: group.transactionSets.map((set) => ({
          setId: fitted(set.id, st.setId.length),
          controlNumber: fitted(set.controlNumber, st.controlNumber.length),
          outcomeCode:
            answered?.transactionSets.find((s) => s.controlNumber === set.controlNumber)?.code ??
            verdictOf(set.diagnostics),
          errorCount: errorCount(set),
        })),
      };
    }),
  };
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/gu;

/**
 * A partner's value as its fixed-width column takes it: without control characters (PostgreSQL
 * refuses a NUL, and none of them means anything in an envelope id) and cut to `width`
 * characters. A value that fits is kept as it is, so duplicates are still found by ISA13.
 *
 * @example
 * fitted('0040\u00011', 5); // '00401'
 * fitted('004010', 5); // '00401'
 */
export function fitted(value: string, width: number | undefined): string {
  const clean = value.replace(CONTROL, '');
  if (width === undefined || clean.length <= width) return clean;
  // Counted as PostgreSQL counts varchar lengths (code points), without splitting a pair.
  return [...clean].slice(0, width).join('');
}

// Groups nobody acknowledges (FA groups, a rejected interchange) still get a verdict in the index.
function verdictOf(diagnostics: TransactionSetSummary['diagnostics']): string {
  return hasErrors(diagnostics) ? 'R' : 'A';
}

function errorCount(set: TransactionSetSummary): number {
  return set.diagnostics.filter((d) => d.severity === 'error').length;
}
