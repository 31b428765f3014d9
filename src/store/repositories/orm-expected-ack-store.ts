import type { FilterQuery, MikroORM } from '@mikro-orm/core';
import { isGatewayError } from '../../errors/index.js';
import { ExpectedAckRecordSchema, type ExpectedAckRecord } from '../entities/expected-ack-record.js';
import { guard } from '../store-error.js';
import type {
  AckAnswer,
  ExpectedAckFilter,
  ExpectedAckKey,
  ExpectedAckStore,
  NewExpectedAck,
  StoredExpectedAck,
} from './expected-ack-store.js';

const WAITING: ExpectedAckRecord['status'][] = ['pending', 'overdue'];

/** `ExpectedAckStore` on MikroORM; answers and overdue marks are conditional updates. */
export class OrmExpectedAckStore implements ExpectedAckStore {
  constructor(private readonly orm: MikroORM) {}

  async expect(expectation: NewExpectedAck): Promise<boolean> {
    const doing = `expecting an acknowledgement of group ${expectation.groupControlNumber} in transmission ${expectation.outboundTransmissionId}`;
    try {
      await guard(doing, () =>
        this.orm.em.fork().insert(ExpectedAckRecordSchema, {
          ...expectation,
          status: 'pending',
          groupStatusCode: null,
          answeredByTransmissionId: null,
          answeredByDocumentId: null,
          answeredAt: null,
          setOutcomes: null,
        }),
      );
      return true;
    } catch (error) {
      // Recorded by an earlier or overlapping run of the job that sent the group.
      if (isGatewayError(error) && error.code === 'duplicate') return false;
      throw error;
    }
  }

  get(key: ExpectedAckKey): Promise<StoredExpectedAck | null> {
    return guard(`reading the expected acknowledgement of ${describe(key)}`, async () => {
      const row = await this.orm.em.fork().findOne(ExpectedAckRecordSchema, keyOf(key));
      return row === null ? null : toStored(row);
    });
  }

  forGroup(
    partnerId: string,
    functionalId: string,
    groupControlNumber: string,
  ): Promise<StoredExpectedAck[]> {
    return guard(`finding the ${functionalId} group ${groupControlNumber} sent to ${partnerId}`, async () => {
      const rows = await this.orm.em
        .fork()
        .find(
          ExpectedAckRecordSchema,
          { partnerId, functionalId, groupControlNumber },
          { orderBy: [{ sentAt: 'desc' }, { outboundTransmissionId: 'desc' }] },
        );
      return rows.map(toStored);
    });
  }

  answeredBy(documentId: string): Promise<StoredExpectedAck[]> {
    return guard(`finding the groups document ${documentId} acknowledged`, async () => {
      const rows = await this.orm.em
        .fork()
        .find(ExpectedAckRecordSchema, { answeredByDocumentId: documentId }, { orderBy: { sentAt: 'desc' } });
      return rows.map(toStored);
    });
  }

  answer(key: ExpectedAckKey, answer: AckAnswer): Promise<boolean> {
    return guard(`recording the acknowledgement of ${describe(key)}`, async () => {
      const changed = await this.orm.em.fork().nativeUpdate(
        ExpectedAckRecordSchema,
        { ...keyOf(key), status: { $in: WAITING } },
        {
          status: answer.status,
          groupStatusCode: answer.groupStatusCode,
          answeredByTransmissionId: answer.transmissionId,
          answeredByDocumentId: answer.documentId,
          answeredAt: answer.at,
          setOutcomes: answer.setOutcomes,
        },
      );
      return changed > 0;
    });
  }

  pastDue(now: Date, limit = 500): Promise<StoredExpectedAck[]> {
    return guard('finding acknowledgements past due', async () => {
      const rows = await this.orm.em
        .fork()
        .find(
          ExpectedAckRecordSchema,
          { status: 'pending', dueAt: { $lte: now } },
          { orderBy: [{ dueAt: 'asc' }, { outboundTransmissionId: 'asc' }], limit },
        );
      return rows.map(toStored);
    });
  }

  markOverdue(key: ExpectedAckKey): Promise<boolean> {
    return guard(`marking the acknowledgement of ${describe(key)} overdue`, async () => {
      const changed = await this.orm.em
        .fork()
        .nativeUpdate(ExpectedAckRecordSchema, { ...keyOf(key), status: 'pending' }, { status: 'overdue' });
      return changed > 0;
    });
  }

  list(filter: ExpectedAckFilter = {}): Promise<StoredExpectedAck[]> {
    return guard('listing expected acknowledgements', async () => {
      const where: FilterQuery<ExpectedAckRecord> = {};
      if (filter.partnerId !== undefined) where.partnerId = filter.partnerId;
      if (filter.status !== undefined) where.status = filter.status;
      if (filter.outboundTransmissionId !== undefined)
        where.outboundTransmissionId = filter.outboundTransmissionId;
      const rows = await this.orm.em.fork().find(ExpectedAckRecordSchema, where, {
        orderBy: [{ sentAt: 'desc' }, { outboundTransmissionId: 'desc' }],
        limit: filter.limit ?? 100,
      });
      return rows.map(toStored);
    });
  }
}

// Callers may pass a whole stored row as the key; only the key columns go into the query.
const keyOf = (key: ExpectedAckKey): ExpectedAckKey => ({
  outboundTransmissionId: key.outboundTransmissionId,
  groupControlNumber: key.groupControlNumber,
});

const describe = (key: ExpectedAckKey): string =>
  `group ${key.groupControlNumber} of transmission ${key.outboundTransmissionId}`;

function toStored(row: ExpectedAckRecord): StoredExpectedAck {
  return {
    outboundTransmissionId: row.outboundTransmissionId,
    groupControlNumber: row.groupControlNumber,
    partnerId: row.partnerId,
    functionalId: row.functionalId,
    interchangeControlNumber: row.interchangeControlNumber,
    transactionSets: row.transactionSets,
    sentAt: row.sentAt,
    dueAt: row.dueAt,
    status: row.status,
    groupStatusCode: row.groupStatusCode,
    answeredByTransmissionId: row.answeredByTransmissionId,
    answeredByDocumentId: row.answeredByDocumentId,
    answeredAt: row.answeredAt,
    setOutcomes: row.setOutcomes,
  };
}
