import type { ExistingOrderStatus } from '../context.js';
import type { OrderRule, RuleFinding, Severity } from '../finding.js';
import { isCancellation } from '../order-lines.js';

// What a cancellation meets, by the status of the PO it cancels. Statuses not listed can simply
// be cancelled.
const OUTCOMES: Partial<Record<ExistingOrderStatus, { severity: Severity; advice: string }>> = {
  shipped: { severity: 'reject', advice: 'the goods have left; the buyer must return them instead' },
  invoiced: {
    severity: 'reject',
    advice: 'it has shipped and been invoiced; the buyer must return the goods',
  },
  partially_shipped: {
    severity: 'hold',
    advice: 'part of it has shipped; cancel the remaining lines and tell the buyer what already left',
  },
  cancelled: { severity: 'warning', advice: 'it is already cancelled; nothing more to do' },
  rejected: { severity: 'warning', advice: 'we rejected it; nothing more to do' },
};

const RULE_ID = 'cancellation-target';

/** A cancellation (BEG01 `01`) of a PO we do not have, or one that can no longer be cancelled. */
export const cancellationTarget: OrderRule = {
  id: RULE_ID,
  description: 'A cancellation refers to an unknown PO or one that has already shipped.',
  check(order, context) {
    if (!isCancellation(order)) return [];
    const existing = context.existingOrders.find((candidate) => candidate.poNumber === order.poNumber);
    const finding = (severity: Severity, message: string, status: string): RuleFinding[] => [
      { ruleId: RULE_ID, severity, message, data: { poNumber: order.poNumber, existingStatus: status } },
    ];
    if (!existing) {
      return finding(
        'reject',
        `The cancellation refers to PO ${order.poNumber}, which we never received; ask the buyer which order they meant.`,
        'none',
      );
    }
    const outcome = OUTCOMES[existing.status];
    if (!outcome) return [];
    return finding(
      outcome.severity,
      `PO ${order.poNumber} cannot be cancelled as asked: ${outcome.advice}.`,
      existing.status,
    );
  },
};
