import type { OrderKind, OrderStatus } from '../entities/order-record.js';
import type {
  TransmissionChannel,
  TransmissionDirection,
  TransmissionStatus,
} from '../entities/transmission.js';

/** Work that has sat unchanged since `changedBefore`, oldest first, at most `limit` (default 500). */
export interface UnfinishedQuery {
  changedBefore: Date;
  limit?: number;
}

/** A transmission some job still has to read (inbound) or deliver (outbound). */
export interface UnfinishedTransmission {
  id: string;
  direction: TransmissionDirection;
  /** Inbound `received` or `processing`; outbound `processed` or `processing`. */
  status: TransmissionStatus;
  partnerId: string | null;
  channel: TransmissionChannel;
  sourceRef: string | null;
  /** When it entered its status. */
  statusSince: Date;
  /** How many status changes it went through. */
  historyLength: number;
  /**
   * How many status changes came before the one that handed it to its current job (the last
   * `received` of an inbound transmission, the last `processed` of an outbound one): 0 when that
   * was its storing, n when a reprocess or resend found n changes (`reprocess-<id>-<n>`,
   * `resend-<id>-<n>`).
   */
  queuedAfter: number;
}

/**
 * A purchase order the pipeline still has to take on: not decided yet (no order), or an order in
 * a state the pipeline moves on by itself (`open`; `rejected` and not answered; a cancellation
 * `open`; held, or a cancellation refused, without its exception raised). Purchase orders whose
 * job failed for good (an open `processing-failed` exception) are staff's and left out.
 */
export interface UnsettledPurchaseOrder {
  documentId: string;
  partnerId: string;
  /** The order stored for it; null while the core has not decided it. */
  order: { kind: OrderKind; status: OrderStatus; revision: number } | null;
  /** When it last changed: the order's last update, or the document's storing. */
  since: Date;
  /** The inbound transmission it was read from (the document's `source`), if any. */
  transmissionId: string | null;
  /** ISA13 of the interchange it came in; null for marketplace orders. */
  interchangeControlNumber: string | null;
}

/** One inbound interchange: its transmission and ISA13. */
export interface InterchangeKey {
  transmissionId: string;
  controlNumber: string;
}

/** The purchase orders read from one inbound interchange, in the order of their sets. */
export interface InterchangePurchaseOrders extends InterchangeKey {
  documentIds: string[];
}

/**
 * A batch of 855s still to go out: open (never sealed), or sealed with answers to send (whether
 * they were sent is the transmission derived from the batch). Batches whose sealing failed for
 * good (an open `processing-failed` exception) are staff's and left out.
 */
export interface UnsentBatch {
  id: string;
  partnerId: string;
  expected: number;
  joined: number;
  createdAt: Date;
  sealedAt: Date | null;
  /** Members that joined with an 855. */
  answers: number;
}

/**
 * The store's port for what the pipeline still owes: the rows a recovery sweep reads to queue
 * again, from the database alone, the work whose job Redis lost.
 *
 * @example
 * const stuck = await unfinished.transmissions({ changedBefore: new Date(Date.now() - 60_000) });
 */
export interface UnfinishedWork {
  /** Inbound `received`/`processing` and outbound `processed`/`processing` transmissions. */
  transmissions(query: UnfinishedQuery): Promise<UnfinishedTransmission[]>;
  /** See {@link UnsettledPurchaseOrder}. */
  purchaseOrders(query: UnfinishedQuery): Promise<UnsettledPurchaseOrder[]>;
  /**
   * The purchase orders each inbound interchange carried (the documents linked to its
   * transaction sets), in one query; interchanges with none are left out.
   */
  purchaseOrdersOf(interchanges: readonly InterchangeKey[]): Promise<InterchangePurchaseOrders[]>;
  /** Open batches opened before `changedBefore`, and batches sealed since `sealedAfter` with answers. */
  answerBatches(query: UnfinishedQuery & { sealedAfter: Date }): Promise<UnsentBatch[]>;
}
