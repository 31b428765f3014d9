import { ElementError, GroupError, InterchangeNote, SegmentError, TransactionSetError } from './codes.js';
import type { Diagnostic, DiagnosticLevel } from './diagnostic.js';

const FILE_CODES: readonly string[] = ['not-x12', 'empty', 'binary', 'garbage'];

const CODES: Record<DiagnosticLevel, readonly string[]> = {
  file: FILE_CODES,
  interchange: Object.values(InterchangeNote),
  group: Object.values(GroupError),
  transaction: Object.values(TransactionSetError),
  segment: Object.values(SegmentError),
  element: Object.values(ElementError),
};

/**
 * Whether a person, or the partner's translator, can act on a diagnostic: it carries a standard
 * code of its level and says where the problem is, as far as its level can say.
 *
 * - `file`: the text is not X12 at all; the place where that text starts (line) is named, except
 *   for an empty file, which has no place.
 * - `interchange`: a TA1 note code other than `000` (the envelope-level reason) and the envelope
 *   segment it was found in (`ISA`, `IEA`, or the segment that broke the structure), or the line
 *   of a segment that has no id to name.
 * - `group`: an AK9 code and the GS or GE it concerns.
 * - `transaction`: an AK5 code and the segment, by its place in the set or in the file.
 * - `segment`: an AK3 code, the segment id (empty for a segment sent without one) and its
 *   position in the set (AK301/AK302).
 * - `element`: an AK4 code, the segment id and position, and the element position (AK401).
 *
 * Every rejection must be explained by at least one specific error ({@link explainsRejection}):
 * the property tests and the fuzz run (`npm run fuzz`) hold the reader and mapping to it.
 *
 * @example
 * isSpecific({ level: 'element', severity: 'error', code: '7', message: 'BEG01 ...', segmentId: 'BEG', segmentPosition: 2, elementPosition: 1 }); // true
 * isSpecific({ level: 'transaction', severity: 'error', code: '5', message: 'errors' }); // false: where?
 */
export function isSpecific(d: Diagnostic): boolean {
  if (d.message.trim() === '' || !CODES[d.level].includes(d.code)) return false;
  const named = d.segmentId !== undefined && d.segmentId !== '';
  switch (d.level) {
    case 'file':
      return d.code === 'empty' || d.line !== undefined;
    case 'interchange':
      return d.code !== InterchangeNote.noError && (named || d.line !== undefined);
    case 'group':
      return named;
    case 'transaction':
      return named && (d.segmentPosition !== undefined || d.fileSegmentIndex !== undefined);
    // A segment sent without an id (`~*A*B~`) has none to name; its position names it (AK302).
    case 'segment':
      return d.segmentId !== undefined && d.segmentPosition !== undefined;
    case 'element':
      return d.segmentId !== undefined && d.segmentPosition !== undefined && d.elementPosition !== undefined;
  }
}

/** Whether a rejection is explained: at least one of the errors found is {@link isSpecific}. */
export function explainsRejection(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error' && isSpecific(d));
}
