import type { PurchaseOrder, PurchaseOrderLine } from '../../canonical/index.js';
import { CoreError } from '../core-error.js';
import { isOpen, type RuleFinding } from '../finding.js';
import { findLine } from '../order-lines.js';
import { lineDecisions } from './line-decisions.js';

/**
 * An order under review: the order exactly as the buyer sent it, and the findings about it.
 * Staff decisions are appended to the findings rather than written into the order, so the
 * buyer's document stays a faithful record and the 855 can report what we changed.
 */
export interface OrderReview {
  order: PurchaseOrder;
  findings: RuleFinding[];
}

/** One thing staff can do about an exception: one file each, listed in `resolutions/registry.ts`. */
export interface Resolution<Input> {
  id: string;
  description: string;
  /** Throws a `CoreError` (`resolution-invalid`) saying why the resolution cannot apply. */
  validate(order: PurchaseOrder, findings: readonly RuleFinding[], input: Input): void;
  /** The review after the resolution; call `validate` first. Never mutates its arguments. */
  apply(order: PurchaseOrder, findings: readonly RuleFinding[], input: Input): OrderReview;
}

/** The line a resolution targets; it must exist and not already be cancelled. */
export function requireOpenLine(
  resolutionId: string,
  order: PurchaseOrder,
  findings: readonly RuleFinding[],
  lineNumber: string,
): PurchaseOrderLine {
  const line = findLine(order, lineNumber);
  if (!line) {
    throw CoreError.resolutionInvalid(resolutionId, `PO ${order.poNumber} has no line ${lineNumber}.`);
  }
  if (lineDecisions(findings, lineNumber).cancelled) {
    throw CoreError.resolutionInvalid(resolutionId, `line ${lineNumber} is already cancelled.`);
  }
  return line;
}

export function requireText(resolutionId: string, name: string, value: string | undefined): void {
  if (value === undefined || value.trim() === '') {
    throw CoreError.resolutionInvalid(
      resolutionId,
      `give a ${name}; it is kept with the order for the record.`,
    );
  }
}

/** Marks the open findings that `matches` selects as settled by `resolutionId`. */
export function settle(
  findings: readonly RuleFinding[],
  resolutionId: string,
  matches: (finding: RuleFinding) => boolean,
): RuleFinding[] {
  return findings.map((finding) =>
    isOpen(finding) && finding.severity !== 'warning' && matches(finding)
      ? { ...finding, resolvedBy: resolutionId }
      : finding,
  );
}
