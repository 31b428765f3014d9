import type { DateEntry } from '../../canonical/index.js';
import type { OrderRule, RuleFinding } from '../finding.js';
import { isCancellation } from '../order-lines.js';

function requestedDelivery(dates: readonly DateEntry[] | undefined): DateEntry | undefined {
  return dates?.find((entry) => entry.type === 'requested_delivery');
}

const RULE_ID = 'requested-delivery-date';

/**
 * A requested delivery date (of the order or of one line) before today: we cannot meet it, and
 * the buyer must say whether they still want the goods. ISO dates compare correctly as text.
 */
export const requestedDeliveryDate: OrderRule = {
  id: RULE_ID,
  description: 'The requested delivery date is in the past.',
  check(order, context) {
    if (isCancellation(order)) return [];
    const findings: RuleFinding[] = [];
    const past = (entry: DateEntry | undefined): entry is DateEntry =>
      entry !== undefined && entry.date < context.today;
    const header = requestedDelivery(order.dates);
    if (past(header)) {
      findings.push({
        ruleId: RULE_ID,
        severity: 'hold',
        message: `PO ${order.poNumber} asks for delivery on ${header.date}, before today (${context.today}); agree a new date with the buyer.`,
        data: { requestedDate: header.date, today: context.today },
      });
    }
    for (const line of order.lines) {
      const entry = requestedDelivery(line.dates);
      if (!past(entry)) continue;
      findings.push({
        ruleId: RULE_ID,
        severity: 'hold',
        lineNumber: line.lineNumber,
        message: `Line ${line.lineNumber} asks for delivery on ${entry.date}, before today (${context.today}); agree a new date with the buyer.`,
        data: { requestedDate: entry.date, today: context.today },
      });
    }
    return findings;
  },
};
