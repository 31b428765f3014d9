import type { TransmissionDirection } from '../entities/transmission.js';

export interface TransactionSetEntry {
  /** ST01. */
  setId: string;
  /** ST02. */
  controlNumber: string;
  /** AK501 / IK501. */
  outcomeCode: string;
  errorCount: number;
}

export interface GroupEntry {
  /** GS01. */
  functionalId: string;
  /** GS06. */
  controlNumber: string;
  /** GS08. */
  version: string;
  /** AK901. */
  outcomeCode: string;
  transactionSets: TransactionSetEntry[];
}

/** One interchange of a transmission, with its groups and sets, as the reader judged it. */
export interface InterchangeEntry {
  transmissionId: string;
  direction: TransmissionDirection;
  partnerId: string | null;
  sender: { qualifier: string; id: string };
  receiver: { qualifier: string; id: string };
  /** ISA13. */
  controlNumber: string;
  /** ISA12. */
  version: string;
  /** ISA15. */
  usage: string;
  ackRequested: boolean;
  /** TA1 code: `A`, `E` or `R`. */
  outcome: string;
  groups: GroupEntry[];
}

export interface RecordedInterchange {
  id: number;
  /** Ids of the stored transaction sets, group by group, in the order given. */
  transactionSetIds: number[];
}

/** The first inbound interchange with a partner, sender and ISA13. */
export interface OriginalInterchange {
  id: number;
  transmissionId: string;
  receivedAt: Date;
}

/** A stored transaction set, named by its group's GS06 and its own ST02. */
export interface IndexedTransactionSet {
  id: number;
  groupControlNumber: string;
  controlNumber: string;
}

/** The store's port for the envelope index. */
export interface EnvelopeIndex {
  /**
   * Stores an interchange, its groups and sets in one transaction. An inbound interchange whose
   * partner, sender id and ISA13 are already stored fails with code `duplicate`, so a resent file
   * is caught even when two workers read it at the same moment.
   *
   * @example
   * const { transactionSetIds } = await envelopes.recordInterchange({ transmissionId, direction: 'inbound', ... });
   */
  recordInterchange(entry: InterchangeEntry): Promise<RecordedInterchange>;
  /**
   * The stored inbound interchange with these keys that is not superseded, if any: its index id,
   * the transmission that carried it and when that was received.
   */
  findInbound(
    partnerId: string,
    senderId: string,
    controlNumber: string,
  ): Promise<OriginalInterchange | null>;
  /**
   * Marks an inbound interchange superseded (its ISA13 came round again after the duplicate
   * window), so the same keys can be recorded anew. Returns false when it was superseded already.
   */
  supersedeInbound(id: number, at: Date): Promise<boolean>;
  /** How many interchanges of this transmission are indexed (0 when none yet). */
  countFor(transmissionId: string): Promise<number>;
  /**
   * The stored sets of one interchange of a transmission, in the order they were recorded; empty
   * when it is not indexed. Lets a rerun link documents to the sets an earlier run recorded.
   */
  transactionSetsOf(transmissionId: string, controlNumber: string): Promise<IndexedTransactionSet[]>;
}
