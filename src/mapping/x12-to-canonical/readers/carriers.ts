import type { Carrier, Draft } from '../../../canonical/index.js';
import { segmentsOf, type LoopInstance, type Segment } from '../../../x12/index.js';
import { transportModes } from '../../codes/index.js';
import type { ElementReader } from '../element-reader.js';

/** Every TD5 directly inside `loop`, in routing order. */
export function readCarriers(loop: LoopInstance, elements: ElementReader): Draft<Carrier>[] {
  return segmentsOf(loop, 'TD5').map((td5) => readTd5(td5, elements));
}

/** TD5: TD502 `2` means TD503 is a SCAC. */
export function readTd5(td5: Segment, elements: ElementReader): Draft<Carrier> {
  const qualifier = elements.text(td5, 2);
  const identifier = elements.text(td5, 3);
  const modeCode = elements.text(td5, 4);
  return {
    routingSequence: elements.text(td5, 1),
    scac: qualifier === '2' ? identifier : undefined,
    identifierQualifier: qualifier === '2' ? undefined : qualifier,
    identifier: qualifier === '2' ? undefined : identifier,
    mode: transportModes.toCanonical(modeCode),
    modeCode,
    routing: elements.text(td5, 5),
    serviceLevel: elements.text(td5, 12),
  };
}
