import type { Draft, PaymentTerms } from '../../../canonical/index.js';
import { segmentsOf, type LoopInstance, type Segment } from '../../../x12/index.js';
import type { ElementReader } from '../element-reader.js';

/** Every ITD directly inside `loop`. */
export function readTerms(loop: LoopInstance, elements: ElementReader): Draft<PaymentTerms>[] {
  return segmentsOf(loop, 'ITD').map((itd) => readItd(itd, elements));
}

/** ITD: percent is R, the discount amount N2, days N0. */
export function readItd(itd: Segment, elements: ElementReader): Draft<PaymentTerms> {
  return {
    typeCode: elements.text(itd, 1),
    basisDateCode: elements.text(itd, 2),
    discountPercent: elements.real(itd, 3),
    discountDueDate: elements.date(itd, 4),
    discountDays: elements.count(itd, 5),
    netDueDate: elements.date(itd, 6),
    netDays: elements.count(itd, 7),
    discountAmount: elements.implied(itd, 8, 2),
    description: elements.text(itd, 12),
    dayOfMonth: elements.count(itd, 13),
  };
}
