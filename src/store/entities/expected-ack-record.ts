import { EntitySchema } from '@mikro-orm/core';

/**
 * `pending`: waiting for the partner's 997/999. `overdue`: still waiting after the partner's
 * `expectWithinHours`. The others are the AK901 verdict of the answer (A, E, P, R).
 */
export const EXPECTED_ACK_STATUSES = [
  'pending',
  'accepted',
  'accepted_with_errors',
  'partially_accepted',
  'rejected',
  'overdue',
] as const;
export type ExpectedAckStatus = (typeof EXPECTED_ACK_STATUSES)[number];

/** A transaction set we sent in the group: ST01 and ST02. */
export interface SentTransactionSet {
  setId: string;
  controlNumber: string;
}

/** The partner's verdict on one set we sent (AK2/AK5 or IK5), or the group's where they sent none. */
export interface AckedSetOutcome extends SentTransactionSet {
  /** AK501 / IK501 (`A`, `E`, `R`, ...); AK901 where the 997 had no AK2 for the set. */
  statusCode: string;
  /** AK502-AK506 / IK502-IK506. */
  errorCodes: string[];
  /** False when the 997 did not name the set and its verdict was taken from AK901. */
  reported: boolean;
}

/**
 * One functional group we sent that the partner must acknowledge. Keyed by the transmission that
 * carried it and its GS06, so recording it again on a rerun finds the row that is there.
 */
export interface ExpectedAckRecord {
  outboundTransmissionId: string;
  /** GS06 without leading zeros, as AK102 is compared. */
  groupControlNumber: string;
  partnerId: string;
  /** GS01 (`SH`, `IN`, `PR`...). */
  functionalId: string;
  /** ISA13 of the interchange the group went in. */
  interchangeControlNumber: string;
  transactionSets: SentTransactionSet[];
  /** When the transmission was stored to be sent; the partner's time counts from here. */
  sentAt: Date;
  dueAt: Date;
  status: ExpectedAckStatus;
  /** AK901 / the 999's AK901 as the partner sent it. */
  groupStatusCode: string | null;
  answeredByTransmissionId: string | null;
  answeredByDocumentId: string | null;
  answeredAt: Date | null;
  setOutcomes: AckedSetOutcome[] | null;
}

export const ExpectedAckRecordSchema = new EntitySchema<ExpectedAckRecord>({
  name: 'ExpectedAckRecord',
  tableName: 'expected_ack',
  properties: {
    outboundTransmissionId: { type: 'uuid', primary: true },
    groupControlNumber: { type: 'string', length: 9, primary: true },
    partnerId: { type: 'string', length: 64 },
    functionalId: { type: 'string', length: 2 },
    interchangeControlNumber: { type: 'string', length: 9 },
    transactionSets: { type: 'json' },
    sentAt: { type: 'datetime' },
    dueAt: { type: 'datetime' },
    status: { enum: true, items: () => [...EXPECTED_ACK_STATUSES] },
    groupStatusCode: { type: 'string', length: 2, nullable: true },
    answeredByTransmissionId: { type: 'uuid', nullable: true },
    answeredByDocumentId: { type: 'string', length: 128, nullable: true },
    answeredAt: { type: 'datetime', nullable: true },
    setOutcomes: { type: 'json', nullable: true },
  },
  indexes: [
    {
      name: 'expected_ack_group_index',
      properties: ['partnerId', 'functionalId', 'groupControlNumber'],
    },
    { name: 'expected_ack_status_due_index', properties: ['status', 'dueAt'] },
    { name: 'expected_ack_answered_by_index', properties: ['answeredByDocumentId'] },
  ],
});
