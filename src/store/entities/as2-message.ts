import { EntitySchema } from '@mikro-orm/core';

export const AS2_MESSAGE_STATUSES = [
  /** Inbound: stored (or refused) and answered with the MDN kept here. */
  'answered',
  /** Outbound: posted, its MDN not read yet (sync: the post is under way; async: it is to come). */
  'awaiting-mdn',
  /** Outbound: the partner's signed MDN said processed, with the MIC we sent. */
  'delivered',
  /** Outbound: the MDN said an error, or its signature or MIC did not match. */
  'refused',
  /** Outbound: an async MDN that did not come in time; an exception is open for it. */
  'overdue',
] as const;
export type As2MessageStatus = (typeof AS2_MESSAGE_STATUSES)[number];

/**
 * One AS2 message, received or sent, by its Message-ID. An inbound row keeps the MDN we answered,
 * so that a message sent again with the same Message-ID gets the same MDN and is not stored
 * twice. An outbound row keeps the MIC the partner's MDN must return and what the MDN said; its
 * Message-ID is reused when the same file is posted again after a failed attempt, so that the
 * partner recognises the retry.
 */
export interface As2MessageRecord {
  /** sha256 of direction, partner and Message-ID: Message-IDs are long and only unique per sender. */
  id: string;
  direction: 'inbound' | 'outbound';
  partnerId: string;
  messageId: string;
  /** The transmission that holds the payload (inbound: null when the message was refused). */
  transmissionId: string | null;
  /** Outbound: the file name it carries. */
  fileName: string | null;
  /** Inbound: the MIC we returned. Outbound: the MIC the MDN must return (`"<base64>, sha-256"`). */
  mic: string | null;
  mdnMode: 'sync' | 'async' | 'none';
  status: As2MessageStatus;
  /** The MDN's disposition, e.g. `processed` or `processed/error: decryption-failed`. */
  disposition: string | null;
  /** The MDN as MIME bytes (headers, blank line, body): ours for inbound, the partner's for outbound. */
  mdn: Buffer | null;
  createdAt: Date;
  /** Outbound async: when the MDN is overdue. */
  dueAt: Date | null;
  settledAt: Date | null;
}

export const As2MessageSchema = new EntitySchema<As2MessageRecord>({
  name: 'As2Message',
  tableName: 'as2_message',
  properties: {
    id: { type: 'string', length: 64, primary: true },
    direction: { enum: true, items: ['inbound', 'outbound'] },
    partnerId: { type: 'string', length: 64 },
    messageId: { type: 'text' },
    transmissionId: { type: 'uuid', nullable: true, index: 'as2_message_transmission_index' },
    fileName: { type: 'text', nullable: true },
    mic: { type: 'text', nullable: true },
    mdnMode: { enum: true, items: ['sync', 'async', 'none'] },
    status: { enum: true, items: [...AS2_MESSAGE_STATUSES] },
    disposition: { type: 'text', nullable: true },
    mdn: { type: 'blob', nullable: true, lazy: true },
    createdAt: { type: 'datetime' },
    dueAt: { type: 'datetime', nullable: true },
    settledAt: { type: 'datetime', nullable: true },
  },
  indexes: [
    { name: 'as2_message_file_index', properties: ['partnerId', 'fileName'] },
    { name: 'as2_message_due_index', properties: ['status', 'dueAt'] },
    { name: 'as2_message_message_index', properties: ['messageId'] },
  ],
});
