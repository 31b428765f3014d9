import { AckCode, type AckCodeValue, type GroupErrorCode, type TransactionSetErrorCode } from '../codes.js';
import type { Diagnostic } from '../diagnostic.js';
import type { FunctionalGroup, TransactionSetSummary } from '../envelope.js';
import type { AckKind } from './ack-kind.js';
import { segmentNotes, type SegmentNote } from './segment-notes.js';

/** AK502-AK506 and AK905-AK909 hold at most five codes. */
const MAX_CODES = 5;

/** The verdict on one transaction set: AK5/IK5 and the AK3/IK3 entries above it. */
export interface SetOutcome {
  readonly set: TransactionSetSummary;
  readonly code: AckCodeValue;
  readonly errorCodes: TransactionSetErrorCode[];
  readonly segments: SegmentNote[];
}

/** The verdict on one functional group: AK9 and the sets inside it. */
export interface GroupOutcome {
  readonly group: FunctionalGroup;
  readonly code: AckCodeValue;
  readonly errorCodes: GroupErrorCode[];
  /** AK902: GE01 as sent (the count received when GE01 is missing or not a number). */
  readonly included: number;
  /** AK903. */
  readonly received: number;
  /** AK904: sets accepted (A or E); none when the group itself is rejected. */
  readonly accepted: number;
  readonly sets: SetOutcome[];
}

/**
 * Judges one inbound group. Errors reject what they sit in, warnings make it "accepted with
 * errors". A group-level error rejects the group whatever its sets, and then no set counts as
 * accepted, since none of them will be processed.
 */
export function assessGroup(group: FunctionalGroup, kind: AckKind, version: string): GroupOutcome {
  const findings = group.diagnostics.filter((d) => d.level === 'group');
  const rejected = findings.some((d) => d.severity === 'error');
  const sets = group.transactionSets.map((set) => assessSet(set, kind, version));
  const received = sets.length;
  const accepted = rejected ? 0 : sets.filter((s) => s.code !== AckCode.rejected).length;
  return {
    group,
    code: groupCode(
      rejected,
      received,
      accepted,
      findings.length > 0 || sets.some((s) => s.code === AckCode.acceptedWithErrors),
    ),
    errorCodes: distinct(findings.map((d) => d.code)).slice(0, MAX_CODES),
    included: setCountSent(group) ?? received,
    received,
    accepted,
    sets,
  };
}

function groupCode(rejected: boolean, received: number, accepted: number, noted: boolean): AckCodeValue {
  if (rejected || (received > 0 && accepted === 0)) return AckCode.rejected;
  if (accepted < received) return AckCode.partiallyAccepted;
  return noted ? AckCode.acceptedWithErrors : AckCode.accepted;
}

function assessSet(set: TransactionSetSummary, kind: AckKind, version: string): SetOutcome {
  const findings = set.diagnostics.filter(
    (d) => d.level === 'transaction' || d.level === 'segment' || d.level === 'element',
  );
  const code = findings.some((d) => d.severity === 'error')
    ? AckCode.rejected
    : findings.length > 0
      ? AckCode.acceptedWithErrors
      : AckCode.accepted;
  const errorCodes = findings.flatMap((d) => (d.level === 'transaction' ? [kind.setCode(d.code)] : []));
  const syntax = findings.filter((d) => d.level === 'segment' || d.level === 'element');
  if (syntax.length > 0) errorCodes.push(kind.segmentsInError(syntax.some(isImplementationFinding)));
  return {
    set,
    code,
    errorCodes: distinct(errorCodes).slice(0, MAX_CODES),
    segments: segmentNotes(syntax, kind, version),
  };
}

function isImplementationFinding(d: Diagnostic): boolean {
  return d.level !== 'file' && d.code.startsWith('I');
}

function setCountSent(group: FunctionalGroup): number | undefined {
  const ge01 = group.trailer?.value(1) ?? '';
  return /^\d{1,9}$/.test(ge01) ? Number(ge01) : undefined;
}

function distinct<T>(values: T[]): T[] {
  return [...new Set(values)];
}
