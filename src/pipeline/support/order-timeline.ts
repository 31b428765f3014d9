import { GatewayError } from '../../errors/index.js';
import type { Repositories, TransmissionDetail, TransmissionSummary } from '../../store/index.js';
import { emittedTransmissionId } from '../emit-document.js';
import { checkActor } from './support-errors.js';
import type { SupportDeps } from './support-deps.js';

export type TimelineKind =
  'received' | 'acknowledged' | 'shipped' | 'invoiced' | 'paid' | 'not-delivered' | 'delivered';

/** One thing that happened to an order, from what the store holds. */
export interface TimelineEvent {
  at: Date;
  kind: TimelineKind;
  transmissionId?: string;
  /** X12 set id of the document concerned (`850`, `855`, `856`, `810`, `820`). */
  documentType?: string;
  detail: string;
}

const KIND_OF_SET: Readonly<Record<string, TimelineKind>> = {
  '855': 'acknowledged',
  '856': 'shipped',
  '810': 'invoiced',
};

/**
 * The life of an order, oldest first: the PO received, each 855/856/810 built for it and whether
 * it reached the partner (`delivered`, or `not-delivered` with the last error while its
 * transmission is failed), and the payments applied to its invoices. Built from stored facts
 * only (the order, the transmissions that carry its PO number, the invoice ledger). Audited.
 *
 * @example
 * const events = await orderTimeline('purchase_order:acme:4500012345', 'alice', deps);
 * events.map((e) => e.kind); // ['received', 'acknowledged', 'not-delivered']
 */
export async function orderTimeline(
  orderId: string,
  actor: string,
  deps: SupportDeps,
): Promise<TimelineEvent[]> {
  const who = checkActor(actor);
  const { repositories } = deps;
  const order = await repositories.orders.get(orderId);
  if (order === null) {
    throw new GatewayError('not-found', `there is no order ${orderId}`, { permanent: true, status: 404 });
  }
  const events: TimelineEvent[] = [];
  const document = await repositories.documents.get(order.id);
  const source = document?.document['source'] as { transmissionId?: string } | undefined;
  events.push({
    at: order.createdAt,
    kind: 'received',
    ...(source?.transmissionId === undefined ? {} : { transmissionId: source.transmissionId }),
    documentType: '850',
    detail: `PO ${order.poNumber} received; the order is ${order.status.replace('_', ' ')}`,
  });
  const sent = await outboundFor(order, repositories);
  const references = await repositories.references.of(sent.map((t) => t.id));
  for (const summary of sent) {
    const refs = references.get(summary.id) ?? [];
    const set = refs.find((r) => r.kind === 'document-type' && KIND_OF_SET[r.value] !== undefined)?.value;
    if (set === undefined) continue;
    const detail = await repositories.transmissions.get(summary.id);
    if (detail === null) continue;
    events.push(...deliveryEvents(detail, set));
    if (set === '810') {
      for (const invoice of refs.filter((r) => r.kind === 'invoice')) {
        const payments = await repositories.invoices.applications(order.partnerId, invoice.value);
        events.push(
          ...payments.map((p) => ({
            at: p.appliedAt,
            kind: 'paid' as const,
            documentType: '820',
            detail: `${p.amount} paid on invoice ${invoice.value}${p.paymentReference === null ? '' : ` (payment ${p.paymentReference})`}`,
          })),
        );
      }
    }
  }
  await repositories.audit.record({
    actor: who,
    action: 'order-timeline-viewed',
    subjectType: 'order',
    subjectId: order.id,
  });
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The outbound transmissions carrying the order's PO number, and its 855's own one if sent alone. */
async function outboundFor(
  order: { partnerId: string; poNumber: string; ackDocumentId: string | null },
  repositories: Repositories,
): Promise<TransmissionSummary[]> {
  const found = await repositories.transmissions.list({
    partnerId: order.partnerId,
    po: order.poNumber,
    direction: 'outbound',
    limit: 1000,
  });
  if (order.ackDocumentId !== null) {
    const own = await repositories.transmissions.summary(emittedTransmissionId(order.ackDocumentId));
    if (own !== null && !found.some((t) => t.id === own.id)) found.push(own);
  }
  return found;
}

/** The document built, then its delivery: the last `sent`, or the failure it is stuck in. */
function deliveryEvents(transmission: TransmissionDetail, set: string): TimelineEvent[] {
  const kind = KIND_OF_SET[set] ?? 'delivered';
  const name = transmission.sourceRef ?? transmission.id;
  const base = { transmissionId: transmission.id, documentType: set };
  const events: TimelineEvent[] = [
    { ...base, at: transmission.receivedAt, kind, detail: `${set} built as ${name}` },
  ];
  const last = (status: string) => transmission.history.filter((h) => h.status === status).at(-1);
  if (transmission.status === 'failed') {
    const failed = last('failed');
    events.push({
      ...base,
      at: failed?.at ?? transmission.receivedAt,
      kind: 'not-delivered',
      detail: `${set} ${name} was not delivered: ${transmission.lastError ?? failed?.message ?? 'delivery failed'}`,
    });
  } else if (transmission.status === 'sent' || transmission.status === 'acknowledged') {
    const sent = last('sent');
    events.push({
      ...base,
      at: sent?.at ?? transmission.receivedAt,
      kind: 'delivered',
      detail: `${set} ${name} delivered${transmission.status === 'acknowledged' ? ' and acknowledged by the partner' : ''}`,
    });
  }
  return events;
}
