import { SegmentError, type SegmentErrorCode } from '../codes.js';
import type { Diagnostic } from '../diagnostic.js';
import type { TransactionSet } from '../envelope.js';
import type { Segment } from '../segment.js';

/** A partner's ceilings on what one transaction set may hold. */
export interface SetLimits {
  /** Segments from ST to SE inclusive. */
  maxSegmentsPerSet?: number | undefined;
  /** Levels of HL nesting: an HL whose parent chain is deeper is refused. */
  maxHlDepth?: number | undefined;
}

/**
 * The errors of a set that passes a partner's limits: the first segment past `maxSegmentsPerSet`
 * (AK304 5, segment exceeds maximum use) and the first HL nested deeper than `maxHlDepth` (AK304 4,
 * loop over maximum). Either rejects the set (AK5 R), which keeps a runaway file from being mapped
 * while its raw bytes stay stored. Empty when the set is within them.
 *
 * @example
 * setLimitDiagnostics(set, { maxSegmentsPerSet: 100_000, maxHlDepth: 6 }); // []
 */
export function setLimitDiagnostics(set: TransactionSet, limits: SetLimits): Diagnostic[] {
  const found: Diagnostic[] = [];
  const { maxSegmentsPerSet, maxHlDepth } = limits;
  if (maxSegmentsPerSet !== undefined && set.segments.length > maxSegmentsPerSet) {
    const over = set.segments[maxSegmentsPerSet];
    if (over !== undefined) {
      found.push(
        at(over, maxSegmentsPerSet + 1, {
          code: SegmentError.segmentOverMaximumUse,
          message: `transaction set ${set.controlNumber} has ${set.segments.length} segments, over the partner's limit of ${maxSegmentsPerSet} (limits.maxSegmentsPerSet); the set is rejected and the file kept`,
        }),
      );
    }
  }
  if (maxHlDepth !== undefined) {
    const depthOf = new Map<string, number>();
    for (const [index, segment] of set.segments.entries()) {
      if (segment.id !== 'HL') continue;
      const parent = segment.value(2);
      const depth = (parent === '' ? 0 : (depthOf.get(parent) ?? 0)) + 1;
      depthOf.set(segment.value(1), depth);
      if (depth > maxHlDepth) {
        found.push(
          at(segment, index + 1, {
            code: SegmentError.loopOverMaximum,
            message: `HL ${segment.value(1)} is nested ${depth} levels deep, over the partner's limit of ${maxHlDepth} (limits.maxHlDepth); the set is rejected and the file kept`,
          }),
        );
        break;
      }
    }
  }
  return found;
}

function at(
  segment: Segment,
  position: number,
  what: { code: SegmentErrorCode; message: string },
): Diagnostic {
  return {
    level: 'segment',
    severity: 'error',
    code: what.code,
    message: what.message,
    segmentId: segment.id,
    segmentPosition: position,
    fileSegmentIndex: segment.location.index,
    line: segment.location.line,
    column: segment.location.column,
  };
}
