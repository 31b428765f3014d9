import { documentId, type PurchaseOrder, type PurchaseOrderAck } from '../../canonical/index.js';
import { acknowledgeOrder, echoIntoAck, type OrderEcho } from '../../core/index.js';
import { GatewayError } from '../../errors/index.js';
import type { StoredOrder } from '../../store/index.js';
import { emitDocument, saveDocumentOnce, takesOrderAnswers } from '../emit-document.js';
import type { WorkerDeps } from '../pipeline-deps.js';
import { auditOrder } from './order-audit.js';
import { businessDay } from './order-context.js';

/** How an order's 855 goes out. */
export interface AnswerOptions {
  /** Store the 855 but do not send it: it goes out with others (see `answer-batch.ts`). */
  deferAnswer?: boolean;
}

/** Whether the partner is sent the answer (an 855, a marketplace call); otherwise it is only kept. */
function takes855(order: PurchaseOrder, deps: WorkerDeps): boolean {
  return takesOrderAnswers(deps.partners.get(order.partnerId));
}

/** What the partner's 855s repeat from its orders (`documents.options.855.echo`). */
function ackEcho(order: PurchaseOrder, deps: WorkerDeps): OrderEcho | undefined {
  const partner = deps.partners.get(order.partnerId);
  return partner.kind === 'x12' ? partner.documents.options['855'].echo : undefined;
}

/**
 * Answers a decided order (accepted and allocated, or rejected) with its 855: built by the core,
 * sent with `emitDocument` when the partner takes 855s and only stored otherwise, then recorded
 * on the order. An 855 stored by an earlier run is sent as stored, never rebuilt, so a rerun
 * cannot send a second, different one.
 *
 * @example
 * const acknowledged = await acknowledgeStoredOrder(po, allocated, deps, 'pipeline');
 * acknowledged.ackDocumentId; // 'purchase_order_ack:...'
 */
export async function acknowledgeStoredOrder(
  order: PurchaseOrder,
  stored: StoredOrder,
  deps: WorkerDeps,
  actor: string,
  options: AnswerOptions = {},
): Promise<StoredOrder> {
  const { repositories } = deps;
  const ackId = documentId('purchase_order_ack', order.partnerId, [order.id]);
  const earlier = await repositories.documents.get(ackId);
  const ack =
    (earlier?.document as PurchaseOrderAck | undefined) ??
    echoIntoAck(
      acknowledgeOrder({
        order,
        findings: stored.findings,
        allocation: stored.allocation ?? [],
        ackDate: businessDay(deps),
      }),
      order,
      ackEcho(order, deps),
    );
  const batched = options.deferAnswer === true && takes855(order, deps);
  const sent = takes855(order, deps) && !batched;
  const transmissionId = sent ? (await emitDocument(ack, deps)).transmissionId : undefined;
  if (!sent) await saveDocumentOnce(repositories, ack);
  if (stored.ackDocumentId !== null) return stored;
  const next = stored.status === 'open' ? 'acknowledged' : stored.status;
  const updated = await repositories.orders.update(
    stored.id,
    { status: next, ackDocumentId: ack.id, ...(deps.now === undefined ? {} : { at: deps.now() }) },
    { statuses: [stored.status] },
  );
  const current = updated ?? (await repositories.orders.get(stored.id));
  if (current === null) {
    throw new GatewayError('not-found', `order ${stored.id} disappeared while being acknowledged`, {
      permanent: true,
      status: 404,
    });
  }
  if (updated !== null) {
    await auditOrder(deps, actor, 'order-acknowledged', stored.id, {
      ackDocumentId: ack.id,
      ackTypeCode: ack.ackTypeCode,
      lineStatuses: ack.lines.map((line) => ({
        lineNumber: line.lineNumber,
        statuses: line.statuses.map((status) => `${status.statusCode} ${status.quantity ?? ''}`.trim()),
      })),
      // Queued is all that is known here: whether it reached the partner is the transmission's
      // status (see the order's timeline), so the audit does not claim it was sent.
      delivery: sent ? 'queued' : batched ? 'batched' : 'not-sent',
      ...(transmissionId === undefined ? {} : { transmissionId }),
    });
  }
  return current;
}
