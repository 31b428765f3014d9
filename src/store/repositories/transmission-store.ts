import type {
  TransmissionChannel,
  TransmissionDirection,
  TransmissionStatus,
} from '../entities/transmission.js';

/** Where inbound bytes came from, known at intake. */
export interface InboundMeta {
  channel: TransmissionChannel;
  /** File name, AS2 message id, request id... */
  sourceRef?: string | null;
  /** Where a file was taken from (its folder or remote path included). */
  sourcePath?: string | null;
  /** Known at intake only for marketplace pulls and partner-specific endpoints. */
  partnerId?: string | null;
  /** Defaults to now. */
  receivedAt?: Date;
}

/** Inbound bytes that may arrive twice: a file re-taken after a crash, a retried post. */
export interface OnceInboundMeta extends InboundMeta {
  /**
   * What identifies this upload, such as `file|partner|path|size|sha256` or
   * `http|partner|idempotency-key`. Stored as its SHA-256, so any length will do.
   */
  intakeKey: string;
}

/** What {@link TransmissionStore.recordInboundOnce} did. */
export interface OnceOutcome {
  /** The transmission now stored, or the one stored by the first intake. */
  id: string;
  /** True when a transmission with this intake key was already stored; nothing was stored now. */
  duplicate: boolean;
  /** The sha256 of the stored transmission's bytes (the first intake's on a duplicate). */
  sha256: string;
}

/** What the gateway knows about bytes it is about to send. */
export interface OutboundMeta {
  /**
   * The id to store them under. A caller that derives it from what the bytes answer (an inbound
   * transmission and ISA13) makes recording idempotent: the second call fails with `duplicate`.
   * Default: a new random UUID.
   */
  id?: string;
  partnerId: string;
  channel: TransmissionChannel;
  /** The file name the bytes are delivered under. */
  sourceRef: string;
  /** Defaults to now. */
  createdAt?: Date;
}

export interface TransmissionSummary {
  id: string;
  direction: TransmissionDirection;
  partnerId: string | null;
  channel: TransmissionChannel;
  sha256: string;
  size: number;
  sourceRef: string | null;
  sourcePath: string | null;
  archiveRef: string | null;
  receivedAt: Date;
  status: TransmissionStatus;
  attempts: number;
  lastError: string | null;
}

export interface StatusChange {
  at: Date;
  status: TransmissionStatus;
  message: string | null;
}

/** A transmission with its bytes: what a worker needs to read or deliver it. */
export interface TransmissionContent extends TransmissionSummary {
  /** The stored bytes; null when they were moved to the archive (`archiveRef`). */
  payload: Buffer | null;
}

export interface TransmissionDetail extends TransmissionContent {
  /** Every status the transmission went through, oldest first. */
  history: StatusChange[];
}

/** Where a page of a list ends: the last transmission shown, in the list's order. */
export interface ListCursor {
  receivedAt: Date;
  id: string;
}

/**
 * Which transmissions a list returns. Every field narrows it further. The reference fields match
 * a transmission carrying that number (control numbers with or without leading zeros).
 */
export interface TransmissionFilter {
  status?: TransmissionStatus;
  partnerId?: string;
  direction?: TransmissionDirection;
  /** Only those received (or created, outbound) strictly before this moment. */
  receivedBefore?: Date;
  /** Only those received at or after this moment. */
  receivedFrom?: Date;
  /** Only those received strictly before this moment (the end of the range, excluded). */
  receivedTo?: Date;
  /** BEG03 / `poNumber`; an 855 carries the PO number it answers. */
  po?: string;
  invoice?: string;
  shipment?: string;
  isa13?: string;
  gs06?: string;
  st02?: string;
  marketplaceOrder?: string;
  /** The canonical type (`purchase_order`) or the X12 set id (`850`). */
  documentType?: string;
  /** Any reference of any kind equal to this. */
  text?: string;
  /** The page after this one: transmissions that come after it, newest first. */
  before?: ListCursor;
  /** Default 100. */
  limit?: number;
}

