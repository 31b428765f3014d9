import type { Delimiters } from './delimiters.js';
import {
  gsSegment,
  isaElements,
  type GroupHeaderValues,
  type InterchangeHeaderValues,
} from './writer-envelope.js';
import { X12WriteError } from './writer-error.js';
import { effectiveDelimiters, segmentText, type SegmentValues } from './writer-segment.js';

export type { GroupHeaderValues, InterchangeHeaderValues } from './writer-envelope.js';
export { X12WriteError, type X12WriteErrorCode, type X12WriteLocation } from './writer-error.js';
export type { ElementValue, SegmentValues } from './writer-segment.js';

/** One functional group to write: its GS values and its transaction sets. */
export interface OutboundGroup extends GroupHeaderValues {
  /** Each set's segments, ST first, without SE (the writer counts and adds it). */
  readonly transactionSets: readonly (readonly SegmentValues[])[];
}

/** One interchange to write. */
export interface OutboundInterchange {
  readonly delimiters: Delimiters;
  readonly header: InterchangeHeaderValues;
  /** TA1 segments, written right after the ISA and before the first GS. */
  readonly interchangeAcknowledgements?: readonly SegmentValues[];
  readonly groups: readonly OutboundGroup[];
}

export interface WriteOptions {
  /** Put a newline after every segment terminator, for people who read the file. Default false. */
  readonly segmentNewline?: boolean;
}

const ENVELOPE_IDS = new Set(['ISA', 'IEA', 'GS', 'GE', 'ST', 'SE', 'TA1']);

/**
 * Serializes one outbound interchange. The writer pads the ISA to its fixed widths, puts the
 * repetition separator in ISA11 from version 00402 on (`U` before), and computes SE, GE and IEA
 * (SE01 counts ST to SE; GE01 the sets; IEA01 the groups). A value that contains a separator is
 * refused with an {@link X12WriteError} naming the segment and element: there is no escape
 * mechanism in X12, so writing it would silently shift every element after it.
 *
 * @example
 * const x12 = writeInterchange({
 *   delimiters: { element: '*', repetition: undefined, component: '>', segment: '~' },
 *   header: {
 *     sender: { qualifier: 'ZZ', id: 'GATEWAY' }, receiver: { qualifier: 'ZZ', id: 'ACME' },
 *     date: '240315', time: '0930', version: '00401', controlNumber: 17, ackRequested: false, usage: 'P',
 *   },
 *   groups: [{
 *     functionalId: 'PR', applicationSender: 'GATEWAY', applicationReceiver: 'ACME',
 *     date: '20240315', time: '0930', controlNumber: 17, version: '004010',
 *     transactionSets: [[['ST', '855', '0001'], ['BAK', '00', 'AC', 'PO123', '20240315']]],
 *   }],
 * });
 * // ISA*00*          *00*          *ZZ*GATEWAY        *ZZ*ACME           *240315*0930*U*00401*000000017*0*P*>~
 * // GS*PR*GATEWAY*ACME*20240315*0930*17*X*004010~ST*855*0001~BAK*00*AC*PO123*20240315~SE*3*0001~GE*1*17~IEA*1*000000017~
 */
export function writeInterchange(interchange: OutboundInterchange, options: WriteOptions = {}): string {
  // Own serializer: node-x12 1.7 writes values containing a separator unchecked, keeps trailing
  // empty elements, replaces ISA16 with its own default and has no place for a TA1 before the GS.
  const delimiters = effectiveDelimiters(interchange.delimiters, interchange.header.version);
  const isa = isaElements(interchange.header, delimiters);
  const lineEnd = options.segmentNewline && !/[\r\n]/.test(delimiters.segment) ? '\n' : '';
  const out: string[] = [];
  const emit = (text: string) => out.push(text + delimiters.segment + lineEnd);

  emit(['ISA', ...isa].join(delimiters.element));
  for (const ta1 of interchange.interchangeAcknowledgements ?? []) {
    if (ta1[0] !== 'TA1')
      throw X12WriteError.invalidStructure(ta1[0], 'only TA1 segments may stand between ISA and GS');
    emit(segmentText(ta1, delimiters));
  }
  for (const group of interchange.groups) {
    const gs = gsSegment(group);
    emit(segmentText(gs, delimiters));
    for (const set of group.transactionSets) {
      for (const segment of transactionSetSegments(set)) emit(segmentText(segment, delimiters));
    }
    emit(segmentText(['GE', String(group.transactionSets.length), String(group.controlNumber)], delimiters));
  }
  emit(segmentText(['IEA', String(interchange.groups.length), isa[12] as string], delimiters));
  return out.join('');
}

/** The set's segments followed by its SE, after checking that ST opens it and nothing closes it early. */
function transactionSetSegments(set: readonly SegmentValues[]): SegmentValues[] {
  const st = set[0];
  if (st === undefined || st[0] !== 'ST') {
    throw X12WriteError.invalidStructure(st?.[0] ?? 'ST', 'a transaction set must start with its ST segment');
  }
  const controlNumber = st[2];
  if (typeof controlNumber !== 'string' || !/^[0-9A-Za-z]{4,9}$/.test(controlNumber)) {
    throw X12WriteError.invalidValue(
      { segmentId: 'ST', elementPosition: 2 },
      String(controlNumber ?? ''),
      '4 to 9 letters or digits',
    );
  }
  for (const segment of set.slice(1)) {
    if (ENVELOPE_IDS.has(segment[0])) {
      throw X12WriteError.invalidStructure(
        segment[0],
        `not allowed inside a transaction set (ST ${controlNumber}); the writer adds SE itself`,
      );
    }
  }
  return [...set, ['SE', String(set.length + 1), controlNumber]];
}
