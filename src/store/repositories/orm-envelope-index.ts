import type { MikroORM } from '@mikro-orm/core';
import { GroupRecordSchema } from '../entities/group-record.js';
import { InterchangeRecordSchema } from '../entities/interchange-record.js';
import { TransactionSetRecordSchema } from '../entities/transaction-set-record.js';
import { guard } from '../store-error.js';
import type {
  EnvelopeIndex,
  InterchangeEntry,
  OriginalInterchange,
  RecordedInterchange,
} from './envelope-index.js';

/** `EnvelopeIndex` on MikroORM. */
export class OrmEnvelopeIndex implements EnvelopeIndex {
  constructor(private readonly orm: MikroORM) {}

  recordInterchange(entry: InterchangeEntry): Promise<RecordedInterchange> {
    const doing = `indexing interchange ${entry.controlNumber} from ${entry.sender.id}`;
    return guard(doing, () =>
      this.orm.em.fork().transactional(async (em) => {
        const id = await em.insert(InterchangeRecordSchema, {
          transmission: entry.transmissionId,
          direction: entry.direction,
          partnerId: entry.partnerId,
          senderQualifier: entry.sender.qualifier,
          senderId: entry.sender.id,
          receiverQualifier: entry.receiver.qualifier,
          receiverId: entry.receiver.id,
          controlNumber: entry.controlNumber,
          version: entry.version,
          usage: entry.usage,
          ackRequested: entry.ackRequested,
          outcome: entry.outcome,
        });
        const transactionSetIds: number[] = [];
        for (const group of entry.groups) {
          const { transactionSets, ...header } = group;
          const groupId = await em.insert(GroupRecordSchema, { ...header, interchange: id });
          // One insert per set rather than a batch: a batch does not return every generated id on SQLite.
          for (const set of transactionSets) {
            transactionSetIds.push(await em.insert(TransactionSetRecordSchema, { ...set, group: groupId }));
          }
        }
        return { id, transactionSetIds };
      }),
    );
  }

  findInbound(
    partnerId: string,
    senderId: string,
    controlNumber: string,
  ): Promise<OriginalInterchange | null> {
    return guard(`looking up interchange ${controlNumber} from ${senderId}`, async () => {
      const found = await this.orm.em
        .fork()
        .findOne(
          InterchangeRecordSchema,
          { direction: 'inbound', partnerId, senderId, controlNumber, supersededAt: null },
          { populate: ['transmission'] },
        );
      if (found === null) return null;
      return {
        id: found.id,
        transmissionId: found.transmission.id,
        receivedAt: found.transmission.receivedAt,
      };
    });
  }

  supersedeInbound(id: number, at: Date): Promise<boolean> {
    return guard(`superseding interchange record ${id}`, async () => {
      const changed = await this.orm.em
        .fork()
        .nativeUpdate(InterchangeRecordSchema, { id, supersededAt: null }, { supersededAt: at });
      return changed > 0;
    });
  }

  countFor(transmissionId: string): Promise<number> {
    return guard(`counting the interchanges of transmission ${transmissionId}`, () =>
      this.orm.em.fork().count(InterchangeRecordSchema, { transmission: transmissionId }),
    );
  }
}
