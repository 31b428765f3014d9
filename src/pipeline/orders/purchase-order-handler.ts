import type { DocumentHandler } from '../document-handlers.js';
import { advanceOrder } from './advance-order.js';
import { answerBatchOf, joinAnswerBatch } from './answer-batch.js';
import { PIPELINE_ACTOR } from './order-audit.js';
import { readPurchaseOrder } from './read-order.js';
import { receiveOrder } from './receive-order.js';

/**
 * The `purchase_order` document handler. A new order is evaluated by the core and stored under
 * the document's id; an order found stored (a rerun, or a job queued after a resolution) is not
 * evaluated again but continued from its state. See `advanceOrder` for the steps. When the partner
 * takes its 855s gathered per interchange, the order's 855 is stored and joins its batch
 * (`answer-batch.ts`) instead of going out on its own.
 *
 * @example
 * const outcome = await handlePurchaseOrder(await deps.repositories.documents.get(id), deps);
 * // { action: 'acknowledged', message: 'PO 4500012345 is acknowledged, 855 purchase_order_ack:...' }
 */
export const handlePurchaseOrder: DocumentHandler = async (document, deps) => {
  const order = readPurchaseOrder(document);
  const stored = (await deps.repositories.orders.get(order.id)) ?? (await receiveOrder(order, deps));
  const batchId = await answerBatchOf(order, deps);
  if (batchId === undefined) return advanceOrder(order, stored, deps, PIPELINE_ACTOR);
  const outcome = await advanceOrder(order, stored, deps, PIPELINE_ACTOR, { deferAnswer: true });
  const decided = await deps.repositories.orders.get(order.id);
  const share = await joinAnswerBatch(batchId, document.id, decided?.ackDocumentId ?? null, deps);
  const how = { batched: `goes out with batch ${batchId}`, alone: 'was sent on its own', none: '' }[share];
  return how === '' ? outcome : { ...outcome, message: `${outcome.message}; the 855 ${how}` };
};
