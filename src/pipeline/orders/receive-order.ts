import type { PurchaseOrder } from '../../canonical/index.js';
import { evaluateOrder, isCancellation, type OrderDecision } from '../../core/index.js';
import type { OrderStatus, StoredOrder } from '../../store/index.js';
import type { WorkerDeps } from '../pipeline-deps.js';
import { auditOrder, PIPELINE_ACTOR } from './order-audit.js';
import { loadOrderContext } from './order-context.js';
import { matchItems } from './order-items.js';

const STATUS_FOR: Record<OrderDecision, OrderStatus> = {
  accept: 'open',
  hold: 'on_hold',
  reject: 'rejected',
};

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
  const { decision, findings } = evaluateOrder(order, context);
  const items = matchItems(order, context.catalog);
  const kind = isCancellation(order) ? 'cancellation' : 'order';
  const { order: stored, created } = await deps.repositories.orders.create({
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
    ...(deps.now === undefined ? {} : { at: deps.now() }),
  });
  if (created) {
    await auditOrder(
      deps,
      PIPELINE_ACTOR,
      kind === 'order' ? 'order-received' : 'cancellation-received',
      order.id,
      {
        poNumber: order.poNumber,
        decision,
        findings: findings.map((finding) => ({
          ruleId: finding.ruleId,
          severity: finding.severity,
          ...(finding.lineNumber === undefined ? {} : { lineNumber: finding.lineNumber }),
        })),
      },
    );
  }
  return stored;
}
