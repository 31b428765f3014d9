import {
  compareDecimals,
  documentId,
  subtractDecimals,
  type PurchaseOrder,
  type PurchaseOrderAck,
} from '../../canonical/index.js';
import {
  acknowledgeOrder,
  allocateOrder,
  echoIntoAck,
  evaluateOrder,
  linesToAllocate,
  rejectedByStaff,
  type AllocationPlan,
  type ExistingOrder,
  type StockAtLocation,
} from '../../core/index.js';
import type { PartnerConfig } from '../../partners/index.js';
import type { AllocationCommit, AuditEntry, NewOrder, StoredOrder } from '../../store/index.js';
import { derivedUuid } from '../acknowledge-interchange.js';
import type { DocumentOutcome } from '../document-handler.js';
import { processDocument } from '../documents-worker.js';
import { emitDocument, emitDocuments, takesOrderAnswers } from '../emit-document.js';
import type { WorkerDeps } from '../pipeline-deps.js';
import { recordDocumentReferences } from '../support/transmission-references.js';
import { gathersAnswers } from './answer-batch.js';
import { allocateStoredOrder } from './allocate-stored-order.js';
import { allocationLines } from './allocation-lines.js';
import { PIPELINE_ACTOR } from './order-audit.js';
import { businessDay, lineIds, partnerSettings } from './order-context.js';
import { matchItems } from './order-items.js';
import { readPurchaseOrder } from './read-order.js';
import { receivedOrder } from './receive-order.js';

/** What a batch job did, for its result and the logs. */
export interface OrderBatchOutcome extends DocumentOutcome {
  /** Orders decided, allocated and answered in the batch's set-based steps. */
  batched: number;
  /** Orders taken one by one through the per-order flow (held, cancellations, reruns in odd states). */
  single: number;
}

// The cancellation and duplicate rules take the first order on file with the PO number: a live
// order must come before a dead one (as `loadOrderContext` sorts them).
const DEAD = new Set(['cancelled', 'rejected']);

/** One order of the batch as it goes through the steps. */
interface Entry {
  order: PurchaseOrder;
  stored: StoredOrder;
  items: Map<string, string>;
}

/**
 * Decides the purchase orders of a batch (the orders of one inbound interchange) with a fixed
 * number of statements, whatever their count: the documents, earlier orders with the same PO
 * numbers, the catalog, the prices and the stock are read once; every new order is evaluated by
 * the core and stored in one insert; the accepted ones are allocated in one transaction of
 * set-based conditional updates; and their 855s go out together in one interchange, with the
 * orders marked acknowledged in one update. Audit events are written in one insert per step.
 *
 * What is not plain goes through the per-order flow instead, one by one: cancellations, held
 * orders (their exception), and orders a rerun finds in another state. When another worker took
 * stock the batch's plan counted on, the batch's allocation changes nothing and each order is
 * allocated on its own, as under contention before.
 *
 * Idempotent like the per-order flow: every step skips what a run before it did (orders are
 * inserted once, an allocation is claimed once, an order is acknowledged once) and the 855s of the
 * batch are one outbound transmission under an id derived from the batch's key, so a rerun sends
 * the one stored, never a second.
 *
 * @example
 * await decideOrderBatch(`${transmissionId}-${isa13}`, documentIds, deps);
 */
export async function decideOrderBatch(
  batchKey: string,
  documentIds: readonly string[],
  deps: WorkerDeps,
): Promise<OrderBatchOutcome> {
  const { repositories } = deps;
  const documents = await repositories.documents.getMany(documentIds);
  const byId = new Map(documents.map((stored) => [stored.id, stored]));
  const orders: PurchaseOrder[] = [];
  const others: string[] = [];
  for (const id of documentIds) {
    const stored = byId.get(id);
    if (stored?.type === 'purchase_order') orders.push(readPurchaseOrder(stored));
    else others.push(id);
  }
  // Whatever is not a purchase order (or is missing) gets the per-document flow and its errors.
  for (const id of others) await processDocument(id, deps);
  await recordDocumentReferences(repositories, orders);

  const outcome: OrderBatchOutcome = { action: 'decided', message: '', batched: 0, single: others.length };
  const byPartner = new Map<string, PurchaseOrder[]>();
  for (const order of orders)
    byPartner.set(order.partnerId, [...(byPartner.get(order.partnerId) ?? []), order]);
  const messages: string[] = [];
  for (const [partnerId, partnerOrders] of byPartner) {
    const done = await decidePartnerOrders(`${batchKey}:${partnerId}`, partnerOrders, deps);
    outcome.batched += done.batched;
    outcome.single += done.single;
    messages.push(done.message);
  }
  outcome.message = `${orders.length} purchase order(s): ${messages.join('; ')}`;
  return outcome;
}

