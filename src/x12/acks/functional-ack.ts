import type { Delimiters } from '../delimiters.js';
import type { SegmentValues } from '../writer.js';
import type { AckKind } from './ack-kind.js';
import { echoValue } from './clean-value.js';
import type { GroupOutcome } from './outcome.js';
import type { ElementNote, SegmentNote } from './segment-notes.js';

/**
 * Maximum lengths of the elements that copy the partner's values: AK101 (479), AK102 (28), AK103
 * (480), AK201 (143), AK202 (329), AK203 (1705), AK301/IK301/CTX02 (721) and AK404/IK404 (724).
 * Loop ids (447) are the validator's own and keep implementation guides' six characters (`2010AA`).
 */
const MAX = {
  functionalId: 2,
  groupControlNumber: 9,
  version: 12,
  setId: 3,
  setControlNumber: 9,
  implementationReference: 35,
  segmentId: 3,
  loopId: 6,
  badValue: 99,
} as const;

/**
 * The body of the 997 or 999 set answering one inbound group, AK1 to AK9 (ST and SE are added by
 * the caller). Every received set gets its AK2 and AK5/IK5, whether or not it has findings.
 */
export function functionalAckBody(
  outcome: GroupOutcome,
  kind: AckKind,
  version: string,
  delimiters: Delimiters,
): SegmentValues[] {
  const detail = kind.hasVersionDetail(version);
  // What the partner sent is named as sent, less what would break the reply (see echoValue).
  const clean: Clean = (text, max) => echoValue(text, delimiters, max);
  const { group } = outcome;
  const out: SegmentValues[] = [
    [
      'AK1',
      clean(group.functionalId, MAX.functionalId),
      clean(group.controlNumber, MAX.groupControlNumber),
      detail ? clean(group.version, MAX.version) : '',
    ],
  ];
  for (const set of outcome.sets) {
    out.push([
      'AK2',
      clean(set.set.id, MAX.setId),
      clean(set.set.controlNumber, MAX.setControlNumber),
      detail ? clean(set.set.implementationReference, MAX.implementationReference) : '',
    ]);
    for (const note of set.segments) out.push(...segmentNote(note, kind, detail, clean));
    out.push([kind.tags.set, set.code, ...set.errorCodes]);
  }
  out.push([
    'AK9',
    outcome.code,
    String(outcome.included),
    String(outcome.received),
    String(outcome.accepted),
    ...outcome.errorCodes,
  ]);
  return out;
}

type Clean = (text: string | undefined, max: number) => string;

function segmentNote(note: SegmentNote, kind: AckKind, detail: boolean, clean: Clean): SegmentValues[] {
  const out: SegmentValues[] = [
    [
      kind.tags.segment,
      clean(note.segmentId, MAX.segmentId),
      String(note.position),
      clean(note.loopId, MAX.loopId),
      note.code,
    ],
  ];
  if (kind.situationalContext && note.trigger) out.push(situationalTrigger(note.trigger, clean));
  for (const element of note.elements) {
    out.push([
      kind.tags.element,
      elementPosition(element, detail),
      dataElementRef(element.ref),
      element.code,
      clean(element.value, MAX.badValue),
    ]);
    if (kind.situationalContext && element.trigger) out.push(situationalTrigger(element.trigger, clean));
  }
  return out;
}

/**
 * AK402 / IK402 is a data element number (N0 1/4). A composite's id (`C040`) is none: the
 * composite as a whole is named by its position in AK401 alone.
 */
function dataElementRef(ref: string | undefined): string {
  return ref !== undefined && /^\d{1,4}$/.test(ref) ? ref : '';
}

/** AK401 / IK401 (C030): element position, then component and (00501+) repetition when known. */
function elementPosition(element: ElementNote, detail: boolean): string[] {
  const repetition = detail && element.repetition !== undefined ? String(element.repetition) : '';
  const component = element.component !== undefined ? String(element.component) : '';
  return [String(element.position), component, repetition];
}

/** CTX naming the element whose presence made a conditional element or segment required. */
function situationalTrigger(trigger: NonNullable<SegmentNote['trigger']>, clean: Clean): SegmentValues {
  return [
    'CTX',
    'SITUATIONAL TRIGGER',
    clean(trigger.segmentId, MAX.segmentId),
    String(trigger.segmentPosition),
    clean(trigger.loopId, MAX.loopId),
    String(trigger.elementPosition),
  ];
}
