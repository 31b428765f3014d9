import { createHash } from 'node:crypto';
import { documentId, type PurchaseOrder } from '../../canonical/index.js';
import { mapMarketplaceOrder, orderVersionOf, type MarketplacePlatform } from '../../marketplaces/index.js';
import type { MarketplacePartnerConfig } from '../../partners/index.js';
import type { Repositories } from '../../store/index.js';
import type { WorkerDeps } from '../pipeline-deps.js';
import { enqueueDocuments, enqueueOrderBatch } from '../job-queue.js';
import { ORDER_SUBJECT } from '../orders/index.js';
import { raiseOnce } from '../reconciliation/raise-once.js';
import { recordDocumentReferences } from '../support/transmission-references.js';

/** The exception raised when a marketplace changes an order the gateway already took. */
export const ORDER_CHANGED_KIND = 'marketplace-order-changed';

const MAX_LISTED_PROBLEMS = 5;

/** What reading one marketplace order came to (the inbound worker's outcome, without acknowledgements). */
export interface MarketplaceOrderOutcome {
  status: 'processed' | 'rejected';
  message: string;
  documentIds: string[];
}

/** A stored marketplace transmission, as the inbound worker read it. */
export interface StoredMarketplaceOrder {
  id: string;
  payload: Buffer;
  partnerId: string | null;
}

/**
 * Reads a stored marketplace order: maps it with its platform's mapping and decides what it is to
 * the order core.
 * - **New.** The first version of an order is stored as a purchase order under an id derived from
 *   the marketplace and order id, and decided like an 850 (a batch of one).
 * - **Same.** The same order delivered again (a pull overlapping a webhook) maps to the same
 *   content: nothing is stored, the transmission says which one carried it first.
 * - **Cancelled.** A cancelled order the gateway took becomes a cancellation document, applied by
 *   the core as a cancelling 850 is (its stock goes back); one cancelled before the gateway ever
 *   took it is noted and left.
 * - **Changed.** Other changes (a line edited, a line cancelled by the customer) are stored as a
 *   `change` document and raise a `marketplace-order-changed` exception on the order, naming what
 *   changed: a taken order is not rewritten behind the warehouse's back. A version older than the
 *   one taken (a late webhook) is ignored.
 * A payload that is not JSON or cannot be mapped leaves the transmission `rejected` with every
 * problem's JSON pointer. Idempotent: a rerun stores and raises nothing new.
 */
export async function processMarketplaceOrder(
  stored: StoredMarketplaceOrder,
  deps: WorkerDeps,
): Promise<MarketplaceOrderOutcome> {
  const outcome = (
    status: 'processed' | 'rejected',
    message: string,
    documentIds: string[] = [],
  ): MarketplaceOrderOutcome => ({ status, message, documentIds });
  const partner = stored.partnerId === null ? undefined : deps.partners.byId(stored.partnerId);
  if (partner === undefined || partner.kind !== 'marketplace') {
    return outcome(
      'rejected',
      `marketplace order for ${stored.partnerId ?? 'no partner'}, which is not a marketplace account`,
    );
  }
  const platform = partner.transport.platform;
  let body: unknown;
  try {
    body = JSON.parse(stored.payload.toString('utf8'));
  } catch (error) {
    return outcome('rejected', `${platform} order: not JSON (${(error as Error).message})`);
  }
  const version = orderVersionOf(platform, body);
  const mapped = mapMarketplaceOrder(
    platform,
    { orderId: version?.orderId ?? '', body },
    { partnerId: partner.id, transmissionId: stored.id },
  );
  if (!mapped.ok) {
    const problems = mapped.problems.map((p) => `${p.path || '/'} ${p.message}`);
    return outcome(
      'rejected',
      [
        `${platform} order ${version?.orderId ?? '(no id)'} cannot be taken`,
        ...problems.slice(0, MAX_LISTED_PROBLEMS),
        ...(problems.length > MAX_LISTED_PROBLEMS
          ? [`and ${problems.length - MAX_LISTED_PROBLEMS} more`]
          : []),
      ].join('; '),
    );
  }
  const { repositories } = deps;
  const order = mapped.order;
  await recordDocumentReferences(repositories, [order]);
  const label = `${platform} order ${order.poNumber}`;
  const first = await repositories.documents.get(order.id);
  if (first === null) {
    if (order.purpose === 'cancellation') {
      return outcome(
        'processed',
        `${label} was cancelled on ${platform} before the gateway took it; nothing to do`,
      );
    }
    await repositories.documents.saveNew([{ document: order }]);
    await enqueueOrderBatch(deps.queues, stored.id, [order.id]);
    return outcome('processed', `${label} taken as a purchase order`, [order.id]);
  }
  const taken = first.document as PurchaseOrder;
  if (order.purpose === 'cancellation') {
    const cancellation: PurchaseOrder = { ...order, id: versionId(partner, platform, order, 'cancellation') };
    await repositories.documents.saveNew([{ document: cancellation }]);
    await enqueueDocuments(deps.queues, [cancellation.id]);
    return outcome('processed', `${label} was cancelled on ${platform}; cancelling the order taken`, [
      cancellation.id,
    ]);
  }
  const changes = differences(taken, order);
  if (changes.length === 0) {
    const from = taken.source.transmissionId;
    return outcome(
      'processed',
      `${label} is unchanged${from === undefined ? '' : ` since transmission ${from}`}`,
    );
  }
  if (await olderThanTaken(version?.updatedAt, taken, platform, repositories)) {
    return outcome(
      'processed',
      `${label}: an older version than the one taken (updated ${version?.updatedAt}); ignored`,
    );
  }
  const change: PurchaseOrder = {
    ...order,
    purpose: 'change',
    id: versionId(partner, platform, order, `change:${contentHash(order)}`),
  };
  await repositories.documents.saveNew([{ document: change }]);
  const exceptionId = await raiseOnce(
    repositories.exceptions,
    {
      partnerId: partner.id,
      subjectType: ORDER_SUBJECT,
      subjectId: taken.id,
      kind: ORDER_CHANGED_KIND,
      message: `${label} was changed on ${platform} after the gateway took it: ${changes.join('; ')}. Apply the change by hand, or cancel and take the order again.`,
      details: { changes, poNumber: order.poNumber },
    },
    { key: 'changeDocumentId', value: change.id },
  );
  const raised = exceptionId === undefined ? 'raised before' : `exception ${exceptionId} raised`;
  return outcome('processed', `${label} changed after it was taken (${changes.join('; ')}); ${raised}`, [
    change.id,
  ]);
}