async function decidePartnerOrders(
  batchKey: string,
  orders: readonly PurchaseOrder[],
  deps: WorkerDeps,
): Promise<{ batched: number; single: number; message: string }> {
  const partner = deps.partners.get(orders[0]?.partnerId ?? '');
  const at = deps.now?.() ?? new Date();
  let stored = await storedOrders(orders, deps);
  const fresh = orders.filter((order) => !stored.has(order.id));
  if (fresh.length > 0) {
    await receiveOrders(fresh, partner, deps, at);
    stored = await storedOrders(orders, deps);
  }

  // Plain orders go through the set-based steps; anything else through the per-order flow.
  const toAllocate: Entry[] = [];
  const decided: Entry[] = [];
  const single: PurchaseOrder[] = [];
  for (const order of orders) {
    const current = stored.get(order.id);
    if (current === undefined || current.ackDocumentId !== null) continue;
    const entry = { order, stored: current, items: storedItems(current) };
    const held = current.findings.some((finding) => finding.severity === 'hold');
    if (current.kind === 'order' && current.status === 'open' && !held) {
      (current.allocation === null ? toAllocate : decided).push(entry);
    } else if (
      current.kind === 'order' &&
      current.status === 'rejected' &&
      !rejectedByStaff(current.findings)
    ) {
      // Rejected by the rules on receipt: nothing to give back or close, and its RJ 855 is the
      // batch's to send, on a rerun too (it may be in the interchange already sent). A staff
      // rejection is answered by the resolution's own flow, one by one.
      decided.push(entry);
    } else {
      single.push(order);
    }
  }
  const allocated = await allocateEntries(toAllocate, partner, deps, at);
  decided.push(...allocated.values());
  // The 855s in file order, whichever step decided them.
  const position = new Map(orders.map((order, i) => [order.id, i]));
  decided.sort((a, b) => (position.get(a.order.id) ?? 0) - (position.get(b.order.id) ?? 0));
  await answerEntries(batchKey, decided, partner, deps, at);

  // The rest one by one, through the same steps a per-document job takes.
  for (const order of single) await processDocument(order.id, deps);
  const message = `${decided.length} decided together, ${single.length} one by one`;
  return { batched: decided.length, single: single.length, message };
}

async function storedOrders(
  orders: readonly PurchaseOrder[],
  deps: WorkerDeps,
): Promise<Map<string, StoredOrder>> {
  const rows = await deps.repositories.orders.getMany(orders.map((order) => order.id));
  return new Map(rows.map((row) => [row.id, row]));
}

/** Our item for each line, as the order was stored with them. */
function storedItems(stored: StoredOrder): Map<string, string> {
  const items = new Map<string, string>();
  for (const line of stored.lines) if (line.itemId !== null) items.set(line.lineNumber, line.itemId);
  return items;
}

/**
 * Evaluates the new orders against master data read once for all of them, and stores them in
 * one insert with one audit insert. Orders of the batch with the same PO number see each other
 * (in file order), as they would have one job after the other.
 */
