import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayMetrics, createLogger } from '../../../src/observability/index.js';
import { openQueues, type PipelineQueues } from '../../../src/pipeline/queues.js';
import { createRepositories, type OpenedStore } from '../../../src/store/index.js';
import { seedStats, STATS_NOW } from '../../contracts/transmission-stats-contract.js';
import { REDIS_URL } from '../pipeline/pipeline-harness.js';
import { dropSchemaAndClose, openPostgresStore, randomSchemaName } from '../store/postgres-test-schema.js';
import { captureLines } from '../../unit/observability/capture-stream.js';

const schema = randomSchemaName('metrics');
const prefix = `{edi-metrics-${randomBytes(6).toString('hex')}}`;
let store: OpenedStore;
let redis: Redis;
let queues: PipelineQueues;

beforeAll(async () => {
  store = await openPostgresStore(schema, { poolSize: 2 });
  await seedStats(createRepositories(store.orm));
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  queues = openQueues(redis, prefix);
  await queues.inbound.add('read', { transmissionId: 'a' });
  await queues.inbound.add('read', { transmissionId: 'b' });
  await queues.outbound.add('deliver', { transmissionId: 'c' }, { delay: 60_000 });
  await queues.outbound.add('deliver', { transmissionId: 'd' }, { priority: 10 });
});

afterAll(async () => {
  if (queues !== undefined) {
    for (const queue of [queues.inbound, queues.documents, queues.outbound, queues.polls]) {
      await queue.obliterate({ force: true });
    }
    await queues.close();
  }
  await redis?.quit();
  if (store !== undefined) await dropSchemaAndClose(store);
});

/** The lines of one metric family, without its HELP and TYPE. */
function samples(text: string, name: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .sort();
}

describe('gateway metrics on PostgreSQL and Redis', () => {
  it('computes the gauges from the store and the queues at scrape time', async () => {
    const metrics = createGatewayMetrics({
      stats: createRepositories(store.orm).stats,
      now: () => STATS_NOW,
    });
    metrics.watchQueues([queues.inbound, queues.outbound]);
    const text = await metrics.registry.metrics();

    expect(samples(text, 'edi_transmissions')).toEqual([
      'edi_transmissions{direction="inbound",status="processed",partner="acme"} 1',
      'edi_transmissions{direction="inbound",status="received",partner="unknown"} 2',
      'edi_transmissions{direction="outbound",status="failed",partner="beta"} 1',
      'edi_transmissions{direction="outbound",status="sent",partner="acme"} 1',
    ]);
    expect(samples(text, 'edi_open_exceptions')).toEqual([
      'edi_open_exceptions{kind="ack-overdue"} 1',
      'edi_open_exceptions{kind="price-mismatch"} 2',
    ]);
    expect(samples(text, 'edi_overdue_acknowledgements')).toEqual([
      'edi_overdue_acknowledgements{partner="acme"} 2',
    ]);
    expect(samples(text, 'edi_queue_jobs')).toEqual(
      [
        'edi_queue_jobs{queue="inbound",state="active"} 0',
        'edi_queue_jobs{queue="inbound",state="completed"} 0',
        'edi_queue_jobs{queue="inbound",state="delayed"} 0',
        'edi_queue_jobs{queue="inbound",state="failed"} 0',
        'edi_queue_jobs{queue="inbound",state="prioritized"} 0',
        'edi_queue_jobs{queue="inbound",state="waiting"} 2',
        'edi_queue_jobs{queue="outbound",state="active"} 0',
        'edi_queue_jobs{queue="outbound",state="completed"} 0',
        'edi_queue_jobs{queue="outbound",state="delayed"} 1',
        'edi_queue_jobs{queue="outbound",state="failed"} 0',
        'edi_queue_jobs{queue="outbound",state="prioritized"} 1',
        'edi_queue_jobs{queue="outbound",state="waiting"} 0',
      ].sort(),
    );
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(samples(text, 'edi_metrics_collect_errors_total')).toEqual([]);
  });

  it('follows the store: a transmission stored after a scrape shows in the next one', async () => {
    const metrics = createGatewayMetrics({
      stats: createRepositories(store.orm).stats,
      processMetrics: false,
    });
    const before = samples(await metrics.registry.metrics(), 'edi_transmissions');
    expect(before).toContain('edi_transmissions{direction="inbound",status="received",partner="unknown"} 2');
    await createRepositories(store.orm).transmissions.recordInbound(Buffer.from('late'), { channel: 'cli' });
    const after = samples(await metrics.registry.metrics(), 'edi_transmissions');
    expect(after).toContain('edi_transmissions{direction="inbound",status="received",partner="unknown"} 3');
  });

  it('answers a scrape when the database is down, counting and logging the failed queries', async () => {
    const closed = await openPostgresStore(schema, { poolSize: 1 });
    await closed.close();
    const { stream, lines } = captureLines();
    const logger = createLogger({ level: 'info', destination: stream });
    const metrics = createGatewayMetrics({
      stats: createRepositories(closed.orm).stats,
      logger,
      processMetrics: false,
    });
    metrics.watchQueues([queues.inbound]);

    const first = await metrics.registry.metrics();
    expect(samples(first, 'edi_transmissions')).toEqual([]);
    expect(samples(first, 'edi_queue_jobs')).toContain('edi_queue_jobs{queue="inbound",state="waiting"} 2');
    // The scrape that failed says so itself.
    expect(samples(first, 'edi_metrics_collect_errors_total')).toEqual([
      'edi_metrics_collect_errors_total{source="exceptions"} 1',
      'edi_metrics_collect_errors_total{source="overdue-acknowledgements"} 1',
      'edi_metrics_collect_errors_total{source="transmissions"} 1',
    ]);
    const second = await metrics.registry.metrics();
    expect(samples(second, 'edi_metrics_collect_errors_total')).toEqual([
      'edi_metrics_collect_errors_total{source="exceptions"} 2',
      'edi_metrics_collect_errors_total{source="overdue-acknowledgements"} 2',
      'edi_metrics_collect_errors_total{source="transmissions"} 2',
    ]);
    const errors = lines().filter((line) => line['level'] === 50);
    expect(errors.map((line) => line['source']).sort()).toEqual([
      'exceptions',
      'exceptions',
      'overdue-acknowledgements',
      'overdue-acknowledgements',
      'transmissions',
      'transmissions',
    ]);
    expect(errors[0]).toHaveProperty('err.message');
  });
});
