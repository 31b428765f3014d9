import type { Draft, Invoice, InvoiceLine, InvoiceTotals } from '../../../canonical/index.js';
import { firstSegment, type LoopInstance } from '../../../x12/index.js';
import { invoiceTypes, purposes } from '../../codes/index.js';
import type { ElementReader } from '../element-reader.js';
import { readAllowancesCharges, readTxi } from '../readers/allowances-charges.js';
import { readCarriers } from '../readers/carriers.js';
import { currencyOf } from '../readers/currency.js';
import { readDates } from '../readers/dates.js';
import { readLineDetails } from '../readers/line-details.js';
import { iterations, loopStart, nonEmpty, segmentsWithin, starts } from '../readers/loop-navigation.js';
import { readNotes } from '../readers/notes.js';
import { readParties } from '../readers/parties.js';
import { readProductIds } from '../readers/product-ids.js';
import { readReferences } from '../readers/references.js';
import { readTerms } from '../readers/terms.js';
import type { TransactionSetMapper } from '../transaction-set-mapper.js';

/** 810 invoice -> `invoice`. */
export const invoiceMapper: TransactionSetMapper = {
  transactionSetIds: ['810'],
  documentType: 'invoice',
  map({ tree, elements, header, context }): Draft<Invoice> | undefined {
    const big = firstSegment(tree, 'BIG');
    if (!big) {
      elements.missing('BIG', 'the invoice number and date are read from BIG');
      return undefined;
    }
    const invoiceTypeCode = elements.text(big, 7);
    const purposeCode = elements.text(big, 8);
    return {
      type: 'invoice',
      ...header,
      invoiceDate: elements.date(big, 1),
      invoiceNumber: elements.text(big, 2),
      poDate: elements.date(big, 3),
      poNumber: elements.text(big, 4),
      releaseNumber: elements.text(big, 5),
      invoiceType: invoiceTypes.toCanonical(invoiceTypeCode),
      invoiceTypeCode,
      purpose: purposes.toCanonical(purposeCode),
      purposeCode,
      currency: currencyOf(tree, elements, context),
      parties: readParties(tree, elements),
      lines: iterations(tree, 'IT1').map((loop, i) => readInvoiceLine(loop, i, elements)),
      references: readReferences(tree, elements),
      dates: readDates(tree, elements),
      terms: nonEmpty(readTerms(tree, elements)),
      carriers: nonEmpty(readCarriers(tree, elements)),
      allowancesCharges: nonEmpty(readAllowancesCharges(tree, elements)),
      // Summary TXI sits beside the SAC loops in 004010 and inside them in some conventions.
      taxes: nonEmpty(segmentsWithin(tree, 'TXI', ['SAC']).map((txi) => readTxi(txi, elements))),
      notes: readNotes(tree, elements),
      totals: readTotals(tree, elements),
    };
  },
};

/** IT1: IT101 line number, IT102 quantity, IT103 unit, IT104 unit price (R), IT106-IT125 product ids. */
function readInvoiceLine(loop: LoopInstance, index: number, elements: ElementReader): Draft<InvoiceLine> {
  const it1 = loopStart(loop);
  if (!it1) return {};
  const { ids, productIds } = readProductIds(it1, 6, 25, elements);
  // SCH is not part of the 810 IT1 loop; the structural validator reports one that appears.
  const { schedules: _notInInvoices, ...details } = readLineDetails(loop, elements);
  return {
    lineNumber: elements.text(it1, 1) ?? String(index + 1),
    quantity: elements.real(it1, 2),
    uom: elements.text(it1, 3),
    unitPrice: elements.real(it1, 4),
    priceBasis: elements.text(it1, 5),
    ids,
    productIds,
    ...details,
  };
}

/** TDS01-TDS04 are N2 (cents); CTT gives the line count and hash total. */
function readTotals(tree: LoopInstance, elements: ElementReader): Draft<InvoiceTotals> | undefined {
  const tds = firstSegment(tree, 'TDS');
  const [ctt] = starts(tree, 'CTT');
  if (!tds) {
    elements.missing('TDS', 'the total invoice amount is read from TDS01');
    return undefined;
  }
  return {
    amount: elements.implied(tds, 1, 2),
    amountSubjectToDiscount: elements.implied(tds, 2, 2),
    discountedAmountDue: elements.implied(tds, 3, 2),
    discountAmount: elements.implied(tds, 4, 2),
    lineCount: ctt && elements.count(ctt, 1),
    quantityTotal: ctt && elements.real(ctt, 2),
  };
}
