import type {
  Draft,
  Payment,
  Remittance,
  RemittanceAdjustment,
  RemittanceEntity,
  RemittanceItem,
} from '../../../canonical/index.js';
import { ElementError, firstSegment, type LoopInstance, type Segment } from '../../../x12/index.js';
import { paymentMethods } from '../../codes/index.js';
import type { ElementReader } from '../element-reader.js';
import { sentCurrency } from '../readers/currency.js';
import { readDates } from '../readers/dates.js';
import { iterations, loopStart, nonEmpty } from '../readers/loop-navigation.js';
import { readNotes } from '../readers/notes.js';
import { readN1Party, readNm1Party, readParties } from '../readers/parties.js';
import { readReferences } from '../readers/references.js';
import type { TransactionSetMapper } from '../transaction-set-mapper.js';

/**
 * 820 payment order / remittance advice -> `remittance`. Items (RMR) and adjustments (ADX) are
 * collected from the heading and from every ENT loop, each naming its entity.
 */
export const remittanceMapper: TransactionSetMapper = {
  transactionSetIds: ['820'],
  documentType: 'remittance',
  map({ tree, elements, header }): Draft<Remittance> | undefined {
    const bpr = firstSegment(tree, 'BPR');
    if (!bpr) {
      elements.missing('BPR', 'the payment amount, method and date are read from BPR');
      return undefined;
    }
    const entities = iterations(tree, 'ENT').map((loop) => readEntity(loop, elements));
    return {
      type: 'remittance',
      ...header,
      payment: readPayment(bpr, firstSegment(tree, 'TRN'), elements),
      currency: sentCurrency(tree, elements),
      parties: readParties(tree, elements),
      references: readReferences(tree, elements),
      dates: readDates(tree, elements),
      entities: entities.map((e) => e.entity),
      items: [...readItems(tree, undefined, elements), ...entities.flatMap((e) => e.items)],
      adjustments: [...readAdjustments(tree, undefined, elements), ...entities.flatMap((e) => e.adjustments)],
      notes: readNotes(tree, elements),
    };
  },
};

/** BPR (amount is R; BPR16 the effective date) and TRN (trace number). Bank account numbers are left out on purpose. */
function readPayment(bpr: Segment, trn: Segment | undefined, elements: ElementReader): Draft<Payment> {
  const flag = elements.text(bpr, 3);
  const creditDebit = flag === 'C' ? 'credit' : flag === 'D' ? 'debit' : undefined;
  if (flag !== undefined && creditDebit === undefined) {
    elements.reject(bpr, 3, ElementError.invalidCode, flag, 'is not a credit/debit flag (C or D)');
  }
  const methodCode = elements.text(bpr, 4);
  return {
    handlingCode: elements.text(bpr, 1),
    amount: elements.real(bpr, 2),
    creditDebit,
    method: paymentMethods.toCanonical(methodCode),
    methodCode,
    formatCode: elements.text(bpr, 5),
    effectiveDate: elements.date(bpr, 16),
    traceType: trn && elements.text(trn, 1),
    traceNumber: trn && elements.text(trn, 2),
    originatorId: trn && elements.text(trn, 3),
  };
}

/** ENT: the entity, its NM1/N1 names and REFs, and the items and adjustments under it. */
function readEntity(loop: LoopInstance, elements: ElementReader) {
  const ent = loopStart(loop);
  const assignedNumber = ent && elements.count(ent, 1);
  const parties = [
    ...iterations(loop, 'NM1').map((nm1) => readNm1Party(nm1, elements)),
    ...iterations(loop, 'N1').map((n1) => readN1Party(n1, elements)),
  ];
  const entity: Draft<RemittanceEntity> = {
    assignedNumber,
    entityCode: ent && elements.text(ent, 2),
    identifierQualifier: ent && elements.text(ent, 3),
    identifier: ent && elements.text(ent, 4),
    parties: nonEmpty(parties),
    references: nonEmpty(readReferences(loop, elements)),
  };
  return {
    entity,
    items: readItems(loop, assignedNumber, elements),
    adjustments: readAdjustments(loop, assignedNumber, elements),
  };
}

/** RMR loops directly inside `loop`: RMR04 paid, RMR05 invoice amount, RMR06 discount (all R). */
function readItems(
  loop: LoopInstance,
  entityNumber: number | undefined,
  elements: ElementReader,
): Draft<RemittanceItem>[] {
  return iterations(loop, 'RMR').flatMap((rmrLoop) => {
    const rmr = loopStart(rmrLoop);
    if (!rmr) return [];
    const referenceQualifier = elements.text(rmr, 1);
    const referenceId = elements.text(rmr, 2);
    return {
      entityNumber,
      referenceQualifier,
      referenceId,
      invoiceNumber: referenceQualifier === 'IV' ? referenceId : undefined,
      paymentActionCode: elements.text(rmr, 3),
      amountPaid: elements.real(rmr, 4),
      invoiceAmount: elements.real(rmr, 5),
      discountAmount: elements.real(rmr, 6),
      adjustmentReasonCode: elements.text(rmr, 7),
      adjustmentAmount: elements.real(rmr, 8),
      references: nonEmpty(readReferences(rmrLoop, elements)),
      dates: nonEmpty(readDates(rmrLoop, elements)),
      notes: nonEmpty(readNotes(rmrLoop, elements)),
      adjustments: nonEmpty(readAdjustments(rmrLoop, undefined, elements)),
    };
  });
}

/** ADX loops directly inside `loop`: ADX01 amount (R), ADX02 reason, ADX03/04 reference. */
function readAdjustments(
  loop: LoopInstance,
  entityNumber: number | undefined,
  elements: ElementReader,
): Draft<RemittanceAdjustment>[] {
  return iterations(loop, 'ADX').flatMap((adxLoop) => {
    const adx = loopStart(adxLoop);
    if (!adx) return [];
    return {
      entityNumber,
      amount: elements.real(adx, 1),
      reasonCode: elements.text(adx, 2),
      referenceQualifier: elements.text(adx, 3),
      referenceId: elements.text(adx, 4),
      references: nonEmpty(readReferences(adxLoop, elements)),
    };
  });
}
