import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeKpis, KpiReportSchema, kpisToCsv, type KpiRow } from '../../../src/kpis/index.js';
import { ackTransmissionId, derivedUuid, emittedTransmissionId } from '../../../src/pipeline/index.js';
import {
  CanonicalDocumentRecordSchema,
  ExceptionRecordSchema,
  ExpectedAckRecordSchema,
  InterchangeRecordSchema,
  OrderLineRecordSchema,
  OrderRecordSchema,
  OutboundBatchItemSchema,
  TransmissionEventSchema,
  TransmissionSchema,
  type OpenedStore,
  type OrderLineStatus,
  type OrderStatus,
} from '../../../src/store/index.js';

/** Opens a fresh, empty store and disposes of it. */
export interface KpiStoreHarness {
  open(): Promise<OpenedStore>;
  dispose(store: OpenedStore): Promise<void>;
}

const at = (iso: string) => new Date(iso);
const NOW = at('2026-02-01T00:00:00Z');

async function transmission(
  em: EntityManager,
  id: string,
  fields: { direction: 'inbound' | 'outbound'; partnerId: string; receivedAt: string; sentAt?: string },
): Promise<void> {
  await em.insert(TransmissionSchema, {
    id,
    direction: fields.direction,
    partnerId: fields.partnerId,
    channel: 'folder',
    payload: null,
    archiveRef: null,
    sha256: createHash('sha256').update(id).digest('hex'),
    size: 0,
    sourceRef: null,
    sourcePath: null,
    receivedAt: at(fields.receivedAt),
    status:
      fields.sentAt === undefined
        ? fields.direction === 'inbound'
          ? 'processed'
          : 'processing'
        : 'acknowledged',
    attempts: 0,
    lastError: null,
    intakeKey: null,
  });
  await em.insert(TransmissionEventSchema, {
    transmission: id,
    at: at(fields.receivedAt),
    status: fields.direction === 'inbound' ? 'received' : 'processing',
    message: null,
  });
  if (fields.sentAt === undefined) return;
  // A resend later must not move the first `sent`.
  for (const [when, status] of [
    [fields.sentAt, 'sent'],
    ['2026-01-20T00:00:00Z', 'acknowledged'],
    ['2026-01-21T00:00:00Z', 'sent'],
  ] as const) {
    await em.insert(TransmissionEventSchema, { transmission: id, at: at(when), status, message: null });
  }
}

interface OrderSeed {
  id: string;
  partnerId?: string;
  kind?: 'order' | 'cancellation';
  status?: OrderStatus;
  createdAt: string;
  ackDocumentId?: string;
  requestedShip?: string;
  lines: { lineNumber: string; quantity: string; status: OrderLineStatus; buyerPartNumber?: string }[];
}

async function order(em: EntityManager, seed: OrderSeed): Promise<void> {
  const partnerId = seed.partnerId ?? 'acme';
  await em.insert(OrderRecordSchema, {
    id: seed.id,
    partnerId,
    poNumber: `PO-${seed.id}`,
    kind: seed.kind ?? 'order',
    targetOrderId: null,
    status: seed.status ?? 'acknowledged',
    decision: seed.status === 'rejected' ? 'reject' : 'accept',
    findings: [],
    allocation: null,
    ackDocumentId: seed.ackDocumentId ?? null,
    revision: 0,
    createdAt: at(seed.createdAt),
    updatedAt: at(seed.createdAt),
  });
  await em.insert(CanonicalDocumentRecordSchema, {
    id: seed.id,
    type: 'purchase_order',
    partnerId,
    transactionSet: null,
    createdAt: at(seed.createdAt),
    document: {
      type: 'purchase_order',
      id: seed.id,
      partnerId,
      poNumber: `PO-${seed.id}`,
      orderDate: seed.createdAt.slice(0, 10),
      dates: [
        { type: 'requested_delivery', date: '2026-12-31' },
        ...(seed.requestedShip === undefined ? [] : [{ type: 'requested_ship', date: seed.requestedShip }]),
      ],
      lines: seed.lines.map((line) => ({
        lineNumber: line.lineNumber,
        quantity: line.quantity,
        uom: 'EA',
        ids: line.buyerPartNumber === undefined ? {} : { buyerPartNumber: line.buyerPartNumber },
      })),
    },
  });
  for (const [position, line] of seed.lines.entries()) {
    await em.insert(OrderLineRecordSchema, {
      orderId: seed.id,
      lineNumber: line.lineNumber,
      position,
      itemId: null,
      quantity: line.quantity,
      uom: 'EA',
      unitPrice: null,
      allocated: '0',
      backordered: '0',
      status: line.status,
      locations: [],
    });
  }
}

