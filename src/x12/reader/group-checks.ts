import { GroupError, InterchangeNote, TransactionSetError } from '../codes.js';
import type { Diagnostic } from '../diagnostic.js';
import type { FunctionalGroup, TransactionSet } from '../envelope.js';
import type { Segment } from '../segment.js';
import { isValidDate, isValidTime } from '../validation/date-time.js';
import { at } from './isa-checks.js';
import { functionalGroupOf } from './functional-groups.js';
import { COUNT_MAX_LENGTH, countStates } from './count-element.js';

/**
 * GS field checks. A GS that cannot be read makes the interchange's content invalid (TA1 024);
 * a version we cannot validate rejects only the group (AK905 = 2).
 */
export function checkGs(gs: Segment): { interchange: Diagnostic[]; group: Diagnostic[] } {
  const interchange: Diagnostic[] = [];
  const group: Diagnostic[] = [];
  const bad = (element: number, message: string) =>
    interchange.push({
      level: 'interchange',
      severity: 'error',
      code: InterchangeNote.invalidContent,
      message,
      ...at(gs, element),
    });
  const v = (n: number) => gs.value(n);
  if (!/^[A-Z0-9]{2}$/.test(v(1))) bad(1, `GS01 '${v(1)}' is not a functional identifier code`);
  if (!v(2)) bad(2, 'GS02 application sender code is empty');
  if (!v(3)) bad(3, 'GS03 application receiver code is empty');
  // GS04 grew from YYMMDD to CCYYMMDD in 004010.
  const dateLength = v(8) !== '' && v(8) < '004010' ? 6 : 8;
  if (v(4).length !== dateLength || !isValidDate(v(4)))
    bad(4, `GS04 '${v(4)}' is not a date ${dateLength === 8 ? 'CCYYMMDD' : 'YYMMDD'}`);
  if (!isValidTime(v(5))) bad(5, `GS05 '${v(5)}' is not a time HHMM[SS[D[D]]]`);
  if (!/^\d{1,9}$/.test(v(6))) {
    group.push({
      level: 'group',
      severity: 'error',
      code: GroupError.invalidControlNumber,
      message: `GS06 '${v(6)}' is not a group control number of 1 to 9 digits`,
      ...at(gs, 6),
    });
  }
  if (v(7) !== 'X' && v(7) !== 'T') bad(7, `GS07 '${v(7)}' must be X (ASC X12) or T (TDCC)`);
  if (!/^\d{6}/.test(v(8))) {
    group.push({
      level: 'group',
      severity: 'error',
      code: GroupError.versionNotSupported,
      message: `GS08 '${v(8)}' is not a version/release code (e.g. 004010)`,
      ...at(gs, 8),
    });
  }
  return { interchange, group };
}

/** GE checks against what the group held. */
export function checkGe(group: FunctionalGroup, ge: Segment): Diagnostic[] {
  const out: Diagnostic[] = [];
  const count = group.transactionSets.length;
  if (!countStates(ge.value(1), count, COUNT_MAX_LENGTH.GE01)) {
    out.push({
      level: 'group',
      severity: 'error',
      code: GroupError.setCountMismatch,
      message: `GE01 says ${ge.value(1) || 'nothing'} transaction sets but the group holds ${count}`,
      ...at(ge, 1),
    });
  }
  const match = compareControlNumbers(ge.value(2), group.controlNumber);
  if (match !== 'same') {
    const severity = match === 'same-number' ? 'warning' : 'error';
    const how =
      match === 'same-number' ? 'is the same number as GS06 but written differently' : 'does not match GS06';
    out.push({
      level: 'group',
      severity,
      code: GroupError.controlNumberMismatch,
      message: `GE02 '${ge.value(2)}' ${how} '${group.controlNumber}'`,
      ...at(ge, 2),
    });
  }
  return out;
}

/** ST and SE checks of a closed set (SE may be missing). */
export function checkSetEnvelope(
  set: TransactionSet,
  group: FunctionalGroup,
  seenControlNumbers: Set<string>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const st = set.segments[0] as Segment;
  const err = (
    code: (typeof TransactionSetError)[keyof typeof TransactionSetError],
    message: string,
    seg: Segment,
    element?: number,
    severity: 'error' | 'warning' = 'error',
  ) =>
    out.push({
      level: 'transaction',
      severity,
      code,
      message,
      segmentPosition: set.segments.indexOf(seg) + 1,
      ...at(seg, element),
    });
  if (!/^\d{3}$/.test(set.id))
    err(
      TransactionSetError.invalidSetIdentifier,
      `ST01 '${set.id}' is not a transaction set identifier`,
      st,
      1,
    );
  if (!/^[A-Za-z0-9]{4,9}$/.test(set.controlNumber))
    err(
      TransactionSetError.invalidControlNumber,
      `ST02 '${set.controlNumber}' is not a control number of 4 to 9 characters`,
      st,
      2,
    );
  else if (seenControlNumbers.has(set.controlNumber))
    err(
      TransactionSetError.controlNumberNotUnique,
      `ST02 '${set.controlNumber}' is used twice in group ${group.controlNumber}`,
      st,
      2,
    );
  seenControlNumbers.add(set.controlNumber);
  const expectedGroup = functionalGroupOf(set.id);
  if (expectedGroup && expectedGroup !== group.functionalId) {
    err(
      TransactionSetError.invalidSetIdentifier,
      `a ${set.id} belongs in a functional group ${expectedGroup}, but GS01 is '${group.functionalId}'; read anyway`,
      st,
      1,
      'warning',
    );
  }
  const se = set.segments[set.segments.length - 1] as Segment;
  if (se.id !== 'SE') {
    err(TransactionSetError.trailerMissing, `transaction set ${set.controlNumber} has no SE trailer`, st);
    return out;
  }
  if (!countStates(se.value(1), set.segments.length, COUNT_MAX_LENGTH.SE01)) {
    err(
      TransactionSetError.segmentCountMismatch,
      `SE01 says ${se.value(1) || 'nothing'} segments but the set has ${set.segments.length} (ST to SE)`,
      se,
      1,
    );
  }
  if (se.value(2) !== set.controlNumber) {
    err(
      TransactionSetError.controlNumberMismatch,
      `SE02 '${se.value(2)}' does not match ST02 '${set.controlNumber}'`,
      se,
      2,
    );
  }
  return out;
}

/** Trailer control numbers are compared as text; numerically equal but unpadded ones are only noted. */
export function compareControlNumbers(trailer: string, header: string): 'same' | 'same-number' | 'different' {
  if (trailer === header) return 'same';
  if (/^\d+$/.test(trailer) && /^\d+$/.test(header) && BigInt(trailer) === BigInt(header))
    return 'same-number';
  return 'different';
}
