import {
  addDecimals,
  documentId,
  type AckType,
  type IsoDate,
  type PurchaseOrder,
  type PurchaseOrderAck,
  type PurchaseOrderAckLine,
} from '../canonical/index.js';
import { acknowledgeLine, rejectedLine, type LineAllocation } from './acknowledge-line.js';
import { CoreError } from './core-error.js';
import { decideOrder } from './evaluate-order.js';
import { isOpen, type RuleFinding } from './finding.js';
import { isCancellation } from './order-lines.js';

export interface AcknowledgeOrderInput {
  order: PurchaseOrder;
  /** The findings after any staff resolutions: none may still hold the order. */
  findings: readonly RuleFinding[];
  /** Allocation of every line that is not cancelled; ignored when the order is rejected. */
  allocation: readonly LineAllocation[];
  /** The 855's date (BAK03): passed in so that the same input always gives the same document. */
  ackDate: IsoDate;
  /** Our own order number, echoed to the buyer in BAK08 where we have one. */
  sellerOrderNumber?: string;
}

// X12 BAK02: AD when every line is accepted as sent, AC when anything changed, RJ when nothing is.
const HEADER = {
  unchanged: { ackType: 'accepted_no_changes', ackTypeCode: 'AD' },
  changed: { ackType: 'accepted_with_changes', ackTypeCode: 'AC' },
  rejected: { ackType: 'rejected', ackTypeCode: 'RJ' },
} as const satisfies Record<string, { ackType: AckType; ackTypeCode: string }>;

function headerStatus(lines: readonly PurchaseOrderAckLine[]) {
  const codes = lines.flatMap((line) => line.statuses.map((status) => status.statusCode));
  if (codes.every((code) => code === 'IR')) return HEADER.rejected;
  if (codes.every((code) => code === 'IA')) return HEADER.unchanged;
  return HEADER.changed;
}

/**
 * Builds the purchase order acknowledgment (855) for an order the core has decided on. A rejected
 * order is answered `RJ` with every line `IR`; otherwise each line reports what staff decided
 * and what allocation found. The result passes `validateCanonical`.
 *
 * @example
 * const ack = acknowledgeOrder({
 *   order,
 *   findings,
 *   allocation: [{ lineNumber: '1', allocated: '100', backordered: '20', locationId: 'DC-EAST' }],
 *   ackDate: '2024-03-01',
 * });
 * ack.ackTypeCode; // 'AC': line 1 is partly backordered
 */
export function acknowledgeOrder(input: AcknowledgeOrderInput): PurchaseOrderAck {
  const { order, findings, allocation } = input;
  if (isCancellation(order)) throw CoreError.cancellationNotAcknowledged(order.poNumber);
  const decision = decideOrder(findings);
  if (decision === 'hold') {
    const holds = findings.filter((finding) => isOpen(finding) && finding.severity === 'hold');
    throw CoreError.openHolds(order.poNumber, holds.length);
  }
  const lines = order.lines.map((line) =>
    decision === 'reject' ? rejectedLine(line) : acknowledgeLine(line, findings, allocation),
  );
  return {
    type: 'purchase_order_ack',
    id: documentId('purchase_order_ack', order.partnerId, [order.id]),
    partnerId: order.partnerId,
    source: { channel: order.source.channel },
    poNumber: order.poNumber,
    poDate: order.orderDate,
    purpose: 'original',
    purposeCode: '00',
    ...headerStatus(lines),
    ackDate: input.ackDate,
    ...(order.releaseNumber === undefined ? {} : { releaseNumber: order.releaseNumber }),
    ...(order.contractNumber === undefined ? {} : { contractNumber: order.contractNumber }),
    ...(input.sellerOrderNumber === undefined ? {} : { sellerOrderNumber: input.sellerOrderNumber }),
    currency: order.currency,
    parties: order.parties,
    lines,
    references: [],
    dates: [],
    notes: [],
    totals: {
      lineCount: lines.length,
      quantityTotal: addDecimals(...order.lines.map((line) => line.quantity)),
    },
  };
}