async function followUp(
  em: EntityManager,
  id: string,
  type: 'ship_notice' | 'invoice',
  createdAt: string,
  document: Record<string, unknown>,
  sentAt?: string,
): Promise<void> {
  await em.insert(CanonicalDocumentRecordSchema, {
    id,
    type,
    partnerId: 'acme',
    transactionSet: null,
    createdAt: at(createdAt),
    document: { type, id, partnerId: 'acme', ...document },
  });
  await transmission(em, emittedTransmissionId(id), {
    direction: 'outbound',
    partnerId: 'acme',
    receivedAt: createdAt,
    ...(sentAt === undefined ? {} : { sentAt }),
  });
}

async function exception(em: EntityManager, subjectType: string, subjectId: string): Promise<void> {
  await em.insert(ExceptionRecordSchema, {
    partnerId: 'acme',
    subjectType,
    subjectId,
    kind: 'price-mismatch',
    status: 'open',
    message: 'held',
    details: null,
    createdAt: at('2026-01-05T12:00:00Z'),
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
  });
}

async function expectedAck(
  em: EntityManager,
  n: number,
  times: { storedAt: string; dueAt: string; sentAt?: string; answeredAt?: string },
): Promise<void> {
  const id = derivedUuid(`kpi-expected-${n}`);
  await transmission(em, id, {
    direction: 'outbound',
    partnerId: 'acme',
    receivedAt: times.storedAt,
    ...(times.sentAt === undefined ? {} : { sentAt: times.sentAt }),
  });
  await em.insert(ExpectedAckRecordSchema, {
    outboundTransmissionId: id,
    groupControlNumber: String(n),
    partnerId: 'acme',
    functionalId: 'PR',
    interchangeControlNumber: String(n).padStart(9, '0'),
    transactionSets: [{ setId: '855', controlNumber: '0001' }],
    sentAt: at(times.storedAt),
    dueAt: at(times.dueAt),
    status: times.answeredAt === undefined ? 'pending' : 'accepted',
    groupStatusCode: times.answeredAt === undefined ? null : 'A',
    answeredByTransmissionId: null,
    answeredByDocumentId: null,
    answeredAt: times.answeredAt === undefined ? null : at(times.answeredAt),
    setOutcomes: null,
  });
}

async function inboundInterchange(em: EntityManager, n: number, receivedAt: string, ackSentAt?: string) {
  const id = derivedUuid(`kpi-inbound-${n}`);
  await transmission(em, id, { direction: 'inbound', partnerId: 'acme', receivedAt });
  const controlNumber = String(100 + n).padStart(9, '0');
  await em.insert(InterchangeRecordSchema, {
    transmission: id,
    direction: 'inbound',
    partnerId: 'acme',
    senderQualifier: 'ZZ',
    senderId: 'ACME',
    receiverQualifier: 'ZZ',
    receiverId: 'US',
    controlNumber,
    version: '00401',
    usage: 'P',
    ackRequested: false,
    outcome: 'A',
    supersededAt: null,
  });
  if (ackSentAt === undefined) return;
  await transmission(em, ackTransmissionId(id, controlNumber), {
    direction: 'outbound',
    partnerId: 'acme',
    receivedAt,
    sentAt: ackSentAt,
  });
}

