import type { WorkerDeps } from '../pipeline-deps.js';

/** The actor of what the pipeline does on its own; staff resolutions carry the person's name. */
export const PIPELINE_ACTOR = 'pipeline';

/**
 * Records one change of an order in the audit trail (subject `order`, the order's id).
 *
 * @example
 * await auditOrder(deps, 'alice', 'order-resolution-applied', order.id, { exceptionId: 12 });
 */
export async function auditOrder(
  deps: WorkerDeps,
  actor: string,
  action: string,
  orderId: string,
  details: Record<string, unknown>,
): Promise<void> {
  await deps.repositories.audit.record({
    actor,
    action,
    subjectType: 'order',
    subjectId: orderId,
    details,
    ...(deps.now === undefined ? {} : { at: deps.now() }),
  });
}
