import type { FunctionalAck, SegmentErrorReport, SetAcknowledgment } from '../../canonical/index.js';
import {
  elementErrorReason,
  groupErrorReason,
  segmentErrorReason,
  setErrorReason,
} from './ack-code-reasons.js';
import { comparableControlNumber } from './control-number.js';

/** A transaction set we sent in the acknowledged group: ST01 and ST02. */
export interface SentSet {
  setId: string;
  controlNumber: string;
}

/** The partner's verdict on one set we sent. */
export interface SetVerdict extends SentSet {
  /** AK501 / IK501, or AK901 where the acknowledgement did not name the set. */
  statusCode: string;
  errorCodes: string[];
  /** False when the verdict was taken from AK901 because no AK2 named the set. */
  reported: boolean;
}

export interface AckVerdict {
  status: FunctionalAck['groupStatus'];
  /** AK901 as sent. */
  groupStatusCode: string;
  setOutcomes: SetVerdict[];
  /** AK901 `A` or `E`: the partner took the group. */
  accepted: boolean;
  /** One line per problem the partner reported, codes with their meaning; empty when all is well. */
  problems: string[];
}

/**
 * Reads a partner's 997/999 on one group we sent: the group's status from AK901, each sent set's
 * from its AK2/AK5 (a 997 may list only the sets in error, so an unnamed set takes AK901's
 * verdict), and every reported error with the meaning of its code.
 *
 * @example
 * const verdict = judgeAcknowledgement(ack, [{ setId: '856', controlNumber: '0001' }]);
 * verdict.status;   // 'rejected'
 * verdict.problems; // ['AK9 R: 0 of 1 set(s) accepted', '856 0001: AK5 R, 5 (one or more segments in error)', ...]
 */
export function judgeAcknowledgement(ack: FunctionalAck, sent: readonly SentSet[]): AckVerdict {
  const code = ack.groupStatusCode;
  const setOutcomes = sent.map((set): SetVerdict => {
    const answer = answerFor(ack.sets, set);
    if (answer === undefined) return { ...set, statusCode: code, errorCodes: [], reported: false };
    return { ...set, statusCode: answer.statusCode, errorCodes: answer.errorCodes, reported: true };
  });
  const accepted = code === 'A' || code === 'E';
  const problems: string[] = [];
  if (code !== 'A') {
    const groupErrors = ack.groupErrorCodes.map(groupErrorReason);
    problems.push(
      `AK9 ${code}: ${ack.setsAccepted} of ${ack.setsReceived} set(s) accepted` +
        (groupErrors.length > 0 ? `, ${groupErrors.join(', ')}` : ''),
    );
  }
  for (const set of ack.sets) problems.push(...setProblems(set));
  return { status: ack.groupStatus, groupStatusCode: code, setOutcomes, accepted, problems };
}

function answerFor(sets: readonly SetAcknowledgment[], sent: SentSet): SetAcknowledgment | undefined {
  const wanted = comparableControlNumber(sent.controlNumber);
  return sets.find(
    (s) => s.transactionSetId === sent.setId && comparableControlNumber(s.controlNumber) === wanted,
  );
}

function setProblems(set: SetAcknowledgment): string[] {
  const reported = set.statusCode !== 'A' || set.errorCodes.length > 0 || set.segmentErrors.length > 0;
  if (!reported) return [];
  const name = `${set.transactionSetId} ${set.controlNumber}`;
  const codes = set.errorCodes.map(setErrorReason);
  return [
    `${name}: AK5 ${set.statusCode}${codes.length > 0 ? `, ${codes.join(', ')}` : ''}`,
    ...set.segmentErrors.map((segment) => `${name}: ${segmentProblem(segment)}`),
  ];
}

function segmentProblem(segment: SegmentErrorReport): string {
  const where = `segment ${segment.segmentId} at position ${segment.segmentPosition}`;
  const own = segment.code === undefined ? '' : ` ${segmentErrorReason(segment.code)}`;
  const elements = segment.elementErrors.map((e) => {
    const position =
      e.componentPosition === undefined
        ? `${e.elementPosition}`
        : `${e.elementPosition}-${e.componentPosition}`;
    const value = e.value === undefined ? '' : ` (value "${e.value}")`;
    return `element ${position} ${elementErrorReason(e.code)}${value}`;
  });
  return [`${where}${own}`, ...elements].join('; ');
}
