import { raw, type MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { ExceptionRecordSchema } from '../entities/exception-record.js';
import { ExpectedAckRecordSchema } from '../entities/expected-ack-record.js';
import { TransmissionSchema } from '../entities/transmission.js';
import { guard } from '../store-error.js';
import type {
  OpenExceptionCount,
  OverdueAckCount,
  PartnerActivity,
  TransmissionCount,
  TransmissionStats,
} from './transmission-stats.js';

// A raw fragment: given as a string, the query builder would quote `count(*)` as a column name.
const count = (): string => raw('count(*) as count');

/**
 * `TransmissionStats` on MikroORM's query builder: grouped counts, the same SQL on PostgreSQL
 * and libsql. PostgreSQL returns `count(*)` as a string (it is a bigint), libsql as a number.
 */
export class OrmTransmissionStats implements TransmissionStats {
  constructor(private readonly orm: MikroORM) {}

  countByDirectionStatusPartner(): Promise<TransmissionCount[]> {
    return guard('counting transmissions', async () => {
      const rows = await this.em()
        .createQueryBuilder(TransmissionSchema, 't')
        .select(['t.direction', 't.status', 't.partnerId', count()])
        .groupBy(['t.direction', 't.status', 't.partnerId'])
        .execute<{ direction: string; status: string; partnerId: string | null; count: unknown }[]>('all');
      return rows.map((row) => ({
        direction: row.direction as TransmissionCount['direction'],
        status: row.status as TransmissionCount['status'],
        partnerId: row.partnerId,
        count: Number(row.count),
      }));
    });
  }

  countOpenExceptionsByKind(): Promise<OpenExceptionCount[]> {
    return guard('counting open exceptions', async () => {
      const rows = await this.em()
        .createQueryBuilder(ExceptionRecordSchema, 'e')
        .select(['e.kind', count()])
        .where({ status: 'open' })
        .groupBy('e.kind')
        .execute<{ kind: string; count: unknown }[]>('all');
      return rows.map((row) => ({ kind: row.kind, count: Number(row.count) }));
    });
  }

  countOverdueAcknowledgements(now: Date): Promise<OverdueAckCount[]> {
    return guard('counting overdue acknowledgements', async () => {
      const rows = await this.em()
        .createQueryBuilder(ExpectedAckRecordSchema, 'a')
        .select(['a.partnerId', count()])
        .where({ $or: [{ status: 'overdue' }, { status: 'pending', dueAt: { $lte: now } }] })
        .groupBy('a.partnerId')
        .execute<{ partnerId: string; count: unknown }[]>('all');
      return rows.map((row) => ({ partnerId: row.partnerId, count: Number(row.count) }));
    });
  }

  partnerActivity(partnerIds: readonly string[], since: Date): Promise<PartnerActivity[]> {
    return guard('reading partner activity', async () => {
      // The last file each way, one indexed lookup per partner and direction (the partner's
      // newest rows first): a grouped max() over the whole table grows with it.
      const lastOf = async (partnerId: string, direction: 'inbound' | 'outbound') => {
        const row = await this.em()
          .createQueryBuilder(TransmissionSchema, 't')
          .select(['t.receivedAt'])
          .where({ partnerId, direction })
          .orderBy({ receivedAt: 'desc' })
          .limit(1)
          .execute<{ receivedAt: unknown } | undefined>('get');
        return toDate(row?.receivedAt);
      };
      const recent =
        partnerIds.length === 0
          ? []
          : await this.em()
              .createQueryBuilder(TransmissionSchema, 't')
              .select(['t.partnerId', 't.status', count()])
              .where({ partnerId: { $in: [...partnerIds] }, receivedAt: { $gte: since } })
              .groupBy(['t.partnerId', 't.status'])
              .execute<{ partnerId: string; status: string; count: unknown }[]>('all');
      return Promise.all(
        partnerIds.map(async (partnerId) => {
          const [lastInboundAt, lastOutboundAt] = await Promise.all([
            lastOf(partnerId, 'inbound'),
            lastOf(partnerId, 'outbound'),
          ]);
          const rows = recent.filter((row) => row.partnerId === partnerId);
          const total = (statuses?: readonly string[]) =>
            rows
              .filter((row) => statuses === undefined || statuses.includes(row.status))
              .reduce((sum, row) => sum + Number(row.count), 0);
          return {
            partnerId,
            lastInboundAt,
            lastOutboundAt,
            recent: total(),
            recentFailed: total(['failed', 'rejected']),
          };
        }),
      );
    });
  }

  // Both drivers are SQL ones; the core's EntityManager type just does not say so.
  private em(): SqlEntityManager {
    return this.orm.em.fork() as unknown as SqlEntityManager;
  }
}

/** A `max()` of a datetime column: a Date from PostgreSQL, a number or text from libsql. */
function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'number' || typeof value === 'string') return new Date(value);
  return null;
}
