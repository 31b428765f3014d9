import type { Draft, PurchaseOrderLine } from '../../../canonical/index.js';
import type { LoopInstance, Segment } from '../../../x12/index.js';
import type { ElementReader } from '../element-reader.js';
import { readLineDetails } from '../readers/line-details.js';
import { loopStart } from '../readers/loop-navigation.js';
import { readProductIds } from '../readers/product-ids.js';

/** The PO1 segment itself, as 850 and 855 both send it. */
export function readPo1(po1: Segment, index: number, elements: ElementReader) {
  const { ids, productIds } = readProductIds(po1, 6, 25, elements);
  return {
    // PO101 is optional; the line's position keeps lines addressable in replies and rules.
    lineNumber: elements.text(po1, 1) ?? String(index + 1),
    quantity: elements.real(po1, 2),
    uom: elements.text(po1, 3),
    unitPrice: elements.real(po1, 4),
    priceBasis: elements.text(po1, 5),
    ids,
    productIds,
  };
}

/** One PO1 loop of an 850 with its PID, PO4, SAC, TXI, SCH, DTM, REF, N1 and MSG children. */
export function readOrderLine(
  loop: LoopInstance,
  index: number,
  elements: ElementReader,
): Draft<PurchaseOrderLine> {
  const po1 = loopStart(loop);
  if (!po1) return {};
  return { ...readPo1(po1, index, elements), ...readLineDetails(loop, elements) };
}
