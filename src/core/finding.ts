import type { PurchaseOrder } from '../canonical/index.js';
import type { OrderContext } from './context.js';

/**
 * `reject`: the order cannot be taken at all and is answered with a rejection.
 * `hold`: the order waits as an exception until staff resolve it.
 * `warning`: noted for the record; the order goes on.
 */
export type Severity = 'reject' | 'hold' | 'warning';

/** The facts behind a finding, as text so that decimals keep their exact value in JSON. */
export type FindingData = Readonly<Record<string, string>>;

/** What a rule (or a staff resolution) found about an order. */
export interface RuleFinding {
  ruleId: string;
  severity: Severity;
  /** The order line it concerns; absent for the order as a whole. */
  lineNumber?: string;
  /** A sentence a support person can act on. */
  message: string;
  data: FindingData;
  /** The id of the staff resolution that settled it; a settled finding no longer holds the order. */
  resolvedBy?: string;
}

/** One business rule: pure, deterministic, one file each, listed in `rules/registry.ts`. */
export interface OrderRule {
  id: string;
  description: string;
  check(order: PurchaseOrder, context: OrderContext): RuleFinding[];
}

/** Whether a finding still counts: not settled by staff. */
export function isOpen(finding: RuleFinding): boolean {
  return finding.resolvedBy === undefined;
}
