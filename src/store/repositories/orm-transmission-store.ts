import { createHash, randomUUID } from 'node:crypto';
import { raw, type EntityManager, type FilterQuery, type MikroORM } from '@mikro-orm/core';
import { TransmissionEventSchema } from '../entities/transmission-event.js';
import { TransmissionSchema, type Transmission, type TransmissionStatus } from '../entities/transmission.js';
import { isGatewayError } from '../../errors/index.js';
import { guard, storeError } from '../store-error.js';
import { PostgresStatusChange, type StatusChange } from './postgres-status-change.js';
import type {
  InboundMeta,
  OnceInboundMeta,
  OnceOutcome,
  OutboundMeta,
  TransmissionContent,
  TransmissionDetail,
  TransmissionFilter,
  TransmissionStore,
  TransmissionSummary,
  WaitingQuery,
  WaitingTransmission,
} from './transmission-store.js';
import { referenceConditions } from './transmission-reference-filter.js';
import { storableText } from '../storable-text.js';

/** The columns a caller decides when a transmission is first stored; the rest follow from the bytes. */
type NewTransmission = Pick<
  Transmission,
  'id' | 'direction' | 'partnerId' | 'channel' | 'sourceRef' | 'receivedAt' | 'status'
> &
  Partial<Pick<Transmission, 'intakeKey' | 'sourcePath'>>;

const ERROR_STATUSES: ReadonlySet<TransmissionStatus> = new Set(['failed', 'rejected']);
// Delivered in the end: the last error is history now (the status history keeps it).
const SETTLED_STATUSES: ReadonlySet<TransmissionStatus> = new Set(['sent', 'acknowledged']);

/** `TransmissionStore` on MikroORM, for PostgreSQL and libsql alike. */
export class OrmTransmissionStore implements TransmissionStore {
  private readonly statusChange: PostgresStatusChange | undefined;

  constructor(private readonly orm: MikroORM) {
    this.statusChange = PostgresStatusChange.for(orm);
  }

  recordInbound(bytes: Uint8Array, meta: InboundMeta): Promise<string> {
    return this.insert('storing an inbound transmission', bytes, inboundRow(meta));
  }

  async recordInboundOnce(bytes: Uint8Array, meta: OnceInboundMeta): Promise<OnceOutcome> {
    const intakeKey = hashIntakeKey(meta.intakeKey);
    try {
      const row = { ...inboundRow(meta), intakeKey };
      const id = await this.insert('storing an inbound transmission', bytes, row);
      return { id, duplicate: false, sha256: sha256Of(bytes) };
    } catch (error) {
      if (!isGatewayError(error) || error.code !== 'duplicate') throw error;
    }
    const first = await guard('finding the transmission of an intake key', () =>
      this.orm.em.fork().findOne(TransmissionSchema, { intakeKey }),
    );
    // Released between our insert and this read: the first intake is complete, so ours was a
    // duplicate of a file that has just left the inbox; let the caller take it again next time.
    if (first === null) throw storeError('store-failed', 'an intake key was released while in use', false);
    return { id: first.id, duplicate: true, sha256: first.sha256 };
  }

  releaseIntakeKey(id: string): Promise<void> {
    return guard(`releasing the intake key of transmission ${id}`, async () => {
      await this.orm.em.fork().nativeUpdate(TransmissionSchema, { id }, { intakeKey: null });
    });
  }

  recordOutbound(bytes: Uint8Array, meta: OutboundMeta): Promise<string> {
    const id = meta.id ?? randomUUID();
    return this.insert(`storing outbound transmission ${id}`, bytes, {
      id,
      direction: 'outbound',
      partnerId: meta.partnerId,
      channel: meta.channel,
      sourceRef: meta.sourceRef,
      receivedAt: meta.createdAt ?? new Date(),
      status: 'processed',
    });
  }

  setStatus(id: string, status: TransmissionStatus, text: string | null = null): Promise<void> {
    const message = text === null ? null : storableText(text);
    const change: StatusChange = {
      status,
      attempt: status === 'processing',
      lastError: ERROR_STATUSES.has(status) ? message : SETTLED_STATUSES.has(status) ? null : undefined,
      message,
      at: new Date(),
    };
    return guard(`setting transmission ${id} to ${status}`, async () => {
      const changed =
        this.statusChange === undefined
          ? await this.orm.em.fork().transactional((em) => changeInTransaction(em, id, change))
          : await this.statusChange.run(id, change);
      if (!changed) throw notFound(id);
    });
  }

