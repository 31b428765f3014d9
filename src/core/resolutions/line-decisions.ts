import type { RuleFinding } from '../finding.js';
import { RESOLUTION_IDS } from './resolution-ids.js';

/** What staff decided about one line; the latest decision of each kind wins. */
export interface LineDecisions {
  cancelled: boolean;
  /** The unit price agreed with staff, where they accepted or set one. */
  unitPrice?: string;
  /** The quantity staff changed the line to. */
  quantity?: string;
}

/**
 * Reads staff decisions about a line from the findings that record them.
 *
 * @example
 * lineDecisions(review.findings, '2'); // { cancelled: false, quantity: '12' }
 */
export function lineDecisions(findings: readonly RuleFinding[], lineNumber: string): LineDecisions {
  const decisions: LineDecisions = { cancelled: false };
  for (const finding of findings) {
    if (finding.lineNumber !== lineNumber) continue;
    if (finding.ruleId === RESOLUTION_IDS.cancelLine) decisions.cancelled = true;
    if (finding.ruleId === RESOLUTION_IDS.acceptPrice) decisions.unitPrice = finding.data.unitPrice;
    if (finding.ruleId === RESOLUTION_IDS.changeQuantity) decisions.quantity = finding.data.quantity;
  }
  return decisions;
}

/** Whether staff rejected the order as a whole. */
export function rejectedByStaff(findings: readonly RuleFinding[]): boolean {
  return findings.some((finding) => finding.ruleId === RESOLUTION_IDS.rejectOrder);
}
