import type { PurchaseOrder, PurchaseOrderLine } from '../canonical/index.js';

// BEG01 `01` is the X12 code; `purpose` is its friendly name. Either is enough, since a mapping
// that knows only one of them still marks the order as a cancellation.
const CANCELLATION_CODE = '01';

/** Whether the document cancels an earlier PO rather than ordering anything. */
export function isCancellation(order: PurchaseOrder): boolean {
  return order.purpose === 'cancellation' || order.purposeCode === CANCELLATION_CODE;
}

/**
 * The lines whose products, prices and quantities the line rules check: none for a
 * cancellation, whose lines only say what is being cancelled.
 */
export function orderedLines(order: PurchaseOrder): readonly PurchaseOrderLine[] {
  return isCancellation(order) ? [] : order.lines;
}

export function findLine(order: PurchaseOrder, lineNumber: string): PurchaseOrderLine | undefined {
  return order.lines.find((line) => line.lineNumber === lineNumber);
}
