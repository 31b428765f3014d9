import { raw, type EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { TransmissionEventSchema, TransmissionSchema } from '../store/index.js';
import type { KpiQuery } from './kpi-query.js';
import { storedInstant } from './stored-instant.js';

/** Both store drivers are SQL ones; the core's EntityManager type just does not say so. */
export const sqlEm = (em: EntityManager): SqlEntityManager => em as unknown as SqlEntityManager;

/**
 * When each outbound transmission stored since `query.from` (for `query.partnerId` when given)
 * was first sent, from its appended status history: the status column only says where it stands
 * now (`acknowledged` overwrites `sent`). Transmissions never sent are absent from the map.
 *
 * Every transmission a report's facts point to (our 997/999s, 855s and their batches, 856s and
 * 810s, groups awaiting the partner's 997) is stored after the fact it answers, which lies at or
 * after `from`: so one grouped query over that window finds them all, whatever their derived ids.
 * It has no upper bound, as what answers a fact in the range may be sent after `to`.
 */
export async function firstSentTimes(em: EntityManager, query: KpiQuery): Promise<Map<string, Date>> {
  const sql = sqlEm(em);
  // Only inbound transmissions are never `sent`: without a partner, the events alone suffice,
  // which spares PostgreSQL a scan of the transmissions.
  const ofPartner =
    query.partnerId === undefined
      ? {}
      : {
          // The SQL drivers take a query builder wherever `$in` takes a list (a sub-query); the
          // filter's type only knows lists.
          transmission: {
            $in: sql
              .createQueryBuilder(TransmissionSchema, 't')
              .select('t.id')
              .where({ partnerId: query.partnerId, direction: 'outbound', receivedAt: { $gte: query.from } })
              .getKnexQuery() as unknown as string[],
          },
        };
  const rows = await sql
    .createQueryBuilder(TransmissionEventSchema, 'e')
    .select(['e.transmission', raw('min(e.at) as first_sent')])
    .where({ status: 'sent', at: { $gte: query.from }, ...ofPartner })
    .groupBy('e.transmission')
    .execute<{ transmission: string; first_sent: unknown }[]>('all');
  return new Map(rows.map((row) => [row.transmission, storedInstant(row.first_sent)]));
}