/** The id of a later version of an order: its own document, found again on a rerun. */
function versionId(
  partner: MarketplacePartnerConfig,
  platform: MarketplacePlatform,
  order: PurchaseOrder,
  what: string,
): string {
  return documentId('purchase_order', partner.id, [platform, order.poNumber, what]);
}

/** The order as the core sees it, without where it came from. */
function content(order: PurchaseOrder): string {
  const { source: _source, id: _id, purpose: _purpose, ...rest } = order;
  return JSON.stringify(rest);
}

function contentHash(order: PurchaseOrder): string {
  return createHash('sha256').update(content(order)).digest('hex').slice(0, 16);
}

/** What differs between the order taken and a later version, line by line, for the exception. */
function differences(taken: PurchaseOrder, later: PurchaseOrder): string[] {
  if (content(taken) === content(later)) return [];
  const found: string[] = [];
  const byNumber = (order: PurchaseOrder) => new Map(order.lines.map((line) => [line.lineNumber, line]));
  const before = byNumber(taken);
  const after = byNumber(later);
  for (const [number, line] of before) {
    const now = after.get(number);
    if (now === undefined) found.push(`line ${number} removed`);
    else if (now.quantity !== line.quantity)
      found.push(`line ${number} quantity ${line.quantity} → ${now.quantity}`);
    else if (now.unitPrice !== line.unitPrice)
      found.push(`line ${number} price ${line.unitPrice} → ${now.unitPrice}`);
    else if (JSON.stringify(now) !== JSON.stringify(line)) found.push(`line ${number} changed`);
  }
  for (const number of after.keys()) if (!before.has(number)) found.push(`line ${number} added`);
  if (JSON.stringify(taken.parties) !== JSON.stringify(later.parties))
    found.push('addresses or buyer changed');
  if (found.length === 0) found.push('order details changed');
  return found;
}

/** Whether a later delivery is in fact an older version than the one taken (a late webhook). */
async function olderThanTaken(
  updatedAt: string | undefined,
  taken: PurchaseOrder,
  platform: MarketplacePlatform,
  repositories: Repositories,
): Promise<boolean> {
  const from = taken.source.transmissionId;
  if (updatedAt === undefined || from === undefined) return false;
  const first = await repositories.transmissions.read(from);
  if (first?.payload == null) return false;
  let body: unknown;
  try {
    body = JSON.parse(first.payload.toString('utf8'));
  } catch {
    return false;
  }
  const takenAt = orderVersionOf(platform, body)?.updatedAt;
  return takenAt !== undefined && Date.parse(updatedAt) < Date.parse(takenAt);
}
