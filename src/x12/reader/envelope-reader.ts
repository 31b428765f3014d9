import { COMMON_DELIMITERS, repetitionFromIsa11, type Delimiters } from '../delimiters.js';
import { GroupError, InterchangeNote, type InterchangeNoteCode } from '../codes.js';
import type { Diagnostic } from '../diagnostic.js';
import type { FunctionalGroup, Interchange, TransactionSet } from '../envelope.js';
import { Segment, type SegmentLocation } from '../segment.js';
import { at, checkIsa, unpad } from './isa-checks.js';
import { checkGe, checkGs, checkSetEnvelope, compareControlNumbers } from './group-checks.js';
import type { IsaScan } from './isa-header.js';
import type { TokenSink } from './tokenizer.js';
import { COUNT_MAX_LENGTH, countStates } from './count-element.js';

/** Where the reader hands what it has read. Every callback is optional. */
export interface ReaderHandlers {
  /** A transaction set with its segments, after envelope checks and the `validate` hook. */
  transactionSet?(set: TransactionSet): void;
  /** A functional group, closed, with every set's outcome. */
  group?(group: FunctionalGroup, interchange: Interchange): void;
  /** An interchange, closed (IEA read, or the file ended or a new ISA began without it). */
  interchange?(interchange: Interchange): void;
  /** A problem outside any interchange: not X12, empty, binary, text between interchanges. */
  fileDiagnostic?(diagnostic: Diagnostic): void;
}

export interface ReaderOptions {
  /** Runs on every transaction set before it is handed on; adds to `set.diagnostics`. */
  validate?: (set: TransactionSet) => void;
}

/** Envelope segments read by the reader itself, not by the set validator. */
const ENVELOPE_SEGMENTS = new Set(['GS', 'GE', 'IEA']);

/** Interchange-level service segments allowed between ISA and the first GS. */
const SERVICE_SEGMENTS = new Set(['TA1', 'ISB', 'ISE', 'TA3']);

/**
 * The envelope state machine: ISA > GS > ST ... SE > GE > IEA. It checks control numbers and
 * counts, closes what a truncated file leaves open with the matching "trailer missing" code, and
 * keeps only the envelope index once a transaction set has been handed on.
 */
export class EnvelopeReader implements TokenSink {
  private interchange: Interchange | undefined;
  private group: FunctionalGroup | undefined;
  private set: TransactionSet | undefined;
  private groupNumbers = new Set<string>();
  private setNumbers = new Set<string>();
  /** Set while skipping segments that have no open group or set to belong to. */
  private orphanReported = false;

  constructor(
    private readonly handlers: ReaderHandlers,
    private readonly options: ReaderOptions = {},
  ) {}

  isa(scan: IsaScan, isa: Segment): void {
    this.closeInterchange(undefined);
    this.interchange = newInterchange(isa, scan.delimiters, checkIsa(isa));
    this.groupNumbers = new Set();
    this.orphanReported = false;
  }

  badIsa(code: InterchangeNoteCode, message: string, location: SegmentLocation, elements?: string[]): void {
    this.closeInterchange(undefined);
    const diagnostic: Diagnostic = {
      level: 'interchange',
      severity: 'error',
      code,
      message,
      segmentId: 'ISA',
      line: location.line,
      column: location.column,
      fileSegmentIndex: location.index,
    };
    if (!elements || elements.length < 16) {
      this.handlers.fileDiagnostic?.(diagnostic);
      return;
    }
    // The ISA values are readable although its separators are not: a TA1 can still name it.
    const isa = new Segment('ISA', elements, COMMON_DELIMITERS, location);
    const interchange = newInterchange(isa, COMMON_DELIMITERS, [diagnostic]);
    this.handlers.interchange?.(interchange);
  }

  garbage(text: string, location: SegmentLocation, atFileStart: boolean): void {
    this.closeInterchange(undefined);
    this.handlers.fileDiagnostic?.(describeGarbage(text, location, atFileStart));
  }

