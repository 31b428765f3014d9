import type {
  ElementErrorCode,
  GroupErrorCode,
  InterchangeNoteCode,
  SegmentErrorCode,
  TransactionSetErrorCode,
} from './codes.js';

/**
 * One problem found in a file. Readers and validators collect these instead of throwing, so that
 * a 997/999, a TA1, a CLI error line and a support page are all built from the same object.
 *
 * `level` says which acknowledgement field the `code` belongs in:
 * - `interchange`: TA105 note code;
 * - `group`: AK905-AK909;
 * - `transaction`: AK502-AK506 / IK502-IK506;
 * - `segment`: AK304 / IK304;
 * - `element`: AK403 / IK403 (the segment it sits in gets AK304 = 8).
 */
export type Diagnostic =
  | (DiagnosticBase & { level: 'file'; code: 'not-x12' | 'empty' | 'binary' | 'garbage' })
  | (DiagnosticBase & { level: 'interchange'; code: InterchangeNoteCode })
  | (DiagnosticBase & { level: 'group'; code: GroupErrorCode })
  | (DiagnosticBase & { level: 'transaction'; code: TransactionSetErrorCode })
  | (DiagnosticBase & { level: 'segment'; code: SegmentErrorCode })
  | (DiagnosticBase & { level: 'element'; code: ElementErrorCode });

export type DiagnosticLevel = Diagnostic['level'];

export interface DiagnosticBase {
  /** `error` rejects what it sits in; `warning` is reported and accepted. */
  severity: 'error' | 'warning';
  /** A sentence a person can act on: what is wrong, where, and what was expected. */
  message: string;
  /** Segment id where the problem is (`BEG`), or the envelope segment (`ISA`, `GS`, `SE`...). */
  segmentId?: string;
  /** 1-based position of the segment in its transaction set, ST being 1 (AK302/IK302). */
  segmentPosition?: number;
  /** 1-based ordinal of the segment in the file. */
  fileSegmentIndex?: number;
  line?: number;
  column?: number;
  /** Loop identifier (AK303/IK303), the loop's first segment id. */
  loopId?: string;
  /** 1-based element position in the segment (AK401/IK401-1). */
  elementPosition?: number;
  /** 1-based component position in a composite (AK401-2). */
  componentPosition?: number;
  /** 1-based repetition number of a repeated element (AK401-3). */
  repetitionPosition?: number;
  /** Data element reference number (AK402/IK402), e.g. `353`. */
  elementRef?: string;
  /** Copy of the bad data element (AK404/IK404). */
  value?: string;
  /**
   * For a conditional requirement (a syntax note), the element whose presence made this one
   * required: the 999 reports it in a CTX segment context.
   */
  trigger?: { segmentId: string; segmentPosition: number; loopId?: string; elementPosition: number };
}

/** One line for a person: where, what code, why. */
export function formatDiagnostic(d: Diagnostic, source?: string): string {
  const where: string[] = [];
  if (source) where.push(source);
  if (d.line !== undefined) where.push(`line ${d.line}${d.column !== undefined ? `:${d.column}` : ''}`);
  if (d.segmentId) {
    const pos = d.segmentPosition !== undefined ? ` (position ${d.segmentPosition} in set)` : '';
    where.push(`segment ${d.segmentId}${pos}`);
  }
  if (d.elementPosition !== undefined) {
    const id = `${d.segmentId ?? ''}${String(d.elementPosition).padStart(2, '0')}`;
    const comp = d.componentPosition !== undefined ? `-${d.componentPosition}` : '';
    where.push(`element ${id}${comp}${d.elementRef ? ` (${d.elementRef})` : ''}`);
  }
  const tag = d.level === 'file' ? d.code : `${codeField(d.level)} ${d.code}`;
  return `${d.severity}: ${where.join(', ')}${where.length ? ': ' : ''}[${tag}] ${d.message}`;
}

function codeField(level: Exclude<DiagnosticLevel, 'file'>): string {
  switch (level) {
    case 'interchange':
      return 'TA1';
    case 'group':
      return 'AK9';
    case 'transaction':
      return 'AK5';
    case 'segment':
      return 'AK3';
    case 'element':
      return 'AK4';
  }
}
