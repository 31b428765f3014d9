import type { OrderStatus, StoredOrder } from '../../store/index.js';
import type { WorkerDeps } from '../pipeline-deps.js';
import { auditOrder } from './order-audit.js';
import { closeOrderExceptions } from './order-exceptions.js';

// What a buyer's cancellation can still stop. A partly shipped order only gets here once staff
// have released the hold the cancellation rule put on it.
const CANCELLABLE: readonly OrderStatus[] = ['open', 'on_hold', 'acknowledged', 'partially_shipped'];

/**
 * Applies an accepted cancellation (850 with BEG01 `01`): the live order with its PO number is
 * cancelled and its stock given back in one transaction, its open exception is closed, and the
 * cancellation is marked applied. No 855 answers it. When the order is already cancelled or
 * rejected there is nothing to stop, and the cancellation is simply marked applied.
 *
 * @example
 * await applyCancellation(cancellation, deps, 'pipeline');
 */
export async function applyCancellation(
  cancellation: StoredOrder,
  deps: WorkerDeps,
  actor: string,
): Promise<{ cancelled: StoredOrder | null; cancellation: StoredOrder }> {
  const { repositories } = deps;
  const at = deps.now?.();
  const sameNumber = await repositories.orders.withPoNumber(cancellation.partnerId, cancellation.poNumber);
  const target = sameNumber.find(
    (summary) => summary.kind === 'order' && CANCELLABLE.includes(summary.status),
  );
  let cancelled: StoredOrder | null = null;
  if (target !== undefined) {
    const { changed, released } = await repositories.inventory.release(target.id, {
      status: { to: 'cancelled', from: CANCELLABLE },
      lineStatus: 'cancelled',
      ...(at === undefined ? {} : { at }),
    });
    cancelled = await repositories.orders.get(target.id);
    if (changed && cancelled !== null) {
      await auditOrder(deps, actor, 'order-cancelled', target.id, {
        cancellationId: cancellation.id,
        previousStatus: target.status,
        released: released.map(({ lineNumber, itemId, locationId, quantity }) => ({
          lineNumber,
          itemId,
          locationId,
          quantity,
        })),
      });
      await closeOrderExceptions(
        cancelled,
        actor,
        { note: 'cancelled by the buyer', cancellationId: cancellation.id },
        deps,
      );
    }
  }
  const applied = await repositories.orders.update(
    cancellation.id,
    {
      status: 'cancelled',
      ...(target === undefined ? {} : { targetOrderId: target.id }),
      ...(at === undefined ? {} : { at }),
    },
    { statuses: ['open'] },
  );
  if (applied !== null) {
    await auditOrder(deps, actor, 'cancellation-applied', cancellation.id, {
      poNumber: cancellation.poNumber,
      targetOrderId: target?.id ?? null,
    });
  }
  return {
    cancelled,
    cancellation: applied ?? (await repositories.orders.get(cancellation.id)) ?? cancellation,
  };
}
