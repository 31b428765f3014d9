import { isOpen, type RuleFinding } from '../../core/index.js';
import type { StoredOrder } from '../../store/index.js';
import type { WorkerDeps } from '../pipeline-deps.js';
import { isGatewayError } from '../../errors/index.js';
import { auditOrder, PIPELINE_ACTOR } from './order-audit.js';

/**
 * Exception kinds of orders. One exception per held order rather than one per rule: staff settle
 * the order as a whole, it moves on only when every hold is settled, and support works one queue
 * item per order. `cancellation-rejected`: a cancellation we cannot apply and cannot answer with
 * an 855, so a person must tell the buyer.
 */
export const ORDER_EXCEPTION_KINDS = {
  hold: 'order-hold',
  cancellationRejected: 'cancellation-rejected',
} as const;

export const ORDER_SUBJECT = 'order';

/**
 * The open findings of a severity, in the order the core listed them.
 *
 * @example
 * openFindings(order.findings, 'hold').map((finding) => finding.ruleId); // ['pack-size']
 */
export function openFindings(findings: readonly RuleFinding[], severity: 'hold' | 'reject'): RuleFinding[] {
  return findings.filter((finding) => isOpen(finding) && finding.severity === severity);
}

function describe(order: StoredOrder, findings: readonly RuleFinding[], verdict: string): string {
  const reasons = findings.map((finding) => `[${finding.ruleId}] ${finding.message}`).join(' ');
  const what =
    order.kind === 'cancellation' ? `The cancellation of PO ${order.poNumber}` : `PO ${order.poNumber}`;
  return `${what} ${verdict} (${findings.length} reason${findings.length === 1 ? '' : 's'}): ${reasons}`;
}

/**
 * Opens the exception a held order (or a refused cancellation) waits in, listing every reason the
 * rules gave. Raised once: a rerun finds the exception it raised, open or already resolved.
 *
 * @example
 * await raiseOrderException(stored, 'order-hold', deps);
 */
export async function raiseOrderException(
  order: StoredOrder,
  kind: (typeof ORDER_EXCEPTION_KINDS)[keyof typeof ORDER_EXCEPTION_KINDS],
  deps: WorkerDeps,
): Promise<number> {
  const { exceptions } = deps.repositories;
  const [raised] = await exceptions.list({ subjectType: ORDER_SUBJECT, subjectId: order.id, kind, limit: 1 });
  if (raised !== undefined) return raised.id;
  const hold = kind === ORDER_EXCEPTION_KINDS.hold;
  const findings = openFindings(order.findings, hold ? 'hold' : 'reject');
  const message = describe(order, findings, hold ? 'is on hold' : 'cannot be applied; tell the buyer');
  const id = await exceptions.raise({
    partnerId: order.partnerId,
    subjectType: ORDER_SUBJECT,
    subjectId: order.id,
    kind,
    message,
    details: {
      poNumber: order.poNumber,
      orderKind: order.kind,
      findings: findings.map((finding) => ({
        ruleId: finding.ruleId,
        severity: finding.severity,
        ...(finding.lineNumber === undefined ? {} : { lineNumber: finding.lineNumber }),
        message: finding.message,
      })),
    },
    ...(deps.now === undefined ? {} : { at: deps.now() }),
  });
  await auditOrder(deps, PIPELINE_ACTOR, hold ? 'order-held' : 'cancellation-rejected', order.id, {
    exceptionId: id,
    kind,
    rules: findings.map((finding) => finding.ruleId),
  });
  return id;
}

/**
 * Closes the order's open exceptions once nothing holds it any more (the buyer cancelled it, or
 * a resolution was stored but the exception was not closed before a crash).
 *
 * @example
 * await closeOrderExceptions(order, 'pipeline', { note: 'cancelled by the buyer' }, deps);
 */
export async function closeOrderExceptions(
  order: StoredOrder,
  actor: string,
  resolution: Record<string, unknown>,
  deps: WorkerDeps,
): Promise<number[]> {
  const open = await deps.repositories.exceptions.list({
    subjectType: ORDER_SUBJECT,
    subjectId: order.id,
    status: 'open',
  });
  const at = deps.now?.();
  const closed: number[] = [];
  for (const exception of open) {
    await deps.repositories.exceptions.resolve(exception.id, actor, resolution, at).then(
      () => closed.push(exception.id),
      (error: unknown) => {
        // Resolved by someone else in the meantime: the outcome is the same.
        if (!isGatewayError(error) || error.code !== 'conflict') throw error;
      },
    );
  }
  return closed;
}
