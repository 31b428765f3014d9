import type { Transmission } from '../entities/transmission.js';

/** How many transmissions share one direction, status and partner. */
export interface TransmissionCount {
  direction: Transmission['direction'];
  status: Transmission['status'];
  /** Null while the envelope has not named the partner. */
  partnerId: string | null;
  count: number;
}

/** How many exceptions of one kind wait for staff. */
export interface OpenExceptionCount {
  kind: string;
  count: number;
}

/** How many functional groups one partner has not acknowledged in time. */
export interface OverdueAckCount {
  partnerId: string;
  count: number;
}

/** What one partner's transmissions look like: the last file each way, and recent failures. */
export interface PartnerActivity {
  partnerId: string;
  lastInboundAt: Date | null;
  lastOutboundAt: Date | null;
  /** Transmissions received or created since the moment asked about. */
  recent: number;
  /** Of those, the ones now `failed` or `rejected`. */
  recentFailed: number;
}

/**
 * Counts over the whole store, for gauges computed when they are read: the database is the
 * source of truth, and counters kept in a process would start from zero at every restart.
 */
export interface TransmissionStats {
  /**
   * @example
   * await stats.countByDirectionStatusPartner(); // [{ direction: 'inbound', status: 'processed', partnerId: 'acme', count: 12 }]
   */
  countByDirectionStatusPartner(): Promise<TransmissionCount[]>;
  /** Open exceptions per kind. */
  countOpenExceptionsByKind(): Promise<OpenExceptionCount[]>;
  /**
   * Expected acknowledgements overdue per partner: those already flagged `overdue`, and those
   * still `pending` whose due time is at or before `now` (the sweep has not reached them yet).
   */
  countOverdueAcknowledgements(now: Date): Promise<OverdueAckCount[]>;
  /**
   * For each of these partners, in this order: when its last file came in and went out, and how
   * many since `since` there were and failed.
   */
  partnerActivity(partnerIds: readonly string[], since: Date): Promise<PartnerActivity[]>;
}
