import { raw, type EntityManager } from '@mikro-orm/core';
import { ackTransmissionId } from '../pipeline/index.js';
import { ExpectedAckRecordSchema, InterchangeRecordSchema } from '../store/index.js';
import type { KpiQuery } from './kpi-query.js';
import { sqlEm } from './sent-times.js';
import { storedInstant, storedInstantOrNull } from './stored-instant.js';

/** An inbound interchange and when our 997/999 for it was first sent (null: not sent). */
export interface OurAckFact {
  partnerId: string;
  receivedAt: Date;
  ackSentAt: Date | null;
}

/** A functional group we sent, when it went, when it was due and answered. */
export interface PartnerAckFact {
  partnerId: string;
  /** When the group was stored for sending: the bucket it counts in. */
  storedAt: Date;
  /** The transmission's first `sent`, else when it was stored for sending. */
  sentAt: Date;
  dueAt: Date;
  answeredAt: Date | null;
}

interface InboundInterchangeRow {
  partnerId: string;
  controlNumber: string;
  inbound_id: string;
  inbound_received_at: unknown;
}

/**
 * Inbound interchanges received in `[from, to)` from identified partners, each with the first
 * `sent` of the acknowledgement transmission the gateway derives from it, looked up in `sentTimes`.
 * Read as plain rows: a report may cover tens of thousands.
 */
export async function loadOurAckFacts(
  em: EntityManager,
  query: KpiQuery,
  sentTimes: Promise<ReadonlyMap<string, Date>>,
): Promise<OurAckFact[]> {
  const rows = await sqlEm(em)
    .createQueryBuilder(InterchangeRecordSchema, 'i')
    .join('i.transmission', 't')
    // Named apart from the root's columns, which the builder would map to their property names.
    .select([
      'i.partnerId',
      'i.controlNumber',
      raw('i.transmission_id as inbound_id'),
      raw('t.received_at as inbound_received_at'),
    ])
    .where({
      direction: 'inbound',
      partnerId: query.partnerId ?? { $ne: null },
      't.receivedAt': { $gte: query.from, $lt: query.to },
    })
    .execute<InboundInterchangeRow[]>('all');
  const sent = await sentTimes;
  return rows.map((row) => ({
    partnerId: row.partnerId,
    receivedAt: storedInstant(row.inbound_received_at),
    ackSentAt: sent.get(ackTransmissionId(row.inbound_id, row.controlNumber)) ?? null,
  }));
}

interface ExpectedAckRow {
  partnerId: string;
  outboundTransmissionId: string;
  sentAt: unknown;
  dueAt: unknown;
  answeredAt: unknown;
}

/**
 * Expected acknowledgements of the groups we stored for sending in `[from, to)`, each sent at its
 * transmission's first `sent` in `sentTimes`.
 */
export async function loadPartnerAckFacts(
  em: EntityManager,
  query: KpiQuery,
  sentTimes: Promise<ReadonlyMap<string, Date>>,
): Promise<PartnerAckFact[]> {
  const rows = await sqlEm(em)
    .createQueryBuilder(ExpectedAckRecordSchema, 'a')
    .select(['a.partnerId', 'a.outboundTransmissionId', 'a.sentAt', 'a.dueAt', 'a.answeredAt'])
    .where({
      sentAt: { $gte: query.from, $lt: query.to },
      ...(query.partnerId === undefined ? {} : { partnerId: query.partnerId }),
    })
    .execute<ExpectedAckRow[]>('all');
  const sent = await sentTimes;
  return rows.map((row) => {
    const storedAt = storedInstant(row.sentAt);
    return {
      partnerId: row.partnerId,
      storedAt,
      sentAt: sent.get(row.outboundTransmissionId) ?? storedAt,
      dueAt: storedInstant(row.dueAt),
      answeredAt: storedInstantOrNull(row.answeredAt),
    };
  });
}
