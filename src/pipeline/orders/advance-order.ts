import type { PurchaseOrder } from '../../canonical/index.js';
import type { StoredOrder } from '../../store/index.js';
import type { DocumentOutcome } from '../document-handler.js';
import type { WorkerDeps } from '../pipeline-deps.js';
import { acknowledgeStoredOrder, type AnswerOptions } from './acknowledge-stored-order.js';
import { allocateStoredOrder } from './allocate-stored-order.js';
import { applyCancellation } from './apply-cancellation.js';
import { closeOrderExceptions, ORDER_EXCEPTION_KINDS, raiseOrderException } from './order-exceptions.js';

async function advanceCancellation(
  stored: StoredOrder,
  deps: WorkerDeps,
  actor: string,
): Promise<DocumentOutcome> {
  const po = `PO ${stored.poNumber}`;
  switch (stored.status) {
    case 'on_hold': {
      const id = await raiseOrderException(stored, ORDER_EXCEPTION_KINDS.hold, deps);
      return { action: 'held', message: `the cancellation of ${po} waits for staff in exception ${id}` };
    }
    case 'rejected': {
      const id = await raiseOrderException(stored, ORDER_EXCEPTION_KINDS.cancellationRejected, deps);
      return { action: 'rejected', message: `the cancellation of ${po} cannot be applied; exception ${id}` };
    }
    case 'open': {
      const { cancelled } = await applyCancellation(stored, deps, actor);
      const what =
        cancelled === null ? 'no live order to cancel' : `order ${cancelled.id} is ${cancelled.status}`;
      return { action: 'cancelled', message: `the cancellation of ${po} is applied: ${what}` };
    }
    default:
      return { action: stored.status, message: `the cancellation of ${po} is already ${stored.status}` };
  }
}

/**
 * Takes a stored order on from wherever it stands, so that a first run, a rerun after a crash and
 * the run after a staff resolution all go through the same steps: a held order waits in its
 * exception; an accepted one is allocated and answered with its 855; a rejected one is answered
 * `RJ`; a cancellation is applied to the order it names. Steps already done are not done again.
 * With `deferAnswer` the 855 is stored but not sent: the caller sends it with others.
 *
 * @example
 * const outcome = await advanceOrder(po, await receiveOrder(po, deps), deps, 'pipeline');
 */
export async function advanceOrder(
  order: PurchaseOrder,
  stored: StoredOrder,
  deps: WorkerDeps,
  actor: string,
  options: AnswerOptions = {},
): Promise<DocumentOutcome> {
  if (stored.kind === 'cancellation') return advanceCancellation(stored, deps, actor);
  const po = `PO ${stored.poNumber}`;
  switch (stored.status) {
    case 'on_hold': {
      const id = await raiseOrderException(stored, ORDER_EXCEPTION_KINDS.hold, deps);
      return { action: 'held', message: `${po} waits for staff in exception ${id}` };
    }
    case 'open': {
      // A resolution stored just before a crash may have left its exception open.
      if (stored.findings.some((finding) => finding.severity === 'hold')) {
        await closeOrderExceptions(stored, actor, { note: 'no hold remains on the order' }, deps);
      }
      const allocated = await allocateStoredOrder(order, stored, deps, actor);
      // Cancelled by the buyer while it was being allocated: nothing is acknowledged.
      if (allocated.status !== 'open') return advanceOrder(order, allocated, deps, actor, options);
      const acknowledged = await acknowledgeStoredOrder(order, allocated, deps, actor, options);
      return {
        action: 'acknowledged',
        message: `${po} is ${acknowledged.status}, 855 ${acknowledged.ackDocumentId ?? ''}`,
      };
    }
    case 'rejected': {
      // Nothing is reserved before allocation; giving back is for an order rejected after it.
      await deps.repositories.inventory.release(stored.id);
      await closeOrderExceptions(stored, actor, { note: 'the order is rejected' }, deps);
      const answered =
        stored.ackDocumentId === null
          ? await acknowledgeStoredOrder(order, stored, deps, actor, options)
          : stored;
      return { action: 'rejected', message: `${po} is rejected, 855 ${answered.ackDocumentId ?? ''}` };
    }
    default:
      return { action: stored.status, message: `${po} is already ${stored.status}` };
  }
}
