import type {
  Draft,
  ElementErrorReport,
  ErrorContext,
  FunctionalAck,
  SegmentErrorReport,
  SetAcknowledgment,
} from '../../../canonical/index.js';
import { firstSegment, segmentsOf, type LoopInstance, type Segment } from '../../../x12/index.js';
import { ackStatuses } from '../../codes/index.js';
import type { ElementReader } from '../element-reader.js';
import { iterations, loopStart, nonEmpty } from '../readers/loop-navigation.js';
import type { DocumentHeader } from '../transaction-set-mapper.js';

/** Segment ids that differ between the 997 and the 999; the rest of the two is the same. */
export interface AckSegments {
  standard: '997' | '999';
  segmentError: 'AK3' | 'IK3';
  elementError: 'AK4' | 'IK4';
  setResponse: 'AK5' | 'IK5';
}

/** AK1 (the group acknowledged), the AK2 loops, AK9 (the group's verdict and counts). */
export function readFunctionalAck(
  tree: LoopInstance,
  ids: AckSegments,
  header: DocumentHeader,
  elements: ElementReader,
): Draft<FunctionalAck> | undefined {
  const ak1 = firstSegment(tree, 'AK1');
  if (!ak1) {
    elements.missing(
      'AK1',
      `the acknowledged group is named in AK1; this ${ids.standard} acknowledges nothing`,
    );
    return undefined;
  }
  const ak9 = firstSegment(tree, 'AK9');
  return {
    type: 'functional_ack',
    ...header,
    standard: ids.standard,
    group: {
      functionalId: elements.text(ak1, 1),
      controlNumber: elements.text(ak1, 2),
      version: elements.text(ak1, 3),
    },
    sets: iterations(tree, 'AK2').map((loop) => readSetAck(loop, ids, elements)),
    groupStatus: ak9 && elements.coded(ak9, 1, ackStatuses),
    groupStatusCode: ak9 && elements.text(ak9, 1),
    setsIncluded: ak9 && elements.count(ak9, 2),
    setsReceived: ak9 && elements.count(ak9, 3),
    setsAccepted: ak9 && elements.count(ak9, 4),
    groupErrorCodes: ak9 ? codesIn(ak9, 5, 9, elements) : [],
  };
}

/** AK2 loop: the set named, its AK3/IK3 segment errors and its AK5/IK5 verdict. */
function readSetAck(loop: LoopInstance, ids: AckSegments, elements: ElementReader): Draft<SetAcknowledgment> {
  const ak2 = loopStart(loop);
  const response = firstSegment(loop, ids.setResponse);
  return {
    transactionSetId: ak2 && elements.text(ak2, 1),
    controlNumber: ak2 && elements.text(ak2, 2),
    implementationReference: ak2 && elements.text(ak2, 3),
    status: response && elements.coded(response, 1, ackStatuses),
    statusCode: response && elements.text(response, 1),
    errorCodes: response ? codesIn(response, 2, 6, elements) : [],
    segmentErrors: iterations(loop, ids.segmentError).map((l) => readSegmentError(l, ids, elements)),
  };
}

/** AK3/IK3: segment id, position in set, loop id, error code; then its AK4/IK4 and (999) CTX. */
function readSegmentError(
  loop: LoopInstance,
  ids: AckSegments,
  elements: ElementReader,
): Draft<SegmentErrorReport> {
  const ak3 = loopStart(loop);
  return {
    segmentId: ak3 && elements.text(ak3, 1),
    segmentPosition: ak3 && elements.count(ak3, 2),
    loopId: ak3 && elements.text(ak3, 3),
    code: ak3 && elements.text(ak3, 4),
    contexts: nonEmpty(segmentsOf(loop, 'CTX').map((ctx) => readContext(ctx, elements))),
    elementErrors: iterations(loop, ids.elementError).map((l) => readElementError(l, elements)),
  };
}

/** AK4/IK4: the position composite (element, component, repetition), element number, code, copy of the data. */
function readElementError(loop: LoopInstance, elements: ElementReader): Draft<ElementErrorReport> {
  const ak4 = loopStart(loop);
  if (!ak4) return {};
  return {
    elementPosition: elements.count(ak4, 1, 1),
    componentPosition: elements.count(ak4, 1, 2),
    repetitionPosition: elements.count(ak4, 1, 3),
    elementRef: numericText(ak4, 2, elements),
    code: elements.text(ak4, 3),
    value: ak4.has(4) ? ak4.value(4) : undefined,
    contexts: nonEmpty(segmentsOf(loop, 'CTX').map((ctx) => readContext(ctx, elements))),
  };
}

/** CTX (999): context name and reference, then where in the acknowledged set it points. */
function readContext(ctx: Segment, elements: ElementReader): Draft<ErrorContext> {
  return {
    name: elements.component(ctx, 1, 1),
    reference: elements.component(ctx, 1, 2),
    segmentId: elements.text(ctx, 2),
    segmentPosition: elements.count(ctx, 3),
    loopId: elements.text(ctx, 4),
    elementPosition: elements.count(ctx, 5, 1),
    componentPosition: elements.count(ctx, 5, 2),
    repetitionPosition: elements.count(ctx, 5, 3),
    elementRef: numericText(ctx, 6, elements, 1),
  };
}

/** Error codes sent in elements `from`..`to` (AK502-AK506, AK905-AK909), in order. */
function codesIn(segment: Segment, from: number, to: number, elements: ElementReader): string[] {
  const codes: string[] = [];
  for (let position = from; position <= to; position++) {
    const code = elements.text(segment, position);
    if (code !== undefined) codes.push(code);
  }
  return codes;
}

/** A data element reference number, kept as text (`0066` must stay `0066`) but checked to be digits. */
function numericText(
  segment: Segment,
  position: number,
  elements: ElementReader,
  component?: number,
): string | undefined {
  const raw =
    component === undefined
      ? elements.text(segment, position)
      : elements.component(segment, position, component);
  if (raw === undefined) return undefined;
  return elements.count(segment, position, component) === undefined ? undefined : raw;
}