  setPartner(id: string, partnerId: string): Promise<void> {
    return guard(`naming the partner of transmission ${id}`, async () => {
      const updated = await this.orm.em.fork().nativeUpdate(TransmissionSchema, { id }, { partnerId });
      if (updated === 0) throw notFound(id);
    });
  }

  findBySha256(sha256: string): Promise<TransmissionSummary[]> {
    return this.summaries('finding transmissions by sha256', { sha256: sha256.toLowerCase() });
  }

  list(filter: TransmissionFilter = {}): Promise<TransmissionSummary[]> {
    return guard('listing transmissions', async () => {
      const em = this.orm.em.fork();
      const rows = await em.find(TransmissionSchema, listWhere(em, filter), {
        orderBy: [{ receivedAt: 'desc' }, { id: 'asc' }],
        limit: filter.limit ?? 100,
      });
      return rows.map(toSummary);
    });
  }

  waitingSince(query: WaitingQuery): Promise<WaitingTransmission[]> {
    return guard(`finding ${query.direction} transmissions waiting in ${query.status}`, async () => {
      const em = this.orm.em.fork();
      const rows = await em.find(
        TransmissionSchema,
        { status: query.status, direction: query.direction },
        { orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }], limit: 10_000 },
      );
      if (rows.length === 0) return [];
      const events = await em.find(
        TransmissionEventSchema,
        { transmission: { $in: rows.map((row) => row.id) } },
        { fields: ['at', 'transmission'] },
      );
      const seen = new Map<string, { last: Date; count: number }>();
      for (const event of events) {
        const id = event.transmission.id;
        const entry = seen.get(id) ?? { last: event.at, count: 0 };
        seen.set(id, { last: event.at > entry.last ? event.at : entry.last, count: entry.count + 1 });
      }
      return rows
        .map((row) => {
          const history = seen.get(row.id) ?? { last: row.receivedAt, count: 0 };
          return { ...toSummary(row), statusSince: history.last, historyLength: history.count };
        })
        .filter((row) => row.statusSince.getTime() <= query.changedBefore.getTime())
        .sort((a, b) => a.statusSince.getTime() - b.statusSince.getTime() || a.id.localeCompare(b.id))
        .slice(0, query.limit ?? 1000);
    });
  }

  read(id: string): Promise<TransmissionContent | null> {
    return guard(`reading transmission ${id}`, async () => {
      if (!isTransmissionId(id)) return null;
      const found = await this.orm.em.fork().findOne(TransmissionSchema, { id }, { populate: ['payload'] });
      if (found === null) return null;
      return { ...toSummary(found), payload: found.payload === null ? null : Buffer.from(found.payload) };
    });
  }

  summary(id: string): Promise<TransmissionSummary | null> {
    return guard(`reading transmission ${id}`, async () => {
      if (!isTransmissionId(id)) return null;
      // The payload is lazy: left out unless populated.
      const found = await this.orm.em.fork().findOne(TransmissionSchema, { id });
      return found === null ? null : toSummary(found);
    });
  }

  get(id: string): Promise<TransmissionDetail | null> {
    return guard(`reading transmission ${id}`, async () => {
      if (!isTransmissionId(id)) return null;
      const em = this.orm.em.fork();
      const found = await em.findOne(TransmissionSchema, { id }, { populate: ['payload'] });
      if (found === null) return null;
      const events = await em.find(
        TransmissionEventSchema,
        { transmission: id },
        { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
      );
      return {
        ...toSummary(found),
        payload: found.payload === null ? null : Buffer.from(found.payload),
        history: events.map((e) => ({ at: e.at, status: e.status, message: e.message })),
      };
    });
  }

  private insert(doing: string, bytes: Uint8Array, row: NewTransmission): Promise<string> {
    // Copied so that a caller reusing its buffer cannot change what is stored.
    const payload = Buffer.from(bytes);
    const sha256 = sha256Of(payload);
    return guard(doing, () =>
      this.orm.em.fork().transactional(async (em) => {
        await em.insert(TransmissionSchema, {
          ...row,
          payload,
          archiveRef: null,
          sha256,
          size: payload.length,
          attempts: 0,
          lastError: null,
          intakeKey: row.intakeKey ?? null,
          sourcePath: row.sourcePath ?? null,
        });
        await em.insert(TransmissionEventSchema, {
          transmission: row.id,
          at: row.receivedAt,
          status: row.status,
          message: null,
        });
        return row.id;
      }),
    );
  }

  private summaries(
    doing: string,
    where: FilterQuery<Transmission>,
    limit?: number,
  ): Promise<TransmissionSummary[]> {
    return guard(doing, async () => {
      const em: EntityManager = this.orm.em.fork();
      const rows = await em.find(TransmissionSchema, where, {
        orderBy: [{ receivedAt: 'desc' }, { id: 'asc' }],
        ...(limit === undefined ? {} : { limit }),
      });
      return rows.map(toSummary);
    });
  }
}

