import type {
  Draft,
  LineStatusItem,
  PurchaseOrderAck,
  PurchaseOrderAckLine,
} from '../../../canonical/index.js';
import { firstSegment, segmentsOf, type LoopInstance, type Segment } from '../../../x12/index.js';
import { ackTypes, dateQualifiers, lineStatuses, purposes } from '../../codes/index.js';
import type { ElementReader } from '../element-reader.js';
import { sentCurrency } from '../readers/currency.js';
import { readDates } from '../readers/dates.js';
import { readLineDetails } from '../readers/line-details.js';
import { iterations, loopStart, nonEmpty, starts } from '../readers/loop-navigation.js';
import { readNotes } from '../readers/notes.js';
import { readContact, readParties } from '../readers/parties.js';
import { readProductIds } from '../readers/product-ids.js';
import { readReferences } from '../readers/references.js';
import type { TransactionSetMapper } from '../transaction-set-mapper.js';
import { readPo1 } from './order-line.js';

/** 855 purchase order acknowledgment -> `purchase_order_ack`. */
export const purchaseOrderAckMapper: TransactionSetMapper = {
  transactionSetIds: ['855'],
  documentType: 'purchase_order_ack',
  map({ tree, elements, header }): Draft<PurchaseOrderAck> | undefined {
    const bak = firstSegment(tree, 'BAK');
    if (!bak) {
      elements.missing(
        'BAK',
        'the acknowledged purchase order and the acknowledgment type are read from BAK',
      );
      return undefined;
    }
    const purposeCode = elements.text(bak, 1);
    const ackTypeCode = elements.text(bak, 2);
    const [ctt] = starts(tree, 'CTT');
    return {
      type: 'purchase_order_ack',
      ...header,
      poNumber: elements.text(bak, 3),
      poDate: elements.date(bak, 4),
      purpose: purposes.toCanonical(purposeCode),
      purposeCode,
      ackType: ackTypes.toCanonical(ackTypeCode),
      ackTypeCode,
      releaseNumber: elements.text(bak, 5),
      requestReference: elements.text(bak, 6),
      contractNumber: elements.text(bak, 7),
      sellerOrderNumber: elements.text(bak, 8),
      ackDate: elements.date(bak, 9),
      currency: sentCurrency(tree, elements),
      parties: readParties(tree, elements),
      contacts: nonEmpty(segmentsOf(tree, 'PER').map((per) => readContact(per, elements))),
      lines: iterations(tree, 'PO1').map((loop, i) => readAckLine(loop, i, elements)),
      references: readReferences(tree, elements),
      dates: readDates(tree, elements),
      notes: readNotes(tree, elements),
      totals: ctt && { lineCount: elements.count(ctt, 1), quantityTotal: elements.real(ctt, 2) },
    };
  },
};

function readAckLine(
  loop: LoopInstance,
  index: number,
  elements: ElementReader,
): Draft<PurchaseOrderAckLine> {
  const po1 = loopStart(loop);
  if (!po1) return {};
  const { quantity, ...line } = readPo1(po1, index, elements);
  const { description, schedules, dates, references, notes } = readLineDetails(loop, elements);
  return {
    ...line,
    quantityOrdered: quantity,
    description,
    statuses: starts(loop, 'ACK').map((ack) => readAck(ack, elements)),
    schedules,
    dates,
    references,
    notes,
  };
}

/** ACK: status, quantity and unit, one date (ACK04/05), and for substitutions the product sent instead. */
function readAck(ack: Segment, elements: ElementReader): Draft<LineStatusItem> {
  const statusCode = elements.text(ack, 1);
  const dateQualifier = elements.text(ack, 4);
  const date = elements.date(ack, 5);
  const { ids, productIds } = readProductIds(ack, 7, 26, elements);
  return {
    status: lineStatuses.toCanonical(statusCode),
    statusCode,
    quantity: elements.real(ack, 2),
    uom: elements.text(ack, 3),
    date:
      date === undefined
        ? undefined
        : { type: dateQualifiers.toCanonical(dateQualifier) ?? 'other', qualifier: dateQualifier, date },
    ids: productIds ? ids : undefined,
    productIds,
  };
}
