import type { IsoDate, PurchaseOrder } from '../../canonical/index.js';
import type {
  Catalog,
  ExistingOrder,
  ExistingOrderStatus,
  OrderContext,
  PartnerBusinessSettings,
} from '../../core/index.js';
import type { PartnerConfig } from '../../partners/index.js';
import type { OrderSummary } from '../../store/index.js';
import type { WorkerDeps } from '../pipeline-deps.js';

// The cancellation and duplicate rules take the first order on file with the PO number: a live
// order must come before a dead one, or a cancellation would find the rejected resend first.
const DEAD: ReadonlySet<ExistingOrderStatus> = new Set(['cancelled', 'rejected']);

/**
 * The business day of `now`, in UTC: what "today" means for requested dates and the 855.
 *
 * @example
 * businessDay({ now: () => new Date('2025-03-02T12:00:00Z') }); // '2025-03-02'
 */
export function businessDay(deps: Pick<WorkerDeps, 'now'>): IsoDate {
  return (deps.now?.() ?? new Date()).toISOString().slice(0, 10);
}

/** Every id the order's lines carry; the catalog narrows to the items these could name. */
export function lineIds(order: PurchaseOrder): string[] {
  return order.lines.flatMap((line) =>
    Object.values(line.ids).filter((value): value is string => typeof value === 'string'),
  );
}

export function partnerSettings(partner: PartnerConfig): PartnerBusinessSettings {
  const { business } = partner;
  return {
    partnerId: partner.id,
    // YAML numbers such as 0.5 convert exactly for the values people write.
    priceTolerancePercent: String(business.priceTolerancePercent),
    currency: business.currency,
    ...(business.minimumOrderQuantity === undefined
      ? {}
      : { minimumOrderQuantity: String(business.minimumOrderQuantity) }),
  };
}

/** The partner's catalog narrowed to the items the order's lines could name. */
export function catalogForOrder(order: PurchaseOrder, deps: WorkerDeps): Promise<Catalog> {
  return deps.repositories.catalog.catalogFor(order.partnerId, lineIds(order));
}

function existingOrders(summaries: readonly OrderSummary[]): ExistingOrder[] {
  return summaries
    .filter((summary) => summary.kind === 'order')
    .sort((a, b) => Number(DEAD.has(a.status)) - Number(DEAD.has(b.status)))
    .map((summary) => ({ poNumber: summary.poNumber, status: summary.status, documentId: summary.id }));
}

/**
 * Reads from the store everything the core's rules need about an order: the partner's terms, the
 * catalog items its lines could name, the partner's prices for them, its orders with the same PO
 * number, and today.
 *
 * @example
 * const { decision, findings } = evaluateOrder(order, await loadOrderContext(order, deps));
 */
export async function loadOrderContext(order: PurchaseOrder, deps: WorkerDeps): Promise<OrderContext> {
  const { repositories } = deps;
  const partner = deps.partners.get(order.partnerId);
  const catalog = await catalogForOrder(order, deps);
  const listId = partner.business.priceList;
  const itemIds = catalog.items.map((item) => item.itemId);
  const priceList =
    listId === undefined
      ? { entries: [] }
      : await repositories.priceLists.priceListFor(listId, partner.id, itemIds);
  const summaries = await repositories.orders.withPoNumber(order.partnerId, order.poNumber);
  return {
    partner: partnerSettings(partner),
    catalog,
    priceList,
    existingOrders: existingOrders(summaries),
    today: businessDay(deps),
  };
}