/** Three acme orders in the week of 2026-01-05 with their 855s, shipments, invoice and exceptions. */
async function seed(em: EntityManager): Promise<void> {
  await order(em, {
    id: 'A',
    createdAt: '2026-01-05T10:00:00Z',
    ackDocumentId: 'ack-A',
    requestedShip: '2026-01-07',
    lines: [
      { lineNumber: '1', quantity: '4', status: 'allocated' },
      { lineNumber: '2', quantity: '4', status: 'backordered' },
    ],
  });
  await transmission(em, emittedTransmissionId('ack-A'), {
    direction: 'outbound',
    partnerId: 'acme',
    receivedAt: '2026-01-05T10:30:00Z',
    sentAt: '2026-01-05T11:00:00Z',
  });
  await followUp(
    em,
    'sn-A',
    'ship_notice',
    '2026-01-06T09:00:00Z',
    { orders: [{ poNumber: 'PO-A', tares: [], packs: [], items: [item('1', '4'), item('2', '1')] }] },
    '2026-01-06T10:00:00Z',
  );
  await followUp(
    em,
    'inv-A',
    'invoice',
    '2026-01-07T09:00:00Z',
    { poNumber: 'PO-A' },
    '2026-01-07T10:00:00Z',
  );

  await order(em, {
    id: 'B',
    createdAt: '2026-01-06T10:00:00Z',
    ackDocumentId: 'ack-B',
    requestedShip: '2026-01-08',
    lines: [
      { lineNumber: '1', quantity: '2', status: 'allocated', buyerPartNumber: 'BP-1' },
      { lineNumber: '2', quantity: '2', status: 'allocated' },
    ],
  });
  // B's 855 went out in a batch with other answers.
  await em.insert(OutboundBatchItemSchema, {
    batchId: 'b-1',
    documentId: 'B',
    answerDocumentId: 'ack-B',
    position: 0,
  });
  await transmission(em, derivedUuid('batch:b-1'), {
    direction: 'outbound',
    partnerId: 'acme',
    receivedAt: '2026-01-06T12:00:00Z',
    sentAt: '2026-01-06T13:00:00Z',
  });
  // Never delivered: the shipment counts from when it was stored. Line 1 only by part number; line 2 over-shipped.
  await followUp(em, 'sn-B', 'ship_notice', '2026-01-08T10:00:00Z', {
    orders: [
      {
        poNumber: 'PO-B',
        tares: [],
        items: [],
        packs: [
          { items: [{ ids: { buyerPartNumber: 'BP-1' }, quantityShipped: '2', uom: 'EA' }, item('2', '5')] },
        ],
      },
    ],
  });

  await order(em, {
    id: 'C',
    status: 'rejected',
    createdAt: '2026-01-07T10:00:00Z',
    ackDocumentId: 'ack-C',
    requestedShip: '2026-01-09',
    lines: [{ lineNumber: '1', quantity: '1', status: 'rejected' }],
  });
  await transmission(em, emittedTransmissionId('ack-C'), {
    direction: 'outbound',
    partnerId: 'acme',
    receivedAt: '2026-01-07T10:30:00Z',
  });
  await exception(em, 'order', 'A');
  await exception(em, 'order', 'C');
  await exception(em, 'invoice', 'inv-A');

  // Outside the range or not a purchase order: never counted.
  const line = [{ lineNumber: '1', quantity: '9', status: 'allocated' as const }];
  await order(em, { id: 'before', createdAt: '2026-01-04T23:59:59Z', lines: line });
  await order(em, { id: 'after', createdAt: '2026-01-12T00:00:00Z', lines: line });
  await order(em, { id: 'cancel', kind: 'cancellation', createdAt: '2026-01-06T00:00:00Z', lines: line });
  await order(em, {
    id: 'Z',
    partnerId: 'bigbox',
    status: 'open',
    createdAt: '2026-01-08T00:00:00Z',
    lines: [{ lineNumber: '1', quantity: '3', status: 'open' }],
  });

  await inboundInterchange(em, 1, '2026-01-05T10:00:00Z', '2026-01-05T10:05:00Z');
  await inboundInterchange(em, 2, '2026-01-06T10:00:00Z', '2026-01-06T10:15:00Z');
  await inboundInterchange(em, 3, '2026-01-06T11:00:00Z');

  await expectedAck(em, 1, {
    storedAt: '2026-01-05T11:00:00Z',
    sentAt: '2026-01-05T11:30:00Z',
    answeredAt: '2026-01-05T12:30:00Z',
    dueAt: '2026-01-06T11:00:00Z',
  });
  await expectedAck(em, 2, {
    storedAt: '2026-01-06T00:00:00Z',
    answeredAt: '2026-01-08T00:00:00Z',
    dueAt: '2026-01-07T00:00:00Z',
  });
  await expectedAck(em, 3, { storedAt: '2026-01-07T00:00:00Z', dueAt: '2026-01-08T00:00:00Z' });
  await expectedAck(em, 4, { storedAt: '2026-01-09T00:00:00Z', dueAt: '2026-03-01T00:00:00Z' });
}

function item(lineNumber: string, quantityShipped: string) {
  return { lineNumber, ids: {}, quantityShipped, uom: 'EA' };
}

