import {
  decideOrder,
  evaluateOrder,
  isOpen,
  RESOLUTION_IDS,
  type OrderDecision,
  type RuleFinding,
} from '../../core/index.js';
import { GatewayError, isGatewayError } from '../../errors/index.js';
import type { OrderStatus } from '../../store/index.js';
import type { DocumentOutcome } from '../document-handler.js';
import { advanceOrder } from '../orders/advance-order.js';
import { auditOrder } from '../orders/order-audit.js';
import { loadOrderContext } from '../orders/order-context.js';
import { closeOrderExceptions } from '../orders/order-exceptions.js';
import { readPurchaseOrder } from '../orders/read-order.js';
import type { WorkerDeps } from '../pipeline-deps.js';
import { checkActor, operationRefused } from './support-errors.js';

/** What checking a held order again came to. */
export interface RecheckResult {
  orderId: string;
  poNumber: string;
  /** `hold` when something still holds it. */
  decision: OrderDecision;
  status: OrderStatus;
  /** The holds (and rejections) still open, as the rules give them now. */
  openFindings: { ruleId: string; severity: string; lineNumber?: string; message: string }[];
  /** What continuing the order did, when it was released. */
  outcome?: DocumentOutcome;
}

const STATUS_FOR: Record<OrderDecision, OrderStatus> = {
  accept: 'open',
  hold: 'on_hold',
  reject: 'rejected',
};
const RESOLUTION_RULES: ReadonlySet<string> = new Set(Object.values(RESOLUTION_IDS));

/**
 * Runs the core's rules again on an order on hold, with the catalog, prices and stock as they are
 * now (after a master-data load, say). What staff settled stays settled; holds the new data clears
 * go away. An order nothing holds any more goes on as the pipeline takes it (allocation and 855,
 * or the `RJ` 855 of a rejection) and its exception is resolved; one still held keeps waiting with
 * its findings brought up to date. Audited under `actor`.
 *
 * @example
 * const { decision } = await recheckHeldOrder('purchase_order:acme:4500012345', 'alice', deps);
 */
export async function recheckHeldOrder(
  orderId: string,
  actor: string,
  deps: WorkerDeps,
): Promise<RecheckResult> {
  const who = checkActor(actor);
  const { repositories } = deps;
  const stored = await repositories.orders.get(orderId);
  const document = await repositories.documents.get(orderId);
  if (stored === null || document === null) {
    throw new GatewayError('not-found', `there is no order ${orderId}`, { permanent: true, status: 404 });
  }
  if (stored.status !== 'on_hold' || stored.kind !== 'order') {
    throw operationRefused(
      `order ${orderId} (PO ${stored.poNumber}) is ${stored.kind === 'order' ? stored.status.replace('_', ' ') : 'a cancellation'}; only orders on hold are checked again`,
    );
  }
  const order = readPurchaseOrder(document);
  const context = await loadOrderContext(order, deps);
  // The order is on file itself: it must not count as its own duplicate.
  const others = context.existingOrders.filter((existing) => existing.documentId !== order.id);
  const fresh = evaluateOrder(order, { ...context, existingOrders: others }).findings;
  const findings = merge(stored.findings, fresh);
  const decision = decideOrder(findings);
  const at = deps.now?.();
  const updated = await repositories.orders.update(
    stored.id,
    { findings, decision, status: STATUS_FOR[decision], ...(at === undefined ? {} : { at }) },
    { revision: stored.revision, statuses: ['on_hold'] },
  );
  if (updated === null) {
    throw new GatewayError(
      'conflict',
      `order ${orderId} (PO ${stored.poNumber}) changed while it was checked again; reload it and try again`,
      { permanent: true, status: 409 },
    );
  }
  await auditOrder(deps, who, 'order-rechecked', stored.id, {
    decision,
    openRules: findings.filter((f) => isOpen(f) && f.severity !== 'warning').map((f) => f.ruleId),
  });
  const result: RecheckResult = {
    orderId: stored.id,
    poNumber: stored.poNumber,
    decision,
    status: updated.status,
    openFindings: findings
      .filter((f) => isOpen(f) && f.severity !== 'warning')
      .map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        ...(f.lineNumber === undefined ? {} : { lineNumber: f.lineNumber }),
        message: f.message,
      })),
  };
  if (decision === 'hold') return result;
  await closeOrderExceptions(updated, who, { action: 'recheck', decision }, deps);
  result.outcome = await advanceOrder(order, updated, deps, who);
  result.status = (await repositories.orders.get(stored.id))?.status ?? updated.status;
  return result;
}

/** One order's failure among many: the others are still checked. */
export interface RecheckFailure {
  orderId: string;
  error: string;
}

/**
 * Checks again every order on hold (of one partner, or all), one by one; see `recheckHeldOrder`.
 *
 * @example
 * const { released, stillHeld } = await recheckHeldOrders({ partnerId: 'acme' }, 'alice', deps);
 */
export async function recheckHeldOrders(
  input: { partnerId?: string },
  actor: string,
  deps: WorkerDeps,
): Promise<{
  checked: number;
  released: RecheckResult[];
  stillHeld: RecheckResult[];
  failed: RecheckFailure[];
}> {
  const who = checkActor(actor);
  const held = await deps.repositories.orders.list({
    status: 'on_hold',
    kind: 'order',
    limit: 1000,
    ...(input.partnerId === undefined ? {} : { partnerId: input.partnerId }),
  });
  const released: RecheckResult[] = [];
  const stillHeld: RecheckResult[] = [];
  const failed: RecheckFailure[] = [];
  for (const order of held) {
    try {
      const result = await recheckHeldOrder(order.id, who, deps);
      (result.decision === 'hold' ? stillHeld : released).push(result);
    } catch (error) {
      if (!isGatewayError(error)) throw error;
      failed.push({ orderId: order.id, error: error.message });
    }
  }
  return { checked: held.length, released, stillHeld, failed };
}

/**
 * The findings after a fresh evaluation: staff resolutions and what they settled are kept; a
 * fresh finding on a rule and line staff settled is dropped (they decided it already); every
 * other fresh finding replaces the old one.
 */
function merge(previous: readonly RuleFinding[], fresh: readonly RuleFinding[]): RuleFinding[] {
  const key = (f: RuleFinding) => `${f.ruleId}\u0000${f.lineNumber ?? ''}`;
  const kept = previous.filter((f) => !isOpen(f) || RESOLUTION_RULES.has(f.ruleId));
  const settled = new Set(previous.filter((f) => !isOpen(f)).map(key));
  return [...kept, ...fresh.filter((f) => !settled.has(key(f)))];
}
