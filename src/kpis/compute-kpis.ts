import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { toStoreError } from '../store/index.js';
import { loadOurAckFacts, loadPartnerAckFacts } from './ack-facts.js';
import { validateKpiQuery, type KpiQuery } from './kpi-query.js';
import type { KpiReport } from './kpi-report.js';
import { kpiRows } from './kpi-rows.js';
import { loadOrderFacts } from './order-facts.js';
import { firstSentTimes } from './sent-times.js';

/** Where the facts are read: the store's ORM (a fresh entity manager is forked) or one given. */
export type KpiDeps = { orm: MikroORM; now?: () => Date } | { em: EntityManager; now?: () => Date };

/**
 * Computes the KPIs of every partner (or `query.partnerId`) per period bucket of `[from, to)`
 * from what is stored: order, line and document rows, transmission status histories, expected
 * acknowledgements and exceptions. Reads only; runs the same on PostgreSQL and libsql.
 * Throws a {@link KpiError} (400) for a query it cannot answer.
 *
 * @example
 * const report = await computeKpis(
 *   { from: new Date('2026-01-01'), to: new Date('2026-02-01'), period: 'week', partnerId: 'acme' },
 *   { orm: store.orm },
 * );
 * report.rows[0]?.fillRate; // '0.7500'
 */
export async function computeKpis(query: KpiQuery, deps: KpiDeps): Promise<KpiReport> {
  validateKpiQuery(query);
  // Entities read here are never changed: a fork keeps them out of any caller's identity map.
  const em = 'em' in deps ? deps.em.fork() : deps.orm.em.fork();
  const generatedAt = deps.now?.() ?? new Date();
  let facts;
  try {
    // Independent reads: PostgreSQL answers them on separate pooled connections at once.
    const sent = firstSentTimes(em, query);
    // Handled by whichever loader awaits it; this only keeps an early failure elsewhere from
    // leaving its rejection unobserved.
    sent.catch(() => undefined);
    const [orders, ourAcks, partnerAcks] = await Promise.all([
      loadOrderFacts(em, query, sent),
      loadOurAckFacts(em, query, sent),
      loadPartnerAckFacts(em, query, sent),
    ]);
    facts = { orders, ourAcks, partnerAcks };
  } catch (error) {
    throw toStoreError(error, 'reading the facts for the KPI report');
  }
  return {
    from: query.from.toISOString(),
    to: query.to.toISOString(),
    period: query.period,
    ...(query.partnerId === undefined ? {} : { partnerId: query.partnerId }),
    generatedAt: generatedAt.toISOString(),
    rows: kpiRows(facts, query, generatedAt),
  };
}
