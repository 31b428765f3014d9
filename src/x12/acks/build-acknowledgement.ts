import type { Delimiters } from '../delimiters.js';
import type { FunctionalGroup, Interchange } from '../envelope.js';
import { writeInterchange, type InterchangeHeaderValues, type OutboundGroup } from '../writer.js';
import { ack997 } from './ack-997.js';
import { ack999 } from './ack-999.js';
import { isVersion5010OrLater, type AckKind } from './ack-kind.js';
import { functionalAckBody } from './functional-ack.js';
import { groupSummary } from './group-summary.js';
import { assessGroup } from './outcome.js';
import {
  replyDelimiters,
  replyGroupHeader,
  replyInterchangeHeader,
  replyTransactionSet,
} from './reply-envelope.js';
import { ta1Segment, ta1Verdict } from './ta1.js';
import type {
  Acknowledgement,
  AcknowledgementOptions,
  AcknowledgementSummary,
  AcknowledgementType,
  GroupAcknowledgementSummary,
} from './types.js';

const ACK_KINDS: Record<AcknowledgementType, AckKind> = { '997': ack997, '999': ack999 };

/** GS01 of functional acknowledgements: answering one would start an endless exchange of 997s. */
const FUNCTIONAL_ACK_GROUP = 'FA';

interface Planned {
  readonly index: number;
  readonly group: FunctionalGroup;
  readonly kind: AckKind;
  readonly version: string;
}

/**
 * Builds what the gateway sends back for one inbound interchange: a TA1 where due, and one 997 or
 * 999 set per functional group, in FA groups addressed back to the sender (one FA group per GS08
 * and application sender/receiver pair). An interchange with an interchange-level error gets only
 * a TA1 with R, because its groups were not processed.
 *
 * @example
 * const { x12, summary } = buildAcknowledgement(interchange, {
 *   controlNumbers: { interchange: 1001, group: 1001, transactionSet: 1 },
 *   now: new Date(),
 * });
 * // x12: ISA*...~GS*FA*...~ST*997*0001~AK1*PO*42~AK2*850*0001~AK5*A~AK9*A*1*1*1~SE*6*0001~GE*1*1001~IEA*1*000001001~
 * // summary.groups[0]: { functionalId: 'PO', code: 'A', included: 1, received: 1, accepted: 1, ... }
 */
export function buildAcknowledgement(
  interchange: Interchange,
  options: AcknowledgementOptions,
): Acknowledgement {
  const verdict = ta1Verdict(interchange, options.ta1 ?? 'auto');
  const delimiters = replyDelimiters(interchange);
  const rejected = verdict.code === 'R';
  const isa = replyInterchangeHeader(
    interchange,
    options.controlNumbers.interchange,
    options.now,
    delimiters,
  );
  const answer = answerGroups(rejected ? [] : plan(interchange, options.type), { isa, delimiters }, options);
  const ta1 = verdict.sent ? [ta1Segment(interchange, verdict, delimiters)] : [];
  const x12 =
    ta1.length > 0 || answer.groups.length > 0
      ? writeInterchange(
          {
            delimiters,
            header: isa,
            interchangeAcknowledgements: ta1,
            groups: answer.groups,
          },
          { segmentNewline: options.segmentNewline ?? false },
        )
      : undefined;

  const summary: AcknowledgementSummary = {
    interchangeControlNumber: interchange.controlNumber,
    ta1: verdict,
    groups: answer.summaries.sort((a, b) => a.index - b.index).map((s) => s.summary),
    skippedGroups: interchange.groups
      .filter((group) => rejected || group.functionalId === FUNCTIONAL_ACK_GROUP)
      .map((group) => ({
        functionalId: group.functionalId,
        controlNumber: group.controlNumber,
        reason: rejected
          ? `not processed: the interchange was rejected (TA1 note ${verdict.note})`
          : 'a functional acknowledgement is never acknowledged',
      })),
    controlNumbersUsed: {
      interchange: x12 === undefined ? undefined : options.controlNumbers.interchange,
      groups: answer.groups.map((g) => Number(g.controlNumber)),
      transactionSets: answer.transactionSetControlNumbers,
    },
  };
  return { x12, summary };
}

interface Answer {
  readonly groups: OutboundGroup[];
  readonly summaries: { index: number; summary: GroupAcknowledgementSummary }[];
  readonly transactionSetControlNumbers: number[];
}

/** The FA groups with their 997/999 sets, numbered upwards in the order they are written. */
function answerGroups(
  planned: readonly Planned[],
  reply: { readonly isa: InterchangeHeaderValues; readonly delimiters: Delimiters },
  options: AcknowledgementOptions,
): Answer {
  const { delimiters } = reply;
  const answer: Answer = { groups: [], summaries: [], transactionSetControlNumbers: [] };
  for (const batch of byOutboundGroup(planned)) {
    const first = batch[0] as Planned;
    const groupControlNumber = options.controlNumbers.group + answer.groups.length;
    const sets = batch.map((entry) => {
      const setControlNumber =
        options.controlNumbers.transactionSet + answer.transactionSetControlNumbers.length;
      answer.transactionSetControlNumbers.push(setControlNumber);
      const outcome = assessGroup(entry.group, entry.kind, entry.version);
      const acknowledgedBy = { groupControlNumber, transactionSetControlNumber: setControlNumber };
      answer.summaries.push({
        index: entry.index,
        summary: groupSummary(outcome, entry.kind, acknowledgedBy),
      });
      const body = functionalAckBody(outcome, entry.kind, entry.version, delimiters);
      return replyTransactionSet(entry.kind, entry.version, setControlNumber, body);
    });
    const header = replyGroupHeader(first.group, first.version, groupControlNumber, options.now, reply);
    answer.groups.push({ ...header, transactionSets: sets });
  }
  return answer;
}

/** Which kind answers each group and in which GS08, skipping functional acknowledgements. */
function plan(interchange: Interchange, forced: AcknowledgementType | undefined): Planned[] {
  const planned: Planned[] = [];
  interchange.groups.forEach((group, index) => {
    if (group.functionalId === FUNCTIONAL_ACK_GROUP) return;
    const kind = ACK_KINDS[forced ?? (isVersion5010OrLater(group.version) ? '999' : '997')];
    planned.push({ index, group, kind, version: kind.groupVersion(group.version, interchange.version) });
  });
  return planned;
}

/**
 * Sets that can share one FA group: same GS08 and same application ids (swapped from the inbound
 * GS), in order of first appearance.
 */
function byOutboundGroup(planned: readonly Planned[]): Planned[][] {
  const batches = new Map<string, Planned[]>();
  for (const entry of planned) {
    const key = [entry.version, entry.group.applicationSender, entry.group.applicationReceiver].join(
      '\u0000',
    );
    const batch = batches.get(key);
    if (batch) batch.push(entry);
    else batches.set(key, [entry]);
  }
  return [...batches.values()];
}
