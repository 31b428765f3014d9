import type { Diagnostic, Segment } from '../../x12/index.js';
import { createX12Reader } from '../../x12/index.js';

/** Files up to this size carry their bytes in `show` (base64); larger ones are fetched with raw. */
export const MAX_INLINE_RAW_BYTES = 1024 * 1024;
/** Segments `show` lists at most; the rest are counted. */
export const MAX_SHOWN_SEGMENTS = 5000;

/** One segment of a stored file, as a person reads it. */
export interface SegmentView {
  /** 1-based ordinal in the file. */
  position: number;
  line: number;
  id: string;
  /** Element values as sent; index 0 holds element 01. */
  elements: string[];
}

/** One problem the reader or validator found, with where it is and its X12 code. */
export interface DiagnosticView {
  severity: 'error' | 'warning';
  level: Diagnostic['level'];
  /** The X12 code for the level (TA1 note, AK5/IK5, AK3/IK3, AK4/IK4 code...). */
  code: string;
  message: string;
  segmentId?: string;
  /** 1-based position of the segment in its transaction set, ST being 1. */
  segmentPosition?: number;
  /** 1-based ordinal of the segment in the file. */
  filePosition?: number;
  line?: number;
  elementPosition?: number;
  /** The set it sits in (ST01/ST02), when it sits in one. */
  transactionSet?: { id: string; controlNumber: string };
}

/** What the project's reader makes of a stored file: its segments and every diagnostic. */
export interface FileReading {
  segments: SegmentView[];
  /** How many segments the file has, listed or not. */
  segmentCount: number;
  diagnostics: DiagnosticView[];
}

/**
 * Reads a stored file segment by segment with the X12 reader and validator, keeping at most
 * {@link MAX_SHOWN_SEGMENTS} segments in file order (envelopes included) and every diagnostic.
 *
 * @example
 * const { segments, diagnostics } = readFileForShow(stored.payload);
 * segments[0]?.id; // 'ISA'
 */
export function readFileForShow(bytes: Uint8Array): FileReading {
  const kept: Segment[] = [];
  let segmentCount = 0;
  const diagnostics: DiagnosticView[] = [];
  const keep = (segment: Segment | undefined) => {
    if (segment === undefined) return;
    segmentCount++;
    if (kept.length < MAX_SHOWN_SEGMENTS) kept.push(segment);
  };
  const reader = createX12Reader({
    transactionSet(set) {
      set.segments.forEach(keep);
      const where = { id: set.id, controlNumber: set.controlNumber };
      diagnostics.push(...set.diagnostics.map((d) => view(d, where)));
    },
    group(group) {
      keep(group.header);
      keep(group.trailer);
      diagnostics.push(...group.diagnostics.map((d) => view(d)));
    },
    interchange(interchange) {
      keep(interchange.header);
      interchange.ta1Segments?.forEach(keep);
      keep(interchange.trailer);
      diagnostics.push(...interchange.diagnostics.map((d) => view(d)));
    },
    fileDiagnostic(d) {
      diagnostics.push(view(d));
    },
  });
  reader.push(bytes);
  reader.end();
  // Envelope segments arrive when their unit closes; the file's order is their location.
  kept.sort((a, b) => a.location.index - b.location.index);
  const segments = kept.slice(0, MAX_SHOWN_SEGMENTS).map((s) => ({
    position: s.location.index,
    line: s.location.line,
    id: s.id,
    elements: [...s.elements],
  }));
  return { segments, segmentCount, diagnostics };
}

function view(d: Diagnostic, transactionSet?: { id: string; controlNumber: string }): DiagnosticView {
  return {
    severity: d.severity,
    level: d.level,
    code: String(d.code),
    message: d.message,
    ...(d.segmentId === undefined ? {} : { segmentId: d.segmentId }),
    ...(d.segmentPosition === undefined ? {} : { segmentPosition: d.segmentPosition }),
    ...(d.fileSegmentIndex === undefined ? {} : { filePosition: d.fileSegmentIndex }),
    ...(d.line === undefined ? {} : { line: d.line }),
    ...(d.elementPosition === undefined ? {} : { elementPosition: d.elementPosition }),
    ...(transactionSet === undefined ? {} : { transactionSet }),
  };
}
