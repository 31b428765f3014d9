import type { PurchaseOrder } from '../../canonical/index.js';
import {
  resolveException,
  type OrderDecision,
  type ResolutionId,
  type ResolutionInput,
  type ResolvedReview,
  type RuleFinding,
} from '../../core/index.js';
import { GatewayError } from '../../errors/index.js';
import type { OrderLineStatus, OrderStatus, StoredException, StoredOrder } from '../../store/index.js';
import type { DocumentOutcome } from '../document-handler.js';
import type { WorkerDeps } from '../pipeline-deps.js';
import { documentJobId } from '../job-queue.js';
import { advanceOrder } from './advance-order.js';
import { auditOrder } from './order-audit.js';
import { ORDER_SUBJECT } from './order-exceptions.js';
import { readPurchaseOrder } from './read-order.js';

/** A staff resolution as the API takes it: the resolution's id with its inputs beside it. */
export type OrderResolution = { [K in ResolutionId]: { id: K } & ResolutionInput<K> }[ResolutionId];

export interface ResolvedOrderException {
  exception: StoredException;
  order: StoredOrder;
  decision: OrderDecision;
  /** What continuing the order did; `queued` when it failed here and a worker will finish it. */
  outcome: DocumentOutcome;
}

const STATUS_FOR: Record<OrderDecision, OrderStatus> = {
  accept: 'open',
  hold: 'on_hold',
  reject: 'rejected',
};

function review(
  resolution: OrderResolution,
  order: PurchaseOrder,
  findings: readonly RuleFinding[],
): ResolvedReview {
  switch (resolution.id) {
    case 'accept-price': {
      const { id, ...input } = resolution;
      return resolveException(id, order, findings, input);
    }
    case 'change-quantity': {
      const { id, ...input } = resolution;
      return resolveException(id, order, findings, input);
    }
    case 'cancel-line': {
      const { id, ...input } = resolution;
      return resolveException(id, order, findings, input);
    }
    case 'reject-order': {
      const { id, ...input } = resolution;
      return resolveException(id, order, findings, input);
    }
    case 'release-hold': {
      const { id, ...input } = resolution;
      return resolveException(id, order, findings, input);
    }
  }
}

function lineStatuses(resolution: OrderResolution, decision: OrderDecision, order: StoredOrder) {
  const statuses: Record<string, OrderLineStatus> = {};
  if (decision === 'reject') for (const line of order.lines) statuses[line.lineNumber] = 'rejected';
  else if (resolution.id === 'cancel-line') statuses[resolution.lineNumber] = 'cancelled';
  return statuses;
}

async function openException(exceptionId: number, deps: WorkerDeps): Promise<StoredException> {
  const exception = await deps.repositories.exceptions.get(exceptionId);
  if (exception === null) {
    throw new GatewayError('not-found', `exception ${exceptionId} does not exist`, {
      permanent: true,
      status: 404,
    });
  }
  if (exception.status !== 'open') {
    throw new GatewayError(
      'conflict',
      `exception ${exceptionId} was already resolved by ${exception.resolvedBy ?? 'someone'}`,
      { permanent: true, status: 409 },
    );
  }
  if (exception.subjectType !== ORDER_SUBJECT) {
    throw new GatewayError(
      'resolution-invalid',
      `exception ${exceptionId} is about ${exception.subjectType} ${exception.subjectId}, not an order; order resolutions do not apply to it`,
      { permanent: true, status: 422 },
    );
  }
  return exception;
}

/**
 * Applies a staff resolution to the order an exception holds, with the core's `resolveException`,
 * and stores the new ledger. The exception is resolved once no hold remains (it stays open while
 * some do), and the order then goes on exactly as the pipeline takes it: allocation and 855, the
 * `RJ` 855 of a rejection, or the cancellation applied. Audited under `actor`. Two people resolving
 * at once cannot both win: the second gets `conflict`. Should continuing fail, the order is queued
 * for a worker to finish, so a stored resolution is never left without its 855.
 *
 * @example
 * const result = await resolveOrderException(12, { id: 'accept-price', lineNumber: '1' }, 'alice', deps);
 * result.order.status; // 'acknowledged'
 */
export async function resolveOrderException(
  exceptionId: number,
  resolution: OrderResolution,
  actor: string,
  deps: WorkerDeps,
): Promise<ResolvedOrderException> {
  const { repositories } = deps;
  const exception = await openException(exceptionId, deps);
  const stored = await repositories.orders.get(exception.subjectId);
  const document = await repositories.documents.get(exception.subjectId);
  if (stored === null || document === null) {
    throw new GatewayError(
      'not-found',
      `order ${exception.subjectId} of exception ${exceptionId} does not exist`,
      {
        permanent: true,
        status: 404,
      },
    );
  }
  const order = readPurchaseOrder(document);
  const next = review(resolution, order, stored.findings);
  const at = deps.now?.();
  const updated = await repositories.orders.update(
    stored.id,
    {
      findings: next.findings,
      decision: next.decision,
      status: STATUS_FOR[next.decision],
      lineStatuses: lineStatuses(resolution, next.decision, stored),
      ...(at === undefined ? {} : { at }),
    },
    { revision: stored.revision, statuses: ['on_hold', 'rejected'] },
  );
  if (updated === null) {
    throw new GatewayError(
      'conflict',
      `order ${stored.id} (PO ${stored.poNumber}) changed while resolution ${resolution.id} was applied; reload it and try again`,
      { permanent: true, status: 409 },
    );
  }
  await auditOrder(deps, actor, 'order-resolution-applied', stored.id, {
    exceptionId,
    resolution,
    decision: next.decision,
  });
  let current = exception;
  if (next.decision !== 'hold') {
    current = await repositories.exceptions.resolve(
      exceptionId,
      actor,
      { ...resolution, decision: next.decision },
      at,
    );
  }
  const outcome = await continueOrder(order, updated, deps, actor);
  return {
    exception: current,
    order: (await repositories.orders.get(stored.id)) ?? updated,
    decision: next.decision,
    outcome,
  };
}

async function continueOrder(
  order: PurchaseOrder,
  stored: StoredOrder,
  deps: WorkerDeps,
  actor: string,
): Promise<DocumentOutcome> {
  try {
    return await advanceOrder(order, stored, deps, actor);
  } catch (error) {
    // The resolution is stored; a worker takes the order on from it (and reports it if it cannot).
    const jobId = `${documentJobId(order.id)}-r${stored.revision}`;
    await deps.queues.add('documents', 'act', { documentId: order.id }, { jobId });
    const reason = error instanceof Error ? error.message : String(error);
    return {
      action: 'queued',
      message: `continuing PO ${order.poNumber} failed here (${reason}); a worker will finish it`,
    };
  }
}
