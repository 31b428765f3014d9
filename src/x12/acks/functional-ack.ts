import type { Delimiters } from '../delimiters.js';
import type { SegmentValues } from '../writer.js';
import type { AckKind } from './ack-kind.js';
import { cleanValue } from './clean-value.js';
import type { GroupOutcome } from './outcome.js';
import type { ElementNote, SegmentNote } from './segment-notes.js';

/** AK404 / IK404 is AN 1/99. */
const MAX_BAD_VALUE = 99;

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
  const clean = (text: string | undefined) => cleanValue(text, delimiters);
  const { group } = outcome;
  const out: SegmentValues[] = [
    ['AK1', group.functionalId, group.controlNumber, detail ? group.version : ''],
  ];
  for (const set of outcome.sets) {
    out.push([
      'AK2',
      set.set.id,
      set.set.controlNumber,
      detail ? (set.set.implementationReference ?? '') : '',
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

type Clean = (text: string | undefined) => string;

function segmentNote(note: SegmentNote, kind: AckKind, detail: boolean, clean: Clean): SegmentValues[] {
  const out: SegmentValues[] = [
    [kind.tags.segment, clean(note.segmentId), String(note.position), clean(note.loopId), note.code],
  ];
  if (kind.situationalContext && note.trigger) out.push(situationalTrigger(note.trigger, clean));
  for (const element of note.elements) {
    out.push([
      kind.tags.element,
      elementPosition(element, detail),
      clean(element.ref),
      element.code,
      badValue(element, clean),
    ]);
    if (kind.situationalContext && element.trigger) out.push(situationalTrigger(element.trigger, clean));
  }
  return out;
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
    clean(trigger.segmentId),
    String(trigger.segmentPosition),
    clean(trigger.loopId),
    String(trigger.elementPosition),
  ];
}

function badValue(element: ElementNote, clean: Clean): string {
  return clean(element.value).slice(0, MAX_BAD_VALUE);
}
