import type { CanonicalDocument, PurchaseOrder } from '../../canonical/index.js';
import { GatewayError } from '../../errors/index.js';
import type { PartnerConfig } from '../../partners/index.js';
import { derivedUuid } from '../acknowledge-interchange.js';
import type { DocumentOutcome } from '../document-handler.js';
import { emitDocument, emitDocuments, emittedTransmissionId } from '../emit-document.js';
import type { WorkerDeps } from '../pipeline-deps.js';
import { enqueueSeal, sealJobId } from '../job-queue.js';

/**
 * How long a batch waits for its last order before it goes out without it. Orders that join
 * later are answered on their own; this only bounds the wait when an order's job keeps failing.
 */
export const DEFAULT_BATCH_DEADLINE_MS = 15 * 60 * 1000;

/**
 * The batch gathering the 855s answering the purchase orders of one inbound interchange.
 *
 * @example
 * answerBatchId('3f0c...', '000000905'); // 'po-acks-3f0c...-000000905'
 */
export const answerBatchId = (transmissionId: string, interchangeControlNumber: string): string =>
  `po-acks-${transmissionId}-${interchangeControlNumber}`;

/**
 * Whether the partner's 855s are gathered per inbound interchange (`documents.options.855.perOrder`
 * false, the default) rather than sent one interchange per order.
 */
export function gathersAnswers(partner: PartnerConfig): boolean {
  return (
    partner.kind === 'x12' &&
    partner.documents.outbound.includes('855') &&
    !partner.documents.options['855'].perOrder
  );
}

/**
 * Opens the batch of an interchange just read, expecting one share per purchase order in it, and
 * queues its deadline. Nothing for a partner that takes 855s one by one, or an interchange with
 * fewer than two purchase orders. Called before the orders' jobs are queued, so none can look for the
 * batch before it exists.
 */
export async function openAnswerBatch(
  transmissionId: string,
  interchangeControlNumber: string,
  partner: PartnerConfig,
  purchaseOrders: number,
  deps: WorkerDeps,
): Promise<void> {
  // A lone order has nothing to wait for: its 855 goes out on its own, as with perOrder.
  if (purchaseOrders < 2 || !gathersAnswers(partner)) return;
  const id = answerBatchId(transmissionId, interchangeControlNumber);
  await deps.repositories.outboundBatches.open({
    id,
    partnerId: partner.id,
    setId: '855',
    expected: purchaseOrders,
  });
  await enqueueSeal(deps.queues, id, deps.batchDeadlineMs ?? DEFAULT_BATCH_DEADLINE_MS);
}

/**
 * The batch of this purchase order's interchange, when its partner gathers 855s and one was
 * opened, and whether it still takes shares.
 */
export async function answerBatchOf(
  order: PurchaseOrder,
  deps: WorkerDeps,
): Promise<{ id: string; open: boolean } | undefined> {
  const { transmissionId, interchangeControlNumber } = order.source;
  if (transmissionId === undefined || interchangeControlNumber === undefined) return undefined;
  if (!gathersAnswers(deps.partners.get(order.partnerId))) return undefined;
  const id = answerBatchId(transmissionId, interchangeControlNumber);
  const state = await deps.repositories.outboundBatches.stateOf(id);
  return state === null ? undefined : { id, open: state === 'open' };
}

/**
 * Gives the batch this order's share once its job decided it: its 855 (stored, not yet sent), or
 * none when the order is held or answers nothing (a cancellation). The last share queues the
 * batch's sealing. An 855 that can no longer join (the batch went out at its deadline, or was
 * never opened) is sent on its own; one already sent on its own (a staff resolution got there
 * between a crash and this job's rerun) or with another batch (the same interchange accepted
 * again as a flagged duplicate) joins as none, so it is never sent twice.
 *
 * @example
 * await joinAnswerBatch(batchId, po.id, order.ackDocumentId, deps);
 */
export async function joinAnswerBatch(
  batchId: string,
  documentId: string,
  answerDocumentId: string | null,
  deps: WorkerDeps,
): Promise<'batched' | 'alone' | 'none'> {
  const { repositories } = deps;
  const share =
    answerDocumentId !== null && !(await sentElsewhere(answerDocumentId, batchId, deps))
      ? answerDocumentId
      : null;
  const outcome = await repositories.outboundBatches.join(batchId, documentId, share);
  if (outcome.joined && outcome.complete) await enqueueSeal(deps.queues, batchId);
  if (share === null) return 'none';
  if (outcome.joined) return 'batched';
  await emitDocument(await answerDocument(share, deps), deps);
  return 'alone';
}

/**
 * Processes a `seal` job: fixes the batch's members and sends their 855s in one interchange, under
 * a transmission id derived from the batch, so that the job run twice (its completion and its
 * deadline, or a rerun after a crash) sends it once.
 *
 * @example
 * await sealAnswerBatch('po-acks-3f0c...-000000905', deps);
 */
export async function sealAnswerBatch(batchId: string, deps: WorkerDeps): Promise<DocumentOutcome> {
  const sealed = await deps.repositories.outboundBatches.seal(batchId, deps.now?.() ?? new Date());
  if (sealed === null) {
    throw new GatewayError('not-found', `batch ${batchId} does not exist`, { permanent: true, status: 404 });
  }
  // Sealed: its deadline has nothing left to do. BullMQ keeps a job that is running (this one,
  // when the deadline came first), so this only drops one still waiting.
  await deps.queues.remove('documents', sealJobId(batchId, true));
  const answers: CanonicalDocument[] = [];
  for (const item of sealed.items) {
    if (item.answerDocumentId !== null) answers.push(await answerDocument(item.answerDocumentId, deps));
  }
  const held = sealed.items.length - answers.length;
  if (answers.length === 0) {
    return {
      action: 'sealed',
      message: `batch ${batchId}: nothing to send (${held} order(s) without an 855)`,
    };
  }
  const { transmissionId } = await emitDocuments(answers, derivedUuid(`batch:${batchId}`), deps);
  return {
    action: 'sent',
    message: `batch ${batchId}: ${answers.length} 855(s) in transmission ${transmissionId}; ${held} order(s) without an 855`,
  };
}

async function sentElsewhere(answerDocumentId: string, batchId: string, deps: WorkerDeps): Promise<boolean> {
  const { repositories } = deps;
  if ((await repositories.transmissions.read(emittedTransmissionId(answerDocumentId))) !== null) return true;
  const batch = await repositories.outboundBatches.batchOf(answerDocumentId);
  return batch !== null && batch !== batchId;
}

async function answerDocument(id: string, deps: WorkerDeps): Promise<CanonicalDocument> {
  const stored = await deps.repositories.documents.get(id);
  if (stored === null) {
    throw new GatewayError('not-found', `855 ${id} is not stored`, { permanent: true, status: 404 });
  }
  return stored.document as unknown as CanonicalDocument;
}
