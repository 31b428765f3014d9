import type { DocumentHandler } from '../document-handler.js';
import { advanceOrder } from './advance-order.js';
import { answerBatchOf, joinAnswerBatch } from './answer-batch.js';
import { PIPELINE_ACTOR } from './order-audit.js';
import { readPurchaseOrder } from './read-order.js';
import { receiveOrder } from './receive-order.js';
import { recordDocumentReferences } from '../support/transmission-references.js';

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
  // The file that carried it is found by its PO number and envelope numbers from now on.
  await recordDocumentReferences(deps.repositories, [order]);
  const stored = (await deps.repositories.orders.get(order.id)) ?? (await receiveOrder(order, deps));
  const batch = await answerBatchOf(order, deps);
  if (batch === undefined) return advanceOrder(order, stored, deps, PIPELINE_ACTOR);
  // A sealed batch takes no more shares: an order decided now is answered on its own. Joining
  // still runs, so that an 855 stored for the batch by a run that crashed before joining, and
  // sealed out at the deadline, goes out on its own rather than never.
  const outcome = await advanceOrder(order, stored, deps, PIPELINE_ACTOR, { deferAnswer: batch.open });
  const decided = await deps.repositories.orders.get(order.id);
  const share = await joinAnswerBatch(batch.id, document.id, decided?.ackDocumentId ?? null, deps);
  const how = { batched: `goes out with batch ${batch.id}`, alone: 'was sent on its own', none: '' }[share];
  return how === '' ? outcome : { ...outcome, message: `${outcome.message}; the 855 ${how}` };
};
