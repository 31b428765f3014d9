import type { FilterQuery, MikroORM } from '@mikro-orm/core';
import { GatewayError, isGatewayError } from '../../errors/index.js';
import { ExceptionRecordSchema, type ExceptionRecord } from '../entities/exception-record.js';
import { guard, storeError } from '../store-error.js';
import { storableJson, storableText } from '../storable-text.js';
import type { ExceptionFilter, ExceptionStore, RaisedException, StoredException } from './exception-store.js';

/** `ExceptionStore` on MikroORM; the partial unique index keeps one open row per subject and kind. */
export class OrmExceptionStore implements ExceptionStore {
  constructor(private readonly orm: MikroORM) {}

  async raise(exception: RaisedException): Promise<number> {
    const key = { subjectType: exception.subjectType, subjectId: exception.subjectId, kind: exception.kind };
    const doing = `raising ${exception.kind} on ${exception.subjectType} ${exception.subjectId}`;
    for (let attempt = 0; ; attempt++) {
      const open = await guard(doing, () =>
        this.orm.em.fork().findOne(ExceptionRecordSchema, { ...key, status: 'open' }),
      );
      if (open !== null) return open.id;
      try {
        return await guard(doing, async () => {
          const id = await this.orm.em.fork().insert(ExceptionRecordSchema, {
            ...key,
            partnerId: exception.partnerId,
            status: 'open',
            message: storableText(exception.message),
            details: exception.details === undefined ? null : storableJson(exception.details),
            createdAt: exception.at ?? new Date(),
            resolvedAt: null,
            resolvedBy: null,
            resolution: null,
          });
          return Number(id);
        });
      } catch (error) {
        // Raised by someone else between the read and the insert: theirs is the open one.
        if (attempt > 0 || !isGatewayError(error) || error.code !== 'duplicate') throw error;
      }
    }
  }

  resolve(
    id: number,
    by: string,
    resolution: Record<string, unknown>,
    at = new Date(),
  ): Promise<StoredException> {
    return guard(`resolving exception ${id}`, async () => {
      const em = this.orm.em.fork();
      const changed = await em.nativeUpdate(
        ExceptionRecordSchema,
        { id, status: 'open' },
        { status: 'resolved', resolvedAt: at, resolvedBy: by, resolution },
      );
      const row = await em.findOne(ExceptionRecordSchema, { id });
      if (row === null) throw storeError('not-found', `exception ${id} does not exist`, true, undefined, 404);
      if (changed === 0) {
        throw new GatewayError(
          'conflict',
          `exception ${id} was already resolved by ${row.resolvedBy ?? 'someone'}`,
          { permanent: true, status: 409 },
        );
      }
      return toStored(row);
    });
  }

  get(id: number): Promise<StoredException | null> {
    return guard(`reading exception ${id}`, async () => {
      const row = await this.orm.em.fork().findOne(ExceptionRecordSchema, { id });
      return row === null ? null : toStored(row);
    });
  }

  list(filter: ExceptionFilter = {}): Promise<StoredException[]> {
    return guard('listing exceptions', async () => {
      const where: FilterQuery<ExceptionRecord> = {};
      if (filter.status !== undefined) where.status = filter.status;
      if (filter.partnerId !== undefined) where.partnerId = filter.partnerId;
      if (filter.subjectType !== undefined) where.subjectType = filter.subjectType;
      if (filter.subjectId !== undefined) where.subjectId = filter.subjectId;
      if (filter.kind !== undefined) where.kind = filter.kind;
      const rows = await this.orm.em
        .fork()
        .find(ExceptionRecordSchema, where, { orderBy: { id: 'desc' }, limit: filter.limit ?? 100 });
      return rows.map(toStored);
    });
  }
}

function toStored(row: ExceptionRecord): StoredException {
  return {
    id: row.id,
    partnerId: row.partnerId,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    kind: row.kind,
    status: row.status,
    message: row.message,
    details: row.details,
    createdAt: row.createdAt,
    resolvedAt: row.resolvedAt,
    resolvedBy: row.resolvedBy,
    resolution: row.resolution,
  };
}
