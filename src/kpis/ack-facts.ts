import type { EntityManager } from '@mikro-orm/core';
import { ackTransmissionId } from '../pipeline/index.js';
import { ExpectedAckRecordSchema, InterchangeRecordSchema } from '../store/index.js';
import type { KpiQuery } from './kpi-query.js';
import { firstSentTimes } from './sent-times.js';

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

/**
 * Inbound interchanges received in `[from, to)` from identified partners, each with the first
 * `sent` of the acknowledgement transmission the gateway derives from it.
 */
export async function loadOurAckFacts(em: EntityManager, query: KpiQuery): Promise<OurAckFact[]> {
  const interchanges = await em.find(
    InterchangeRecordSchema,
    {
      direction: 'inbound',
      partnerId: query.partnerId ?? { $ne: null },
      transmission: { receivedAt: { $gte: query.from, $lt: query.to } },
    },
    { populate: ['transmission'], fields: ['partnerId', 'controlNumber', 'transmission.receivedAt'] },
  );
  const ackIds = interchanges.map((i) => ackTransmissionId(i.transmission.id, i.controlNumber));
  const sent = await firstSentTimes(em, ackIds);
  return interchanges.map((interchange, index) => ({
    partnerId: interchange.partnerId ?? '',
    receivedAt: interchange.transmission.receivedAt,
    ackSentAt: sent.get(ackIds[index] ?? '') ?? null,
  }));
}

/** Expected acknowledgements of the groups we stored for sending in `[from, to)`. */
export async function loadPartnerAckFacts(em: EntityManager, query: KpiQuery): Promise<PartnerAckFact[]> {
  const expected = await em.find(ExpectedAckRecordSchema, {
    sentAt: { $gte: query.from, $lt: query.to },
    ...(query.partnerId === undefined ? {} : { partnerId: query.partnerId }),
  });
  const sentAt = await firstSentTimes(
    em,
    expected.map((row) => row.outboundTransmissionId),
  );
  return expected.map((row) => ({
    partnerId: row.partnerId,
    storedAt: row.sentAt,
    sentAt: sentAt.get(row.outboundTransmissionId) ?? row.sentAt,
    dueAt: row.dueAt,
    answeredAt: row.answeredAt,
  }));
}
