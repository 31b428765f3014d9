import type { Delimiters } from '../../../src/x12/delimiters.js';
import type { Diagnostic, DiagnosticBase } from '../../../src/x12/diagnostic.js';
import type { FunctionalGroup, Interchange, TransactionSetSummary } from '../../../src/x12/envelope.js';
import { Segment, type SegmentLocation } from '../../../src/x12/segment.js';

/** Hand-built interchanges for acknowledgement tests: only what the builder reads is meaningful. */

export const STARS: Delimiters = { element: '*', repetition: undefined, component: '>', segment: '~' };
export const PIPES: Delimiters = { element: '|', repetition: '^', component: ':', segment: '~' };

export interface SetSpec {
  id?: string;
  controlNumber?: string;
  implementationReference?: string;
  diagnostics?: Diagnostic[];
}

export interface GroupSpec {
  functionalId?: string;
  controlNumber?: string;
  applicationSender?: string;
  applicationReceiver?: string;
  version?: string;
  sets?: SetSpec[];
  diagnostics?: Diagnostic[];
  /** GE01 as sent; `null` for a group cut off before its GE. Default: the number of sets. */
  ge01?: string | null;
}

export interface InterchangeSpec {
  delimiters?: Delimiters;
  version?: string;
  sender?: { qualifier: string; id: string };
  receiver?: { qualifier: string; id: string };
  controlNumber?: string;
  ackRequested?: boolean;
  usage?: string;
  date?: string;
  time?: string;
  diagnostics?: Diagnostic[];
  groups?: GroupSpec[];
}

let segmentIndex = 0;
function location(): SegmentLocation {
  segmentIndex++;
  return { index: segmentIndex, line: segmentIndex, column: 1, offset: 0 };
}

export function buildInterchange(spec: InterchangeSpec = {}): Interchange {
  const delimiters = spec.delimiters ?? STARS;
  const version = spec.version ?? '00401';
  const sender = spec.sender ?? { qualifier: 'ZZ', id: 'ACME' };
  const receiver = spec.receiver ?? { qualifier: 'ZZ', id: 'GATEWAY' };
  const controlNumber = spec.controlNumber ?? '000000101';
  const date = spec.date ?? '240314';
  const time = spec.time ?? '1200';
  const ackRequested = spec.ackRequested ?? false;
  const usage = spec.usage ?? 'P';
  const isa = [
    '00',
    ''.padEnd(10),
    '00',
    ''.padEnd(10),
    sender.qualifier,
    sender.id.padEnd(15),
    receiver.qualifier,
    receiver.id.padEnd(15),
    date,
    time,
    delimiters.repetition ?? 'U',
    version,
    controlNumber,
    ackRequested ? '1' : '0',
    usage,
    delimiters.component,
  ];
  const groups = (spec.groups ?? []).map((g) => buildGroup(g, delimiters));
  return {
    header: new Segment('ISA', isa, delimiters, location()),
    delimiters,
    sender,
    receiver,
    date,
    time,
    version,
    controlNumber,
    ackRequested,
    usage,
    groups,
    trailer: new Segment('IEA', [String(groups.length), controlNumber], delimiters, location()),
    diagnostics: spec.diagnostics ?? [],
  };
}

function buildGroup(spec: GroupSpec, delimiters: Delimiters): FunctionalGroup {
  const functionalId = spec.functionalId ?? 'PO';
  const controlNumber = spec.controlNumber ?? '42';
  const applicationSender = spec.applicationSender ?? 'ACMEAPP';
  const applicationReceiver = spec.applicationReceiver ?? 'GWAPP';
  const version = spec.version ?? '004010';
  const sets = (spec.sets ?? [{}]).map((s, i) => buildSet(s, i));
  const gs = [
    functionalId,
    applicationSender,
    applicationReceiver,
    '20240314',
    '1200',
    controlNumber,
    'X',
    version,
  ];
  const ge01 = spec.ge01 === undefined ? String(sets.length) : spec.ge01;
  return {
    header: new Segment('GS', gs, delimiters, location()),
    functionalId,
    applicationSender,
    applicationReceiver,
    date: '20240314',
    time: '1200',
    controlNumber,
    agency: 'X',
    version,
    transactionSets: sets,
    trailer: ge01 === null ? undefined : new Segment('GE', [ge01, controlNumber], delimiters, location()),
    diagnostics: spec.diagnostics ?? [],
  };
}

function buildSet(spec: SetSpec, index: number): TransactionSetSummary {
  return {
    id: spec.id ?? '850',
    controlNumber: spec.controlNumber ?? String(index + 1).padStart(4, '0'),
    implementationReference: spec.implementationReference,
    segmentCount: 5,
    diagnostics: spec.diagnostics ?? [],
    line: index + 3,
  };
}

type Where = Omit<DiagnosticBase, 'severity' | 'message'>;
type Severity = DiagnosticBase['severity'];
type CodeOf<L extends Diagnostic['level']> = Extract<Diagnostic, { level: L }>['code'];

/** Diagnostics as the reader and validators would report them. */
export const finding = {
  interchange: (code: CodeOf<'interchange'>, severity: Severity = 'error'): Diagnostic => ({
    level: 'interchange',
    code,
    severity,
    message: `interchange problem ${code}`,
    segmentId: 'ISA',
  }),
  group: (code: CodeOf<'group'>, severity: Severity = 'error'): Diagnostic => ({
    level: 'group',
    code,
    severity,
    message: `group problem ${code}`,
    segmentId: 'GE',
  }),
  transaction: (code: CodeOf<'transaction'>, severity: Severity = 'error'): Diagnostic => ({
    level: 'transaction',
    code,
    severity,
    message: `set problem ${code}`,
    segmentId: 'SE',
  }),
  segment: (code: CodeOf<'segment'>, where: Where, severity: Severity = 'error'): Diagnostic => ({
    level: 'segment',
    code,
    severity,
    message: `segment problem ${code}`,
    ...where,
  }),
  element: (code: CodeOf<'element'>, where: Where, severity: Severity = 'error'): Diagnostic => ({
    level: 'element',
    code,
    severity,
    message: `element problem ${code}`,
    ...where,
  }),
};

/** The segments of an X12 text, terminators and line breaks removed. */
export function segmentsOf(x12: string | undefined, delimiters: Delimiters = STARS): string[] {
  if (x12 === undefined) throw new Error('expected X12 output, got none');
  return x12
    .split(delimiters.segment)
    .map((s) => s.replace(/^[\r\n]+/, ''))
    .filter((s) => s !== '');
}

/** The segments strictly between the first ST and its SE. */
export function setBody(x12: string | undefined, delimiters: Delimiters = STARS): string[] {
  const segments = segmentsOf(x12, delimiters);
  const start = segments.findIndex((s) => s.startsWith(`ST${delimiters.element}`));
  const end = segments.findIndex((s) => s.startsWith(`SE${delimiters.element}`));
  return segments.slice(start + 1, end);
}