  segment(segment: Segment): void {
    const interchange = this.interchange;
    if (!interchange) {
      this.handlers.fileDiagnostic?.({
        level: 'file',
        code: 'garbage',
        severity: 'error',
        message: `segment ${segment.id} outside any interchange`,
        ...at(segment),
      });
      return;
    }
    if (ENVELOPE_SEGMENTS.has(segment.id) && segment.text?.includes('\u0000')) {
      // Their values name the group and the sender on every document read: none may carry a NUL.
      interchange.diagnostics.push({
        level: 'interchange',
        severity: 'error',
        code: InterchangeNote.invalidContent,
        message: `segment ${segment.id} holds a NUL byte: binary data`,
        ...at(segment),
      });
    }
    switch (segment.id) {
      case 'GS':
        return this.openGroup(interchange, segment);
      case 'ST':
        return this.openSet(interchange, segment);
      case 'SE':
        if (this.set) {
          this.set.segments.push(segment);
          this.closeSet();
        } else this.orphan(interchange, segment);
        return;
      case 'GE':
        return this.closeGroup(segment);
      case 'IEA':
        return this.closeInterchange(segment);
    }
    if (this.set) this.set.segments.push(segment);
    else if (!this.group && SERVICE_SEGMENTS.has(segment.id)) {
      if (segment.id === 'TA1') interchange.ta1Segments?.push(segment);
    } else this.orphan(interchange, segment);
  }

  /** Closes whatever the end of the text leaves open. */
  end(): void {
    this.closeInterchange(undefined);
  }

  private openGroup(interchange: Interchange, gs: Segment): void {
    if (this.group) this.closeGroup(undefined);
    const checks = checkGs(gs);
    interchange.diagnostics.push(...checks.interchange);
    const group: FunctionalGroup = {
      header: gs,
      functionalId: gs.value(1),
      applicationSender: gs.value(2),
      applicationReceiver: gs.value(3),
      date: gs.value(4),
      time: gs.value(5),
      controlNumber: gs.value(6),
      agency: gs.value(7),
      version: gs.value(8),
      transactionSets: [],
      trailer: undefined,
      diagnostics: checks.group,
    };
    if (this.groupNumbers.has(group.controlNumber)) {
      group.diagnostics.push({
        level: 'group',
        severity: 'error',
        code: GroupError.controlNumberNotUnique,
        message: `GS06 '${group.controlNumber}' is used twice in interchange ${interchange.controlNumber}`,
        ...at(gs, 6),
      });
    }
    this.groupNumbers.add(group.controlNumber);
    interchange.groups.push(group);
    this.group = group;
    this.setNumbers = new Set();
    this.orphanReported = false;
  }

  private openSet(interchange: Interchange, st: Segment): void {
    if (this.set) this.closeSet();
    const group = this.group;
    if (!group) return this.orphan(interchange, st);
    this.set = {
      id: st.value(1),
      controlNumber: st.value(2),
      implementationReference: st.value(3) || undefined,
      segmentCount: 0,
      diagnostics: [],
      line: st.location.line,
      segments: [st],
      group,
      interchange,
    };
  }

  private closeSet(): void {
    const set = this.set;
    if (!set) return;
    this.set = undefined;
    set.segmentCount = set.segments.length;
    set.diagnostics.push(...checkSetEnvelope(set, set.group, this.setNumbers));
    this.options.validate?.(set);
    // The group keeps a summary only: the segments go with the set to whoever handles it.
    set.group.transactionSets.push({
      id: set.id,
      controlNumber: set.controlNumber,
      implementationReference: set.implementationReference,
      segmentCount: set.segmentCount,
      diagnostics: set.diagnostics,
      line: set.line,
    });
    this.handlers.transactionSet?.(set);
  }

  private closeGroup(ge: Segment | undefined): void {
    if (this.set) this.closeSet();
    const group = this.group;
    const interchange = this.interchange as Interchange;
    if (!group) {
      if (ge) this.orphan(interchange, ge);
      return;
    }
    this.group = undefined;
    if (ge) {
      group.trailer = ge;
      group.diagnostics.push(...checkGe(group, ge));
    } else {
      group.diagnostics.push({
        level: 'group',
        severity: 'error',
        code: GroupError.trailerMissing,
        message: `functional group ${group.controlNumber} has no GE trailer`,
        ...at(group.header),
      });
    }
    this.handlers.group?.(group, interchange);
  }

