import { SegmentError, type ElementErrorCode, type SegmentErrorCode } from '../codes.js';
import type { Diagnostic, DiagnosticBase } from '../diagnostic.js';
import type { AckKind } from './ack-kind.js';

type Trigger = NonNullable<DiagnosticBase['trigger']>;
type ElementDiagnostic = Extract<Diagnostic, { level: 'element' }>;
type SegmentDiagnostic = Extract<Diagnostic, { level: 'segment' }>;

/** One AK4/IK4: an element in error. */
export interface ElementNote {
  readonly position: number;
  readonly component: number | undefined;
  readonly repetition: number | undefined;
  readonly ref: string | undefined;
  readonly code: ElementErrorCode;
  readonly value: string | undefined;
  readonly trigger: Trigger | undefined;
}

/** One AK3/IK3: a segment in error, with its AK4/IK4s when the code is 8. */
export interface SegmentNote {
  readonly segmentId: string;
  readonly position: number;
  readonly loopId: string | undefined;
  readonly code: SegmentErrorCode;
  readonly trigger: Trigger | undefined;
  readonly elements: ElementNote[];
}

/** AK4 repeats at most 99 times under one AK3. */
const MAX_ELEMENT_NOTES = 99;

interface SegmentFindings {
  readonly segmentId: string;
  readonly position: number;
  readonly segment: SegmentDiagnostic[];
  readonly element: ElementDiagnostic[];
}

/**
 * The AK3/IK3 entries for one set's diagnostics, in segment order. Segment-level codes come first,
 * each on its own AK3; element errors follow under one AK3 with code 8. A diagnostic that names no
 * segment position cannot be placed in an AK3 and shows only in the set's AK5/IK5.
 */
export function segmentNotes(
  diagnostics: readonly Diagnostic[],
  kind: AckKind,
  version: string,
): SegmentNote[] {
  const notes: SegmentNote[] = [];
  for (const found of bySegment(diagnostics)) {
    const loopId = [...found.segment, ...found.element].find((d) => d.loopId !== undefined)?.loopId;
    const base = { segmentId: found.segmentId, position: found.position, loopId };
    const seen = new Set<SegmentErrorCode>();
    for (const d of found.segment) {
      const code = kind.segmentCode(d.code);
      // A segment-level 8 and the element errors describe the same AK3.
      const merged = code === SegmentError.segmentHasElementErrors && found.element.length > 0;
      if (seen.has(code) || merged) continue;
      seen.add(code);
      notes.push({ ...base, code, trigger: d.trigger, elements: [] });
    }
    if (found.element.length > 0) {
      // Two syntax notes can find the same element missing: the partner needs to read that once.
      const keys = new Set<string>();
      const elements = found.element
        .filter((d) => d.elementPosition !== undefined)
        .map((d) => elementNote(d, kind, version))
        .filter((n) => {
          const key = `${n.position}:${n.component ?? ''}:${n.repetition ?? ''}:${n.code}`;
          return !keys.has(key) && keys.add(key) !== undefined;
        })
        .slice(0, MAX_ELEMENT_NOTES);
      notes.push({ ...base, code: SegmentError.segmentHasElementErrors, trigger: undefined, elements });
    }
  }
  return notes;
}

function elementNote(d: ElementDiagnostic, kind: AckKind, version: string): ElementNote {
  return {
    position: d.elementPosition ?? 0,
    component: d.componentPosition,
    repetition: d.repetitionPosition,
    ref: d.elementRef,
    code: kind.elementCode(d.code, version),
    value: d.value,
    trigger: d.trigger,
  };
}

function bySegment(diagnostics: readonly Diagnostic[]): SegmentFindings[] {
  const found = new Map<string, SegmentFindings>();
  for (const d of diagnostics) {
    if (d.level !== 'segment' && d.level !== 'element') continue;
    if (d.segmentId === undefined || d.segmentPosition === undefined) continue;
    const key = `${d.segmentPosition}|${d.segmentId}`;
    let entry = found.get(key);
    if (!entry) {
      entry = { segmentId: d.segmentId, position: d.segmentPosition, segment: [], element: [] };
      found.set(key, entry);
    }
    if (d.level === 'segment') entry.segment.push(d);
    else entry.element.push(d);
  }
  // Array.prototype.sort is stable, so two segments reported at one position keep file order.
  return [...found.values()].sort((a, b) => a.position - b.position);
}