async function receiveOrders(
  fresh: readonly PurchaseOrder[],
  partner: PartnerConfig,
  deps: WorkerDeps,
  at: Date,
): Promise<void> {
  const { repositories } = deps;
  const partnerId = partner.id;
  const catalog = await repositories.catalog.catalogFor(partnerId, fresh.flatMap(lineIds));
  const listId = partner.business.priceList;
  const priceList =
    listId === undefined
      ? { entries: [] }
      : await repositories.priceLists.priceListFor(
          listId,
          partnerId,
          catalog.items.map((item) => item.itemId),
        );
  const earlier = await repositories.orders.withPoNumbers(partnerId, [
    ...new Set(fresh.map((order) => order.poNumber)),
  ]);
  const onFile = new Map<string, ExistingOrder[]>();
  for (const summary of [...earlier].reverse()) {
    if (summary.kind !== 'order') continue;
    const list = onFile.get(summary.poNumber) ?? [];
    // Newest first, as `withPoNumber` gives them; this batch's own orders go in front below.
    list.unshift({ poNumber: summary.poNumber, status: summary.status, documentId: summary.id });
    onFile.set(summary.poNumber, list);
  }
  const settings = partnerSettings(partner);
  const today = businessDay(deps);
  const news: NewOrder[] = [];
  const audit: AuditEntry[] = [];
  for (const order of fresh) {
    const existing = [...(onFile.get(order.poNumber) ?? [])].sort(
      (a, b) => Number(DEAD.has(a.status)) - Number(DEAD.has(b.status)),
    );
    const { decision, findings } = evaluateOrder(order, {
      partner: settings,
      catalog,
      priceList,
      existingOrders: existing,
      today,
    });
    const { record, audit: entry } = receivedOrder(
      order,
      { decision, findings },
      matchItems(order, catalog),
      at,
    );
    news.push(record);
    if (record.kind === 'order') {
      onFile.set(order.poNumber, [
        { poNumber: order.poNumber, status: record.status, documentId: order.id },
        ...(onFile.get(order.poNumber) ?? []),
      ]);
    }
    audit.push(entry);
  }
  const { created } = await repositories.orders.createMany(news);
  const now = new Set(created);
  await repositories.audit.recordMany(audit.filter((entry) => now.has(entry.subjectId)));
}

/**
 * Allocates the accepted orders of the batch: each is planned in file order against the stock
 * read once, less what the orders before it took, and all are committed in one transaction. When
 * the stock changed meanwhile (another worker), nothing of it is kept and each order is allocated
 * on its own, with the per-order flow's retries. Answers the orders as allocated.
 */
async function allocateEntries(
  entries: readonly Entry[],
  partner: PartnerConfig,
  deps: WorkerDeps,
  at: Date,
): Promise<Map<string, Entry>> {
  const result = new Map<string, Entry>();
  if (entries.length === 0) return result;
  const { repositories } = deps;
  const rules = partner.business.allocation;
  const toAllocate = entries.map((entry) => ({
    entry,
    lines: linesToAllocate(entry.order, entry.stored.findings, entry.items),
  }));
  const itemIds = [...new Set(toAllocate.flatMap(({ lines }) => lines.flatMap((line) => line.itemId ?? [])))];
  const stock = new Map<string, StockAtLocation>();
  for (const level of await repositories.inventory.levels(itemIds)) {
    stock.set(`${level.itemId}\u0000${level.locationId}`, {
      itemId: level.itemId,
      locationId: level.locationId,
      kind: level.kind,
      available: level.available,
    });
  }
  const plans: { entry: Entry; plan: AllocationPlan; commit: AllocationCommit }[] = [];
  for (const { entry, lines } of toAllocate) {
    // Only the order's items: the plan reads every level it is given.
    const items = new Set(lines.flatMap((line) => line.itemId ?? []));
    const plan = allocateOrder(
      lines,
      [...stock.values()].filter((level) => items.has(level.itemId)),
      rules,
    );
    for (const reservation of plan.reservations) {
      const key = `${reservation.itemId}\u0000${reservation.locationId}`;
      const level = stock.get(key);
      if (level !== undefined)
        stock.set(key, { ...level, available: subtractDecimals(level.available, reservation.quantity) });
    }
    const lineFigures = allocationLines(entry.order, entry.stored.findings, plan, entry.items);
    plans.push({
      entry,
      plan,
      commit: {
        orderId: entry.stored.id,
        allocation: plan.allocations,
        reservations: plan.reservations,
        lines: lineFigures,
        at,
      },
    });
  }
  const committed = await repositories.inventory.commitAllocations(plans.map((p) => p.commit));
  if (committed.outcome === 'stock-changed') {
    // Another worker took stock this plan counted on: each order on its own, with retries.
    for (const { entry } of plans) {
      const allocated = await allocateStoredOrder(entry.order, entry.stored, deps, PIPELINE_ACTOR);
      if (allocated.status === 'open' && allocated.allocation !== null) {
        result.set(entry.order.id, { ...entry, stored: allocated });
      }
    }
    return result;
  }
  const claimed = new Set(committed.allocated);
  const audit: AuditEntry[] = [];
  for (const { entry, plan, commit } of plans) {
    if (!claimed.has(entry.stored.id)) continue;
    result.set(entry.order.id, {
      ...entry,
      stored: {
        ...entry.stored,
        allocation: plan.allocations,
        revision: entry.stored.revision + 1,
        updatedAt: at,
        lines: entry.stored.lines.map((line) => {
          const { lineNumber: _, ...written } =
            commit.lines.find((figure) => figure.lineNumber === line.lineNumber) ?? line;
          return { ...line, ...written };
        }),
      },
    });
    audit.push({
      actor: PIPELINE_ACTOR,
      action: 'order-allocated',
      subjectType: 'order',
      subjectId: entry.stored.id,
      details: {
        strategy: rules.strategy,
        reservations: plan.reservations,
        backordered: plan.allocations.filter((a) => compareDecimals(a.backordered, '0') > 0),
      },
      at,
    });
  }
  await repositories.audit.recordMany(audit);
  // Claimed by a run before this one (or cancelled meanwhile): the per-order flow sorts them out.
  for (const skipped of committed.skipped) {
    const entry = entries.find((e) => e.stored.id === skipped.orderId);
    if (entry === undefined) continue;
    await processDocument(entry.order.id, deps);
  }
  return result;
}

