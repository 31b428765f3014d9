import type {
  AckedSetOutcome,
  ExpectedAckStatus,
  SentTransactionSet,
} from '../entities/expected-ack-record.js';

/** Which expectation: the transmission that carried the group, and its GS06. */
export interface ExpectedAckKey {
  outboundTransmissionId: string;
  groupControlNumber: string;
}

/** A group we sent that the partner must acknowledge. */
export interface NewExpectedAck extends ExpectedAckKey {
  partnerId: string;
  functionalId: string;
  interchangeControlNumber: string;
  transactionSets: SentTransactionSet[];
  sentAt: Date;
  dueAt: Date;
}

export interface StoredExpectedAck extends NewExpectedAck {
  status: ExpectedAckStatus;
  groupStatusCode: string | null;
  answeredByTransmissionId: string | null;
  answeredByDocumentId: string | null;
  answeredAt: Date | null;
  setOutcomes: AckedSetOutcome[] | null;
}

/** The partner's verdict, as their 997/999 gave it. */
export interface AckAnswer {
  status: Exclude<ExpectedAckStatus, 'pending' | 'overdue'>;
  groupStatusCode: string;
  transmissionId: string | null;
  documentId: string;
  at: Date;
  setOutcomes: AckedSetOutcome[];
}

export interface ExpectedAckFilter {
  partnerId?: string;
  status?: ExpectedAckStatus;
  outboundTransmissionId?: string;
  /** Default 100. */
  limit?: number;
}

/** The store's port for the acknowledgements we wait for. */
export interface ExpectedAckStore {
  /**
   * Records that a group we sent is to be acknowledged. Returns false when it is recorded already
   * (a rerun of the job that sent it), leaving that row as it is.
   *
   * @example
   * await expectedAcks.expect({ outboundTransmissionId, groupControlNumber: '17', partnerId: 'acme', functionalId: 'SH', ... });
   */
  expect(expectation: NewExpectedAck): Promise<boolean>;
  get(key: ExpectedAckKey): Promise<StoredExpectedAck | null>;
  /**
   * The groups sent to a partner under this GS01 and GS06, newest first: control numbers wrap,
   * so more than one can match and the newest one still waiting is the one being answered.
   */
  forGroup(partnerId: string, functionalId: string, groupControlNumber: string): Promise<StoredExpectedAck[]>;
  /** The groups a 997/999 document answered (found again when its job runs twice). */
  answeredBy(documentId: string): Promise<StoredExpectedAck[]>;
  /**
   * Records the partner's answer on a group still `pending` or `overdue`. Returns false when it
   * was answered already, so two 997s for one group cannot both be applied.
   */
  answer(key: ExpectedAckKey, answer: AckAnswer): Promise<boolean>;
  /** The groups still `pending` whose due time is at or before `now`, oldest due first. */
  pastDue(now: Date, limit?: number): Promise<StoredExpectedAck[]>;
  /** Moves a `pending` expectation to `overdue`; false when it was not pending any more. */
  markOverdue(key: ExpectedAckKey): Promise<boolean>;
  /** Newest sent first. */
  list(filter?: ExpectedAckFilter): Promise<StoredExpectedAck[]>;
}
