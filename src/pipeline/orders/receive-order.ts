import type { PurchaseOrder } from '../../canonical/index.js';
import { evaluateOrder, isCancellation, type OrderDecision, type RuleFinding } from '../../core/index.js';
import type { AuditEntry, NewOrder, OrderStatus, StoredOrder } from '../../store/index.js';
import type { WorkerDeps } from '../pipeline-deps.js';
import { PIPELINE_ACTOR } from './order-audit.js';
import { loadOrderContext } from './order-context.js';
import { matchItems } from './order-items.js';

const STATUS_FOR: Record<OrderDecision, OrderStatus> = {
  accept: 'open',
  hold: 'on_hold',
  reject: 'rejected',
};

/**
 * A purchase order as the store keeps it once the core decided on it, and the audit entry that
 * says so: what `receiveOrder` stores for one order and the batch flow for many.
 *
 * @example
 * const { record, audit } = receivedOrder(po, evaluateOrder(po, context), matchItems(po, catalog), new Date());
 */
export function receivedOrder(
  order: PurchaseOrder,
  evaluation: { decision: OrderDecision; findings: RuleFinding[] },
  items: ReadonlyMap<string, string>,
  at: Date,
): { record: NewOrder; audit: AuditEntry } {
  const { decision, findings } = evaluation;
  const kind = isCancellation(order) ? 'cancellation' : 'order';
  return {
    record: {
      id: order.id,
      partnerId: order.partnerId,
      poNumber: order.poNumber,
      kind,
      status: STATUS_FOR[decision],
      decision,
      findings,
      lines: order.lines.map((line) => ({
        lineNumber: line.lineNumber,
        itemId: items.get(line.lineNumber) ?? null,
        quantity: line.quantity,
        uom: line.uom,
        unitPrice: line.unitPrice ?? null,
      })),
      at,
    },
    audit: {
      actor: PIPELINE_ACTOR,
      action: kind === 'order' ? 'order-received' : 'cancellation-received',
      subjectType: 'order',
      subjectId: order.id,
      details: {
        poNumber: order.poNumber,
        decision,
        findings: findings.map((finding) => ({
          ruleId: finding.ruleId,
          severity: finding.severity,
          ...(finding.lineNumber === undefined ? {} : { lineNumber: finding.lineNumber }),
        })),
      },
      at,
    },
  };
}

/**
 * Runs the core's rules on a purchase order seen for the first time and stores the order with its
 * decision and findings, under the document's id. When a run got there first, its order is
 * returned as it stands and nothing is evaluated again.
 *
 * @example
 * const order = (await deps.repositories.orders.get(po.id)) ?? (await receiveOrder(po, deps));
 */
export async function receiveOrder(order: PurchaseOrder, deps: WorkerDeps): Promise<StoredOrder> {
  const context = await loadOrderContext(order, deps);
  const evaluation = evaluateOrder(order, context);
  const items = matchItems(order, context.catalog);
  const { record, audit } = receivedOrder(order, evaluation, items, deps.now?.() ?? new Date());
  const { order: stored, created } = await deps.repositories.orders.create(record);
  if (created) await deps.repositories.audit.record(audit);
  return stored;
}
