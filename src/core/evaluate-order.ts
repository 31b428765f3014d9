import type { PurchaseOrder } from '../canonical/index.js';
import type { OrderContext } from './context.js';
import { isOpen, type OrderRule, type RuleFinding } from './finding.js';
import { orderRules } from './rules/registry.js';

/** `accept`: go ahead. `hold`: an exception waits for staff. `reject`: answer with a rejection. */
export type OrderDecision = 'accept' | 'hold' | 'reject';

export interface OrderEvaluation {
  decision: OrderDecision;
  findings: RuleFinding[];
}

/**
 * The decision that open findings call for: any open `reject` rejects, else any open `hold` holds.
 * Settled findings and warnings never stop an order. Used again after each staff resolution.
 *
 * @example
 * decideOrder([{ ruleId: 'pack-size', severity: 'hold', message: '...', data: {} }]); // 'hold'
 */
export function decideOrder(findings: readonly RuleFinding[]): OrderDecision {
  const open = findings.filter(isOpen);
  if (open.some((finding) => finding.severity === 'reject')) return 'reject';
  if (open.some((finding) => finding.severity === 'hold')) return 'hold';
  return 'accept';
}

// Header findings first, then by line in the order's own line order, each group in rule order:
// the same order always lists the same findings the same way.
function sortFindings(order: PurchaseOrder, findings: RuleFinding[]): RuleFinding[] {
  const position = new Map(order.lines.map((line, index) => [line.lineNumber, index]));
  const rank = (finding: RuleFinding) =>
    finding.lineNumber === undefined ? -1 : (position.get(finding.lineNumber) ?? order.lines.length);
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => rank(a.finding) - rank(b.finding) || a.index - b.index)
    .map(({ finding }) => finding);
}

/**
 * Runs every registered rule on an order and decides what happens to it. Pure: the context holds
 * all the data the rules need, so the result depends on nothing else.
 *
 * @example
 * const { decision, findings } = evaluateOrder(order, {
 *   partner: { partnerId: 'acme', priceTolerancePercent: '0.5', currency: 'USD' },
 *   catalog, priceList, existingOrders: [], today: '2024-03-01',
 * });
 * if (decision === 'hold') openException(order, findings);
 */
export function evaluateOrder(
  order: PurchaseOrder,
  context: OrderContext,
  rules: readonly OrderRule[] = orderRules,
): OrderEvaluation {
  const findings = sortFindings(
    order,
    rules.flatMap((rule) => rule.check(order, context)),
  );
  return { decision: decideOrder(findings), findings };
}
