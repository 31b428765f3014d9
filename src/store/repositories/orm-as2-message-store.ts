import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { As2MessageSchema, type As2MessageRecord } from '../entities/as2-message.js';
import { guard } from '../store-error.js';
import type {
  As2MessageStore,
  MdnOutcome,
  NewReceivedAs2Message,
  NewSentAs2Message,
  ReceivedAs2Message,
  SentAs2Message,
} from './as2-message-store.js';

const rowId = (direction: 'inbound' | 'outbound', partnerId: string, messageId: string) =>
  createHash('sha256').update(`${direction}\n${partnerId}\n${messageId}`).digest('hex');

const SENT_FIELDS = [
  'partnerId',
  'messageId',
  'transmissionId',
  'fileName',
  'mic',
  'mdnMode',
  'status',
  'disposition',
  'createdAt',
  'dueAt',
] as const;

function sentOf(row: Pick<As2MessageRecord, (typeof SENT_FIELDS)[number]>): SentAs2Message {
  return {
    partnerId: row.partnerId,
    messageId: row.messageId,
    transmissionId: row.transmissionId,
    fileName: row.fileName,
    mic: row.mic,
    mdnMode: row.mdnMode,
    status: row.status,
    disposition: row.disposition,
    createdAt: row.createdAt,
    dueAt: row.dueAt,
  };
}

/** `As2MessageStore` on MikroORM. */
export class OrmAs2MessageStore implements As2MessageStore {
  constructor(private readonly orm: MikroORM) {}

  received(partnerId: string, messageId: string): Promise<ReceivedAs2Message | null> {
    return guard(`reading AS2 message ${messageId}`, async () => {
      const row = await this.orm.em
        .fork()
        .findOne(As2MessageSchema, { id: rowId('inbound', partnerId, messageId) }, { populate: ['mdn'] });
      if (row === null) return null;
      return {
        transmissionId: row.transmissionId,
        disposition: row.disposition,
        mic: row.mic,
        mdnMode: row.mdnMode,
        mdn: row.mdn === null ? null : Buffer.from(row.mdn),
      };
    });
  }

  recordReceived(message: NewReceivedAs2Message): Promise<ReceivedAs2Message> {
    return guard(`recording AS2 message ${message.messageId}`, async () => {
      const em = this.orm.em.fork();
      const id = rowId('inbound', message.partnerId, message.messageId);
      const now = new Date();
      try {
        await em.insert(As2MessageSchema, {
          id,
          direction: 'inbound',
          partnerId: message.partnerId,
          messageId: message.messageId,
          transmissionId: message.transmissionId,
          fileName: null,
          mic: message.mic,
          mdnMode: message.mdnMode,
          status: 'answered',
          disposition: message.disposition,
          mdn: message.mdn,
          createdAt: now,
          dueAt: null,
          settledAt: now,
        });
        return message;
      } catch (error) {
        const first = await this.received(message.partnerId, message.messageId);
        if (first === null) throw error;
        return first;
      }
    });
  }

  sentFile(partnerId: string, fileName: string): Promise<SentAs2Message | null> {
    return guard(`reading the AS2 message of ${fileName}`, async () => {
      const row = await this.orm.em
        .fork()
        .findOne(
          As2MessageSchema,
          { partnerId, fileName, direction: 'outbound' },
          { orderBy: { createdAt: 'desc' }, fields: [...SENT_FIELDS] },
        );
      return row === null ? null : sentOf(row);
    });
  }

  sent(messageId: string): Promise<SentAs2Message | null> {
    return guard(`reading AS2 message ${messageId}`, async () => {
      const row = await this.orm.em
        .fork()
        .findOne(As2MessageSchema, { messageId, direction: 'outbound' }, { fields: [...SENT_FIELDS] });
      return row === null ? null : sentOf(row);
    });
  }

  recordSending(message: NewSentAs2Message): Promise<void> {
    return guard(`recording AS2 message ${message.messageId}`, async () => {
      const em = this.orm.em.fork();
      const id = rowId('outbound', message.partnerId, message.messageId);
      if ((await em.count(As2MessageSchema, { id })) > 0) return;
      await em.insert(As2MessageSchema, {
        id,
        direction: 'outbound',
        ...message,
        status: 'awaiting-mdn',
        disposition: null,
        mdn: null,
        createdAt: new Date(),
        dueAt: null,
        settledAt: null,
      });
    });
  }

  awaitMdn(partnerId: string, messageId: string, dueAt: Date): Promise<void> {
    return guard(`awaiting the MDN of ${messageId}`, async () => {
      await this.orm.em
        .fork()
        .nativeUpdate(
          As2MessageSchema,
          { id: rowId('outbound', partnerId, messageId), status: 'awaiting-mdn' },
          { dueAt, mdnMode: 'async' },
        );
    });
  }

  settle(partnerId: string, messageId: string, outcome: MdnOutcome): Promise<boolean> {
    return guard(`settling AS2 message ${messageId}`, async () => {
      // An MDN that comes after the message was flagged overdue still settles it.
      const changed = await this.orm.em.fork().nativeUpdate(
        As2MessageSchema,
        { id: rowId('outbound', partnerId, messageId), status: { $in: ['awaiting-mdn', 'overdue'] } },
        {
          status: outcome.status,
          disposition: outcome.disposition,
          mdn: outcome.mdn,
          settledAt: outcome.at ?? new Date(),
        },
      );
      return changed > 0;
    });
  }

  pastDue(now: Date, limit: number): Promise<SentAs2Message[]> {
    return guard('listing overdue MDNs', async () => {
      const rows = await this.orm.em
        .fork()
        .find(
          As2MessageSchema,
          { status: 'awaiting-mdn', dueAt: { $lte: now } },
          { orderBy: { dueAt: 'asc' }, limit, fields: [...SENT_FIELDS] },
        );
      return rows.map(sentOf);
    });
  }

  markOverdue(partnerId: string, messageId: string): Promise<boolean> {
    return guard(`flagging the MDN of ${messageId} overdue`, async () => {
      const changed = await this.orm.em
        .fork()
        .nativeUpdate(
          As2MessageSchema,
          { id: rowId('outbound', partnerId, messageId), status: 'awaiting-mdn' },
          { status: 'overdue' },
        );
      return changed > 0;
    });
  }
}