  private closeInterchange(iea: Segment | undefined): void {
    const interchange = this.interchange;
    if (!interchange) return;
    if (this.group || this.set) this.closeGroup(undefined);
    this.interchange = undefined;
    if (iea) {
      interchange.trailer = iea;
      const groups = interchange.groups.length;
      const ta1s = interchange.ta1Segments?.length ?? 0;
      // A trailer that disagrees with its header leaves the content intact: the interchange is
      // accepted with the error noted (TA1 E), as the standard's TA104 allows.
      // An interchange that only carries TA1s is often counted by its TA1s; accept either.
      const stated = (n: number) => countStates(iea.value(1), n, COUNT_MAX_LENGTH.IEA01);
      if (!stated(groups) && !(groups === 0 && stated(ta1s))) {
        interchange.diagnostics.push({
          level: 'interchange',
          severity: 'warning',
          code: InterchangeNote.invalidGroupCount,
          message: `IEA01 says ${iea.value(1) || 'nothing'} functional groups but the interchange holds ${groups}`,
          ...at(iea, 1),
        });
      }
      const match = compareControlNumbers(iea.value(2), interchange.controlNumber);
      if (match !== 'same') {
        const how =
          match === 'same-number'
            ? 'is the same number as ISA13 but not zero-padded'
            : 'does not match ISA13';
        interchange.diagnostics.push({
          level: 'interchange',
          severity: 'warning',
          code: InterchangeNote.controlNumberMismatch,
          message: `IEA02 '${iea.value(2)}' ${how} '${interchange.controlNumber}'`,
          ...at(iea, 2),
        });
      }
    } else {
      interchange.diagnostics.push({
        level: 'interchange',
        severity: 'error',
        code: InterchangeNote.prematureEndOfFile,
        message: `interchange ${interchange.controlNumber} has no IEA trailer: the file was cut short`,
        ...at(interchange.header),
      });
    }
    this.handlers.interchange?.(interchange);
  }

  private orphan(interchange: Interchange, segment: Segment): void {
    if (this.orphanReported) return;
    this.orphanReported = true;
    const where = this.group
      ? `inside group ${this.group.controlNumber} but outside any ST/SE`
      : 'outside any GS/GE group';
    // An empty id (the segment starts with the element separator) still gets a name to look for.
    const what = segment.id
      ? `segment ${segment.id}`
      : `a segment without an id (${JSON.stringify(`${segment.delimiters.element}${segment.text ?? ''}`.slice(0, 40))})`;
    interchange.diagnostics.push({
      level: 'interchange',
      severity: 'error',
      code: InterchangeNote.invalidControlStructure,
      message: `${what} stands ${where}`,
      ...at(segment),
    });
  }
}

function newInterchange(isa: Segment, delimiters: Delimiters, diagnostics: Diagnostic[]): Interchange {
  const v = (n: number) => isa.value(n);
  return {
    header: isa,
    delimiters: { ...delimiters, repetition: delimiters.repetition ?? repetitionFromIsa11(v(11), v(12)) },
    sender: { qualifier: unpad(v(5)), id: unpad(v(6)) },
    receiver: { qualifier: unpad(v(7)), id: unpad(v(8)) },
    date: v(9),
    time: v(10),
    version: v(12),
    controlNumber: v(13),
    ackRequested: v(14) === '1',
    usage: v(15),
    groups: [],
    ta1Segments: [],
    trailer: undefined,
    diagnostics,
  };
}

function describeGarbage(text: string, location: SegmentLocation, atFileStart: boolean): Diagnostic {
  const where = { line: location.line, column: location.column };
  const sample = JSON.stringify(text.slice(0, 40));
  // eslint-disable-next-line no-control-regex -- control characters are exactly what marks binary data
  if (/[\u0000-\u0008\u000e-\u001f\ufffd]/u.test(text.slice(0, 512))) {
    return {
      level: 'file',
      code: 'binary',
      severity: 'error',
      message: `binary data where an ISA segment was expected (starts ${sample})`,
      ...where,
    };
  }
  if (atFileStart) {
    const firstLine = text.split(/\r?\n/)[0] ?? '';
    const kind = /^[^,;\t]+([,;\t][^,;\t]*){2,}$/.test(firstLine)
      ? 'delimited text (CSV?)'
      : /^\s*[{[<]/.test(text)
        ? 'JSON or XML'
        : 'text';
    return {
      level: 'file',
      code: 'not-x12',
      severity: 'error',
      message: `not X12: the file does not start with an ISA segment; it looks like ${kind} (starts ${sample})`,
      ...where,
    };
  }
  return {
    level: 'file',
    code: 'garbage',
    severity: 'error',
    message: `text between interchanges is not X12 and was skipped (starts ${sample})`,
    ...where,
  };
}
