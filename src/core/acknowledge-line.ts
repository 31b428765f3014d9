import {
  addDecimals,
  compareDecimals,
  decimalsEqual,
  type LineStatusItem,
  type PurchaseOrderAckLine,
  type PurchaseOrderLine,
} from '../canonical/index.js';
import { CoreError } from './core-error.js';
import type { RuleFinding } from './finding.js';
import { lineDecisions } from './resolutions/line-decisions.js';

/** Where allocation put (part of) one line: lines split across locations have several entries. */
export interface LineAllocation {
  lineNumber: string;
  /** Quantity reserved to ship now, in the line's unit. */
  allocated: string;
  /** Quantity that will ship later. */
  backordered: string;
  locationId: string;
}

// X12 element 668: the code the partner's translator reads, with the canonical name beside it.
const STATUS = {
  accepted: { status: 'accepted', statusCode: 'IA' },
  backordered: { status: 'backordered', statusCode: 'IB' },
  rejected: { status: 'rejected', statusCode: 'IR' },
  priceChanged: { status: 'price_changed', statusCode: 'IP' },
  quantityChanged: { status: 'quantity_changed', statusCode: 'IQ' },
} as const satisfies Record<string, Pick<LineStatusItem, 'status' | 'statusCode'>>;

function echo(
  line: PurchaseOrderLine,
  unitPrice: string | undefined,
): Omit<PurchaseOrderAckLine, 'statuses'> {
  return {
    lineNumber: line.lineNumber,
    quantityOrdered: line.quantity,
    uom: line.uom,
    ...(unitPrice === undefined ? {} : { unitPrice }),
    ...(line.priceBasis === undefined ? {} : { priceBasis: line.priceBasis }),
    ids: line.ids,
    ...(line.productIds === undefined ? {} : { productIds: line.productIds }),
    ...(line.description === undefined ? {} : { description: line.description }),
  };
}

/** A line answered `IR` as a whole: cancelled by staff, or part of a rejected order. */
export function rejectedLine(line: PurchaseOrderLine): PurchaseOrderAckLine {
  return {
    ...echo(line, line.unitPrice),
    statuses: [{ ...STATUS.rejected, quantity: line.quantity, uom: line.uom }],
  };
}

function totalsFor(line: PurchaseOrderLine, allocations: readonly LineAllocation[]) {
  const entries = allocations.filter((entry) => entry.lineNumber === line.lineNumber);
  if (entries.length === 0) throw CoreError.allocationMissing(line.lineNumber);
  return {
    allocated: addDecimals(...entries.map((entry) => entry.allocated)),
    backordered: addDecimals(...entries.map((entry) => entry.backordered)),
  };
}

/**
 * One line of the 855. The quantity shipping now carries the line's main status (`IP` when staff
 * set another price, else `IQ` when they changed the quantity, else `IA`); the rest is `IB`. The
 * status quantities add up to the quantity we supply, as the partner's translator expects.
 *
 * @example
 * acknowledgeLine(line, findings, [{ lineNumber: '1', allocated: '80', backordered: '20', locationId: 'DC-EAST' }]);
 * // statuses: [{ status: 'accepted', statusCode: 'IA', quantity: '80' }, { status: 'backordered', statusCode: 'IB', quantity: '20' }]
 */
export function acknowledgeLine(
  line: PurchaseOrderLine,
  findings: readonly RuleFinding[],
  allocations: readonly LineAllocation[],
): PurchaseOrderAckLine {
  const decisions = lineDecisions(findings, line.lineNumber);
  if (decisions.cancelled) return rejectedLine(line);
  const quantity = decisions.quantity ?? line.quantity;
  const unitPrice = decisions.unitPrice ?? line.unitPrice;
  const { allocated, backordered } = totalsFor(line, allocations);
  const supplied = addDecimals(allocated, backordered);
  if (!decimalsEqual(supplied, quantity))
    throw CoreError.allocationMismatch(line.lineNumber, quantity, supplied);

  const priceChanged =
    decisions.unitPrice !== undefined &&
    line.unitPrice !== undefined &&
    !decimalsEqual(decisions.unitPrice, line.unitPrice);
  const quantityChanged = !decimalsEqual(quantity, line.quantity);
  const main = priceChanged
    ? STATUS.priceChanged
    : quantityChanged
      ? STATUS.quantityChanged
      : STATUS.accepted;

  const statuses: LineStatusItem[] = [];
  if (compareDecimals(allocated, '0') > 0) statuses.push({ ...main, quantity: allocated, uom: line.uom });
  if (compareDecimals(backordered, '0') > 0)
    statuses.push({ ...STATUS.backordered, quantity: backordered, uom: line.uom });
  // Nothing to ship and nothing to backorder: only a zero-quantity line gets here.
  if (statuses.length === 0) statuses.push({ ...main, quantity, uom: line.uom });
  return { ...echo(line, unitPrice), statuses };
}