/**
 * Answers decided orders (allocated, or rejected) with their 855s: built by the core, or the one
 * stored by an earlier run, and sent in one interchange when the partner takes its 855s gathered,
 * else one by one; then the orders are acknowledged in one update and one audit insert.
 */
async function answerEntries(
  batchKey: string,
  entries: readonly Entry[],
  partner: PartnerConfig,
  deps: WorkerDeps,
  at: Date,
): Promise<void> {
  if (entries.length === 0) return;
  const { repositories } = deps;
  const ackIds = entries.map((entry) =>
    documentId('purchase_order_ack', entry.order.partnerId, [entry.order.id]),
  );
  const earlier = new Map(
    (await repositories.documents.getMany(ackIds)).map((stored) => [stored.id, stored.document]),
  );
  const echo = partner.kind === 'x12' ? partner.documents.options['855'].echo : undefined;
  const ackDate = businessDay(deps);
  const acks = entries.map(
    (entry, i) =>
      (earlier.get(ackIds[i] ?? '') as PurchaseOrderAck | undefined) ??
      echoIntoAck(
        acknowledgeOrder({
          order: entry.order,
          findings: entry.stored.findings,
          allocation: entry.stored.allocation ?? [],
          ackDate,
        }),
        entry.order,
        echo,
      ),
  );
  const takes855 = takesOrderAnswers(partner);
  const transmissionIds = new Map<string, string>();
  if (!takes855) {
    await repositories.documents.saveNew(acks.map((document) => ({ document })));
  } else if (gathersAnswers(partner) && acks.length > 1) {
    const { transmissionId } = await emitDocuments(acks, derivedUuid(`order-batch:${batchKey}`), deps);
    for (const ack of acks) transmissionIds.set(ack.id, transmissionId);
  } else {
    for (const ack of acks) transmissionIds.set(ack.id, (await emitDocument(ack, deps)).transmissionId);
  }
  const changed = new Set(
    await repositories.orders.acknowledgeMany(
      entries.map((entry, i) => ({
        id: entry.stored.id,
        ackDocumentId: acks[i]?.id ?? '',
        status: entry.stored.status === 'open' ? 'acknowledged' : entry.stored.status,
        from: [entry.stored.status],
      })),
      at,
    ),
  );
  const audit: AuditEntry[] = [];
  entries.forEach((entry, i) => {
    const ack = acks[i];
    if (ack === undefined || !changed.has(entry.stored.id)) return;
    const transmissionId = transmissionIds.get(ack.id);
    audit.push({
      actor: PIPELINE_ACTOR,
      action: 'order-acknowledged',
      subjectType: 'order',
      subjectId: entry.stored.id,
      details: {
        ackDocumentId: ack.id,
        ackTypeCode: ack.ackTypeCode,
        lineStatuses: ack.lines.map((line) => ({
          lineNumber: line.lineNumber,
          statuses: line.statuses.map((status) => `${status.statusCode} ${status.quantity ?? ''}`.trim()),
        })),
        delivery: takes855 ? 'queued' : 'not-sent',
        ...(transmissionId === undefined ? {} : { transmissionId }),
      },
      at,
    });
  });
  await repositories.audit.recordMany(audit);
}