/** KPIs computed from seeded facts, asserted exactly, on one dialect. */
export function describeKpiScenario(dialect: string, harness: KpiStoreHarness): void {
  describe(`KPIs from stored facts: ${dialect}`, () => {
    let store: OpenedStore;
    beforeAll(async () => {
      store = await harness.open();
      const em = store.orm.em.fork();
      await seed(em);
    }, 60_000);
    afterAll(async () => {
      await harness.dispose(store);
    });

    const week = {
      from: at('2026-01-05T00:00:00Z'),
      to: at('2026-01-12T00:00:00Z'),
      period: 'week' as const,
    };

    it('computes every KPI of a partner-week exactly', async () => {
      const report = await computeKpis(week, { orm: store.orm, now: () => NOW });
      expect(report).toMatchObject({
        from: '2026-01-05T00:00:00.000Z',
        to: '2026-01-12T00:00:00.000Z',
        period: 'week',
        generatedAt: NOW.toISOString(),
      });
      expect(report.rows.map((row) => row.partnerId)).toEqual(['acme', 'bigbox']);
      const expected: KpiRow = {
        partnerId: 'acme',
        periodStart: '2026-01-05T00:00:00.000Z',
        periodEnd: '2026-01-12T00:00:00.000Z',
        orders: 3,
        cycle855Count: 2,
        cycleHours855Median: 2,
        cycleHours855P90: 2.8,
        cycleShipCount: 2,
        cycleHoursShipMedian: 36,
        cycleHoursShipP90: 45.6,
        cycleInvoiceCount: 1,
        cycleHoursInvoiceMedian: 48,
        cycleHoursInvoiceP90: 48,
        fillRateOrders: 2,
        fillRate: '0.7500',
        otifOrders: 2,
        otif: '0.5000',
        exceptions: 2,
        exceptionsPer1000: '666.67',
        linesAcknowledged: 5,
        acceptanceRate: '0.6000',
        ack997OursCount: 2,
        ack997OursMedianMinutes: 10,
        ack997OursP90Minutes: 14,
        ack997PartnerExpected: 4,
        ack997PartnerAnswered: 2,
        ack997PartnerMedianMinutes: 1470,
        ack997PartnerP90Minutes: 2598,
        ack997PartnerSettled: 3,
        ack997PartnerOnTimeShare: '0.3333',
        ack997PartnerOverdueShare: '0.3333',
      };
      expect(report.rows[0]).toEqual(expected);
      const validate = new Ajv({ strict: true }).compile(KpiReportSchema);
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    });

    it('gives null with a count of 0, never 0%, where a partner has no data', async () => {
      const report = await computeKpis(
        { ...week, partnerId: 'bigbox' },
        { em: store.orm.em, now: () => NOW },
      );
      expect(report.partnerId).toBe('bigbox');
      expect(report.rows).toHaveLength(1);
      expect(report.rows[0]).toMatchObject({
        partnerId: 'bigbox',
        orders: 1,
        cycle855Count: 0,
        cycleHours855Median: null,
        fillRateOrders: 0,
        fillRate: null,
        otifOrders: 0,
        otif: null,
        exceptions: 0,
        exceptionsPer1000: '0.00',
        linesAcknowledged: 0,
        acceptanceRate: null,
        ack997OursCount: 0,
        ack997OursMedianMinutes: null,
        ack997PartnerExpected: 0,
        ack997PartnerOnTimeShare: null,
      });
      expect(kpisToCsv(report).split('\r\n')[1]).toContain('bigbox,2026-01-05T00:00:00.000Z');
    });

    it('cuts day buckets at UTC midnight, a row per day even without data', async () => {
      const report = await computeKpis(
        {
          from: at('2026-01-05T00:00:00Z'),
          to: at('2026-01-08T00:00:00Z'),
          period: 'day',
          partnerId: 'acme',
        },
        { orm: store.orm, now: () => NOW },
      );
      expect(
        report.rows.map((row) => [
          row.periodStart.slice(0, 10),
          row.orders,
          row.cycleHours855Median,
          row.ack997OursCount,
        ]),
      ).toEqual([
        ['2026-01-05', 1, 1, 1],
        ['2026-01-06', 1, 3, 1],
        ['2026-01-07', 1, null, 0],
      ]);
      const none = await computeKpis(
        { from: at('2025-06-01T00:00:00Z'), to: at('2025-07-01T00:00:00Z'), period: 'month' },
        { orm: store.orm },
      );
      expect(none.rows).toEqual([]);
    });

    it('judges an order not yet due as undecided for OTIF', async () => {
      const early = await computeKpis(
        { ...week, partnerId: 'acme' },
        { orm: store.orm, now: () => at('2026-01-07T12:00:00Z') },
      );
      // On A's requested ship date itself, A is incomplete but not late yet: only B (complete) counts.
      expect(early.rows[0]).toMatchObject({ otifOrders: 1, otif: '1.0000' });
    });
  });
}
