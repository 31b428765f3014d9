import type { As2MessageStatus } from '../entities/as2-message.js';

/** A received message as answered: what a resend of its Message-ID gets again. */
export interface ReceivedAs2Message {
  transmissionId: string | null;
  disposition: string | null;
  mic: string | null;
  mdnMode: 'sync' | 'async' | 'none';
  /** The MDN we answered, as MIME bytes; null when none was asked for. */
  mdn: Buffer | null;
}

export interface NewReceivedAs2Message extends ReceivedAs2Message {
  partnerId: string;
  messageId: string;
}

/** A message we sent, and where its MDN stands. */
export interface SentAs2Message {
  partnerId: string;
  messageId: string;
  transmissionId: string | null;
  fileName: string | null;
  mic: string | null;
  mdnMode: 'sync' | 'async' | 'none';
  status: As2MessageStatus;
  disposition: string | null;
  createdAt: Date;
  dueAt: Date | null;
}

export interface NewSentAs2Message {
  partnerId: string;
  messageId: string;
  transmissionId: string | null;
  fileName: string;
  mic: string;
  mdnMode: 'sync' | 'async' | 'none';
}

/** What an MDN said about a message we sent. */
export interface MdnOutcome {
  status: 'delivered' | 'refused';
  disposition: string;
  /** The MDN as received (MIME bytes). */
  mdn: Buffer;
  at?: Date;
}

/**
 * The store's port for AS2 Message-IDs: the MDNs answered to received messages and the MDNs
 * awaited for sent ones.
 *
 * @example
 * const earlier = await as2Messages.received('northwind-health', '<1@them>');
 * if (earlier !== null) return repeat(earlier.mdn);
 */
export interface As2MessageStore {
  /** The message received from the partner under this Message-ID, or null. */
  received(partnerId: string, messageId: string): Promise<ReceivedAs2Message | null>;
  /**
   * Records a received message and the MDN answered. A second record of the same Message-ID
   * keeps the first and returns it (two deliveries of one message raced): answer that one.
   */
  recordReceived(message: NewReceivedAs2Message): Promise<ReceivedAs2Message>;
  /** The message last posted for this file, or null: a retry posts it under the same Message-ID. */
  sentFile(partnerId: string, fileName: string): Promise<SentAs2Message | null>;
  /** A message we sent, by its Message-ID (an async MDN names it), whichever the partner. */
  sent(messageId: string): Promise<SentAs2Message | null>;
  /** Records a message about to be posted, `awaiting-mdn`; a Message-ID recorded before is kept. */
  recordSending(message: NewSentAs2Message): Promise<void>;
  /** An async MDN is awaited until `dueAt`. */
  awaitMdn(partnerId: string, messageId: string, dueAt: Date): Promise<void>;
  /**
   * Settles a sent message with its MDN. False when it was settled before (a repeated MDN), so
   * that what follows a delivery happens once.
   */
  settle(partnerId: string, messageId: string, outcome: MdnOutcome): Promise<boolean>;
  /** Sent messages still awaiting an async MDN at `now`, oldest first. */
  pastDue(now: Date, limit: number): Promise<SentAs2Message[]>;
  /** Marks an awaited MDN overdue; false when it came (or was marked) meanwhile. */
  markOverdue(partnerId: string, messageId: string): Promise<boolean>;
}
