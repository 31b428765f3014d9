import type { Draft, Note, PurchaseOrder, PurchaseOrderTotals, Reference } from '../../../canonical/index.js';
import { firstSegment, segmentsOf, type LoopInstance } from '../../../x12/index.js';
import { orderTypes, purposes } from '../../codes/index.js';
import type { ElementReader } from '../element-reader.js';
import { readAllowancesCharges, readTxi } from '../readers/allowances-charges.js';
import { readCarriers } from '../readers/carriers.js';
import { currencyOf } from '../readers/currency.js';
import { readDates } from '../readers/dates.js';
import { iterations, nonEmpty, segmentsWithin, starts } from '../readers/loop-navigation.js';
import { readNotes } from '../readers/notes.js';
import { readContact, readParties } from '../readers/parties.js';
import { readReference, readReferences } from '../readers/references.js';
import { readTerms } from '../readers/terms.js';
import type { TransactionSetMapper } from '../transaction-set-mapper.js';
import { readOrderLine } from './order-line.js';

/** 850 purchase order -> `purchase_order`. */
export const purchaseOrderMapper: TransactionSetMapper = {
  transactionSetIds: ['850'],
  documentType: 'purchase_order',
  map({ tree, elements, header, context }): Draft<PurchaseOrder> | undefined {
    const beg = firstSegment(tree, 'BEG');
    if (!beg) {
      elements.missing('BEG', 'the purchase order number, purpose and date are read from BEG');
      return undefined;
    }
    const purposeCode = elements.text(beg, 1);
    const orderTypeCode = elements.text(beg, 2);
    const n9 = readN9Loops(tree, elements);
    return {
      type: 'purchase_order',
      ...header,
      poNumber: elements.text(beg, 3),
      releaseNumber: elements.text(beg, 4),
      orderDate: elements.date(beg, 5),
      contractNumber: elements.text(beg, 6),
      purpose: purposes.toCanonical(purposeCode),
      purposeCode,
      orderType: orderTypes.toCanonical(orderTypeCode),
      orderTypeCode,
      currency: currencyOf(tree, elements, context),
      parties: readParties(tree, elements),
      contacts: nonEmpty(segmentsOf(tree, 'PER').map((per) => readContact(per, elements))),
      lines: iterations(tree, 'PO1').map((loop, i) => readOrderLine(loop, i, elements)),
      references: [...readReferences(tree, elements), ...n9.references],
      dates: readDates(tree, elements),
      terms: nonEmpty(readTerms(tree, elements)),
      allowancesCharges: nonEmpty(readAllowancesCharges(tree, elements)),
      taxes: nonEmpty(segmentsWithin(tree, 'TXI', ['SAC']).map((txi) => readTxi(txi, elements))),
      carriers: nonEmpty(readCarriers(tree, elements)),
      notes: [...readNotes(tree, elements), ...n9.notes],
      totals: readTotals(tree, elements),
    };
  },
};

/** N9 loops: a reference, and the MSG lines that follow it as notes. */
function readN9Loops(tree: LoopInstance, elements: ElementReader) {
  const references: Draft<Reference>[] = [];
  const notes: Draft<Note>[] = [];
  for (const loop of iterations(tree, 'N9')) {
    const [n9] = starts(loop, 'N9');
    if (n9) references.push(readReference(n9, elements));
    notes.push(...readNotes(loop, elements));
  }
  return { references, notes };
}

/** CTT line count and hash total; AMT `TT` (order total) and `1` (line items total). */
function readTotals(tree: LoopInstance, elements: ElementReader): Draft<PurchaseOrderTotals> | undefined {
  const [ctt] = starts(tree, 'CTT');
  const amounts = segmentsWithin(tree, 'AMT', ['CTT', 'AMT']);
  const amount = (qualifier: string) => {
    const amt = amounts.find((a) => elements.text(a, 1) === qualifier);
    return amt && elements.real(amt, 2);
  };
  if (!ctt && amounts.length === 0) return undefined;
  return {
    lineCount: ctt && elements.count(ctt, 1),
    quantityTotal: ctt && elements.real(ctt, 2),
    amount: amount('TT'),
    lineItemsAmount: amount('1'),
  };
}
