import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { TransmissionStats } from '../store/index.js';
import type { Logger } from './logger.js';
import { registerQueueGauge, type CountedQueue } from './queue-gauge.js';
import { registerStoreGauges, type CollectContext } from './store-gauges.js';

/** How a job ended: `failed` is a permanent error (never retried), `gave-up` is retries spent. */
export type JobOutcome = 'completed' | 'failed' | 'retried' | 'gave-up';

export interface GatewayMetricsDeps {
  /** The store's counts behind the transmission, exception and overdue gauges. */
  stats?: TransmissionStats;
  /** Where a failed scrape-time query is reported. */
  logger?: Logger;
  /** The clock deciding what is overdue. Default: the system clock. */
  now?: () => Date;
  /** Process metrics (CPU, memory, event loop). Default true. */
  processMetrics?: boolean;
}

export interface GatewayMetrics {
  /** This gateway's own registry: several gateways (or tests) in one process do not clash. */
  readonly registry: Registry;
  readonly jobDuration: Histogram<'queue' | 'outcome'>;
  readonly jobs: Counter<'queue' | 'outcome'>;
  readonly intakeBytes: Counter<'partner' | 'channel'>;
  readonly deliveries: Counter<'partner' | 'channel' | 'outcome'>;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
  readonly collectErrors: Counter<'source'>;
  /** Adds queues to `edi_queue_jobs`; the pipeline calls it with its queues once they are open. */
  watchQueues(queues: readonly CountedQueue[]): void;
}

/**
 * The gateway's Prometheus metrics. Gauges of stored state (transmissions, open exceptions,
 * overdue acknowledgements, queue depths) are computed at scrape time from the database and
 * Redis; a source that cannot answer leaves its gauge empty, counts
 * `edi_metrics_collect_errors_total{source}` and is logged, and the rest of the scrape answers.
 *
 * @example
 * const metrics = createGatewayMetrics({ stats: createRepositories(store.orm).stats, logger });
 * metrics.jobs.inc({ queue: 'inbound', outcome: 'completed' });
 * const text = await metrics.registry.metrics();
 */
export function createGatewayMetrics(deps: GatewayMetricsDeps = {}): GatewayMetrics {
  const registry = new Registry();
  if (deps.processMetrics !== false) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const running = new Set<Promise<void>>();
  const context: CollectContext = {
    failed: (source, error) => {
      collectErrors.inc({ source });
      deps.logger?.error({ err: error, source }, `metrics: counting ${source} failed`);
    },
    track: (collection) => {
      const run = collection().finally(() => running.delete(run));
      running.add(run);
      return run;
    },
  };
  if (deps.stats !== undefined) {
    registerStoreGauges(registry, deps.stats, deps.now ?? (() => new Date()), context);
  }
  const queues = registerQueueGauge(registry, context);
  // Registered after the gauges, whose collections have started when it is read: waiting for
  // them makes a scrape report its own failures, not only the earlier ones.
  const collectErrors = new Counter({
    name: 'edi_metrics_collect_errors_total',
    help: 'Scrape-time queries that failed, by source; their gauges were left empty.',
    labelNames: ['source'] as const,
    registers,
    async collect() {
      await Promise.allSettled([...running]);
    },
  });
  return {
    registry,
    collectErrors,
    watchQueues: queues.watch,
    jobDuration: new Histogram({
      name: 'edi_job_duration_seconds',
      help: 'How long a job ran, by queue and outcome.',
      labelNames: ['queue', 'outcome'] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers,
    }),
    jobs: new Counter({
      name: 'edi_jobs_total',
      help: 'Job runs by queue and outcome (completed, failed, retried, gave-up).',
      labelNames: ['queue', 'outcome'] as const,
      registers,
    }),
    intakeBytes: new Counter({
      name: 'edi_intake_bytes_total',
      help: 'Bytes stored as inbound transmissions, by partner and channel.',
      labelNames: ['partner', 'channel'] as const,
      registers,
    }),
    deliveries: new Counter({
      name: 'edi_deliveries_total',
      help: 'Delivery attempts of outbound transmissions, by partner, channel and outcome.',
      labelNames: ['partner', 'channel', 'outcome'] as const,
      registers,
    }),
    httpRequests: new Counter({
      name: 'edi_http_requests_total',
      help: 'HTTP requests answered, by method, matched route and status.',
      labelNames: ['method', 'route', 'status'] as const,
      registers,
    }),
    httpRequestDuration: new Histogram({
      name: 'edi_http_request_duration_seconds',
      help: 'How long HTTP requests took, by method, matched route and status.',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
  };
}
