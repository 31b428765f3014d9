import type { MikroORM } from '@mikro-orm/core';
import { GroupRecordSchema } from '../entities/group-record.js';
import { InterchangeRecordSchema } from '../entities/interchange-record.js';
import { TransactionSetRecordSchema } from '../entities/transaction-set-record.js';
import { guard } from '../store-error.js';
import type {
  EnvelopeIndex,
  IndexedTransactionSet,
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
          if (transactionSets.length === 0) continue;
          // One insert for all the sets of a group (a batch of 100 POs took 100 statements before).
          // SQLite does not return every generated id of a batch, so they are read back: one
          // statement assigns ids in the order of its rows, and the group is new in this transaction.
          await em.insertMany(
            TransactionSetRecordSchema,
            transactionSets.map((set) => ({ ...set, group: groupId })),
          );
          const stored = await em.find(
            TransactionSetRecordSchema,
            { group: groupId },
            { fields: ['id'], orderBy: { id: 'asc' } },
          );
          transactionSetIds.push(...stored.map((set) => set.id));
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

  transactionSetsOf(transmissionId: string, controlNumber: string): Promise<IndexedTransactionSet[]> {
    return guard(`reading the sets of interchange ${controlNumber}`, async () => {
      const sets = await this.orm.em
        .fork()
        .find(
          TransactionSetRecordSchema,
          { group: { interchange: { transmission: transmissionId, controlNumber } } },
          { populate: ['group'], orderBy: { id: 'asc' } },
        );
      return sets.map((set) => ({
        id: set.id,
        groupControlNumber: set.group.controlNumber,
        controlNumber: set.controlNumber,
      }));
    });
  }

  countFor(transmissionId: string): Promise<number> {
    return guard(`counting the interchanges of transmission ${transmissionId}`, () =>
      this.orm.em.fork().count(InterchangeRecordSchema, { transmission: transmissionId }),
    );
  }
}
