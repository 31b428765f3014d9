import { compareDecimals, type PurchaseOrder } from '../../canonical/index.js';
import { allocateOrder, linesToAllocate, type AllocationRules } from '../../core/index.js';
import { GatewayError } from '../../errors/index.js';
import type { StoredInventoryLevel, StoredOrder } from '../../store/index.js';
import type { WorkerDeps } from '../pipeline-deps.js';
import { allocationLines } from './allocation-lines.js';
import { auditOrder } from './order-audit.js';
import { catalogForOrder } from './order-context.js';
import { matchItems } from './order-items.js';

// Each lost race means another order got its stock first, so attempts are bounded by how many
// orders contend at once; past this the job is retried later rather than spin.
const ATTEMPTS = 20;

function toStock(level: StoredInventoryLevel) {
  return { itemId: level.itemId, locationId: level.locationId, kind: level.kind, available: level.available };
}

/**
 * Our item for each line: as stored, and matched again where a line had none, since staff may
 * have loaded the cross-reference of an unknown SKU before releasing its hold.
 */
async function itemsOf(
  order: PurchaseOrder,
  stored: StoredOrder,
  deps: WorkerDeps,
): Promise<Map<string, string>> {
  const items = new Map<string, string>();
  for (const line of stored.lines) if (line.itemId !== null) items.set(line.lineNumber, line.itemId);
  if (items.size === order.lines.length) return items;
  for (const [lineNumber, itemId] of matchItems(order, await catalogForOrder(order, deps))) {
    if (!items.has(lineNumber)) items.set(lineNumber, itemId);
  }
  return items;
}

/**
 * Allocates an accepted order: plans with the partner's strategy against the stock available now,
 * then reserves it in one transaction. When another order took stock the plan counted on, the
 * transaction changes nothing and the order is planned again against the new figures. An order
 * allocated before (a rerun) is returned as it is, reserving nothing twice.
 *
 * @example
 * const allocated = await allocateStoredOrder(po, stored, deps, 'pipeline');
 * allocated.allocation; // LineAllocation[] for the 855
 */
export async function allocateStoredOrder(
  order: PurchaseOrder,
  stored: StoredOrder,
  deps: WorkerDeps,
  actor: string,
): Promise<StoredOrder> {
  if (stored.allocation !== null) return stored;
  const { repositories } = deps;
  const rules: AllocationRules = deps.partners.get(order.partnerId).business.allocation;
  const items = await itemsOf(order, stored, deps);
  const lines = linesToAllocate(order, stored.findings, items);
  const itemIds = [...new Set(lines.flatMap((line) => (line.itemId === undefined ? [] : [line.itemId])))];
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const stock = (await repositories.inventory.levels(itemIds)).map(toStock);
    const plan = allocateOrder(lines, stock, rules);
    const at = deps.now?.() ?? new Date();
    const figures = allocationLines(order, stored.findings, plan, items);
    const result = await repositories.inventory.commitAllocation({
      orderId: stored.id,
      allocation: plan.allocations,
      reservations: plan.reservations,
      lines: figures,
      at,
    });
    if (result.outcome === 'stock-changed') continue;
    if (result.outcome === 'allocated') {
      await auditOrder(deps, actor, 'order-allocated', stored.id, {
        strategy: rules.strategy,
        reservations: plan.reservations,
        backordered: plan.allocations.filter((entry) => compareDecimals(entry.backordered, '0') > 0),
      });
      // Exactly what the transaction wrote: no need to read it back.
      return {
        ...stored,
        allocation: plan.allocations,
        revision: stored.revision + 1,
        updatedAt: at,
        lines: stored.lines.map((line) => {
          const { lineNumber: _, ...written } = figures.find((f) => f.lineNumber === line.lineNumber) ?? line;
          return { ...line, ...written };
        }),
      };
    }
    const current = await repositories.orders.get(stored.id);
    if (current === null) {
      throw new GatewayError('not-found', `order ${stored.id} disappeared while being allocated`, {
        permanent: true,
        status: 404,
      });
    }
    return current;
  }
  throw new GatewayError(
    'allocation-contended',
    `order ${stored.id} (PO ${order.poNumber}): stock kept changing under ${ATTEMPTS} allocation attempts; it will be allocated on the next try`,
    { permanent: false, status: 503 },
  );
}