/**
 * The store's port for transmissions. Every method throws a `GatewayError` (see `StoreErrorCode`)
 * rather than a driver error.
 */
export interface TransmissionStore {
  /**
   * Stores the raw bytes with their SHA-256 and size, status `received`, and returns the new id.
   * Intake calls this before anything reads the bytes, so nothing is acknowledged that is not stored.
   *
   * @example
   * const id = await transmissions.recordInbound(bytes, { channel: 'sftp', sourceRef: 'in/po-1.edi' });
   */
  recordInbound(bytes: Uint8Array, meta: InboundMeta): Promise<string>;
  /**
   * Like `recordInbound`, but an intake key already held by a stored transmission stores nothing
   * and answers that transmission, with `duplicate: true`. The key is held until
   * `releaseIntakeKey`: an inbox file's key is released once the file has left the inbox, so a
   * new upload of identical bytes to the same path later is a new transmission.
   *
   * @example
   * const { id, duplicate } = await transmissions.recordInboundOnce(bytes, { channel: 'sftp', partnerId, sourceRef: '/out/PO1.x12', intakeKey: 'file|acme|/out/PO1.x12|512|9f86...' });
   */
  recordInboundOnce(bytes: Uint8Array, meta: OnceInboundMeta): Promise<OnceOutcome>;
  /** Lets the intake key of a transmission go (idempotent), so the same key may be stored anew. */
  releaseIntakeKey(id: string): Promise<void>;
  /**
   * Stores bytes to be sent, status `processed` (built, waiting for delivery), and returns the id.
   * An id that is already stored fails with code `duplicate`.
   *
   * @example
   * const id = await transmissions.recordOutbound(ack, { id, partnerId: 'acme', channel: 'folder', sourceRef: '997-000000001.x12' });
   */
  recordOutbound(bytes: Uint8Array, meta: OutboundMeta): Promise<string>;
  /**
   * Moves a transmission to `status` and appends the change to its history. `processing` counts
   * one more attempt; `failed` and `rejected` keep `message` as the last error; `sent` and
   * `acknowledged` clear it (the history keeps it).
   *
   * @example
   * await transmissions.setStatus(id, 'failed', 'SFTP upload refused: permission denied');
   */
  setStatus(id: string, status: TransmissionStatus, message?: string | null): Promise<void>;
  /** Names the partner once the envelope has been read. */
  setPartner(id: string, partnerId: string): Promise<void>;
  /** Transmissions with exactly these bytes, newest first. */
  findBySha256(sha256: string): Promise<TransmissionSummary[]>;
  /** Newest first (ties by id), so that a cursor names a place in the list. */
  list(filter?: TransmissionFilter): Promise<TransmissionSummary[]>;
  /**
   * Transmissions in `status` (and `direction`) whose last status change is at or before
   * `changedBefore`, longest waiting first, with when that change was and how long their
   * history is: what a sweep looks for when a job may have been lost.
   */
  waitingSince(query: WaitingQuery): Promise<WaitingTransmission[]>;
  /** The transmission with its bytes and history, or null when there is none with this id. */
  get(id: string): Promise<TransmissionDetail | null>;
  /**
   * The transmission with its bytes but not its history: one statement, for the workers, which
   * read a transmission on every job and never look at how it got where it is.
   */
  read(id: string): Promise<TransmissionContent | null>;
  /** The transmission without its bytes or history: its status, last error and the rest. */
  summary(id: string): Promise<TransmissionSummary | null>;
}

/** See {@link TransmissionStore.waitingSince}. */
export interface WaitingQuery {
  status: TransmissionStatus;
  direction: TransmissionDirection;
  changedBefore: Date;
  /** Default 1000. */
  limit?: number;
}

export interface WaitingTransmission extends TransmissionSummary {
  /** When it entered its status. */
  statusSince: Date;
  /** How many status changes it went through. */
  historyLength: number;
}