function inboundRow(meta: InboundMeta): NewTransmission {
  return {
    id: randomUUID(),
    direction: 'inbound',
    partnerId: meta.partnerId ?? null,
    channel: meta.channel,
    sourceRef: meta.sourceRef ?? null,
    sourcePath: meta.sourcePath ?? null,
    receivedAt: meta.receivedAt ?? new Date(),
    status: 'received',
  };
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

// Hashed: a remote path can be longer than an index entry may be, and the key is only compared.
function hashIntakeKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

function toSummary(t: Transmission): TransmissionSummary {
  return {
    id: t.id,
    direction: t.direction,
    partnerId: t.partnerId,
    channel: t.channel,
    sha256: t.sha256,
    size: t.size,
    sourceRef: t.sourceRef,
    sourcePath: t.sourcePath,
    archiveRef: t.archiveRef,
    receivedAt: t.receivedAt,
    status: t.status,
    attempts: t.attempts,
    lastError: t.lastError,
  };
}

async function changeInTransaction(em: EntityManager, id: string, change: StatusChange): Promise<boolean> {
  const changes: Record<string, unknown> = { status: change.status };
  // Counted in the same statement so that two workers never lose an increment.
  if (change.attempt) changes['attempts'] = raw('attempts + 1');
  if (change.lastError !== undefined) changes['lastError'] = change.lastError;
  if ((await em.nativeUpdate(TransmissionSchema, { id }, changes)) === 0) return false;
  const { status, message, at } = change;
  await em.insert(TransmissionEventSchema, { transmission: id, at, status, message });
  return true;
}

function notFound(id: string) {
  return storeError('not-found', `transmission ${id} does not exist`, true, undefined, 404);
}

function listWhere(em: EntityManager, filter: TransmissionFilter): FilterQuery<Transmission> {
  const and: FilterQuery<Transmission>[] = [];
  if (filter.status !== undefined) and.push({ status: filter.status });
  if (filter.partnerId !== undefined) and.push({ partnerId: filter.partnerId });
  if (filter.direction !== undefined) and.push({ direction: filter.direction });
  if (filter.receivedBefore !== undefined) and.push({ receivedAt: { $lt: filter.receivedBefore } });
  if (filter.receivedFrom !== undefined) and.push({ receivedAt: { $gte: filter.receivedFrom } });
  if (filter.receivedTo !== undefined) and.push({ receivedAt: { $lt: filter.receivedTo } });
  const cursor = filter.before;
  if (cursor !== undefined) {
    // The list runs newest first, ties by id: what follows the cursor is older, or as old with a later id.
    and.push({
      $or: [
        { receivedAt: { $lt: cursor.receivedAt } },
        { receivedAt: cursor.receivedAt, id: { $gt: cursor.id } },
      ],
    });
  }
  and.push(...referenceConditions(em, filter));
  return and.length === 0 ? {} : { $and: and };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether `id` can be a transmission's id (a UUID). PostgreSQL refuses to compare a uuid column
 * with anything else, which would turn `show 42` into a store failure instead of "no such
 * transmission".
 */
function isTransmissionId(id: string): boolean {
  return UUID.test(id);
}
